// `npm run bench`'s row measured inside VS Code: starts the current VS Code host in headless
// Chromium with bench/host/responsiveness as its extensionTestsPath, which writes
// test-results/responsiveness.json. Exits with the run's code.
'use strict';
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { provision, HOSTS } = require('./provision');
const { startServer } = require('./server');
const { launchChromium } = require('./chromium');
const { makeWorkspace } = require('./workspace');
const { runSuite } = require('./suite');

const root = join(__dirname, '..', '..');

async function main() {
  const host = await provision(HOSTS.current);
  for (const args of [[], ['--tests']]) execFileSync(process.execPath, [join(root, 'esbuild.js'), ...args], { cwd: root, stdio: 'ignore' });
  const server = await startServer(host);
  // The row times this extension: other work on the same thread (Git's status and ignore checks
  // after an 18 MB file appears, npm's search for scripts to offer as tasks, the scan for ports
  // to forward, each spawning a process from a large heap) is switched off, as it would pause the
  // thread with or without Growth Journal. The port scan needs its source set too: code-server
  // provides tunnels, and with a tunnel provider VS Code scans processes whatever
  // remote.autoForwardPorts says, every two seconds (reading /proc and spawning).
  const workspace = makeWorkspace({ settings: { 'git.enabled': false, 'npm.autoDetect': 'off', 'remote.autoForwardPorts': false, 'remote.autoForwardPortsSource': 'output' } });
  let browser;
  try {
    browser = await launchChromium();
    return await runSuite(browser, server, { workspace, testsPath: join(root, 'out', 'bench', 'responsiveness'), name: 'bench' });
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[bench] ${e.message}`);
    process.exit(1);
  },
);
