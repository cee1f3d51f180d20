// Looks at the extension the way a person does: opens the workbench in headless Chromium,
// clicks the Growth activity-bar entry, checks what is on screen by accessible names, and
// saves screenshots in each theme under test-results/.
'use strict';
/* global document, requestAnimationFrame -- the functions given to page.waitForFunction and page.evaluate run in the page */
const { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { startServer, workbenchUrl, TEST_MODEL_EXTENSION } = require('./server');
const { makeWorkspace, git } = require('./workspace');
const { demoJournal } = require('./demo-journal');
const { installExtension, packagedExtension } = require('./vsix');

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

/** True when the keyboard is in the quick input (the palette or a question): an Escape then goes to it alone. */
function quickInputHasFocus(page) {
  return page.evaluate(() => !!document.activeElement?.closest('.quick-input-widget')).catch(() => false);
}

/**
 * Runs a command from the palette by its title, the way a person does. The palette is opened
 * again when a try does not get as far as the command's row: a quick input still closing, or a
 * walkthrough or webview taking the focus back, can close the palette before its row is clicked.
 */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  // The row whose label is the title, not whatever else the filter matched first.
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) }).first();
  for (let attempt = 1; ; attempt++) {
    // A question just answered may still be closing: open the palette after it has gone.
    await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    try {
      await openPalette(page, input);
      await input.fill(`>${title}`, { timeout: 10_000 });
      await row.click({ timeout: 20_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`[ui] running "${title}" from the palette, try ${attempt} of 3 did not take (${e.message.split('\n')[0]}); trying again`);
      // Escape only for a quick input that has the keyboard: anywhere else it reaches the editor,
      // and a walkthrough goes back to the Welcome page on it.
      if (await quickInputHasFocus(page)) await page.keyboard.press('Escape');
    }
  }
}

/**
 * Opens the command palette: F1, or the command center in the title bar when the focus keeps F1
 * to itself. Done once the palette's input has the keyboard, so nothing typed goes elsewhere.
 */
async function openPalette(page, input) {
  const ready = () => page.waitForFunction(() => document.activeElement?.matches('.quick-input-widget input'), undefined, { timeout: 5_000 }).then(() => true, () => false);
  for (let attempt = 0; attempt < 6; attempt++) {
    if ((await input.isVisible()) && (await ready())) return;
    if (attempt % 2 === 0) {
      // A focused walkthrough or webview can keep F1 to itself: give the focus back to the workbench first.
      if (attempt > 0 || (await focusInEditorPage(page))) await focusWorkbench(page);
      await page.keyboard.press('F1');
    } else {
      await page.locator('.command-center-center').first().click().catch(() => undefined);
    }
    await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
}

/** True when the keyboard is in a walkthrough or a webview, which handle keys of their own. */
function focusInEditorPage(page) {
  return page.evaluate(() => !!document.activeElement?.closest('.gettingStartedContainer, .webview, iframe') || document.activeElement?.tagName === 'IFRAME').catch(() => false);
}

/** Puts the keyboard in the workbench, outside any editor: on the side bar's view (the Growth tree), or its title. */
async function focusWorkbench(page) {
  const tree = page.locator('.part.sidebar .monaco-list[role="tree"]').first();
  if (await tree.isVisible()) await tree.focus().catch(() => undefined);
  else await page.locator('.part.sidebar .title-label').first().click().catch(() => undefined);
}

/** Picks the first item of the quick pick that is open now. */
async function acceptFirstPick(page, title) {
  // The question must be the one expected: Enter on the command palette still closing would run
  // the command a second time. The list is ready for Enter once its first row has the focus.
  if (title) await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ state: 'visible' });
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

/**
 * Waits until nothing on the page moves (no running CSS animations or transitions, and two
 * frames drawn since), so a screenshot shows the settled state rather than a fade.
 */
async function still(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * The first frame (a webview's content) in which `selector` matches (and holds `hasText`, when
 * given), polled until `what` shows or a generous deadline passes.
 */
async function frameWith(page, selector, what, hasText) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector, hasText === undefined ? {} : { hasText }).count().catch(() => 0)) return frame;
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

