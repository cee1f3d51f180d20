/**
 * Rubrics in the workspace. Import Career Ladder…: a Markdown or YAML ladder read into the
 * rubric format, shown in the Ladder Preview before anything is written, then saved as
 * `.growth/rubrics/<id>.rubric.yaml` and, if the user agrees, named by the journal.
 * Switch Rubric…: see src/host/ui/rubricSwitch.ts (Set Current and Target Level uses it too).
 */
import * as vscode from 'vscode';
import { type LadderImport } from '../../core/rubric/ladderImport';
import { MAX_LADDER_CHARS } from '../../core/rubric/ladderImport/limit';
import { importOutline } from '../../core/rubric/ladderImport/outline';
import { parseRubric } from '../../core/rubric/rubric';
import { stripBom } from '../../core/text/strings';
import { readTextFile, writeFileAtomic } from '../../host/workspace/files';
import { guarded, type Services } from '../../host/services';
import { type LadderImporter, ladderImporter } from '../../host/workspace/ladderImporter';
import { requireTrust } from '../../host/workspace/trust';
import { LadderPreviewProvider } from './previewTree';
import { availableRubrics, switchJournalTo, WORKSPACE_RUBRICS } from '../../host/ui/rubricSwitch';

const PREVIEW_CONTEXT = 'growthJournal.ladderPreview';
const SAVE = 'Save Rubric';
const DISCARD = 'Discard';

/** What the integration tests look at: the preview as it was last shown. */
export interface LadderPreviewProbe {
  preview: LadderPreviewProvider;
}

export function registerRubrics(context: vscode.ExtensionContext, services: Services): LadderPreviewProbe {
  const preview = new LadderPreviewProvider();
  const view = vscode.window.createTreeView('growthJournal.ladderPreview', { treeDataProvider: preview, showCollapseAll: true });
  const ladderPreview: LadderPreview = { preview, view, decide: undefined };
  context.subscriptions.push(
    preview,
    view,
    vscode.commands.registerCommand('growthJournal.saveImportedLadder', () => ladderPreview.decide?.(true)),
    vscode.commands.registerCommand('growthJournal.discardImportedLadder', () => ladderPreview.decide?.(false)),
    vscode.commands.registerCommand(
      'growthJournal.importLadder',
      guarded(services, () => importLadder(context.extensionUri, services, ladderPreview)),
    ),
    vscode.commands.registerCommand(
      'growthJournal.switchRubric',
      guarded(services, async () => {
        requireTrust();
        const location = services.store.journalLocation();
        if (!location) throw new Error('Open a folder first: the journal lives in the first workspace folder.');
        const snapshot = await services.store.snapshot();
        const current = snapshot.journal?.rubric ?? (snapshot.settings.rubric || 'product-security');
        const choices = await availableRubrics(context.extensionUri, location.folder);
        const target = await services.prompts.pick(
          'Switch Rubric',
          `The rubric this journal grows against. Import Career Ladder… adds yours to ${WORKSPACE_RUBRICS}/.`,
          choices.map((c) => ({
            label: c.rubric.name,
            description: [c.ref, c.ref === current ? 'in use' : ''].filter(Boolean).join(' · '),
            value: c,
          })),
        );
        if (!target) return;
        if (target.ref === current) {
          void services.prompts.info(`The journal already uses ${target.rubric.name}.`);
          return;
        }
        await switchJournalTo(services, target);
      }),
    ),
  );
  return { preview };
}

/** The Ladder Preview and, while it shows an import, how its ✓ and ✕ answer. */
interface LadderPreview {
  preview: LadderPreviewProvider;
  view: vscode.TreeView<unknown>;
  decide: ((save: boolean) => void) | undefined;
}

/**
 * Import Career Ladder…: the ladder read into a rubric, shown in the preview until saved or
 * discarded, saved under .growth/rubrics/, then offered as the journal's rubric.
 */
