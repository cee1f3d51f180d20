import * as vscode from 'vscode';
import { localIsoDate } from '../../core/dates';
import { nextQuarter, parseQuarter, previousQuarter, quarterLabel, quarterMonths, quarterOfDate, quarterRange, inRange, type Quarter } from '../../core/quarters';
import { isUneditedSummary, renderQuarterSummary } from '../../core/summary';
import { readTextFile, writeFileAtomic } from '../../host/files';
import { type JournalSnapshot } from '../../host/journalStore';
import { guarded, type Services } from '../../host/services';
import { requireTrust } from '../../host/trust';
import { completeWalkthroughStep } from '../../host/walkthrough';

/** Generate Quarterly Summary and Copy Summary: the review-ready Markdown, from core. */
export function registerSummary(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.generateSummary',
      guarded(services, async (label?: unknown) => {
        const made = await summarise(services, typeof label === 'string' ? label : undefined);
        if (!made) return;
        const { snapshot, quarter, markdown } = made;
        const folder = vscode.Uri.joinPath(snapshot.folder!.uri, snapshot.settings.summariesFolder);
        const target = await chooseTarget(services, folder, quarterLabel(quarter));
        if (!target) return;
        requireTrust();
        await writeFileAtomic(target, markdown);
        completeWalkthroughStep('summary');
        await vscode.window.showTextDocument(target, { preview: false });
        await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
      }),
    ),
    vscode.commands.registerCommand(
      'growthJournal.copySummary',
      guarded(services, async (label?: unknown) => {
        const made = await summarise(services, typeof label === 'string' ? label : undefined);
        if (!made) return;
        await vscode.env.clipboard.writeText(made.markdown);
        void services.prompts.info(`Copied the ${quarterLabel(made.quarter)} summary to the clipboard.`);
      }),
    ),
  );
}

async function summarise(services: Services, label: string | undefined): Promise<{ snapshot: JournalSnapshot; quarter: Quarter; markdown: string } | undefined> {
  const snapshot = await services.store.snapshot();
  if (snapshot.status === 'noFolder') throw new Error('Open a folder first: summaries are made from the journal in the first workspace folder.');
  if (snapshot.status === 'noJournal' || !snapshot.journal) {
    if (snapshot.firstError) throw new Error(`The journal has an error at line ${snapshot.firstError.problem.line}: ${snapshot.firstError.problem.message}`);
    throw new Error('There is no journal yet, so there is nothing to summarise. Tag some evidence first.');
  }
  if (!snapshot.rubric) throw new Error('The rubric could not be loaded; see the Problems panel.');
  const start = snapshot.settings.fiscalYearStartMonth;
  const quarter = label ? parseQuarter(label, start) : await pickQuarter(services, snapshot);
  if (!quarter) return undefined;
  const range = quarterRange(quarter);
  const privateCount = snapshot.journal.entries.filter((e) => e.private && e.date && inRange(e.date, range)).length;
  let includePrivate = false;
  if (privateCount > 0) {
    const choice = await services.prompts.pick('Private Entries', `${quarterLabel(quarter)} has ${privateCount} private ${privateCount === 1 ? 'entry' : 'entries'}`, [
      { label: '$(lock) Leave private entries out', description: 'for sharing with a manager', value: false },
      { label: '$(unlock) Include private entries', description: 'for your own notes', value: true },
    ]);
    if (choice === undefined) return undefined;
    includePrivate = choice;
  }
  const markdown = renderQuarterSummary({
    rubric: snapshot.rubric,
    journal: snapshot.journal,
    quarter,
    includePrivate,
    journalLabel: snapshot.settings.journalPath,
    summaryFolder: snapshot.settings.summariesFolder,
  });
  return { snapshot, quarter, markdown };
}

async function pickQuarter(services: Services, snapshot: JournalSnapshot): Promise<Quarter | undefined> {
  const start = snapshot.settings.fiscalYearStartMonth;
  const current = quarterOfDate(localIsoDate(new Date()), start);
  const counts = new Map<string, number>();
  for (const e of snapshot.journal?.entries ?? []) if (e.date) counts.set(quarterLabel(quarterOfDate(e.date, start)), (counts.get(quarterLabel(quarterOfDate(e.date, start))) ?? 0) + 1);
  const labels = [...new Set([quarterLabel(current), quarterLabel(previousQuarter(current)), ...[...counts.keys()].sort().reverse()])];
  const choices = labels
    .filter((l) => l <= quarterLabel(nextQuarter(current)))
    .map((l) => {
      const q = parseQuarter(l, start)!;
      const n = counts.get(l) ?? 0;
      const when = l === quarterLabel(current) ? 'this quarter, ' : l === quarterLabel(previousQuarter(current)) ? 'last quarter, ' : '';
      return { label: l, description: `${quarterMonths(q)}: ${when}${n} ${n === 1 ? 'entry' : 'entries'}`, value: q };
    });
  return services.prompts.pick('Quarterly Summary', 'Which quarter?', choices);
}

/** The file to write: the quarter's own, unless the user edited it, then they choose. */
async function chooseTarget(services: Services, folder: vscode.Uri, label: string): Promise<vscode.Uri | undefined> {
  const target = vscode.Uri.joinPath(folder, `${label}.md`);
  const existing = await readTextFile(target);
  if (existing.kind === 'missing' || (existing.kind === 'text' && isUneditedSummary(existing.text))) return target;
  let n = 2;
  while ((await readTextFile(vscode.Uri.joinPath(folder, `${label} (${n}).md`))).kind !== 'missing') n++;
  const alternative = vscode.Uri.joinPath(folder, `${label} (${n}).md`);
  return services.prompts.pick(`${label}.md Was Edited`, 'You changed the earlier summary of this quarter. Keep your edits?', [
    { label: `$(new-file) Save as ${label} (${n}).md`, description: 'keeps your edited file', value: alternative },
    { label: `$(replace) Replace ${label}.md`, description: 'your edits to it are lost', value: target },
  ]);
}
