import * as vscode from 'vscode';
import { parsePeriod, type Period, notAPeriod } from '../../core/time/periods';
import { inRange } from '../../core/time/quarters';
import { pickPeriod } from '../../host/ui/periodPick';
import { isUneditedSummary, renderSummary, renderSummaryText, type SummaryInput } from '../../core/reports/summary';
import { readTextFile, writeFileAtomic } from '../../host/workspace/files';
import { type JournalSnapshot } from '../../host/journal/store';
import { guarded, type Services } from '../../host/services';
import { requireTrust } from '../../host/workspace/trust';
import { completeWalkthroughStep } from '../../host/ui/walkthrough';

/** Generate Quarterly Summary (Markdown, from core) and Copy Summary (the same document as plain text, for a review tool). */
export function registerSummary(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.generateSummary',
      guarded(services, async (label?: unknown) => {
        const made = await summarise(services, typeof label === 'string' ? label : undefined);
        if (!made) return;
        const { snapshot, period, input } = made;
        const markdown = renderSummary(input);
        const folder = vscode.Uri.joinPath(snapshot.folder!.uri, snapshot.settings.summariesFolder);
        const target = await chooseTarget(services, folder, period.label);
        if (!target) return;
        requireTrust();
        await writeFileAtomic(target, markdown, snapshot);
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
        // Plain text, not Markdown: pasted into a review tool, escapes would show as backslashes.
        await vscode.env.clipboard.writeText(renderSummaryText(made.input));
        void services.prompts.info(`Copied the ${made.period.label} summary to the clipboard as plain text.`);
      }),
    ),
  );
}

async function summarise(services: Services, label: string | undefined): Promise<{ snapshot: JournalSnapshot; period: Period; input: SummaryInput } | undefined> {
  const snapshot = await services.store.snapshot();
  if (snapshot.status === 'noFolder') throw new Error('Open a folder first: summaries are made from the journal in the first workspace folder.');
  if (snapshot.status === 'noJournal' || !snapshot.journal) {
    if (snapshot.firstError) throw new Error(`The journal has an error at line ${snapshot.firstError.problem.line}: ${snapshot.firstError.problem.message}`);
    throw new Error('There is no journal yet, so there is nothing to summarise. Tag some evidence first.');
  }
  if (!snapshot.rubric) throw new Error('The rubric could not be loaded; see the Problems panel.');
  const start = snapshot.settings.fiscalYearStartMonth;
  const period = label ? parsePeriod(label, start) : await pickPeriod(services, snapshot, 'Summary');
  if (label && !period) throw new Error(notAPeriod(label));
  if (!period) return undefined;
  const { range } = period;
  const privateCount = snapshot.journal.entries.filter((e) => e.private && e.date && inRange(e.date, range)).length;
  let includePrivate = false;
  if (privateCount > 0) {
    const choice = await services.prompts.pick('Private Entries', `${period.label} has ${privateCount} private ${privateCount === 1 ? 'entry' : 'entries'}`, [
      { label: '$(lock) Leave private entries out', description: 'for sharing with a manager', value: false },
      { label: '$(unlock) Include private entries', description: 'for your own notes', value: true },
    ]);
    if (choice === undefined) return undefined;
    includePrivate = choice;
  }
  const input: SummaryInput = {
    rubric: snapshot.rubric,
    journal: snapshot.journal,
    period,
    includePrivate,
    journalLabel: snapshot.settings.journalPath,
    summaryFolder: snapshot.settings.summariesFolder,
  };
  return { snapshot, period, input };
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
