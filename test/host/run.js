// Picks the integration host: the offline web host by default, test-electron with VSCODE_TEST_HOST=electron.
'use strict';
const host = process.env.VSCODE_TEST_HOST ?? 'web';
if (host === 'electron') require('./run-electron');
else if (host === 'web') require('./run-web');
else {
  console.error(`VSCODE_TEST_HOST must be "web" or "electron", not "${host}".`);
  process.exit(2);
}
