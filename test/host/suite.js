// Runs a suite (an extensionTestsPath module with run()) in the workbench of a running VS Code
// server, relays its output, and resolves with its exit code.
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { format } = require('node:util');
const { join } = require('node:path');
const { workbenchUrl } = require('./server');

const root = join(__dirname, '..', '..');
const results = join(root, 'test-results');
// A suite's first line: "Integration tests in VS Code 1.139.1 (…)", "Bench in VS Code …".
const SUITE_BANNER = /^[A-Z][\w ]* in VS Code \d/;
// Fires only when something hangs: a suite on a busy machine takes minutes, not a quarter of an hour.
const SUITE_TIMEOUT_MS = Number(process.env.GROWTH_SUITE_TIMEOUT_MS ?? 900_000);

/** `name` labels the failure screenshot and the workbench log in test-results/. */
async function runSuite(browser, server, { workspace, testsPath, name }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  // The workbench logs start-up and gallery noise (the machine is offline) before the suite
  // starts: relay from the suite's first line on, and keep the rest in the workbench log.
  let relaying = false;
  const workbenchLog = [];
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (SUITE_BANNER.test(line)) relaying = true;
    if (relaying && /^\w+: \d+ passed, \d+ failed$/.test(line)) console.log(line);
    else if (relaying && !/^\[(lifecycle|Service Worker)\]/.test(line)) console.log(`  ${line}`);
    else workbenchLog.push(`[${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  await page.goto(workbenchUrl(server, { extensionPath: root, workspace: workspace.workspaceFile, testsPath }));
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)));
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (code !== 0) {
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, `${name}-failure.png`) }).catch(() => {});
    writeFileSync(join(results, `${name}-workbench.log`), workbenchLog.join('\n'));
    if (!relaying) console.error(workbenchLog.slice(-30).join('\n'));
  }
  await page.close().catch(() => {});
  if (code === 'timeout') {
    console.error(`[host] ${name} did not finish within ${SUITE_TIMEOUT_MS / 1000} s.`);
    return 1;
  }
  return code;
}

module.exports = { runSuite };
