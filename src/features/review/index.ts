import { mkdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import { type Journal } from '../../core/journal';
import type { ReviewDrafts, ReviewInput } from '../../core/reports/review';
import type { DraftPlan } from '../../core/reports/reviewDraft';
import { selfReview } from '../../host/workspace/selfReview';
import { inRange } from '../../core/time/quarters';
import { formatProblem } from '../../core/text/problem';
import { parsePeriod, type Period, notAPeriod } from '../../core/time/periods';
import { levelName, type Rubric } from '../../core/rubric/rubric';
import { dirtyDocument, readTextFile, writeFileAtomic } from '../../host/workspace/files';
import { pickPeriod } from '../../host/ui/periodPick';
import { guarded, type Services } from '../../host/services';
import { requireTrust } from '../../host/workspace/trust';

/** Arguments a command may be run with (tests, links): whatever is not given is asked. */
interface ReviewArgs {
  period?: string;
  level?: string;
  includePrivate?: boolean;
}

interface ReviewTarget {
  input: ReviewInput & { level: string };
  uri: vscode.Uri;
  /** The file as it is, or the editor's unsaved text; undefined if there is none yet. */
  earlier?: string;
}

const NO_DRAFT = 'Write Without a Draft';

/**
 * Write Self-Review… and Draft Self-Review with a Language Model…: the period's review file,
 * `.growth/reviews/<period>.md`, made or updated from core, keeping the user's words.
 */
export function registerReview(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.writeReview',
      guarded(services, async (args?: unknown) => {
        requireTrust();
        const target = await reviewTarget(services, reviewArgs(args), true);
        if (!target) return;
        await writeReview(services, target, new Map());
      }),
    ),
    vscode.commands.registerCommand(
      'growthJournal.draftReview',
      guarded(services, async (args?: unknown) => draftReview(services, reviewArgs(args))),
    ),
  );
}

function reviewArgs(args: unknown): ReviewArgs {
  if (typeof args !== 'object' || args === null) return {};
  const given = args as Record<string, unknown>;
  return {
    ...(typeof given.period === 'string' ? { period: given.period } : {}),
    ...(typeof given.level === 'string' ? { level: given.level } : {}),
    ...(typeof given.includePrivate === 'boolean' ? { includePrivate: given.includePrivate } : {}),
  };
}

/** The journal, period, level and file: from the arguments where given, else asked. */
async function reviewTarget(services: Services, args: ReviewArgs, askPrivate: boolean): Promise<ReviewTarget | undefined> {
  const snapshot = await services.store.snapshot();
  if (snapshot.status === 'noFolder' || !snapshot.folder) throw new Error('Open a folder first: the self-review is made from the journal in the first workspace folder.');
  if (!snapshot.journal) {
    if (snapshot.firstError) throw new Error(`The journal has an error at line ${snapshot.firstError.problem.line}: ${snapshot.firstError.problem.message}`);
    throw new Error('There is no journal yet, so there is nothing to review. Tag some evidence first.');
  }
  if (!snapshot.rubric) throw new Error('The rubric could not be loaded; see the Problems panel.');
  const { rubric, journal } = snapshot;
  const start = snapshot.settings.fiscalYearStartMonth;
  const period = args.period === undefined ? await pickPeriod(services, snapshot, 'Self-Review: Period') : parsePeriod(args.period, start);
  if (args.period !== undefined && !period) throw new Error(notAPeriod(args.period));
  if (!period) return undefined;
  const level = args.level ?? (await askLevel(services, rubric, journal));
  if (!level) return undefined;
  let includePrivate = args.includePrivate ?? false;
  const privateCount = privateIn(journal, period);
  if (askPrivate && args.includePrivate === undefined && privateCount > 0) {
    const choice = await services.prompts.pick('Self-Review: Private Entries', `${period.label} has ${privateCount} private ${privateCount === 1 ? 'entry' : 'entries'}`, [
      { label: '$(lock) Leave private entries out', description: 'for a review you will share', value: false },
      { label: '$(unlock) Include private entries', description: 'for your own preparation', value: true },
    ]);
    if (choice === undefined) return undefined;
    includePrivate = choice;
  }
  const uri = vscode.Uri.joinPath(snapshot.folder.uri, '.growth', 'reviews', `${period.label}.md`);
  const earlier = await readEarlier(uri);
  try {
    // The level checked before anything is written or sent.
    selfReview().reviewLevel({ rubric, journal, level });
  } catch (e) {
    if (e instanceof selfReview().ReviewError) throw new Error(e.message, { cause: e });
    throw e;
  }
  return { input: { rubric, journal, period, level, includePrivate, journalLabel: snapshot.settings.journalPath }, uri, ...(earlier === undefined ? {} : { earlier }) };
}