async function importLadder(extensionUri: vscode.Uri, services: Services, shown: LadderPreview): Promise<void> {
  requireTrust();
  const location = services.store.journalLocation();
  if (!location) throw new Error('Open a folder first: imported rubrics are saved in its .growth/rubrics folder.');
  const file = await services.prompts.pickLadderFile(location.folder.uri);
  if (!file) return;
  const result = await readLadder(ladderImporter(extensionUri), file, location.folder);
  const relative = `${WORKSPACE_RUBRICS}/${result.rubric.id}.rubric.yaml`;
  const target = vscode.Uri.joinPath(location.folder.uri, ...relative.split('/'));

  shown.decide?.(false);
  const outline = importOutline(result, relative);
  shown.preview.show(outline);
  shown.view.title = `Ladder Preview: ${result.rubric.name}`;
  await vscode.commands.executeCommand('setContext', PREVIEW_CONTEXT, true);
  // Showing the view is a courtesy: the notification below works without it.
  await vscode.commands.executeCommand('growthJournal.ladderPreview.focus').then(undefined, () => undefined);
  let save: boolean;
  try {
    save = await new Promise<boolean>((resolve) => {
      shown.decide = resolve;
      const counts = outline[0].description ?? '';
      void services.prompts
        .info(`Read ${basename(file)} as ${result.rubric.name}: ${counts}. Check it in the Ladder Preview, then save it as ${relative}.`, SAVE, DISCARD)
        .then((answer) => answer && resolve(answer === SAVE));
    });
  } finally {
    shown.decide = undefined;
    shown.preview.show([]);
    await vscode.commands.executeCommand('setContext', PREVIEW_CONTEXT, false);
  }
  if (!save) return;

  const existing = await readTextFile(target);
  if (existing.kind === 'text' && existing.text !== result.yaml) {
    const replace = await services.prompts.confirm(`Replace ${relative}?`, 'A rubric with this id is already in the workspace. Levels and dimensions with the same names keep their ids, so evidence tagged against them stays attached.', 'Replace');
    if (!replace) return;
  }
  // Replacing an earlier import of this rubric is what the user just agreed to; a journal is never replaced.
  await writeFileAtomic(target, result.yaml, { journalUri: location.uri, kept: ['journal'] });

  const snapshot = await services.store.snapshot();
  if (snapshot.journal?.rubric === relative) {
    void services.prompts.info(`Saved ${relative}; the journal already uses it.`);
    return;
  }
  const entries = snapshot.journal?.entries.length ?? 0;
  const use = await services.prompts.confirm(
    `Use "${result.rubric.name}" for this journal?`,
    `The journal will name ${relative} as its rubric. Every entry is kept${entries ? `; next you map the dimensions and levels your ${entries} entries use that it lacks` : ''}.`,
    'Use This Rubric',
  );
  const rubric = parseRubric(result.yaml).rubric;
  if (!use || !rubric || !(await switchJournalTo(services, { ref: relative, rubric }))) {
    void services.prompts.info(`Saved ${relative}. Run Switch Rubric… to use it.`);
  }
}

/** Reads and imports the ladder; a rubric already saved under the same id lends its ids to names that match. */
async function readLadder({ importLadder, LadderImportError }: LadderImporter, file: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<LadderImport> {
  // A character takes up to four bytes of UTF-8; the importer checks its own limit on the text.
  const read = await readTextFile(file, MAX_LADDER_CHARS * 4, { severity: 'error', code: 'too-large', message: 'The file is far larger than a career ladder can be, so it was not read. Check that you chose the right file.' });
  if (read.kind === 'missing') throw new Error(`${basename(file)} is not there any more.`);
  if (read.kind === 'invalid') throw new Error(`${basename(file)}: ${read.problem.message}`);
  const sourceName = basename(file);
  try {
    const first = importLadder(read.text, { sourceName });
    const saved = await readTextFile(vscode.Uri.joinPath(folder.uri, ...WORKSPACE_RUBRICS.split('/'), `${first.rubric.id}.rubric.yaml`));
    const previous = saved.kind === 'text' ? parseRubric(stripBom(saved.text)).rubric : undefined;
    return previous ? importLadder(read.text, { sourceName, previous }) : first;
  } catch (e) {
    if (e instanceof LadderImportError) throw new Error(`${sourceName}: ${e.message}`, { cause: e });
    throw e;
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
