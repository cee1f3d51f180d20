// Entry point the extension host loads (extensionTestsPath): runs every *.test.js bundled beside
// it (esbuild.js bundles each test/integration/*.test.ts on its own), resolves on success.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
  // Generous timeouts: they fire when something is broken, not when the machine is busy.
  // GROWTH_TEST_GREP (a regular expression) runs only the matching tests, while working on some.
  const grep = process.env.GROWTH_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000, slow: 5_000, ...(grep ? { grep } : {}) });
  // Sorted by name, so activation.test runs first, before anything else activates the extension.
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A run that executes no test is a broken run, not a green one.
      const total = mocha.suite.total();
      console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (total === 0) reject(new Error('No integration tests ran.'));
      else if (failures > 0) reject(new Error(`${failures} of ${total} integration tests failed.`));
      else resolve();
    });
  });
}
