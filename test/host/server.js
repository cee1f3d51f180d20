// Starts VS Code's server (from the provisioned code-server) on 127.0.0.1 and a free port.
'use strict';
const { spawn } = require('node:child_process');
const { cpSync, createWriteStream, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server and resolves once it serves the web UI. The server runs in its own
 * process group so that stop() ends it and every extension host it started.
 */
async function startServer(host, { logFile, port: wanted, disableWorkspaceTrust = true, graceSeconds = 5, timeoutMs = 60_000, extensionsDir, testExtensions = [] } = {}) {
  const port = wanted ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'growth-vscode-data-'));
  // Test-only extensions (a folder with a package.json each) installed as a user's are, beside ours in
  // development mode: the workbench's payload takes one development path, the last one given.
  for (const folder of testExtensions) {
    const { publisher, name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    cpSync(folder, join(extensionsDir ?? join(dataDir, 'extensions'), `${publisher}.${name}-${version}`), { recursive: true });
  }
  const args = [
    host.serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--disable-telemetry', '--server-data-dir', dataDir,
    // With installed extensions the server runs as a user's does. The smoke-test driver, which the
    // payload's development keys need, also keeps every notification out of sight: tests only.
    ...(extensionsDir ? ['--extensions-dir', extensionsDir] : ['--enable-smoke-test-driver']),
    // A closed page's extension host ends at once instead of waiting hours for a reconnect.
    '--reconnection-grace-time', String(graceSeconds),
    ...(disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
  ];
  const child = spawn(host.node, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, VSCODE_TELEMETRY_LEVEL: 'off' } });
  const log = logFile ? createWriteStream(logFile) : undefined;
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code's server did not start within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      log?.write(text);
      if (output.length < 100_000) output += text;
      if (/Web UI available at|Extension host agent listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code's server exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    log?.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (e) {
    stop();
    throw e;
  }
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, stop, output: () => output };
}

/**
 * The workbench URL that opens a folder or workspace: with `extensionPath`, the extension in
 * development mode (the server needs the smoke-test driver); without, the installed extensions.
 */
function workbenchUrl(server, { extensionPath, folder, workspace, testsPath, theme }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const params = new URLSearchParams();
  if (workspace) params.set('workspace', workspace);
  else if (folder) params.set('folder', folder);
  if (extensionPath) {
    const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
    if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
    params.set('payload', JSON.stringify(payload));
  }
  if (theme) params.set('theme', theme);
  return `${server.url}/?${params}`;
}

/** The test-only extension that provides a scripted language model (test/host/lm-test-model). */
const TEST_MODEL_EXTENSION = join(__dirname, 'lm-test-model');

module.exports = { startServer, workbenchUrl, TEST_MODEL_EXTENSION };
