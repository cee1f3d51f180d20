import * as vscode from 'vscode';
import { allDimensions, findDimension, levelName, type Rubric } from '../../core/rubric/rubric';
import { type Statement } from '../../core/rubric/statements';
import { parsePeriod, PERIOD_HINT, type Period } from '../../core/time/periods';
import { type Commit, type Repo } from '../git/repos';

export interface CommitChoice {
  commit: Commit;
  tagged: boolean;
}

/**
 * Every question Growth Journal asks. The VS Code implementation is below; the integration
 * tests substitute scripted answers, so each flow is tested end to end without a person.
 */
export type EvidenceKind = 'commit' | 'lastCommit' | 'selection' | 'note';

export interface DimensionPickOptions {
  recent: readonly string[];
  /** Checked on opening: dimensions suggested by commit trailers or chosen from the tree. */
  preselected: readonly string[];
  /** Listed first and named in the title: the dimension the command started from (the tree's "+"). */
  pinned?: readonly string[];
  /** What is being tagged, for the title: a commit's short sha and subject, say. */
  subject?: string;
  targetLevel?: string;
}

export interface Choice<T> {
  label: string;
  description?: string;
  value: T;
}

export interface Prompts {
  /** A single choice from a list. */
  pick<T>(title: string, placeHolder: string, choices: readonly Choice<T>[]): Promise<T | undefined>;
  pickEvidenceKind(canTagSelection: boolean): Promise<EvidenceKind | undefined>;
  pickRepository(repos: readonly Repo[]): Promise<Repo | undefined>;
  pickCommits(choices: readonly CommitChoice[], repo: Repo): Promise<Commit[] | undefined>;
  inputTitle(prompt: string, value?: string): Promise<string | undefined>;
  inputDetails(): Promise<string | undefined>;
  /** Any period typed in, checked as it is typed (a date range, most often). */
  inputPeriod(title: string, fiscalStartMonth: number): Promise<Period | undefined>;
  pickDimensions(rubric: Rubric, options: DimensionPickOptions): Promise<string[] | undefined>;
  /** `only` limits the choice (targets at or above the current level); the order is always the ladder's. */
  pickLevel(rubric: Rubric, options: { suggested?: string; currentLevel?: string; targetLevel?: string; title: string; only?: readonly string[]; placeHolder?: string }): Promise<string | undefined>;
  /**
   * Which of the statements in force the evidence shows (optional: none is an answer; undefined
   * cancels). `cited` counts what the journal already cites, to mark it.
   */
  pickStatements(rubric: Rubric, options: { statements: readonly Statement[]; cited: ReadonlyMap<string, number>; levelName: string }): Promise<string[] | undefined>;
  pickPrivacy(): Promise<boolean | undefined>;
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A career ladder file to import (Markdown or YAML). */
  pickLadderFile(defaultFolder: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** A read-only Markdown page, rendered, for a person to read before the question that follows (a switch's plan). */
  showMarkdown(title: string, markdown: string): Promise<void>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warning(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

const STEP_TITLE = 'Tag Evidence';
const PAGE_SCHEME = 'growth-journal-page';

/** The kinds of evidence Tag Evidence offers, the likeliest first so that Enter takes it. */
export function evidenceKindChoices(canTagSelection: boolean): (vscode.QuickPickItem & { evidence: EvidenceKind })[] {
  // With code selected, that selection is most likely what the person means (Ctrl+Alt+G from the editor).
  const selection = canTagSelection ? [{ label: '$(code) Selected code', description: 'the lines selected in the editor', evidence: 'selection' as const }] : [];
  return [
    ...selection,
    { label: '$(git-commit) Last commit', description: 'the commit you just made', evidence: 'lastCommit' },
    { label: '$(git-commit) Commits…', description: 'pick from recent commits', evidence: 'commit' },
    { label: '$(note) Note…', description: 'a design review, an incident, a talk: anything without a commit', evidence: 'note' },
  ];
}

export class VsCodePrompts implements Prompts {
  async pick<T>(title: string, placeHolder: string, choices: readonly Choice<T>[]): Promise<T | undefined> {
    return (await vscode.window.showQuickPick(choices.map((c) => ({ ...c })), { title, placeHolder }))?.value;
  }

  async pickEvidenceKind(canTagSelection: boolean): Promise<EvidenceKind | undefined> {
    return (await vscode.window.showQuickPick(evidenceKindChoices(canTagSelection), { title: STEP_TITLE, placeHolder: 'What do you want to tag as evidence?' }))?.evidence;
  }

  async pickRepository(repos: readonly Repo[]): Promise<Repo | undefined> {
    const picked = await vscode.window.showQuickPick(
      repos.map((repo) => ({ label: `$(repo) ${repo.name}`, description: vscode.workspace.asRelativePath(repo.root, true), repo })),
      { title: 'Which repository?', placeHolder: 'Pick the repository whose commits to tag' },
    );
    return picked?.repo;
  }

  async pickCommits(choices: readonly CommitChoice[], repo: Repo): Promise<Commit[] | undefined> {
    const items = choices.map(({ commit, tagged }) => ({
      label: `${tagged ? '$(pass-filled) ' : '$(git-commit) '}${commit.subject}`,
      description: [commit.sha.slice(0, 7), commit.author, commit.date ? relativeTime(commit.date) : undefined, tagged ? 'already tagged' : undefined].filter(Boolean).join(' · '),
      commit,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: `Tag Commits of ${repo.name} as Evidence`,
      placeHolder: 'Pick one or more commits (Space to select, Enter to confirm)',
      canPickMany: true,
      matchOnDescription: true,
    });
    return picked?.map((p) => p.commit);
  }

  inputTitle(prompt: string, value?: string): Promise<string | undefined> {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: STEP_TITLE,
        prompt,
        value: value ?? '',
        placeHolder: 'e.g. Led the design review for the new auth service',
        validateInput: (v) => (v.trim() ? undefined : 'A title is needed: one line that says what you did.'),
      }),
    );
  }

  async inputPeriod(title: string, fiscalStartMonth: number): Promise<Period | undefined> {
    const text = await vscode.window.showInputBox({
      title,
      prompt: `A period: ${PERIOD_HINT}.`,
      placeHolder: '2026-03-01..2026-08-31',
      validateInput: (v) => (parsePeriod(v, fiscalStartMonth) ? undefined : `Not a period. Write ${PERIOD_HINT}.`),
    });
    return text === undefined ? undefined : parsePeriod(text, fiscalStartMonth);
  }

  /** One line in a box, or, through its button, as many as wanted in an editor. */
  async inputDetails(): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    const inEditor: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Write the note in an editor (several lines)' };
    box.title = STEP_TITLE;
    box.prompt = 'Details (optional): what happened, why it mattered, what changed. Enter skips; the button opens an editor for a longer note.';
    box.placeholder = 'Optional';
    box.buttons = [inEditor];
    const answer = await new Promise<string | { editor: true } | undefined>((resolve) => {
      box.onDidAccept(() => resolve(box.value));
      box.onDidTriggerButton(() => resolve({ editor: true }));
      box.onDidHide(() => resolve(undefined));
      box.show();
    });
    const typed = box.value;
    box.dispose();
    return typeof answer === 'object' ? writeInEditor(typed) : answer;
  }

  async pickDimensions(rubric: Rubric, options: DimensionPickOptions): Promise<string[] | undefined> {
    type Item = vscode.QuickPickItem & { id?: string };
    const items: Item[] = [];
    const byId = new Map(allDimensions(rubric).map((d) => [d.id, d]));
    const pinned = (options.pinned ?? []).filter((id) => byId.has(id));
    const item = (id: string): Item => {
      const d = byId.get(id)!;
      const statements = (options.targetLevel && d.expectations[options.targetLevel]) || Object.values(d.expectations).at(-1) || [];
      return { id, label: d.name, detail: statements.join(' '), picked: pinned.includes(id) || options.preselected.includes(id) };
    };
    const recent = options.recent.filter((id) => byId.has(id) && !pinned.includes(id)).slice(0, 5);
    if (pinned.length) items.push({ label: pinned.length === 1 ? 'This dimension' : 'These dimensions', kind: vscode.QuickPickItemKind.Separator }, ...pinned.map(item));
    if (recent.length) items.push({ label: 'Recently used', kind: vscode.QuickPickItemKind.Separator }, ...recent.map(item));
    for (const group of rubric.groups) {
      const rest = group.dimensions.filter((d) => !recent.includes(d.id) && !pinned.includes(d.id));
      if (rest.length) items.push({ label: group.name, kind: vscode.QuickPickItemKind.Separator }, ...rest.map((d) => item(d.id)));
    }
    const names = pinned.map((id) => byId.get(id)!.name);
    const title = [`${STEP_TITLE}${names.length ? ` for ${names.join(', ')}` : ''}: Dimensions`, options.subject].filter(Boolean).join(' · ');
    const picked = await vscode.window.showQuickPick(items, {
      title,
      placeHolder: 'Which dimensions does this show? Type to match names and expectations; Space selects.',
      canPickMany: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    return picked.flatMap((p) => (p.id ? [p.id] : []));
  }

  /** The levels in ladder order, lowest first, with the suggested one active so Enter takes it. */
  async pickLevel(rubric: Rubric, options: { suggested?: string; currentLevel?: string; targetLevel?: string; title: string; only?: readonly string[]; placeHolder?: string }): Promise<string | undefined> {
    const items = rubric.levels
      .filter((l) => !options.only || options.only.includes(l.id))
      .map((l) => ({
        label: l.name,
        description: [l.id === options.currentLevel ? 'current' : '', l.id === options.targetLevel ? 'target' : ''].filter(Boolean).join(', '),
        id: l.id,
      }));
    const pick = vscode.window.createQuickPick<(typeof items)[number]>();
    pick.title = options.title;
    pick.placeholder = options.placeHolder ?? `Suggested: ${levelName(rubric, options.suggested)}`;
    pick.items = items;
    const suggested = items.find((i) => i.id === options.suggested);
    if (suggested) pick.activeItems = [suggested];
    const picked = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.id));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    return picked;
  }

  async pickStatements(rubric: Rubric, options: { statements: readonly Statement[]; cited: ReadonlyMap<string, number>; levelName: string }): Promise<string[] | undefined> {
    type Item = vscode.QuickPickItem & { ref?: string };
    const items: Item[] = [];
    let dimension: string | undefined;
    for (const s of options.statements) {
      if (s.dimensionId !== dimension) {
        dimension = s.dimensionId;
        items.push({ label: `${findDimension(rubric, s.dimensionId)?.name ?? s.dimensionId} at ${levelName(rubric, s.levelId)}`, kind: vscode.QuickPickItemKind.Separator });
      }
      const n = options.cited.get(s.ref) ?? 0;
      items.push({ ref: s.ref, label: s.text, description: n ? `$(check) cited by ${n} ${n === 1 ? 'entry' : 'entries'}` : s.ref, detail: n ? s.ref : undefined });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: `${STEP_TITLE}: Statements (optional)`,
      placeHolder: `Which ${options.levelName} expectations does this show? Type to search; Space selects; Enter with none selected skips.`,
      canPickMany: true,
      matchOnDescription: true,
    });
    if (!picked) return undefined;
    return picked.flatMap((p) => (p.ref ? [p.ref] : []));
  }