async function openWorkbench(browser, server, { extensionPath, extensionsDir, theme, journal, files, waitForGrowth = true }) {
  const workspace = makeWorkspace({ journal, theme, files });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Every wait below is for something a person would see; it fires only when that never comes.
  page.setDefaultTimeout(60_000);
  // Installed (extensionsDir) the extension loads as a user's does; otherwise in development mode.
  await page.goto(workbenchUrl(server, { ...(extensionsDir ? {} : { extensionPath }), workspace: workspace.workspaceFile }), { timeout: 180_000 });
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
  const server = await startServer(host, {
    disableWorkspaceTrust: workbench.trusted !== false,
    ...(workbench.extensionsDir ? { extensionsDir: workbench.extensionsDir } : {}),
    ...(workbench.testExtensions ? { testExtensions: workbench.testExtensions } : {}),
  });
  const { page, workspace } = await openWorkbench(browser, server, { extensionPath, ...workbench }).catch((e) => {
    server.stop();
    throw e;
  });
  try {
    await body(page, workspace);
    return 0;
  } catch (e) {
    await page.screenshot({ path: join(results, `ui-failure-${name}.png`) }).catch(() => {});
    // Playwright's first line says what timed out; its call log's first wait says for what.
    const lines = e.message.split('\n');
    const waitingFor = lines.find((line) => /^\s*- waiting for /.test(line));
    console.error(`[ui] ${name}: ${lines[0]}${waitingFor ? ` (${waitingFor.trim().replace(/^- /, '')})` : ''}`);
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
    await page.getByRole('treeitem', { name: /^Deep technical expertise across multiple domains\.: / }).waitFor();
    await page.getByRole('treeitem', { name: /^Evidence/ }).click();
    await page.getByRole('treeitem', { name: /^Rejected JWTs signed with alg/ }).first().waitFor();
  },
  /** Left hovered, so the theme's screenshot shows the action on the row. */
  async function aStatementWithoutEvidenceOffersToTagIt(page) {
    const gap = page.getByRole('treeitem', { name: /: no evidence yet / }).first();
    await gap.hover();
    await gap.getByRole('button', { name: 'Tag Evidence for This Statement…' }).waitFor();
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
  return onWorkbench(browser, options, 'restore', { theme: 'Default Dark Modern', journal: demoJournal }, async (page) => {
    const before = await openCompare(page);
    await before.getByRole('radio', { name: /Changes from the level below/ }).check();
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor();
    const restored = await compareFrame(page);
    if (!(await restored.getByRole('radio', { name: /Changes from the level below/ }).isChecked())) throw new Error('The comparison did not restore its mode after a reload.');
    await page.getByRole('tab', { name: /^Compare Levels/ }).click();
    await page.keyboard.press('Control+W');
    await page.getByRole('tab', { name: /^Compare Levels/ }).waitFor({ state: 'detached', timeout: 10_000 });
    const reopened = await openCompare(page);
    await reopened.getByRole('radio', { name: /Changes from the level below/ }).waitFor({ timeout: 10_000 });
    if (!(await reopened.getByRole('radio', { name: /Changes from the level below/ }).isChecked())) throw new Error('The comparison did not keep its mode when closed and opened again.');
    console.log('[ui] restore: after Reload Window, and after closing and opening it again, the comparison came back in Changes mode');
  });
}

/** Restricted Mode: the rubric tree still works, read-only; tagging says why it cannot run. */
async function restrictedCheck(browser, options) {
  return onWorkbench(browser, options, 'restricted', { theme: 'Default Dark Modern', journal: demoJournal, waitForGrowth: false, trusted: false }, async (page) => {
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
      await page.getByText(/runs git only in a trusted workspace/).first().waitFor();
      await page.screenshot({ path: join(options.results, 'restricted-mode.png') });
      console.log('[ui] restricted: the tree works read-only and tagging explains that the workspace must be trusted');
  });
}

const LADDER = [
  '# Platform Ladder',
  '',
  '## Expectations',
  '',
  '| Competency | Engineer I | Engineer II | Senior Engineer |',
  '| --- | --- | --- | --- |',
  '| **Delivery** | Ships small changes with review, e.g. config updates. | Ships features end to end. | Plans multi-quarter work, e.g. migrations. Says "not yet" when it matters. |',
  '| **Operations** | | Joins the on-call rotation.<br>Writes runbooks. | Leads incident reviews. |',
  '',
  'A closing remark that is not part of the ladder.',
  '',
  '## Senior Qualities',
  '',
  '- **Technical Vision**: Sees where the platform should be in two years',
  '',
].join('\n');

/** Import Career Ladder…: the file dialog, the Ladder Preview before anything is written, then saving and using it. */
async function ladderCheck(browser, options) {
  const journal = 'version: 1\nrubric: product-security\nprofile: {}\nentries: []\n';
  return onWorkbench(browser, options, 'ladder', { theme: 'Default Dark Modern', journal, files: { 'app/platform-ladder.md': LADDER } }, async (page, workspace) => {
    await page.getByRole('tab', { name: /^Growth/ }).click();
    await page.getByRole('tree', { name: /Rubric/ }).waitFor({ timeout: 120_000 });
    await runCommand(page, 'Growth Journal: Import Career Ladder…');
    // The browser-hosted workbench asks for the file in its own dialog: a path in a quick input.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByText('Import Career Ladder').first().waitFor({ timeout: 60_000 });
    // The dialog lists its first folder before it takes a typed path; a path typed earlier can be
    // reset by that first listing, so type it again until the dialog lists the file.
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const path = join(workspace.app, 'platform-ladder.md');
    const file = page.locator('.quick-input-list .monaco-list-row', { hasText: 'platform-ladder.md' }).first();
    for (let attempt = 1; ; attempt++) {
      await input.fill(path);
      const listed = await file.waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (listed) break;
      if (attempt === 4) throw new Error(`the file dialog never listed platform-ladder.md for the typed path; its input holds "${await input.inputValue()}"`);
    }
    // Choosing the file's row sets the path from the list itself, then Enter imports it.
    await file.click();
    await page.locator('.quick-input-widget .quick-input-message').filter({ hasText: 'Please select a file' }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    const dialogClosed = await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 20_000 }).then(() => true, () => false);
    if (!dialogClosed) throw new Error(`the file dialog stayed open after Enter; its input holds "${await input.inputValue()}"`);
    const row = (text) => page.locator('.monaco-list-row', { hasText: text }).first();
    await row(/^Platform Ladder/).waitFor({ timeout: 60_000 });
    await row(/^Delivery/).click();
    await row(/^Senior Engineer\d/).click();
    await row(/^Plans multi-quarter work, e\.g\. migrations\.$/).waitFor({ timeout: 10_000 });
    await row(/^Skipped/).waitFor({ timeout: 10_000 });
    await still(page);
    await page.screenshot({ path: join(options.results, 'ladder-preview.png') });
    console.log('[ui] ladder: the Ladder Preview shows the import before it is written; screenshot test-results/ladder-preview.png');
    // The view's own ✓ action, the same as the notification's Save Rubric.
    await page.getByRole('button', { name: 'Save Imported Rubric' }).click();
    await page.getByRole('button', { name: 'Use This Rubric' }).click({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^Delivery:/ }).waitFor({ timeout: 30_000 });
    await still(page);
    await page.screenshot({ path: join(options.results, 'ladder-in-use.png') });
    console.log('[ui] ladder: saved and in use; the Growth view shows its dimensions; screenshot test-results/ladder-in-use.png');
    // Two ladders in the workspace now: choosing levels starts with the ladder, Enter keeping the one in use.
    await runCommand(page, 'Growth Journal: Set Current and Target Level');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Your Ladder' }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Platform Ladder' }).first().waitFor({ timeout: 30_000 });
    await still(page);
    await page.screenshot({ path: join(options.results, 'ladder-first.png') });
    await answer(page, undefined, 'Your Ladder');
    await answer(page, undefined, 'Your Current Level');
    await answer(page, undefined, 'Your Target Level');
    // The levels are set: each group's figure is against the target now.
    await page.locator('.monaco-list-row', { hasText: /met at Engineer II/ }).first().waitFor({ timeout: 30_000 });
    console.log('[ui] ladder: Set Current and Target Level asks for the ladder first, Enter keeps it; screenshot test-results/ladder-first.png');
  });
}

