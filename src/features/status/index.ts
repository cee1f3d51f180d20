import * as vscode from 'vscode';
import { claimText, statementGapText } from '../../core/reports/coverage';
import { mdText } from '../../core/reports/markdown';
import { type ViewPeriodKey } from '../../core/time/periods';
import { reminderMessage } from '../../core/time/reminder';
import { levelName } from '../../core/rubric/rubric';
import { formatCount } from '../../host/ui/format';
import { rubricViewOf } from '../../host/journal/rubricViews';
import { type JournalSnapshot } from '../../host/journal/store';
import { whileSettingOn, type Services } from '../../host/services';

const ASKED_KEY = 'growthJournal.askedCommits';
const REMINDED_KEY = 'growthJournal.lastReminder';
const FIRST_REMINDER_DELAY_MS = 10 * 60_000;
/** How often to look; reminderMessage allows one reminder a day. */
const REMINDER_CHECK_MS = 6 * 3_600_000;

/** What the integration tests read back: the status bar's tooltip as last rendered. */
export interface StatusProbe {
  tooltip(): string | undefined;
}

/** The status bar count, the opt-in "Tag this commit?" prompt, and the opt-in reminder. */
export function registerStatus(context: vscode.ExtensionContext, services: Services): StatusProbe {
  const item = vscode.window.createStatusBarItem('growthJournal.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Growth Journal';
  item.command = 'workbench.view.extension.growthJournal';
  // In a turn of its own: the tree rebuilds on the same change, and together they would block longer.
  const show = (s: JournalSnapshot) => render(item, s, services.viewPeriod.get());
  context.subscriptions.push(
    item,
    services.store.onDidChange((s) => setImmediate(() => show(s))),
    // The tree's period: the status bar counts what the tree counts.
    services.viewPeriod.onDidChange(() => void services.store.snapshot().then(show)),
  );
  void services.store.snapshot().then(show);

  whileSettingOn(context, 'askAfterCommit', () =>
    services.git.onDidCommit(async (repo, sha) => {
      const asked = context.workspaceState.get<string[]>(ASKED_KEY, []);
      const snapshot = await services.store.snapshot();
      if (asked.includes(sha) || snapshot.journal?.entries.some((e) => e.commit?.sha === sha)) return;
      await context.workspaceState.update(ASKED_KEY, [sha, ...asked].slice(0, 200));
      const commit = await services.git.commit(repo, sha);
      const choice = await services.prompts.info(`Tag this commit as evidence? “${commit?.subject ?? sha.slice(0, 7)}”`, 'Tag Commit', "Don't Ask Again");
      if (choice === 'Tag Commit') await vscode.commands.executeCommand('growthJournal.tagCommit', { id: sha }, repo.root);
      if (choice === "Don't Ask Again") await vscode.workspace.getConfiguration('growthJournal').update('askAfterCommit', false, vscode.ConfigurationTarget.Global);
    }),
  );

  // Never at start-up: the first look is ten minutes in, then once a day at most.
  const remind = async () => {
    const snapshot = await services.store.snapshot();
    if (snapshot.status !== 'ready' && snapshot.status !== 'noJournal') return;
    const message = reminderMessage(snapshot.journal?.entries ?? [], {
      weeks: vscode.workspace.getConfiguration('growthJournal').get<number>('reminderWeeks', 0),
      now: new Date(),
      lastReminded: context.globalState.get<number>(REMINDED_KEY, 0),
    });
    if (!message) return;
    await context.globalState.update(REMINDED_KEY, Date.now());
    const choice = await services.prompts.info(message, 'Add a Note', 'Tag Last Commit', 'Stop Reminding Me');
    if (choice === 'Add a Note') await vscode.commands.executeCommand('growthJournal.addNote');
    if (choice === 'Tag Last Commit') await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    if (choice === 'Stop Reminding Me') await vscode.workspace.getConfiguration('growthJournal').update('reminderWeeks', 0, vscode.ConfigurationTarget.Global);
  };
  const first = setTimeout(() => void remind(), FIRST_REMINDER_DELAY_MS);
  const daily = setInterval(() => void remind(), REMINDER_CHECK_MS);
  context.subscriptions.push({ dispose: () => (clearTimeout(first), clearInterval(daily)) });
  return { tooltip: () => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip) };
}

function render(item: vscode.StatusBarItem, snapshot: JournalSnapshot, periodKey: ViewPeriodKey): void {
  const view = snapshot.status === 'noFolder' ? undefined : rubricViewOf(snapshot, periodKey);
  if (!view || !snapshot.rubric) {
    item.hide();
    return;
  }
  const { period } = view;
  const count = new Set(view.groups.flatMap((g) => g.dimensions.flatMap((d) => d.entries.map((e) => e.id)))).size;
  item.text = snapshot.status === 'journalError' ? '$(warning) Growth: journal has errors' : `$(graph-line) Growth: ${formatCount(count)} ${period.phrase}`;
  const target = snapshot.journal?.profile.targetLevel;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${mdText(`Growth Journal, ${period.long}`)}**\n\n`);
  tooltip.appendMarkdown(`${mdText(`${formatCount(count)} ${count === 1 ? 'piece' : 'pieces'} of evidence ${period.phrase}.`)}\n\n`);
  if (target) {
    const dimensions = view.groups.flatMap((g) => g.dimensions);
    const targetName = levelName(snapshot.rubric, target);
    const met = view.groups.reduce((n, g) => n + g.met, 0);
    const expected = view.groups.reduce((n, g) => n + g.expected, 0);
    // The same figures as the tree's groups and dimensions: statements in force with evidence, k of n.
    tooltip.appendMarkdown(`${mdText(`${targetName}: ${met} of ${expected} dimensions met ${period.phrase} (every statement in force has evidence).`)}\n\n`);
    const missing = dimensions.filter((d) => d.status === 'none');
    if (missing.length) tooltip.appendMarkdown(`${mdText(`No evidence yet ${period.phrase} for ${targetName}-level:`)}\n`);
    for (const d of missing) tooltip.appendMarkdown(`- ${mdText(d.dimension.name)}\n`);
    const partial = dimensions.filter((d) => d.periodCount > 0 && d.status === 'some' && d.statements);
    if (partial.length) tooltip.appendMarkdown(`\n${mdText(`Evidence, but not for every ${targetName} statement:`)}\n`);
    for (const d of partial) {
      const claims = claimText(snapshot.rubric, d, target);
      tooltip.appendMarkdown(`- ${mdText(`${statementGapText(snapshot.rubric, d.dimension, d.statements!)}${claims ? `; ${claims}` : ''}`)}\n`);
    }
  } else tooltip.appendText('Set your target level to see what is missing.');
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `Growth Journal: ${formatCount(count)} pieces of evidence ${period.phrase}` };
  item.show();
}
