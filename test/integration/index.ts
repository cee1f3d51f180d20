// Entry point the extension host loads (extensionTestsPath): runs every suite, resolves on success.
import * as vscode from 'vscode';
import { mocha } from './mochaGlobals';
import './activation.test';
import './tree.test';
import './tagging.test';
import './entries.test';
import './summary.test';
import './scale.test';
import './compare.test';
import './ladder.test';
import './firstTenMinutes.test';
import './writes.test';

export function run(): Promise<void> {
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
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