/** Answers the quick input titled `title` (when given): types `text` (when given) and presses Enter. */
async function answer(page, text, title) {
  const input = page.locator('.quick-input-widget input');
  // The timeouts are for a question that never comes; a slow machine is well within them.
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  // One question follows another in the same widget: wait for this one's title.
  if (title) await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
  // Typed only once the input has the keyboard, so no keystroke goes to what had it before.
  await page.waitForFunction(() => document.activeElement?.matches('.quick-input-widget input'), undefined, { timeout: 30_000 });
  if (text !== undefined) await input.fill(text);
  await page.keyboard.press('Enter');
}

/**
 * `npm run demo` as a new user meets it: the packaged extension installed (no development mode,
 * no smoke-test driver), so tagging a note shows its toast with Open in Journal and Undo.
 */
async function demoCheck(browser, options) {
  const vsix = packagedExtension((line) => console.log(`[ui] ${line}`));
  const extensionsDir = installExtension(options.host, vsix, join(options.results, 'demo-extensions'));
  return onWorkbench(browser, options, 'demo', { theme: 'Default Dark Modern', journal: demoJournal, extensionsDir }, async (page) => {
    if (await page.getByText('Extension Development Host').count()) throw new Error('the demo runs the extension in development mode');
    // A person's first activation opens the walkthrough by itself.
    await walkthroughStep(page, 'profile').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Growth/ }).click();
    await page.getByRole('treeitem', { name: /^Technical Depth:/ }).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Growth Journal: Add Note as Evidence');
    await answer(page, 'Walked a new user through the demo');
    await page.locator('.quick-input-widget .quick-input-message').filter({ hasText: /^Details/ }).waitFor({ timeout: 10_000 });
    await answer(page); // no details
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /Dimensions and statements/ }).waitFor({ timeout: 10_000 });
    const dimensions = page.locator('.quick-input-widget input');
    await dimensions.fill('Mentorship');
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Mentorship & Leadership' }).first();
    await row.waitFor({ timeout: 10_000 });
    // With filter text Space types a space, and the title says so.
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Space types a space' }).waitFor({ timeout: 10_000 });
    await row.click(); // in a multi-select pick, a click on the row ticks it
    await page.locator('.quick-input-widget').getByText('1 Selected').waitFor({ timeout: 10_000 });
    await answer(page); // the dimension
    await answer(page, undefined, 'Level shown'); // the current level, shared
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Tagged “Walked a new user through the demo”/ });
    await toast.waitFor({ timeout: 20_000 });
    for (const action of ['Open in Journal', 'Undo']) await toast.getByRole('button', { name: action }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(options.results, 'demo-toast.png') });
    console.log('[ui] demo: the installed extension opens its walkthrough and shows the toast after tagging; screenshot test-results/demo-toast.png');
  });
}