  async pickPrivacy(): Promise<boolean | undefined> {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(eye) Shared', description: 'included in summaries', private: false },
        { label: '$(lock) Private', description: 'kept in the journal, left out of summaries unless you ask', private: true },
      ],
      { title: `${STEP_TITLE}: Visibility`, placeHolder: 'Include this in summaries?' },
    );
    return picked?.private;
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }

  async pickLadderFile(defaultFolder: vscode.Uri): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title: 'Import Career Ladder',
      openLabel: 'Import',
      defaultUri: defaultFolder,
      canSelectMany: false,
      filters: { 'Career ladders': ['md', 'markdown', 'yml', 'yaml'], 'All files': ['*'] },
    });
    return picked?.[0];
  }

  private readonly pages = new Map<string, string>();
  private pageProvider?: vscode.EventEmitter<vscode.Uri>;

  async showMarkdown(title: string, markdown: string): Promise<void> {
    if (!this.pageProvider) {
      const changed = (this.pageProvider = new vscode.EventEmitter<vscode.Uri>());
      // Lives as long as the extension: the pages are read-only views of text held here.
      vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, { onDidChange: changed.event, provideTextDocumentContent: (uri) => this.pages.get(uri.toString()) ?? '' });
    }
    const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${title.replace(/[\\/]/g, '-')}.md` });
    this.pages.set(uri.toString(), markdown);
    this.pageProvider.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      // Without the built-in Markdown preview, the text itself is still readable.
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  }

  warning(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showWarningMessage(message, ...actions));
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
  }
}

/**
 * A note of several lines, written in an untitled editor: the person writes, then chooses Use Note
 * in the notification. The editor closes without asking to save: the note goes to the journal.
 */
async function writeInEditor(start: string): Promise<string | undefined> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: start });
  await vscode.window.showTextDocument(doc, { preview: false });
  const choice = await vscode.window.showInformationMessage('Write the note in the editor that just opened, then choose Use Note.', 'Use Note', 'Cancel');
  const text = doc.getText();
  if (vscode.window.activeTextEditor?.document === doc) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return choice === 'Use Note' ? text : undefined;
}

function relativeTime(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60]];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, 'second');
}
