// `npm run demo`: VS Code with Growth Journal installed from its packaged .vsix, as a user gets
// it, on a demo workspace (two git repositories and a journal of about 30 entries over two
// quarters that cite the repositories' real commits). Prints the URL to open in a browser and
// where the workspace is, and runs until Ctrl-C. The extension opens its walkthrough on its
// first activation. `npm run demo -- --keep` keeps the workspace (and what you did in it) on exit.
'use strict';
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { provision } = require('./provision');
const { startServer, workbenchUrl } = require('./server');
const { makeWorkspace } = require('./workspace');
const { demoJournal } = require('./demo-journal');
const { installExtension, packagedExtension } = require('./vsix');

const root = join(__dirname, '..', '..');

async function main() {
  const host = await provision();
  const vsix = packagedExtension((line) => console.log(`[demo] ${line}`));
  console.log(`[demo] Installing ${vsix}…`);
  const extensionsDir = installExtension(host, vsix, join(root, '.vscode-test', 'demo-extensions'));
  const workspace = makeWorkspace({ journal: demoJournal, prefix: 'growth-demo-' });
  // A person may reload the page or lose the connection: keep the extension host for a while.
  // No smoke-test driver: notifications show as toasts, as they do for a user.
  const server = await startServer(host, { port: Number(process.env.GROWTH_DEMO_PORT) || undefined, graceSeconds: 3600, extensionsDir });
  const keep = process.argv.includes('--keep');
  const stop = () => {
    server.stop();
    if (keep) console.log(`[demo] Kept the demo workspace: ${workspace.root}`);
    else {
      rmSync(workspace.root, { recursive: true, force: true });
      console.log(`[demo] Deleted the demo workspace ${workspace.root} (run \`npm run demo -- --keep\` to keep it).`);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.log('\n[demo] Stopping.');
      stop();
      process.exit(0);
    });
  }
  const url = workbenchUrl(server, { workspace: workspace.workspaceFile });
  console.log(`[demo] Demo workspace: ${workspace.root} (${keep ? 'kept on exit' : 'deleted on exit; `npm run demo -- --keep` keeps it'})`);
  console.log('[demo] Open this URL in Chromium or Chrome (the Growth icon is in the activity bar):');
  console.log(`\n${url}\n`);
  console.log('[demo] Press Ctrl-C to stop.');
}

main().catch((e) => {
  console.error(`[demo] ${e.message}`);
  process.exit(1);
});