/** A journal that does not parse: the rubric stays browsable, and the view says where the error is. */
async function brokenJournalCheck(browser, options) {
  const broken = (shaOf) => demoJournal(shaOf).replace(/title: "Mentored a new hire[^\n]*/, 'title: [Mentored a new hire');
  return onWorkbench(browser, options, 'broken', { theme: 'Default Dark Modern', journal: broken }, async (page) => {
    await page.getByRole('tab', { name: /^Growth/ }).click();
    await page.getByText(/The journal has an error at line \d+: Missing closing \] for the list that opens here\./).first().waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /^Technical Depth:/ }).click();
    await page.getByRole('treeitem', { name: /^Expectations/ }).click();
    // No profile can be read from a broken journal, so no level is the target and opens by itself.
    await page.getByRole('treeitem', { name: /^Senior/ }).click();
    await page.getByRole('treeitem', { name: /^Deep technical expertise across multiple domains\.: / }).waitFor({ timeout: 10_000 });
    await page.getByRole('treeitem', { name: /^Evidence/ }).click();
    await page.getByRole('treeitem', { name: /^The journal has an error: open it there/ }).waitFor({ timeout: 10_000 });
    await still(page);
    await page.screenshot({ path: join(options.results, 'growth-view-broken-journal.png') });
    console.log('[ui] broken: the rubric stays browsable with the error named; screenshot test-results/growth-view-broken-journal.png');
  });
}

/** The walkthrough's step `id` (its expandable button), on the walkthrough's page. */
function walkthroughStep(page, id) {
  return page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="#growthJournal.start#${id}"]`).first();
}

/**
 * Opens the Growth Journal walkthrough unless it is on screen, and waits until the walkthrough has
 * put the keyboard on the step it selected (it does so a moment after opening, and would take the
 * focus from a palette opened in that moment). Then gives the focus back to the workbench.
 */
async function showWalkthrough(page) {
  if (await walkthroughStep(page, 'profile').isVisible()) return;
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await answer(page, 'Grow with Growth Journal');
  await walkthroughStep(page, 'profile').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.activeElement?.matches('.gettingStartedContainer .getting-started-step.expanded'), undefined, { timeout: 30_000 });
  await focusWorkbench(page);
}

/**
 * Selects (expands) a walkthrough step as its click does, unless it is selected already, and waits
 * until the walkthrough has given it the keyboard, which it does a moment later: a question opened
 * in that moment would lose the focus to it. The click is dispatched with the focus elsewhere, so
 * that the focus arriving on the step is the walkthrough's own, and is seen.
 */
async function selectWalkthroughStep(page, id) {
  const step = walkthroughStep(page, id);
  if ((await step.getAttribute('aria-expanded')) === 'true') return;
  await focusWorkbench(page);
  await step.dispatchEvent('click');
  await page.waitForFunction((stepId) => document.activeElement?.matches(`.getting-started-step.expanded[data-step-id$="#growthJournal.start#${stepId}"]`), id, { timeout: 30_000 });
}

/** The Source Control badge's count (changes in all repositories), 0 when it shows none. */
async function scmCount(page) {
  const badge = page.locator('.part.activitybar .action-item').filter({ has: page.locator('.codicon-source-control-view-icon, .codicon-source-control') }).locator('.badge-content').first();
  if (!(await badge.isVisible().catch(() => false))) return 0;
  return Number((await badge.textContent())?.trim()) || 0;
}

async function waitForScmCount(page, count, what) {
  const deadline = Date.now() + 60_000;
  while ((await scmCount(page)) !== count) {
    if (Date.now() > deadline) throw new Error(`${what}: the Source Control count stayed ${await scmCount(page)}, not ${count}`);
    await page.waitForTimeout(200);
  }
}

/**
 * A new last commit in `app`, with a Growth-Evidence trailer so that every question of Tag Last
 * Commit has an answer by default; returns its hash once VS Code's git extension has seen it.
 * A file is added first and committed once git sees it: the Source Control count going back
 * down then says git has looked again after the commit, HEAD included.
 */
async function commitInApp(page, workspace, n) {
  const before = await scmCount(page);
  const file = `notes/walkthrough-${n}.md`;
  writeFileSync(join(workspace.app, file), `# Walkthrough run ${n}\n`);
  await waitForScmCount(page, before + 1, `run ${n}: the new file ${file}`);
  git(workspace.app, ['add', file]);
  git(workspace.app, ['commit', '-q', '-m', `docs: walkthrough run ${n}\n\nGrowth-Evidence: technical-depth`]);
  await waitForScmCount(page, before, `run ${n}: the commit of ${file}`);
  return git(workspace.app, ['rev-parse', 'HEAD']).trim();
}

