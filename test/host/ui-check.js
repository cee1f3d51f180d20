// Looks at the extension the way a person does: opens the workbench in headless Chromium,
// clicks the Growth activity-bar entry, checks what is on screen by accessible names, and
// saves screenshots in each theme under test-results/.
'use strict';
const { copyFileSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { startServer, workbenchUrl } = require('./server');
const { makeWorkspace } = require('./workspace');
const { demoJournal } = require('./demo-journal');

const readmeScreenshots = join(__dirname, '..', '..', 'media', 'screenshots');

/**
 * Saves a screenshot in test-results/ and, with GROWTH_SCREENSHOTS=update (`npm run screenshots`),
 * the README's copy under media/screenshots/. Only on request: the demo journal is dated from
 * today, so every run would otherwise change the committed images.
 */
async function screenshot(page, results, name, readmeName) {
  await page.screenshot({ path: join(results, name) });
  if (readmeName && process.env.GROWTH_SCREENSHOTS === 'update') {
    mkdirSync(readmeScreenshots, { recursive: true });
    copyFileSync(join(results, name), join(readmeScreenshots, readmeName));
    console.log(`[ui] README screenshot media/screenshots/${readmeName} updated`);
  }
}

/** Runs a command from the palette by its title, the way a person does. */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; attempt < 5 && !(await input.isVisible()); attempt++) {
    // A focused webview keeps F1 to itself: give the focus back to the workbench first.
    if (attempt > 0) await page.locator('.part.sidebar .title-label').first().click().catch(() => undefined);
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
  await input.fill(`>${title}`);
  // The row whose label is the title, not whatever else the filter matched first.
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) }).first();
  await row.click();
}

/** Picks the first item of the quick pick that is open now. */
async function acceptFirstPick(page) {
  // The list is ready for Enter once its first row has the focus.
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').first().waitFor();
  await page.keyboard.press('Enter');
}

// [label, theme setting, theme picked in the palette when the setting alone does not take, and the workbench's class for it]
const THEMES = [
  ['dark', 'Default Dark Modern'],
  ['light', 'Default Light Modern'],
  ['high-contrast', 'Default High Contrast', 'Dark High Contrast', 'hc-black'],
];

/** Picks a color theme in the palette and waits until the workbench wears its class (e.g. hc-black). */
async function pickColorTheme(page, name, workbenchClass) {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
  await row.click();
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor();
}