async function askLevel(services: Services, rubric: Rubric, journal: Journal): Promise<string | undefined> {
  return services.prompts.pickLevel(rubric, {
    title: 'Self-Review: Level',
    placeHolder: 'Which level is the review for? Its statements in force become the sections.',
    ...(journal.profile.targetLevel ? { suggested: journal.profile.targetLevel, targetLevel: journal.profile.targetLevel } : {}),
    ...(journal.profile.currentLevel ? { currentLevel: journal.profile.currentLevel } : {}),
  });
}

function privateIn(journal: Journal, period: Period): number {
  return journal.entries.filter((e) => e.private && e.date && inRange(e.date, period.range)).length;
}

/** The review as it is: an open editor's unsaved text first, else the file; a file that is not UTF-8 is refused with its place. */
async function readEarlier(uri: vscode.Uri): Promise<string | undefined> {
  const dirty = dirtyDocument(uri);
  if (dirty) return dirty.getText();
  const read = await readTextFile(uri);
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'invalid') throw new Error(`${formatProblem(vscode.workspace.asRelativePath(uri), read.problem)}. Fix or move the file, then run this again: nothing was changed.`);
  return read.text;
}

/** Writes the review (into the open editor if it has unsaved edits), in a folder kept out of git, and opens it. */
async function writeReview(services: Services, target: ReviewTarget, drafts: ReviewDrafts): Promise<string[]> {
  requireTrust();
  const { text, drafted } = selfReview().buildReview(target.input, target.earlier, drafts);
  const dirty = dirtyDocument(target.uri);
  if (dirty) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target.uri, new vscode.Range(dirty.positionAt(0), dirty.positionAt(dirty.getText().length)), text);
    if (!(await vscode.workspace.applyEdit(edit)) || !(await dirty.save())) throw new Error(`${vscode.workspace.asRelativePath(target.uri)} could not be updated in its editor; save or revert it, then run this again.`);
  } else {
    const folder = vscode.Uri.joinPath(target.uri, '..');
    await mkdir(folder.fsPath, { recursive: true });
    const ignore = vscode.Uri.joinPath(folder, '.gitignore');
    if ((await readTextFile(ignore)).kind === 'missing') await writeFileAtomic(ignore, '# Self-reviews are yours: kept out of git.\n*\n', {});
    await writeFileAtomic(target.uri, text, await services.store.snapshot());
  }
  await vscode.window.showTextDocument(target.uri, { preview: false });
  const name = vscode.workspace.asRelativePath(target.uri);
  void services.prompts.info(
    target.earlier === undefined
      ? `Wrote ${name}: a section per ${levelName(target.input.rubric, target.input.level)} statement with its evidence. Write your own words under each; making it again keeps them.`
      : `Updated ${name} with the evidence of ${target.input.period.label}, keeping your words.`,
  );
  return drafted;
}

// ---- Draft with a language model ---------------------------------------------------------------

/** The language model API, or undefined on a VS Code without it. */
function languageModels(): typeof vscode.lm | undefined {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  return typeof lm?.selectChatModels === 'function' ? (lm as typeof vscode.lm) : undefined;
}

async function draftReview(services: Services, args: ReviewArgs): Promise<void> {
  requireTrust();
  const lm = languageModels();
  if (!lm) return offerWithoutDraft(services, args, `This version of VS Code (${vscode.version}) has no language model API, so Growth Journal cannot draft with one. Update VS Code to draft; you can still write the self-review yourself.`);
  const models = await lm.selectChatModels();
  if (models.length === 0) {
    return offerWithoutDraft(
      services,
      args,
      'No language model is available in VS Code. Install and sign in to an extension that provides one (GitHub Copilot Chat, for example, from the Extensions view), then run this again; you can write the self-review without a draft now.',
    );
  }
  const model =
    models.length === 1
      ? models[0]
      : await services.prompts.pick(
          'Draft Self-Review: Language Model',
          'Which of your editor\'s language models should draft?',
          models.map((m) => ({ label: m.name, description: `${m.vendor} · ${m.family}`, value: m })),
        );
  if (!model) return;
  const target = await reviewTarget(services, args, false);
  if (!target) return;
  const { input } = target;
  const planOf = (allowPrivate: boolean) => selfReview().draftPlan({ rubric: input.rubric, journal: input.journal, period: input.period, level: input.level, allowPrivate, ...(target.earlier === undefined ? {} : { earlier: target.earlier }) });
  const shared = planOf(false);
  const withPrivate = planOf(true);
  const privateSent = withPrivate.sent.filter((e) => e.private).length;
  if (withPrivate.tasks.length === 0) {
    await writeReview(services, target, new Map());
    void services.prompts.info(`Nothing to draft: every ${levelName(input.rubric, input.level)} statement with evidence in ${input.period.label} already has your words, or none has evidence. Nothing was sent to ${model.name}.`);
    return;
  }
  const send = `Send to ${model.name}`;
  const sendPrivate = `Send, with ${privateSent} Private ${privateSent === 1 ? 'Entry' : 'Entries'}`;
  const choice = await services.prompts.modal(
    `Draft your self-review with ${model.name} (${model.vendor})?`,
    consentDetail(model.name, input, shared, withPrivate, privateSent),
    ...(shared.tasks.length > 0 ? [send] : []),
    ...(privateSent > 0 ? [sendPrivate] : []),
  );
  if (choice !== send && choice !== sendPrivate) return;
  const allowPrivate = choice === sendPrivate;
  const plan = allowPrivate ? withPrivate : shared;
  const drafted = await askModel(model, input, plan, allowPrivate);
  if (!drafted) {
    void services.prompts.info('Drafting was cancelled: nothing was written.');
    return;
  }
  const written = await writeReview(services, { ...target, input: { ...input, includePrivate: input.includePrivate || allowPrivate } }, drafted.drafts);
  const parts = [`${model.name} drafted ${written.length} of ${plan.tasks.length} ${plan.tasks.length === 1 ? 'section' : 'sections'}, each marked as a draft: keep what is true, in your own words.`];
  if (drafted.dropped > 0) parts.push(selfReview().droppedText(drafted.dropped));
  if (plan.leftOver > 0) parts.push(`${plan.leftOver} more ${plan.leftOver === 1 ? 'statement was' : 'statements were'} left for another run (at most ${plan.tasks.length} requests a run).`);
  void services.prompts.info(parts.join(' '));
}