/** Waits until the journal on disk holds `text`: an entry written. */
async function waitForJournal(workspace, text, what) {
  const path = join(workspace.app, '.growth', 'journal.yaml');
  const deadline = Date.now() + 60_000;
  while (!readFileSync(path, 'utf8').includes(text)) {
    if (Date.now() > deadline) throw new Error(`${what}: nothing was written to the journal`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Answers a question with its default (Enter), failing with which question of which run did not
 * come, or did not have the keyboard: a question closed, or left without the focus, by something
 * else on screen is what this check is for.
 */
async function acceptDefault(page, title, what) {
  try {
    await answer(page, undefined, title);
  } catch (e) {
    const open = await page.locator('.quick-input-widget').isVisible();
    const shown = open ? await page.locator('.quick-input-widget .quick-input-title').textContent().catch(() => '') : '';
    throw new Error(`${what}: the question ${title} was not answered (${open ? `the quick input shows "${shown}"${(await quickInputHasFocus(page)) ? '' : ' without the keyboard'}` : 'no question is open'}): ${e.message.split('\n')[0]}`, { cause: e });
  }
}

/**
 * The walkthrough ticks a step when it is done: Set Current and Target Level from the palette,
 * then Tag Last Commit from the walkthrough's own button, five times, each time answering every
 * question with its default; each run must write its entry.
 */
async function walkthroughCheck(browser, options) {
  return onWorkbench(browser, options, 'walkthrough', { theme: 'Default Dark Modern', journal: demoJournal }, async (page, workspace) => {
    await page.getByRole('tab', { name: /^Growth/ }).click();
    await page.getByRole('treeitem', { name: /^Technical Depth:/ }).waitFor({ timeout: 60_000 });
    const ticked = (id) => page.locator(`[data-done-step-id$="#growthJournal.start#${id}"][aria-checked="true"]`).first();
    await showWalkthrough(page);
    if (await ticked('profile').count()) throw new Error('the profile step was ticked before it was done');
    await runCommand(page, 'Growth Journal: Set Current and Target Level');
    await answer(page, undefined, 'Your Current Level'); // Mid-Level, suggested
    await answer(page, undefined, 'Your Target Level'); // Senior, suggested
    await showWalkthrough(page); // again, should the page have gone back to the Welcome page
    await ticked('profile').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(options.results, 'walkthrough.png') });
    console.log('[ui] walkthrough: setting the profile ticks its step; screenshot test-results/walkthrough.png');

    const runs = 5;
    for (let n = 1; n <= runs; n++) {
      const what = `Tag Last Commit from the walkthrough, run ${n} of ${runs}`;
      const sha = await commitInApp(page, workspace, n);
      await showWalkthrough(page);
      await selectWalkthroughStep(page, 'tag');
      await walkthroughStep(page, 'tag').getByRole('button', { name: 'Tag Last Commit' }).click();
      // No repository question: app was committed to last.
      await acceptDefault(page, 'What did it achieve?', what); // optional: skipped
      await acceptDefault(page, new RegExp(`Dimensions and statements · ${sha.slice(0, 7)} `), what); // technical-depth, from the trailer
      await acceptDefault(page, 'Level shown', what); // the current level, shared
      await waitForJournal(workspace, sha, what);
    }
    console.log(`[ui] walkthrough: Tag Last Commit from the walkthrough's button wrote its entry in ${runs} runs of ${runs}`);
    await showWalkthrough(page);
    await ticked('tag').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(options.results, 'walkthrough-tagged.png') });
    console.log('[ui] walkthrough: tagging ticks its step; screenshot test-results/walkthrough-tagged.png');
  });
}

