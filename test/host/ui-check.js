// Looks at the extension the way a person does: opens the workbench in headless Chromium,
// clicks the Growth activity-bar entry, checks what is on screen by accessible names, and
// saves screenshots in each theme under test-results/.
'use strict';
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { workbenchUrl } = require('./server');
const { makeWorkspace } = require('./workspace');
const { demoJournal } = require('./demo-journal');

/** Runs a command from the palette by its title, the way a person does. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Picks the first item of the quick pick that is open now. */
async function acceptFirstPick(page) {
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

const THEMES = [
  ['dark', 'Default Dark Modern'],
  ['light', 'Default Light Modern'],
];

async function openWorkbench(browser, server, { extensionPath, theme, journal }) {
  const workspace = makeWorkspace({ journal, theme });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(workbenchUrl(server, { extensionPath, workspace: workspace.workspaceFile }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { page, workspace };
}

/** Each check takes the page with the Growth view open and throws with a clear message when what a person should see is missing. */
const checks = [
  async function dimensionShowsItsExpectations(page) {
    await page.getByRole('treeitem', { name: /^Technical Depth:/ }).click();
    await page.getByRole('treeitem', { name: /^Expectations/ }).click();
    await page.getByRole('treeitem', { name: 'Deep technical expertise across multiple domains.' }).waitFor({ timeout: 10_000 });
    await page.getByRole('treeitem', { name: /^Evidence/ }).click();
    await page.getByRole('treeitem', { name: /^Rejected JWTs signed with alg/ }).first().waitFor({ timeout: 10_000 });
  },
];

async function runUiCheck(browser, server, { extensionPath, results }) {
  for (const [label, theme] of THEMES) {
    const { page, workspace } = await openWorkbench(browser, server, { extensionPath, theme, journal: demoJournal() });
    try {
      const growth = page.getByRole('tab', { name: /^Growth/ });
      await growth.waitFor({ timeout: 60_000 });
      await growth.click();
      await page.getByRole('tree', { name: /Rubric/ }).waitFor({ timeout: 30_000 });
      for (const check of checks) await check(page);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(results, `growth-view-${label}.png`) });
      console.log(`[ui] ${label}: Growth view shown; screenshot test-results/growth-view-${label}.png`);
      await runCommand(page, 'Growth Journal: Generate Quarterly Summary');
      await acceptFirstPick(page); // this quarter
      await acceptFirstPick(page); // leave private entries out
      await page.getByRole('tab', { name: /^Preview Q?\d{4}-Q\d/ }).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(2500);
      await page.screenshot({ path: join(results, `summary-preview-${label}.png`) });
      console.log(`[ui] ${label}: summary written and previewed; screenshot test-results/summary-preview-${label}.png`);
    } catch (e) {
      await page.screenshot({ path: join(results, `ui-failure-${label}.png`) }).catch(() => {});
      console.error(`[ui] ${label}: ${e.message.split('\n')[0]}`);
      return 1;
    } finally {
      await page.close().catch(() => {});
      rmSync(workspace.root, { recursive: true, force: true });
    }
  }
  return 0;
}

module.exports = { runUiCheck, openWorkbench };