async function offerWithoutDraft(services: Services, args: ReviewArgs, message: string): Promise<void> {
  if ((await services.prompts.warning(message, NO_DRAFT)) !== NO_DRAFT) return;
  const target = await reviewTarget(services, args, true);
  if (target) await writeReview(services, target, new Map());
}

/** The consent screen's detail: the model, and exactly what goes to it. */
function consentDetail(modelName: string, input: ReviewTarget['input'], shared: DraftPlan, withPrivate: DraftPlan, privateSent: number): string {
  const plan = shared.tasks.length > 0 ? shared : withPrivate;
  const lines = [
    `Growth Journal will send ${modelName} ${plan.tasks.length} ${plan.tasks.length === 1 ? 'request' : 'requests'}, one per ${levelName(input.rubric, input.level)} statement that has evidence and none of your words yet${plan.leftOver > 0 ? ` (${plan.leftOver} more wait for another run)` : ''}. Each request holds the statement and the title and details (note) of each entry of ${input.period.label} about it:`,
    '',
    'Statements:',
    ...plan.tasks.map((t) => `• ${t.statement.text}`),
    '',
    'Entries:',
    ...shared.sent.map((e) => `• ${e.date}: ${e.title}`),
  ];
  if (privateSent > 0) lines.push('', `Private entries (${privateSent}) are sent only if you choose to include them:`, ...withPrivate.sent.filter((e) => e.private).map((e) => `• ${e.date}: ${e.title} (private)`));
  lines.push('', 'Nothing else leaves your editor. Every sentence of the reply must cite your entries; any that does not is dropped. Drafts go only into sections where you have written nothing.');
  return lines.join('\n');
}

/** One request per planned statement, with progress and Cancel; undefined if cancelled. */
async function askModel(model: vscode.LanguageModelChat, input: ReviewTarget['input'], plan: DraftPlan, allowPrivate: boolean): Promise<{ drafts: Map<string, string[]>; dropped: number } | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Drafting with ${model.name}`, cancellable: true }, async (progress, token) => {
    const drafts = new Map<string, string[]>();
    let dropped = 0;
    for (const [i, task] of plan.tasks.entries()) {
      if (token.isCancellationRequested) return undefined;
      progress.report({ message: `${i + 1} of ${plan.tasks.length}: ${task.statement.text}`, increment: 100 / plan.tasks.length });
      let reply = '';
      try {
        const response = await model.sendRequest(
          [vscode.LanguageModelChatMessage.User(selfReview().draftPrompt(input.rubric, input.period, input.level, task))],
          { justification: 'Growth Journal drafts your self-review from the journal entries you chose to send.' },
          token,
        );
        for await (const part of response.text) reply += part;
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw new Error(`${model.name} could not draft: ${e instanceof Error ? e.message : String(e)}. Nothing was written; you can run Write Self-Review… without a draft.`, { cause: e });
      }
      const checked = selfReview().checkDraft(reply, { journal: input.journal, period: input.period, statement: task.statement, allowPrivate });
      dropped += checked.dropped;
      if (checked.sentences.length > 0) drafts.set(task.key, selfReview().draftLines(model.name, checked.sentences));
    }
    return token.isCancellationRequested ? undefined : { drafts, dropped };
  });
}