/** Draft Self-Review with the scripted test model: the consent screen first, then a drafted section in the review. */
async function reviewCheck(browser, options) {
  return onWorkbench(browser, options, 'review', { theme: 'Default Dark Modern', journal: demoJournal, testExtensions: [TEST_MODEL_EXTENSION] }, async (page) => {
    await page.getByRole('tab', { name: /^Growth/ }).click();
    await page.getByRole('treeitem', { name: /^Technical Depth:/ }).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Growth Journal: Draft Self-Review with a Language Model');
    await acceptFirstPick(page, 'Self-Review: Period'); // this quarter
    await acceptFirstPick(page, 'Self-Review: Level'); // the target level, suggested
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(/Draft your self-review with Scripted Test Model/).waitFor();
    await dialog.getByText(/Entries:/).waitFor();
    await still(page);
    await page.screenshot({ path: join(options.results, 'review-consent.png') });
    console.log('[ui] review: the consent screen names the model and lists what is sent; screenshot test-results/review-consent.png');
    await dialog.getByRole('button', { name: 'Send to Scripted Test Model' }).click();
    await page.getByRole('tab', { name: /^\d{4}-Q\d\.md/ }).first().waitFor();
    await page.locator('.notifications-toasts, .notification-list-item').getByText(/sentences? dropped: (they|it) cited nothing from your journal/).first().waitFor().catch(() => undefined);
    // Reveal the first draft in the editor.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('Draft by Scripted Test Model');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('.view-line', { hasText: 'Draft by Scripted Test Model' }).first().waitFor();
    await still(page);
    await page.screenshot({ path: join(options.results, 'review-draft.png') });
    console.log('[ui] review: a drafted section, marked as a draft, every sentence citing entries; screenshot test-results/review-draft.png');
  });
}

/**
 * Find Evidence finds an entry by a word of its title, Edit Entry lists its fields with their
 * values and saves a changed title with Undo, and the Growth view's filter shows what it finds;
 * in each theme.
 */
async function editFindCheck(browser, options) {
  for (const [label, theme, paletteTheme, workbenchClass] of THEMES) {
    const code = await onWorkbench(browser, options, `editfind-${label}`, { theme, journal: demoJournal }, async (page) => {
      if (paletteTheme) await pickColorTheme(page, paletteTheme, workbenchClass);
      await page.getByRole('tab', { name: /^Growth/ }).click();
      await page.getByRole('treeitem', { name: /^Technical Depth:/ }).waitFor({ timeout: 120_000 });
      const found = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /Rejected JWTs signed with alg/ }).first();
      // A quick input that a theme change was still closing can swallow the first try.
      for (let attempt = 1; ; attempt++) {
        await runCommand(page, 'Growth Journal: Find Evidence');
        await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Find Evidence' }).waitFor();
        await page.locator('.quick-input-widget input').fill('jwt');
        if (await found.waitFor({ timeout: 10_000 }).then(() => true, () => attempt === 2)) break;
        console.log(`[ui] editfind-${label}: Find Evidence showed no result on try ${attempt}; trying again`);
        await page.keyboard.press('Escape');
      }
      // The list has caught up with the text once it holds the one entry with "jwt" in it (the search runs in the extension host).
      await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length === 1, undefined, { timeout: 10_000 });
      await still(page);
      await page.screenshot({ path: join(options.results, `find-evidence-${label}.png`) });
      // The found entry's Edit button opens Edit Entry on it.
      await found.hover();
      await found.getByRole('button', { name: 'Edit Entry…' }).click();
      await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /^Edit Entry: Rejected JWTs/ }).waitFor({ timeout: 10_000 });
      for (const field of ['Title', 'Details', 'Dimensions', 'Level', 'Statements', 'Visibility', 'Save']) {
        await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: field }).first().waitFor({ timeout: 10_000 });
      }
      await still(page);
      await page.screenshot({ path: join(options.results, `edit-entry-${label}.png`) });
      await page.keyboard.press('Enter'); // Title, the first field
      await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Edit Entry' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.matches('.quick-input-widget input') && document.activeElement.value.startsWith('Rejected JWTs'), undefined, { timeout: 10_000 });
      await page.locator('.quick-input-widget input').fill('Tokens signed with alg "none" are refused: a test per algorithm and a lint rule');
      await page.keyboard.press('Enter');
      const save = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /write 1 change: title/ }).first();
      await save.waitFor({ timeout: 10_000 });
      await still(page);
      await page.screenshot({ path: join(options.results, `edit-entry-changed-${label}.png`) });
      await save.click();
      // Saved: the filter finds the entry by words only its new title and its details hold.
      await runCommand(page, 'Growth Journal: Filter Evidence');
      await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Filter Evidence' }).waitFor();
      await page.locator('.quick-input-widget input').fill('lint rule');
      await page.keyboard.press('Enter');
      await page.getByText(/Evidence .+ holding “lint rule”: 1 entry\./).first().waitFor({ timeout: 20_000 });
      await page.getByRole('treeitem', { name: /^Tokens signed with alg "none" are refused/ }).first().waitFor({ timeout: 10_000 });
      await still(page);
      await page.screenshot({ path: join(options.results, `growth-view-filtered-${label}.png`) });
      // The notification that said so offers Undo (a toast may have hidden by now: the list keeps it).
      await runCommand(page, 'Notifications: Show Notifications');
      const saved = page.locator('.notification-list-item').filter({ hasText: /Saved “Tokens signed with alg "none" are refused.*”: title changed\./ });
      await saved.waitFor({ timeout: 20_000 });
      await saved.getByRole('button', { name: 'Undo' }).waitFor({ timeout: 5_000 });
      await page.keyboard.press('Escape');
      // Compare's filter finds the evidence too, each entry found listed with its Edit… button.
      const frame = await openCompare(page);
      await frame.getByRole('searchbox', { name: 'Filter dimensions, statements and evidence' }).fill('lint rule');
      await frame.getByText('1 entry holds “lint rule”').first().waitFor({ timeout: 20_000 });
      await frame.locator('[id^="found-"]').first().getByRole('button', { name: /^Edit “Tokens signed with alg/ }).waitFor({ timeout: 10_000 });
      await still(page);
      await page.screenshot({ path: join(options.results, `compare-find-${label}.png`) });
      console.log(`[ui] editfind-${label}: Find Evidence, Edit Entry, the view's filter and Compare's shown; screenshots test-results/find-evidence-${label}.png, edit-entry-${label}.png, edit-entry-changed-${label}.png, growth-view-filtered-${label}.png, compare-find-${label}.png`);
    });
    if (code !== 0) return code;
  }
  return 0;
}

