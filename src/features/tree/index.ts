import * as vscode from 'vscode';
import { type Profile } from '../../core/journal';
import { type ViewPeriod, type ViewPeriodKey } from '../../core/time/periods';
import { hasErrors, problemCounts } from '../../core/text/problem';
import { pickPeriod } from '../../host/ui/periodPick';
import { formatCount } from '../../host/ui/format';
import { guarded, showAt, type Services } from '../../host/services';
import { type JournalSnapshot } from '../../host/journal/store';
import { RubricTreeProvider, type TreeFilter } from './rubricTree';

const VIEW_ID = 'growthJournal.dimensions';
/** Reads quicker than this show no progress bar, so small journals never flicker. */
const PROGRESS_DELAY_MS = 200;
const READING = 'Reading the journal…';

/** The Growth view: the rubric tree, its title actions and its welcome states. */
export function registerTree(context: vscode.ExtensionContext, services: Services): RubricTreeProvider {
  const { store } = services;
  const provider = new RubricTreeProvider(store, services.viewPeriod.get());
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });

  const render = (snapshot: JournalSnapshot) => {
    void vscode.commands.executeCommand('setContext', 'growthJournal.state', snapshot.status);
    provider.update(snapshot);
    const { view: model } = provider.current();
    const profile = (snapshot.journal ?? snapshot.lastGood?.journal)?.profile;
    const { filter } = provider.current();
    view.description = viewDescription(snapshot, model?.period, filter);
    view.message = viewMessage(snapshot, model !== undefined, model?.period, filter, profile);
  };
  // A large journal takes a moment: say so in the view rather than leave it blank.
  const showProgressIfSlow = (loading: Promise<unknown>) => {
    const timer = setTimeout(() => {
      if (!provider.current().view) view.message = READING;
      void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => loading.catch(() => undefined));
    }, PROGRESS_DELAY_MS);
    // A read that fails must not leave the view saying it is still reading; a good one re-renders anyway.
    const done = () => {
      clearTimeout(timer);
      if (view.message === READING) view.message = undefined;
    };
    loading.then(done, done);
  };
  const setFilter = async (text: string | undefined) => {
    provider.setFilter(text);
    await vscode.commands.executeCommand('setContext', 'growthJournal.filtered', !!provider.current().filter);
    render(await store.snapshot());
  };
  const setPeriod = (next: ViewPeriodKey) => services.viewPeriod.set(next);
  const choosePeriod = async () => {
    const snapshot = await store.snapshot();
    const picked = await pickPeriod(services, snapshot, 'Growth View: Period', [{ label: 'All time', description: 'every entry in the journal', value: 'all' as const }]);
    if (picked) await setPeriod(picked === 'all' ? 'all' : picked.label);
  };

  context.subscriptions.push(
    provider,
    view,
    store.onDidChange(render),
    services.viewPeriod.onDidChange(async (next) => {
      provider.setPeriod(next);
      render(await store.snapshot());
    }),
    store.onDidStartLoading(showProgressIfSlow),
    vscode.commands.registerCommand('growthJournal.refresh', guarded(services, () => store.reload())),
    vscode.commands.registerCommand('growthJournal.showThisQuarter', () => setPeriod('quarter')),
    vscode.commands.registerCommand('growthJournal.showAllTime', () => setPeriod('all')),
    vscode.commands.registerCommand('growthJournal.choosePeriod', guarded(services, choosePeriod)),
    vscode.commands.registerCommand(
      'growthJournal.filterEvidence',
      guarded(services, async (text?: unknown) => {
        // A text given (a test, a keybinding's args) filters at once; otherwise ask, starting from the filter in force.
        const typed = typeof text === 'string' ? text : await services.prompts.inputFilter(provider.current().filter?.text ?? '');
        if (typed !== undefined) await setFilter(typed);
      }),
    ),
    vscode.commands.registerCommand('growthJournal.clearEvidenceFilter', guarded(services, () => setFilter(undefined))),
    vscode.commands.registerCommand(
      'growthJournal.openJournal',
      guarded(services, () => openJournal(services)),
    ),
    vscode.commands.registerCommand(
      'growthJournal.openJournalAtFirstError',
      guarded(services, async () => {
        const { firstError, journalUri } = await store.snapshot();
        if (firstError) await showAt(firstError.uri, firstError.problem.line, firstError.problem.column);
        else if (journalUri) await showAt(journalUri);
      }),
    ),
  );
  const first = store.snapshot();
  showProgressIfSlow(first);
  void first.then(render);
  return provider;
}