/** The first frame (a webview's content) in which `selector` matches, polled until `what` shows or a generous deadline passes. */
async function frameWith(page, selector, what) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not render.`);
}

/** The frame that holds the comparison webview's content, once it has rendered its table. */
function compareFrame(page) {
  return frameWith(page, 'main#app table', "The Compare Levels panel's table");
}

async function openCompare(page) {
  const tab = page.getByRole('tab', { name: /^Compare Levels/ });
  for (let attempt = 0; attempt < 3 && !(await tab.isVisible()); attempt++) {
    await runCommand(page, 'Growth Journal: Compare Levels');
    await tab.waitFor().catch(() => undefined);
  }
  return compareFrame(page);
}

async function openWorkbench(browser, server, { extensionPath, theme, journal, files, waitForGrowth = true }) {
  const workspace = makeWorkspace({ journal, theme, files });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Every wait below is for something a person would see; it fires only when that never comes.
  page.setDefaultTimeout(60_000);
  await page.goto(workbenchUrl(server, { extensionPath, workspace: workspace.workspaceFile }));
  await page.locator('.monaco-workbench').waitFor();
  // The Growth entry in the activity bar means the extension's contributions are registered.
  if (waitForGrowth) await page.getByRole('tab', { name: /^Growth/ }).waitFor();
  return { page, workspace };
}

/**
 * Opens a workbench on a server of its own, runs `body` on it and always closes both; a failure
 * leaves a screenshot and one line. A fresh server per page keeps one page's extension host
 * from slowing the next one's start.
 */
async function onWorkbench(browser, { extensionPath, results, host }, name, workbench, body) {
  const server = await startServer(host, { disableWorkspaceTrust: workbench.trusted !== false });
  const { page, workspace } = await openWorkbench(browser, server, { extensionPath, ...workbench }).catch((e) => {
    server.stop();
    throw e;
  });
  try {
    await body(page);
    return 0;
  } catch (e) {
    await page.screenshot({ path: join(results, `ui-failure-${name}.png`) }).catch(() => {});
    console.error(`[ui] ${name}: ${e.message.split('\n')[0]}`);
    return 1;
  } finally {
    await page.close().catch(() => {});
    server.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  }
}

/** Each check takes the page with the Growth view open and throws with a clear message when what a person should see is missing. */
const checks = [
  async function dimensionShowsItsExpectations(page) {
    await page.getByRole('treeitem', { name: /^Technical Depth:/ }).click();
    await page.getByRole('treeitem', { name: /^Expectations/ }).click();
    await page.getByRole('treeitem', { name: 'Deep technical expertise across multiple domains.' }).waitFor();
    await page.getByRole('treeitem', { name: /^Evidence/ }).click();
    await page.getByRole('treeitem', { name: /^Rejected JWTs signed with alg/ }).first().waitFor();
  },
];

// Text that would run if anything parsed it as HTML or as a template.
const PAYLOADS = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', 'javascript:alert(3)', "{{constructor.constructor('alert(4)')()}}", '${alert(5)}', '<svg onload=console.error("INJECTED")>'];

/** The comparison with a rubric and a journal full of markup: it must show as literal text, and nothing may run. */
async function injectionCheck(browser, options) {
  const quote = (s) => JSON.stringify(s);
  const rubric = [
    `id: evil`,
    `name: ${quote(`Ladder ${PAYLOADS[0]}`)}`,
    'levels:',
    `  - { id: a, name: ${quote(PAYLOADS[1])} }`,
    `  - { id: b, name: ${quote('Level B')} }`,
    'groups:',
    `  - id: g`,
    `    name: ${quote(PAYLOADS[4])}`,
    '    dimensions:',
    ...PAYLOADS.map((p, i) => `      - id: d${i}\n        name: ${quote(`Dim ${p}`)}\n        expectations: { a: [${quote(p)}], b: [${quote(`${p} again.`)}] }`),
  ].join('\n');
  const today = new Date().toISOString().slice(0, 10);
  const journal = ['version: 1', 'rubric: evil.rubric.yaml', 'profile: { currentLevel: a, targetLevel: b }', 'entries:', ...PAYLOADS.map((p, i) => `  - id: e${i}\n    date: ${today}\n    kind: note\n    title: ${quote(p)}\n    dimensions: [d${i}]\n    level: b`)].join('\n') + '\n';
  return onWorkbench(browser, options, 'injection', { theme: 'Default Dark Modern', journal, files: { 'app/evil.rubric.yaml': rubric } }, async (page) => {
    const ran = [];
    page.on('dialog', (dialog) => {
      ran.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (msg) => /INJECTED/.test(msg.text()) && ran.push(`console: ${msg.text()}`));
    const frame = await openCompare(page);
    await frame.getByRole('heading', { name: `Compare levels: Ladder ${PAYLOADS[0]}` }).waitFor();
    for (const [i, p] of PAYLOADS.entries()) {
      await frame.getByRole('rowheader', { name: `Dim ${p}` }).waitFor();
      await frame.getByRole('button', { name: new RegExp(`^Dim ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 entry`) }).click();
      await frame.getByRole('button', { name: p, exact: true }).waitFor();
      if (i === 0 && (await frame.locator('img').count()) > 0) ran.push('an <img> element was created');
    }
    await page.screenshot({ path: join(options.results, 'compare-injection.png') });
    if (ran.length) throw new Error(`injected markup ran: ${ran.join('; ')}`);
    console.log('[ui] injection: markup, script tags, javascript: URLs and template text show as literal text; nothing ran');
  });
}

/** After Reload Window the comparison comes back in the mode it was left in (serializer and setState). */
async function restoreCheck(browser, options) {
  return onWorkbench(browser, options, 'restore', { theme: 'Default Dark Modern', journal: demoJournal() }, async (page) => {
    const before = await openCompare(page);
    await before.getByRole('radio', { name: /Changes from the level below/ }).check();
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor();
    const restored = await compareFrame(page);
    if (!(await restored.getByRole('radio', { name: /Changes from the level below/ }).isChecked())) throw new Error('The comparison did not restore its mode after a reload.');
    console.log('[ui] restore: after Reload Window the comparison came back in Changes mode');
  });
}

/** Restricted Mode: the rubric tree still works, read-only; tagging says why it cannot run. */
async function restrictedCheck(browser, options) {
  return onWorkbench(browser, options, 'restricted', { theme: 'Default Dark Modern', journal: demoJournal(), waitForGrowth: false, trusted: false }, async (page) => {
      // Depending on the build the workbench asks first, or opens in Restricted Mode directly.
      const dontTrust = page.getByRole('button', { name: /No, I don't trust the authors/ });
      const restricted = page.locator('.part.statusbar, .part.banner').getByText(/Restricted Mode/).first();
      await dontTrust.or(restricted).first().waitFor();
      if (await dontTrust.isVisible()) await dontTrust.click();
      await restricted.waitFor();
      const growth = page.getByRole('tab', { name: /^Growth/ });
      await growth.waitFor();
      await growth.click();
      await page.getByRole('treeitem', { name: /^Technical Depth:/ }).waitFor();
      await runCommand(page, 'Growth Journal: Tag Last Commit as Evidence');
      await page.getByText(/tags evidence only in a trusted workspace/).first().waitFor();
      await page.screenshot({ path: join(options.results, 'restricted-mode.png') });
      console.log('[ui] restricted: the tree works read-only and tagging explains that the workspace must be trusted');
  });
}

async function runUiCheck(browser, options) {
  for (const check of [checkThemes, injectionCheck, restoreCheck, restrictedCheck]) {
    const code = await check(browser, options);
    if (code !== 0) return code;
  }
  return 0;
}

async function checkThemes(browser, options) {
  const { results } = options;
  for (const [label, theme, paletteTheme, workbenchClass] of THEMES) {
    const code = await onWorkbench(browser, options, label, { theme, journal: demoJournal() }, async (page) => {
      if (paletteTheme) await pickColorTheme(page, paletteTheme, workbenchClass);
      const growth = page.getByRole('tab', { name: /^Growth/ });
      await growth.waitFor();
      await growth.click();
      // The extension host of the page before may still be shutting down: allow for a slow start.
      const waited = Date.now();
      await page.getByRole('tree', { name: /Rubric/ }).waitFor({ timeout: 120_000 });
      if (Date.now() - waited > 20_000) console.log(`[ui] ${label}: the Growth view took ${Math.round((Date.now() - waited) / 1000)} s to fill`);
      for (const check of checks) await check(page);
      await screenshot(page, results, `growth-view-${label}.png`, label === 'dark' && 'tree.png');
      console.log(`[ui] ${label}: Growth view shown; screenshot test-results/growth-view-${label}.png`);
      const frame = await openCompare(page);
      await frame.getByRole('columnheader', { name: /Senior/ }).first().waitFor();
      await page.screenshot({ path: join(results, `compare-top-${label}.png`) });
      // Keyboard only: tab to the first evidence button, open its list.
      await frame.getByRole('button', { name: /^Technical Depth: / }).focus();
      await page.keyboard.press('Enter');
      await frame.getByRole('button', { name: /^Rejected JWTs signed with alg/ }).waitFor();
      await screenshot(page, results, `compare-${label}.png`, label === 'dark' && 'compare-levels.png');
      await frame.getByRole('radio', { name: /Changes from the level below/ }).check();
      await frame.getByText('Dropped').first().waitFor();
      await page.screenshot({ path: join(results, `compare-changes-${label}.png`) });
      console.log(`[ui] ${label}: comparison shown with evidence and changes; screenshots test-results/compare-${label}.png, compare-changes-${label}.png`);
      await page.keyboard.press('Control+W');
      await runCommand(page, 'Growth Journal: Generate Quarterly Summary');
      await acceptFirstPick(page); // this quarter
      await acceptFirstPick(page); // leave private entries out
      await page.getByRole('tab', { name: /^Preview Q?\d{4}-Q\d/ }).first().waitFor();
      // The preview is a webview of its own: wait for the summary's heading in it.
      await frameWith(page, '.markdown-body h1, body.vscode-body h1', 'The summary preview');
      await screenshot(page, results, `summary-preview-${label}.png`, label === 'dark' && 'summary-preview.png');
      console.log(`[ui] ${label}: summary written and previewed; screenshot test-results/summary-preview-${label}.png`);
    });
    if (code !== 0) return code;
  }
  return 0;
}

module.exports = { runUiCheck, openWorkbench };