/**
 * Evidence where the code is: a file the demo journal tagged shows a CodeLens above the tagged
 * lines, and its hover the level, the statement cited and the actions; in every theme.
 */
async function marksCheck(browser, options) {
  for (const [label, theme, paletteTheme, workbenchClass] of THEMES) {
    const code = await onWorkbench(browser, options, `marks-${label}`, { theme, journal: demoJournal }, async (page) => {
      if (paletteTheme) await pickColorTheme(page, paletteTheme, workbenchClass);
      await runCommand(page, 'Go to File...');
      await page.locator('.quick-input-widget input').fill('tools/threat-model.ts');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'threat-model.ts' }).first().click();
      const lens = page.locator('.codelens-decoration', { hasText: 'Process & Tooling · Threat-model helper that new services run in CI' });
      await lens.first().waitFor({ timeout: 60_000 });
      await still(page);
      await screenshot(page, options.results, `marks-lens-${label}.png`);
      // The cursor on the first tagged line (10), by keyboard from the top of the file, then the hover as the keyboard opens it.
      for (let line = 1; line < 10; line++) await page.keyboard.press('ArrowDown');
      await page.locator('.statusbar-item', { hasText: /Ln 10, Col/ }).first().waitFor({ timeout: 10_000 });
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover', { hasText: 'Level: Senior' });
      await hover.first().waitFor({ timeout: 20_000 });
      for (const text of ['Statements cited:', 'Champions security automation and scalability', 'Open in Journal', 'Remove']) await hover.first().getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
      await still(page);
      await screenshot(page, options.results, `marks-hover-${label}.png`, label === 'dark' && 'marks.png');
      console.log(`[ui] marks-${label}: lens and hover shown; screenshots test-results/marks-lens-${label}.png, marks-hover-${label}.png`);
    });
    if (code !== 0) return code;
  }
  return 0;
}

async function runUiCheck(browser, options) {
  // GROWTH_UI_CHECKS=demo,broken,ladder runs only those checks (their names less "check"), while working on them.
  const only = (process.env.GROWTH_UI_CHECKS ?? process.env.GROWTH_UI_ONLY)?.split(',');
  const all = [checkThemes, marksCheck, brokenJournalCheck, walkthroughCheck, demoCheck, injectionCheck, restoreCheck, restrictedCheck, ladderCheck, reviewCheck, editFindCheck];
  for (const check of all.filter((c) => !only || only.includes(c.name.replace(/Check$|^check/, '').toLowerCase()) || only.includes(c.name))) {
    const code = await check(browser, options);
    if (code !== 0) return code;
  }
  return 0;
}

