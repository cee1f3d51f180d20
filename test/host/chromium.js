// Finds a Chromium or Chrome to drive, and launches it headless with playwright-core.
'use strict';
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error('No Chromium or Chrome found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
}

// The machine's network is closed: these flags stop Chromium from calling home at start-up.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: findChromium(), headless: true, args: ARGS });
}

module.exports = { findChromium, launchChromium };
