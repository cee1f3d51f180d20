// The extension as a user gets it: the packaged .vsix, installed into an extensions folder of
// VS Code's server. Packaged again only when the files that go into it change.
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');
const cacheDir = join(root, '.vscode-test', 'vsix');
/** What the package is made from: the sources the build reads and the files it ships. */
const INPUTS = ['package.json', 'package-lock.json', '.vscodeignore', 'esbuild.js', 'tsconfig.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'src', 'media', 'rubric'];

function files(path) {
  if (!existsSync(path)) return [];
  return statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((name) => files(join(path, name))) : [path];
}

/** A fingerprint of every input's path and bytes. */
function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(root, input)))) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The path of a .vsix built from the current sources: the cached one, or a new one (`vsce package`). */
function packagedExtension(log = console.log) {
  const vsix = join(cacheDir, `growth-journal-${inputsHash()}.vsix`);
  if (existsSync(vsix)) return vsix;
  log('Packaging the extension (the sources changed since the last package)…');
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/** Installs the .vsix into a fresh extensions folder of the provisioned server, and returns that folder. */
function installExtension(host, vsix, extensionsDir) {
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  execFileSync(host.node, [host.serverMain, '--accept-server-license-terms', '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!readdirSync(extensionsDir).some((name) => name.startsWith('growth-journal.growth-journal-'))) throw new Error(`Installing ${vsix} left no extension in ${extensionsDir}.`);
  return extensionsDir;
}

module.exports = { packagedExtension, installExtension };