/** Which period the counts are for, said again whenever it changes: "2 · 6" is this quarter · all time. */
function viewDescription(snapshot: JournalSnapshot, period: ViewPeriod | undefined, filter: TreeFilter | undefined): string | undefined {
  if (!period) return undefined;
  if (filter) return `“${filter.text}” · ${period.short}`;
  const lastRead = snapshot.status === 'journalError' && snapshot.lastGood ? ', as last read' : '';
  return `${period.range ? `${period.short} · all time` : 'All time'}${lastRead}`;
}

/**
 * The line above the tree: an error, an empty state that says what to do, the filter's result, or
 * the period again (a view alone in its container shows no description, so the message says it).
 */
function viewMessage(snapshot: JournalSnapshot, hasRubric: boolean, period: ViewPeriod | undefined, filter: TreeFilter | undefined, profile: Profile | undefined): string | undefined {
  // Errors a journal can hold and still parse (a cited statement the rubric lacks) are counted with the warnings.
  const problems = snapshot.problems.map((p) => p.problem);
  const counted = problemCounts(problems);
  const error = snapshot.status === 'journalError' ? snapshot.firstError?.problem : undefined;
  if (error) return `The journal has an error${error.line ? ` at line ${error.line}` : ''}: ${error.message} ${snapshot.lastGood ? 'The counts are from its last good read until it parses again.' : 'No evidence is counted until it parses; the rubric stays browsable.'}`;
  if (snapshot.status === 'noJournal' && hasRubric) return 'No journal yet: tag a first piece of evidence (Tag evidence for this dimension… under a dimension, or the … menu) and Growth Journal starts .growth/journal.yaml for you.';
  if (filter && period) {
    return filter.count
      ? `Evidence ${period.phrase} holding “${filter.text}”: ${formatCount(filter.count)} ${filter.count === 1 ? 'entry' : 'entries'}. Clear the filter (✕ in the title bar) to see the whole rubric.`
      : `No evidence ${period.phrase} holds “${filter.text}”. Try other words${period.range ? ', Show All Time,' : ''} or clear the filter (✕ in the title bar).`;
  }
  if (counted && hasErrors(problems)) return `${counted} in the journal: see the Problems panel.`;
  if (snapshot.status === 'ready' && !profile?.targetLevel) return 'Set your current and target level (… menu) to see coverage against the target.';
  if (counted) return `${counted} in the journal: see the Problems panel.`;
  if (!period) return undefined;
  return period.range ? `Counts: ${period.long} · all time.` : 'Counts: all time.';
}

/** Open Journal: the file, or with none yet, the ways to start one. */
async function openJournal(services: Services): Promise<void> {
  const snapshot = await services.store.snapshot();
  if (!snapshot.journalUri) throw new Error('Open a folder first: the journal lives in the first workspace folder.');
  if (snapshot.status === 'noJournal') {
    const choice = await services.prompts.info('There is no journal yet. Tag a first piece of evidence to start one.', 'Add a Note', 'Tag Last Commit');
    if (choice === 'Add a Note') await vscode.commands.executeCommand('growthJournal.addNote');
    if (choice === 'Tag Last Commit') await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    return;
  }
  await showAt(snapshot.journalUri);
}
