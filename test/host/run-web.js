// `npm run test:integration`: runs the integration suite inside VS Code's extension host,
// served by the offline VS Code server and opened in headless Chromium, then the UI check.
// Exits with the suite's code; always ends the server and the browser.
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { format } = require('node:util');
const { join } = require('node:path');
const { provision } = require('./provision');
const { startServer, workbenchUrl } = require('./server');
const { launchChromium } = require('./chromium');
const { makeWorkspace } = require('./workspace');
const { runUiCheck } = require('./ui-check');

const root = join(__dirname, '..', '..');
const results = join(root, 'test-results');
const SUITE_BANNER = 'Integration tests in VS Code';
const SUITE_TIMEOUT_MS = Number(process.env.GROWTH_SUITE_TIMEOUT_MS ?? 300_000);

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

/** Loads the suite in the workbench and resolves with its exit code. */
async function runSuite(browser, server, workspace) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  // The workbench logs start-up and gallery noise (the machine is offline) before the suite
  // starts: relay from the suite's first line on, and keep the rest in the workbench log.
  let relaying = false;
  const workbenchLog = [];
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (line.startsWith(SUITE_BANNER)) relaying = true;
    if (relaying && /^integration: \d+ passed, \d+ failed$/.test(line)) console.log(line);
    else if (relaying && !/^\[(lifecycle|Service Worker)\]/.test(line)) console.log(`  ${line}`);
    else workbenchLog.push(`[${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  const url = workbenchUrl(server, {
    extensionPath: root,
    workspace: workspace.workspaceFile,
    testsPath: join(root, 'out', 'test', 'integration', 'index'),
  });
  // A loaded machine serves the workbench slowly: wait for it rather than fail at the default 30 s.
  await page.goto(url, { timeout: 180_000 });
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS));
  const code = await Promise.race([exited, timeout]);
  if (code !== 0) {
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, 'integration-failure.png') }).catch(() => {});
    writeFileSync(join(results, 'workbench.log'), workbenchLog.join('\n'));
    if (!relaying) console.error(workbenchLog.slice(-30).join('\n'));
  }
  await page.close().catch(() => {});
  if (code === 'timeout') {
    console.error(`[host] The suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s.`);
    return 1;
  }
  return code;
}

async function main() {
  const host = await provision();
  // The extension and the suite, so this script also runs on its own after a fresh clone.
  for (const args of [[], ['--tests']]) execFileSync(process.execPath, [join(root, 'esbuild.js'), ...args], { cwd: root, stdio: 'inherit' });
  mkdirSync(results, { recursive: true });
  const serverLog = join(results, 'vscode-server.log');
  const server = await startServer(host, { logFile: serverLog });
  cleanups.push(() => server.stop());
  const browser = await launchChromium();
  cleanups.push(() => browser.close().catch(() => {}));
  const workspace = makeWorkspace();
  cleanups.push(() => rmSync(workspace.root, { recursive: true, force: true }));

  console.log(`[host] VS Code server on ${server.url}; running the integration suite…`);
  const code = await runSuite(browser, server, workspace);
  if (code !== 0) {
    console.error(`[host] Integration tests failed (exit ${code}). Screenshot and server log: ${results}/`);
    return code;
  }
  console.log('[host] Integration suite passed. UI check…');
  server.stop();
  const uiCode = await runUiCheck(browser, { extensionPath: root, results, host });
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
