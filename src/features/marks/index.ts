import * as vscode from 'vscode';
import { type Journal } from '../../core/journal';
import { markDetails, markLabel, marksIn, type Mark } from '../../core/reports/marks';
import { mdText } from '../../core/reports/markdown';
import { type JournalSnapshot } from '../../host/journal/store';
import { guarded, type Services } from '../../host/services';
import { documentLines, recordedFileNames, recordedSelection } from '../../host/workspace/selection';
import { requireTrust } from '../../host/workspace/trust';

const SETTING = 'codeLens.enabled';
/** Built by another feature when present: the hover offers it only then. */
const EDIT_ENTRY = 'growthJournal.editEntry';

/**
 * Evidence where the code is: a CodeLens above each tagged range of a file (its dimensions and
 * title), a hover with the level, the statements cited and actions, and Re-anchor for a range
 * whose code moved or changed. The journal's entries are indexed by file once per snapshot, so
 * a file without evidence costs one lookup; a file with some is searched per document version.
 */
export function registerMarks(context: vscode.ExtensionContext, services: Services): void {
  const marks = new DocumentMarks(services);
  const selector: vscode.DocumentSelector = { scheme: 'file' };
  context.subscriptions.push(
    marks,
    vscode.languages.registerCodeLensProvider(selector, {
      onDidChangeCodeLenses: marks.onDidChange,
      provideCodeLenses: async (document) => (await marks.of(document)).flatMap(({ mark, label }) => lensesOf(mark, label)),
    }),
    vscode.languages.registerHoverProvider(selector, {
      provideHover: async (document, position) => {
        const here = (await marks.of(document)).filter(({ mark }) => mark.startLine - 1 <= position.line && position.line <= mark.endLine - 1);
        if (!here.length) return undefined;
        const { rubric } = await services.store.snapshot();
        const canEdit = (await vscode.commands.getCommands(true)).includes(EDIT_ENTRY);
        return new vscode.Hover(
          here.map(({ mark }) => hoverOf(markDetails(rubric, mark), mark, canEdit)),
          new vscode.Range(here[0].mark.startLine - 1, 0, here[0].mark.endLine - 1, Number.MAX_SAFE_INTEGER),
        );
      },
    }),
    vscode.commands.registerCommand(
      'growthJournal.reanchorEntry',
      guarded(services, async (arg: unknown) => {
        requireTrust();
        const id = typeof arg === 'string' ? arg : undefined;
        const { journal } = await services.store.snapshot();
        const entry = journal?.entries.find((e) => e.id === id);
        if (!entry?.selection) throw new Error('Re-anchor runs from the mark of a selection entry: that entry is no longer in the journal. Refresh the view.');
        const editor = vscode.window.activeTextEditor;
        if (!editor || !recordedFileNames(editor.document.uri).includes(entry.selection.file) || editor.selection.isEmpty) {
          throw new Error(`Select the lines “${entry.title}” is about now in ${entry.selection.file}, then run Re-anchor again.`);
        }
        const { startLine, endLine, hash, firstLine, sha, link } = await recordedSelection(services.git, editor);
        await services.store.reanchor(entry.id, { startLine, endLine, hash, firstLine, ...(sha ? { sha } : {}), ...(link ? { link } : {}) });
        void services.prompts.info(`“${entry.title}” now points at lines ${startLine}-${endLine} of ${entry.selection.file}.`);
      }),
    ),
  );
}

interface LabelledMark {
  mark: Mark;
  label: string;
}

/** The marks of open documents, found again per document version and journal read. */
class DocumentMarks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private latest: JournalSnapshot | undefined;
  private readonly found = new WeakMap<vscode.TextDocument, { version: number; journal: Journal; marks: LabelledMark[] }>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.disposables = [
      this.changed,
      services.store.onDidChange((snapshot) => {
        this.latest = snapshot;
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`growthJournal.${SETTING}`) && this.changed.fire()),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  async of(document: vscode.TextDocument): Promise<LabelledMark[]> {
    if (!vscode.workspace.getConfiguration('growthJournal').get<boolean>(SETTING, true)) return [];
    const snapshot = this.latest ?? (this.latest = await this.services.store.snapshot());
    const { journal, rubric } = snapshot;
    if (!journal || document.uri.scheme !== 'file') return [];
    const known = this.found.get(document);
    if (known && known.version === document.version && known.journal === journal) return known.marks;
    const marks = marksIn(journal, recordedFileNames(document.uri), documentLines(document)).map((mark) => ({ mark, label: markLabel(rubric, mark.entry) }));
    this.found.set(document, { version: document.version, journal, marks });
    return marks;
  }
}

/** Text in a lens title with `$(name)` escaped, so a title from the journal never renders as an icon. */
function withoutIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

function lensesOf(mark: Mark, text: string): vscode.CodeLens[] {
  const label = withoutIcons(text);
  const range = new vscode.Range(mark.startLine - 1, 0, mark.startLine - 1, 0);
  const open = new vscode.CodeLens(range, { title: mark.state === 'changed' ? `$(warning) Moved or changed · ${label}` : label, tooltip: 'Open this entry in the journal', command: 'growthJournal.openEntryInJournal', arguments: [mark.entry.id] });
  if (mark.state !== 'changed') return [open];
  return [open, new vscode.CodeLens(range, { title: 'Re-anchor to Selection', tooltip: 'Select the lines this evidence is about now, then click', command: 'growthJournal.reanchorEntry', arguments: [mark.entry.id] })];
}

/** The hover of one mark: every string from the journal or rubric escaped, actions as command links. */
function hoverOf(details: ReturnType<typeof markDetails>, mark: Mark, canEdit: boolean): vscode.MarkdownString {
  const link = (title: string, command: string) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([mark.entry.id]))} "${title}")`;
  const actions = [
    link('Open in Journal', 'growthJournal.openEntryInJournal'),
    ...(canEdit ? [link('Edit Entry', EDIT_ENTRY)] : []),
    link('Remove', 'growthJournal.removeEntry'),
    ...(mark.state === 'changed' ? [link('Re-anchor to Selection', 'growthJournal.reanchorEntry')] : []),
  ];
  const lines = [
    `**${mdText(details.label)}**`,
    details.level === undefined ? 'No level claimed.' : `Level: ${mdText(details.level)}`,
    ...(details.statements.length ? ['Statements cited:', ...details.statements.map((text) => `- ${mdText(text)}`)] : ['No statement cited.']),
    ...(details.state ? [`$(warning) ${mdText(details.state)}`] : []),
    actions.join(' · '),
  ];
  const markdown = new vscode.MarkdownString(lines.join('\n\n'), true);
  markdown.isTrusted = { enabledCommands: ['growthJournal.openEntryInJournal', 'growthJournal.removeEntry', 'growthJournal.reanchorEntry', ...(canEdit ? [EDIT_ENTRY] : [])] };
  return markdown;
}
