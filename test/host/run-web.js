// `npm run test:integration`: runs the integration suite inside VS Code's extension host, on the
// oldest VS Code engines.vscode accepts and on the current one,
// served by the offline VS Code server and opened in headless Chromium, then the UI check.
// Exits with the suite's code; always ends the server and the browser.
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { provision, HOSTS } = require('./provision');
const { startServer, TEST_MODEL_EXTENSION } = require('./server');
const { launchChromium } = require('./chromium');
const { makeWorkspace } = require('./workspace');
const { runUiCheck } = require('./ui-check');
const { runSuite } = require('./suite');

const root = join(__dirname, '..', '..');
const results = join(root, 'test-results');

const cleanups = [];
function cleanup() {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      // best effort: keep ending the rest
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[host] ${signal}: stopping VS Code and the browser.`);
    cleanup();
    process.exit(130);
  });
}
process.on('exit', cleanup);

/** Which hosts run the suite: GROWTH_VSCODE=minimum or =current runs one; both by default. */
function hostsToRun() {
  const names = (process.env.GROWTH_VSCODE ?? 'minimum,current').split(',').map((name) => name.trim());
  for (const name of names) if (!HOSTS[name]) throw new Error(`GROWTH_VSCODE names "${name}"; use ${Object.keys(HOSTS).join(', ')}.`);
  return names.map((name) => HOSTS[name]);
}

/** Runs the integration suite on one VS Code version, with a server, a workspace and a log of its own. */
async function runSuiteOn(browser, host) {
  // The scripted language model is installed beside the extension, for the self-review draft's tests.
  const server = await startServer(host, { logFile: join(results, `vscode-server-${host.vscode}.log`), testExtensions: [TEST_MODEL_EXTENSION] });
  const workspace = makeWorkspace();
  try {
    console.log(`[host] VS Code ${host.vscode} server on ${server.url}; running the integration suite…`);
    const code = await runSuite(browser, server, { workspace, testsPath: join(root, 'out', 'test', 'integration', 'index'), name: `integration-${host.vscode}` });
    if (code === 0) console.log(`[host] VS Code ${host.vscode}: integration suite passed.`);
    else console.error(`[host] VS Code ${host.vscode}: integration tests failed (exit ${code}). Screenshot and logs: ${results}/`);
    return code;
  } finally {
    server.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  }
}

async function main() {
  const hosts = hostsToRun();
  const provisioned = [];
  for (const host of hosts) provisioned.push(await provision(host));
  // The extension and the suite, so this script also runs on its own after a fresh clone.
  for (const args of [[], ['--tests']]) execFileSync(process.execPath, [join(root, 'esbuild.js'), ...args], { cwd: root, stdio: 'inherit' });
  mkdirSync(results, { recursive: true });
  const browser = await launchChromium();
  cleanups.push(() => browser.close().catch(() => {}));

  const failed = [];
  for (const host of provisioned) if ((await runSuiteOn(browser, host)) !== 0) failed.push(host.vscode);
  if (failed.length) {
    console.error(`[host] The integration suite failed on VS Code ${failed.join(' and ')}.`);
    return 1;
  }
  console.log(`[host] Integration suite passed on VS Code ${provisioned.map((h) => h.vscode).join(' and ')}.`);
  // The UI check looks at the current VS Code: what people see today.
  const current = provisioned.find((h) => h.vscode === HOSTS.current.vscode);
  if (!current) return 0;
  console.log(`[host] UI check on VS Code ${current.vscode}…`);
  const uiCode = await runUiCheck(browser, { extensionPath: root, results, host: current });
  if (uiCode !== 0) console.error(`[host] UI check failed. Screenshots and server log: ${results}/`);
  return uiCode;
}

main()
  .then((code) => {
    cleanup();
    process.exit(code);
  })
  .catch((e) => {
    console.error(`[host] ${e.message}`);
    cleanup();
    process.exit(1);
  });
