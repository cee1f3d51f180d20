// `npm run test:electron` (or VSCODE_TEST_HOST=electron npm test): the same integration suite in
// desktop VS Code through @vscode/test-electron, on the minimum engines.vscode version and on
// stable. It downloads VS Code, so it needs a network, and a display (run it under xvfb-run on Linux CI).
'use strict';
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { makeWorkspace } = require('./workspace');
const { TEST_MODEL_EXTENSION } = require('./server');
const { engines } = require('../../package.json');

const root = join(__dirname, '..', '..');
const minimum = engines.vscode.replace(/^[^\d]*/, '');
const versions = (process.env.VSCODE_TEST_VERSIONS ?? `${minimum},stable`).split(',');

async function main() {
  execFileSync(process.execPath, [join(root, 'esbuild.js'), '--tests'], { cwd: root, stdio: 'inherit' });
  for (const version of versions) {
    const workspace = makeWorkspace();
    try {
      console.log(`[electron] VS Code ${version}`);
      await runTests({
        version,
        // The scripted language model loads beside the extension, for the self-review draft's tests.
        extensionDevelopmentPath: [root, TEST_MODEL_EXTENSION],
        extensionTestsPath: join(root, 'out', 'test', 'integration', 'index'),
        launchArgs: [workspace.workspaceFile, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
    } finally {
      rmSync(workspace.root, { recursive: true, force: true });
    }
  }
}

main().catch((e) => {
  console.error(`[electron] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