async function checkThemes(browser, options) {
  const { results } = options;
  for (const [label, theme, paletteTheme, workbenchClass] of THEMES) {
    const code = await onWorkbench(browser, options, label, { theme, journal: demoJournal }, async (page) => {
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
      await frame.locator('li.changed ins').first().waitFor();
      if (await frame.getByText('Dropped').count()) throw new Error('dropped statements show before they are asked for');
      await page.screenshot({ path: join(results, `compare-changes-${label}.png`) });
      await frame.getByRole('checkbox', { name: /Show statements a level drops/ }).check();
      await frame.getByText('Dropped').first().waitFor({ timeout: 10_000 });
      await frame.getByRole('searchbox', { name: 'Filter dimensions, statements and evidence' }).fill('security');
      await frame.locator('mark').first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(results, `compare-changes-dropped-filtered-${label}.png`) });
      console.log(`[ui] ${label}: comparison shown with evidence and changes; screenshots test-results/compare-${label}.png, compare-changes-${label}.png`);
      // The matrix: evidence per dimension and level over this half, a cell opened, the target's statements marked.
      await frame.getByRole('searchbox', { name: 'Filter dimensions, statements and evidence' }).fill('');
      await frame.getByRole('radio', { name: /Evidence per level/ }).check();
      await frame.locator('table.matrix').waitFor();
      const periods = frame.getByRole('combobox').first();
      const half = await periods.locator('option', { hasText: /^This half/ }).getAttribute('value');
      await periods.selectOption(half);
      await frame.locator('.target-statements').first().waitFor();
      const cell = frame.getByRole('button', { name: /^Risk Management at Senior: / });
      await cell.click();
      await frame.locator('td.target ul.entries').first().waitFor();
      await still(page);
      await screenshot(page, results, `compare-matrix-${label}.png`, label === 'dark' && 'compare-matrix.png');
      console.log(`[ui] ${label}: matrix shown with a cell listed; screenshot test-results/compare-matrix-${label}.png`);
      await page.keyboard.press('Control+W');
      await runCommand(page, 'Growth Journal: Generate Summary');
      await acceptFirstPick(page, 'Summary'); // this quarter
      await acceptFirstPick(page, 'Private Entries'); // leave private entries out
      await page.getByRole('tab', { name: /^Preview Q?\d{4}-Q\d/ }).first().waitFor();
      // The preview is a webview of its own: wait for the summary's heading in it.
      const preview = await frameWith(page, '.markdown-body h1, body.vscode-body h1', 'The summary preview');
      await screenshot(page, results, `summary-preview-${label}.png`, label === 'dark' && 'summary-preview.png');
      // The evidence: each entry on its own line, its dimensions and statements beneath it, never run together.
      await preview.getByRole('heading', { name: 'Evidence, in date order' }).scrollIntoViewIfNeeded();
      await preview.locator('li', { hasText: /^\s*Shows: “/ }).first().waitFor({ timeout: 10_000 });
      await still(page);
      await page.screenshot({ path: join(results, `summary-evidence-${label}.png`) });
      console.log(`[ui] ${label}: summary written and previewed; screenshots test-results/summary-preview-${label}.png, summary-evidence-${label}.png`);
      // The packet gets the editor area to itself, as a person who closed the summary sees it.
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Growth Journal: Build Promotion Packet');
      await acceptFirstPick(page, 'Promotion Packet: Level'); // the target level, suggested
      await acceptFirstPick(page, 'Promotion Packet: Period'); // all evidence to date
      await acceptFirstPick(page, 'Promotion Packet: Private Entries'); // leave private entries out
      const packet = await frameWith(page, 'h1', 'The promotion packet', /^Promotion packet: Senior$/);
      // The statements without evidence come once, as a checklist at the end, not "No evidence yet." under each.
      const gaps = packet.getByRole('heading', { name: 'Statements without evidence yet' });
      await gaps.waitFor({ timeout: 10_000 });
      if (await packet.getByText('No evidence yet.').count()) throw new Error('the packet says "No evidence yet." under a statement; the gaps belong in the checklist');
      await still(page);
      await page.screenshot({ path: join(results, `packet-${label}.png`) });
      await gaps.scrollIntoViewIfNeeded();
      await still(page);
      await page.screenshot({ path: join(results, `packet-gaps-${label}.png`) });
      console.log(`[ui] ${label}: promotion packet shown beside the editor; screenshots test-results/packet-${label}.png, packet-gaps-${label}.png`);
    });
    if (code !== 0) return code;
  }
  return 0;
}

module.exports = { runUiCheck, openWorkbench };

// `node test/host/ui-check.js`: the UI check alone, on the provisioned host and a fresh build.
if (require.main === module) {
  const { execFileSync } = require('node:child_process');
  const { mkdirSync } = require('node:fs');
  const { provision } = require('./provision');
  const { launchChromium } = require('./chromium');
  const root = join(__dirname, '..', '..');
  const results = join(root, 'test-results');
  (async () => {
    const host = await provision();
    execFileSync(process.execPath, [join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
    mkdirSync(results, { recursive: true });
    const browser = await launchChromium();
    try {
      return await runUiCheck(browser, { extensionPath: root, results, host });
    } finally {
      await browser.close().catch(() => {});
    }
  })().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[ui] ${e.message}`);
      process.exit(1);
    },
  );
}
