// Finds a Chromium or Chrome to drive, and launches it headless with playwright-core.
// Order: CHROME_PATH, a system Chrome or Chromium, then the Chromium that the npm package
// @sparticuz/chromium ships (unpacked once under .vscode-test/), so Node and npm are enough.
'use strict';
const { existsSync, mkdirSync, renameSync, rmSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..', '..');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function systemChromium() {
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // not on PATH; try the next name
    }
  }
  return undefined;
}

/** The headless Chromium inside the npm package, unpacked to a cache folder of its own version. */
async function npmChromium() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No Chrome or Chromium found, and the one from npm (@sparticuz/chromium) is for linux-x64 only: install Chrome or set CHROME_PATH.`);
  }
  // The package's folder: the nearest above its entry point that holds its package.json.
  let packageDir = dirname(require.resolve('@sparticuz/chromium'));
  while (!existsSync(join(packageDir, 'bin', 'chromium.br'))) {
    if (dirname(packageDir) === packageDir) throw new Error('The npm package @sparticuz/chromium has no bin/chromium.br: run npm ci again.');
    packageDir = dirname(packageDir);
  }
  const { version } = require(join(packageDir, 'package.json'));
  const dest = join(root, '.vscode-test', `chromium-${version}`);
  const binary = join(dest, 'chromium');
  if (existsSync(binary)) return binary;
  // The package unpacks into os.tmpdir(): point that at a staging folder, then move it in
  // whole, so a run that stops half-way or a second run at the same time never sees half a browser.
  const staging = `${dest}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    // executablePath() inflates the browser, its fonts and libraries into os.tmpdir().
    const { default: sparticuz } = await import('@sparticuz/chromium');
    await sparticuz.executablePath(join(packageDir, 'bin'));
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  try {
    renameSync(staging, dest);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another run got there first
  }
  console.log(`[host] Using the headless Chromium ${version} from npm (@sparticuz/chromium), unpacked in ${dest}`);
  return binary;
}

async function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist: unset it to use the Chromium from npm.`);
  }
  return systemChromium() ?? npmChromium();
}

// The machine's network is closed: these flags stop Chromium from calling home at start-up.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: await findChromium(), headless: true, args: ARGS });
}

module.exports = { findChromium, launchChromium };
