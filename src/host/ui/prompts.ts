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
  /** The flow the question belongs to, for its title (default: Tag Evidence). */
  step?: string;
  /**
   * Statements listed under each dimension, so one question picks both (a ticked statement brings
   * its dimension); `cited` counts what the journal already cites, to mark it. Absent: dimensions only.
   */
  statements?: { byDimension: ReadonlyMap<string, readonly Statement[]>; preselected: readonly string[]; cited: ReadonlyMap<string, number> };
}

/** What a piece of evidence shows: the dimensions ticked, and statement refs (without fingerprint); a statement's dimension counts as ticked. */
export interface DimensionPick {
  dimensions: string[];
  statements: string[];
}

export interface LevelAndVisibilityOptions {
  title: string;
  /** Active on opening, so Enter takes it. */
  suggested: string;
  /** Why it is suggested, for the prompt: "your current level", "the level of the statements cited". */
  because: string;
  /** Limits the levels offered (a statement's own level). */
  only?: readonly string[];
  currentLevel?: string;
  targetLevel?: string;
}

/** What a commit achieved (its entry's `note`, '' for none) and the entry's title. */
export interface Achievement {
  title: string;
  note: string;
}

/** What Find Evidence does with the entry picked: open it (commit, code or journal), open it in the journal, or edit it. */
export type EvidenceAction = 'open' | 'journal' | 'edit';

/** One entry found, as Find Evidence lists it. */
export interface EvidenceChoice {
  entryId: string;
  label: string;
  description: string;
  detail?: string;
}

export interface Choice<T> {
  label: string;
  description?: string;
  value: T;
}

export interface Prompts {
  /** A single choice from a list. */
  pick<T>(title: string, placeHolder: string, choices: readonly Choice<T>[]): Promise<T | undefined>;
  /** `startedFrom` names what the tag started from (a dimension, a statement) for the title. */
  pickEvidenceKind(canTagSelection: boolean, startedFrom?: string): Promise<EvidenceKind | undefined>;
  pickRepository(repos: readonly Repo[]): Promise<Repo | undefined>;
  pickCommits(choices: readonly CommitChoice[], repo: Repo): Promise<Commit[] | undefined>;
  /** `title` names the tag's start ("Tag Evidence for Technical Depth"); "Tag Evidence" when absent. */
  inputTitle(prompt: string, value?: string, title?: string): Promise<string | undefined>;
  /** `value`: the details so far, to change (Edit Entry). */
  inputDetails(value?: string, step?: string): Promise<string | undefined>;
  /**
   * "What did it achieve?" for a commit: one optional line (Enter skips), in the same question a
   * button to change the title from `title` (the commit's subject).
   */
  inputAchievement(subject: string, title: string): Promise<Achievement | undefined>;
  /** Any period typed in, checked as it is typed (a date range, most often). */
  inputPeriod(title: string, fiscalStartMonth: number): Promise<Period | undefined>;
  pickDimensions(rubric: Rubric, options: DimensionPickOptions): Promise<DimensionPick | undefined>;
  /** `only` limits the choice (targets at or above the current level); the order is always the ladder's. */
  pickLevel(rubric: Rubric, options: { suggested?: string; currentLevel?: string; targetLevel?: string; title: string; only?: readonly string[]; placeHolder?: string }): Promise<string | undefined>;
  /**
   * Which of the statements in force the evidence shows (optional: none is an answer; undefined
   * cancels). `cited` counts what the journal already cites, to mark it.
   */
  pickStatements(rubric: Rubric, options: { statements: readonly Statement[]; cited: ReadonlyMap<string, number>; levelName: string; picked?: readonly string[]; step?: string }): Promise<string[] | undefined>;
  pickPrivacy(step?: string, current?: boolean): Promise<boolean | undefined>;
  /**
   * Find Evidence: a search box whose every keystroke lists `search(text)`; the entry picked and
   * what to do with it (Enter opens it; its buttons open it in the journal or edit it).
   */
  pickEvidence(search: (text: string) => EvidenceChoice[]): Promise<{ entryId: string; action: EvidenceAction } | undefined>;
  /** The Growth view's filter: words to find in the evidence; empty clears it. */
  inputFilter(value: string): Promise<string | undefined>;
  /** The level a piece of evidence shows and whether it is private, in one question. */
  pickLevelAndVisibility(rubric: Rubric, options: LevelAndVisibilityOptions): Promise<{ level: string; private: boolean } | undefined>;
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A modal question with its detail and several actions: the action chosen, or undefined for Cancel. */
  modal(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  /** A career ladder file to import (Markdown or YAML). */
  pickLadderFile(defaultFolder: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** Where to save a file, starting at `defaultUri`. */
  pickSaveFile(options: { title: string; defaultUri: vscode.Uri; filters: Record<string, string[]> }): Promise<vscode.Uri | undefined>;
  /** A read-only Markdown page, rendered, for a person to read before the question that follows (a switch's plan). */
  showMarkdown(title: string, markdown: string): Promise<void>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warning(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /**
   * The command has asked its last question (it finished, was cancelled or failed): the question
   * answered last, kept on screen while the command worked, goes away.
   */
  done(): void;
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

/** A quick pick or an input box: what `ask` shows. */
type Question = vscode.QuickInput & { readonly onDidAccept: vscode.Event<void> };

/**
 * The questions, as quick picks and input boxes that behave as one multi-step input:
 * - each has ignoreFocusOut, so focus taken by something else on screen never closes it with the
 *   command's work lost. A walkthrough does take it: its step's button starts a command, and when
 *   the first question closes the focus goes back to that button, the release of the Enter that
 *   answered it reaches the step, and the walkthrough focuses the step a moment later, just as the
 *   next question opens;
 * - an answered question stays on screen, busy, until the next one takes its place or the command
 *   is done (`done`), so the focus stays in the questions from the first to the last and never
 *   goes back to where the command started in between. Closed in that time (Escape), it cancels
 *   the command: the next question is not asked.
 */
export class VsCodePrompts implements Prompts {
  /** The question answered last, on screen while the command works toward its next question. */
  private answered: vscode.QuickInput | undefined;
  /** The answered question was closed while the command worked: the command's next question is not asked. */
  private cancelled = false;

  /**
   * Shows `question` in place of the one answered before it and resolves with `answer()` once it is
   * accepted with `valid()` true, or with undefined when it is closed. `valid()` false keeps it open
   * (it may have moved the question on a step of its own). `extra` may settle it another way (a button).
   */
  private ask<T>(question: Question, answer: () => T, valid: () => boolean = () => true, extra?: (settle: (value: T) => void) => vscode.Disposable): Promise<T | undefined> {
    question.ignoreFocusOut = true;
    if (this.cancelled) {
      this.cancelled = false;
      question.dispose();
      return Promise.resolve(undefined);
    }
    return new Promise<T | undefined>((resolve) => {
      let settled = false;
      const settle = (value: T) => {
        if (settled) return;
        settled = true;
        question.busy = true;
        this.answered = question;
        resolve(value);
      };
      question.onDidAccept(() => {
        if (valid()) settle(answer());
      });
      if (extra) extra(settle);
      question.onDidHide(() => {
        if (!settled) {
          settled = true;
          resolve(undefined);
        } else if (this.answered === question) {
          // Closed by the person while the command worked, not replaced by the next question.
          this.answered = undefined;
          this.cancelled = true;
        }
        question.dispose();
      });
      // The next question first, then the answered one away: the quick input never closes in between.
      const previous = this.answered;
      this.answered = undefined;
      question.show();
      previous?.dispose();
    });
  }

  /** Takes the answered question off the screen, before a message, a dialog or an editor. */
  private release(): void {
    const answered = this.answered;
    this.answered = undefined;
    this.cancelled = false;
    answered?.dispose();
  }

  done(): void {
    this.release();
  }

  /** One item of a quick pick; Enter takes the active one. */
  private pickOne<I extends vscode.QuickPickItem, T>(pick: vscode.QuickPick<I>, value: (item: I) => T): Promise<T | undefined> {
    const chosen = () => pick.selectedItems[0] ?? pick.activeItems[0];
    return this.ask(pick, () => value(chosen()), () => chosen() !== undefined);
  }

  /**
   * Any number of items of a quick pick, the `picked` ones ticked on opening. Space ticks only while
   * the filter is empty (then it types a space), so with filter text the title says how to tick.
   */
  private pickMany<I extends vscode.QuickPickItem>(pick: vscode.QuickPick<I>): Promise<I[] | undefined> {
    pick.canSelectMany = true;
    pick.selectedItems = pick.items.filter((i) => i.picked);
    const title = pick.title;
    pick.onDidChangeValue((value) => (pick.title = value ? `${title ?? ''} · Space types a space: click a row to tick it, or clear the filter; Enter confirms` : title));
    return this.ask(pick, () => [...pick.selectedItems]);
  }

  /** An input box whose value is checked as it is typed; Enter takes only a valid one. */
  private input(box: vscode.InputBox, validate: (value: string) => string | undefined): Promise<string | undefined> {
    const check = () => (box.validationMessage = validate(box.value));
    box.onDidChangeValue(check);
    check();
    return this.ask(box, () => box.value, () => validate(box.value) === undefined);
  }

  private quickPick<I extends vscode.QuickPickItem>(title: string, placeholder: string, items: readonly I[]): vscode.QuickPick<I> {
    const pick = vscode.window.createQuickPick<I>();
    pick.title = title;
    pick.placeholder = placeholder;
    pick.items = items;
    return pick;
  }

  pick<T>(title: string, placeHolder: string, choices: readonly Choice<T>[]): Promise<T | undefined> {
    return this.pickOne(
      this.quickPick(
        title,
        placeHolder,
        choices.map((c) => ({ ...c })),
      ),
      (item) => item.value,
    );
  }

  pickEvidenceKind(canTagSelection: boolean, startedFrom?: string): Promise<EvidenceKind | undefined> {
    const question = startedFrom ? `What shows ${startedFrom}? Pick the kind of evidence.` : 'What do you want to tag as evidence?';
    return this.pickOne(this.quickPick(startedFrom ? `${STEP_TITLE} for ${startedFrom}` : STEP_TITLE, question, evidenceKindChoices(canTagSelection)), (item) => item.evidence);
  }

  pickRepository(repos: readonly Repo[]): Promise<Repo | undefined> {
    const items = repos.map((repo) => ({ label: `$(repo) ${repo.name}`, description: vscode.workspace.asRelativePath(repo.root, true), repo }));
    return this.pickOne(this.quickPick('Which repository?', 'Pick the repository whose commits to tag', items), (item) => item.repo);
  }

  async pickCommits(choices: readonly CommitChoice[], repo: Repo): Promise<Commit[] | undefined> {
    const items = choices.map(({ commit, tagged }) => ({
      label: `${tagged ? '$(pass-filled) ' : '$(git-commit) '}${commit.subject}`,
      description: [commit.sha.slice(0, 7), commit.author, commit.date ? relativeTime(commit.date) : undefined, tagged ? 'already tagged' : undefined].filter(Boolean).join(' · '),
      commit,
    }));
    const pick = this.quickPick(`Tag Commits of ${repo.name} as Evidence`, 'Pick one or more commits: Space ticks the highlighted one, Enter confirms; type to filter', items);
    pick.matchOnDescription = true;
    return (await this.pickMany(pick))?.map((p) => p.commit);
  }

  inputTitle(prompt: string, value?: string, title = STEP_TITLE): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.prompt = prompt;
    box.value = value ?? '';
    box.placeholder = 'e.g. Led the design review for the new auth service';
    return this.input(box, (v) => (v.trim() ? undefined : 'A title is needed: one line that says what you did.'));
  }

  async inputPeriod(title: string, fiscalStartMonth: number): Promise<Period | undefined> {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.prompt = `A period: ${PERIOD_HINT}.`;
    box.placeholder = '2026-03-01..2026-08-31';
    const text = await this.input(box, (v) => (parsePeriod(v, fiscalStartMonth) ? undefined : `Not a period. Write ${PERIOD_HINT}.`));
    return text === undefined ? undefined : parsePeriod(text, fiscalStartMonth);
  }

  /** One line in a box, or, through its button, as many as wanted in an editor. */
  async inputDetails(value?: string, step = STEP_TITLE): Promise<string | undefined> {
    // Several lines are edited in an editor: a box shows one.
    if (value?.includes('\n')) return writeInEditor(value);
    const box = vscode.window.createInputBox();
    const inEditor: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Write the note in an editor (several lines)' };
    box.title = step;
    box.value = value ?? '';
    box.prompt = 'Details (optional): what happened, why it mattered, what changed. Enter skips; the button opens an editor for a longer note.';
    box.placeholder = 'Optional';
    box.buttons = [inEditor];
    const answer = await this.ask<string | { editor: string }>(
      box,
      () => box.value,
      undefined,
      (settle) => box.onDidTriggerButton(() => settle({ editor: box.value })),
    );
    if (typeof answer !== 'object') return answer;
    this.release();
    return writeInEditor(answer.editor);
  }

  /**
   * One input box, two steps of its own: the achievement (Enter takes it, empty skips), and behind
   * its pencil button the title, prefilled, whose Enter comes back to the achievement.
   */
  async inputAchievement(subject: string, title: string): Promise<Achievement | undefined> {
    const box = vscode.window.createInputBox();
    const editTitle: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Change the title (the commit\'s subject)' };
    let entryTitle = title;
    let note = '';
    let editing = false;
    const showAchievement = () => {
      editing = false;
      box.title = `${STEP_TITLE}: What did it achieve? · ${subject}`;
      box.prompt = `Optional: the result, for the entry's details. Enter skips. Title: “${entryTitle}” (the pencil button changes it).`;
      box.placeholder = 'e.g. Closed the alg:none hole before the audit; no token is accepted unsigned';
      box.buttons = [editTitle];
      box.value = note;
      box.validationMessage = undefined;
    };
    box.onDidTriggerButton(() => {
      if (editing) return;
      editing = true;
      note = box.value;
      box.title = `${STEP_TITLE}: Title · ${subject}`;
      box.prompt = 'The entry\'s title: what a reader of your summary sees. Enter goes back to what it achieved.';
      box.placeholder = title;
      box.buttons = [];
      box.value = entryTitle;
    });
    box.onDidChangeValue((value) => (box.validationMessage = editing && !value.trim() ? 'A title is needed: one line that says what you did.' : undefined));
    showAchievement();
    const titleOrAchievement = () => {
      if (!editing) return true;
      if (!box.value.trim()) return false;
      entryTitle = box.value.trim();
      showAchievement();
      return false;
    };
    return this.ask(box, () => ({ title: entryTitle, note: box.value.trim() }), titleOrAchievement);
  }

  async pickDimensions(rubric: Rubric, options: DimensionPickOptions): Promise<DimensionPick | undefined> {
    type Item = vscode.QuickPickItem & { id?: string; ref?: string };
    const items: Item[] = [];
    const byId = new Map(allDimensions(rubric).map((d) => [d.id, d]));
    const pinned = (options.pinned ?? []).filter((id) => byId.has(id));
    const shown = options.statements;
    const withStatements = (id: string): Item[] => {
      const d = byId.get(id)!;
      const statements = (options.targetLevel && d.expectations[options.targetLevel]) || Object.values(d.expectations).at(-1) || [];
      const dimension: Item = { id, label: d.name, detail: shown ? undefined : statements.join(' '), picked: pinned.includes(id) || options.preselected.includes(id) };
      const cited = (ref: string) => shown?.cited.get(ref) ?? 0;
      return [
        dimension,
        ...(shown?.byDimension.get(id) ?? []).map((s) => ({
          ref: s.ref,
          label: `$(${cited(s.ref) ? 'pass' : 'circle-small'}) ${s.text}`,
          description: [`${d.name} · ${levelName(rubric, s.levelId)}`, cited(s.ref) ? `cited by ${cited(s.ref)}` : ''].filter(Boolean).join(' · '),
          picked: shown?.preselected.includes(s.ref) ?? false,
        })),
      ];
    };
    const recent = options.recent.filter((id) => byId.has(id) && !pinned.includes(id)).slice(0, 5);
    if (pinned.length) items.push({ label: pinned.length === 1 ? 'This dimension' : 'These dimensions', kind: vscode.QuickPickItemKind.Separator }, ...pinned.flatMap(withStatements));
    if (recent.length) items.push({ label: 'Recently used', kind: vscode.QuickPickItemKind.Separator }, ...recent.flatMap(withStatements));
    for (const group of rubric.groups) {
      const rest = group.dimensions.filter((d) => !recent.includes(d.id) && !pinned.includes(d.id));
      if (rest.length) items.push({ label: group.name, kind: vscode.QuickPickItemKind.Separator }, ...rest.flatMap((d) => withStatements(d.id)));
    }
    const names = pinned.map((id) => byId.get(id)!.name);
    const title = [`${options.step ?? STEP_TITLE}${names.length ? ` for ${names.join(', ')}` : ''}: Dimensions${shown ? ' and statements' : ''}`, options.subject].filter(Boolean).join(' · ');
    const what = shown ? 'Which dimensions, and which of their statements, does this show? A ticked statement brings its dimension.' : 'Which dimensions does this show?';
    const kept = names.length ? ` ${names.join(', ')} is ticked: Enter keeps it.` : '';
    const pick = this.quickPick(title, `${what}${kept} Space ticks the highlighted row, Enter confirms; type to filter.`, items);
    pick.matchOnDetail = true;
    pick.matchOnDescription = true;
    const picked = await this.pickMany(pick);
    if (!picked) return undefined;
    return { dimensions: picked.flatMap((p) => (p.id ? [p.id] : [])), statements: picked.flatMap((p) => (p.ref ? [p.ref] : [])) };
  }

  /** The levels in ladder order, lowest first, with the suggested one active so Enter takes it. */
  pickLevel(rubric: Rubric, options: { suggested?: string; currentLevel?: string; targetLevel?: string; title: string; only?: readonly string[]; placeHolder?: string }): Promise<string | undefined> {
    const items = rubric.levels
      .filter((l) => !options.only || options.only.includes(l.id))
      .map((l) => ({
        label: l.name,
        description: [l.id === options.currentLevel ? 'current' : '', l.id === options.targetLevel ? 'target' : ''].filter(Boolean).join(', '),
        id: l.id,
      }));
    const pick = this.quickPick(options.title, options.placeHolder ?? `Suggested: ${levelName(rubric, options.suggested)}`, items);
    const suggested = items.find((i) => i.id === options.suggested);
    if (suggested) pick.activeItems = [suggested];
    return this.pickOne(pick, (item) => item.id);
  }

  async pickStatements(rubric: Rubric, options: { statements: readonly Statement[]; cited: ReadonlyMap<string, number>; levelName: string; picked?: readonly string[]; step?: string }): Promise<string[] | undefined> {
    type Item = vscode.QuickPickItem & { ref?: string };
    const items: Item[] = [];
    let dimension: string | undefined;
    for (const s of options.statements) {
      if (s.dimensionId !== dimension) {
        dimension = s.dimensionId;
        items.push({ label: `${findDimension(rubric, s.dimensionId)?.name ?? s.dimensionId} at ${levelName(rubric, s.levelId)}`, kind: vscode.QuickPickItemKind.Separator });
      }
      const n = options.cited.get(s.ref) ?? 0;
      items.push({ ref: s.ref, label: s.text, description: n ? `$(check) cited by ${n} ${n === 1 ? 'entry' : 'entries'}` : s.ref, detail: n ? s.ref : undefined, picked: options.picked?.includes(s.ref) });
    }
    const pick = this.quickPick(`${options.step ?? STEP_TITLE}: Statements (optional)`, `Which ${options.levelName} expectations does this show? Type to search; Space selects; Enter with none selected skips.`, items);
    pick.matchOnDescription = true;
    const picked = await this.pickMany(pick);
    if (!picked) return undefined;
    return picked.flatMap((p) => (p.ref ? [p.ref] : []));
  }

  pickPrivacy(step = STEP_TITLE, current?: boolean): Promise<boolean | undefined> {
    const items = [
      { label: '$(eye) Shared', description: 'included in summaries', private: false },
      { label: '$(lock) Private', description: 'kept in the journal, left out of summaries unless you ask', private: true },
    ];
    // The current choice first, so Enter keeps it.
    if (current) items.reverse();
    return this.pickOne(this.quickPick(`${step}: Visibility`, 'Include this in summaries?', items), (item) => item.private);
  }

  inputFilter(value: string): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = 'Filter Evidence';
    box.prompt = 'Show only the evidence holding these words (plain text, any case): titles, details, commits, files, dimensions and statements. Empty shows everything.';
    box.value = value;
    box.placeholder = 'e.g. JWT, auth.ts, incident';
    return this.input(box, () => undefined);
  }

  async pickEvidence(search: (text: string) => EvidenceChoice[]): Promise<{ entryId: string; action: EvidenceAction } | undefined> {
    type Item = vscode.QuickPickItem & { entryId: string };
    const inJournal: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open in Journal' };
    const edit: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Edit Entry…' };
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = 'Find Evidence';
    pick.placeholder = 'Type any words of a title, details, commit, file, dimension or statement (plain text, any case)';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    // The list is what search() found: the quick pick's own fuzzy filter must not hide any of it.
    const show = () => (pick.items = search(pick.value).map((c) => ({ ...c, alwaysShow: true, buttons: [inJournal, edit] })));
    show();
    const answer = await new Promise<{ entryId: string; action: EvidenceAction } | undefined>((resolve) => {
      pick.onDidChangeValue(show);
      pick.onDidAccept(() => resolve(pick.selectedItems[0] ? { entryId: pick.selectedItems[0].entryId, action: 'open' } : undefined));
      pick.onDidTriggerItemButton((e) => resolve({ entryId: e.item.entryId, action: e.button === edit ? 'edit' : 'journal' }));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    return answer;
  }

  /** The levels twice, shared then private, the suggested shared one active so Enter takes it. */
  pickLevelAndVisibility(rubric: Rubric, options: LevelAndVisibilityOptions): Promise<{ level: string; private: boolean } | undefined> {
    type Item = vscode.QuickPickItem & { level?: string; private?: boolean };
    const levels = rubric.levels.filter((l) => !options.only || options.only.includes(l.id));
    const role = (id: string) => [id === options.currentLevel ? 'current' : '', id === options.targetLevel ? 'target' : '', id === options.suggested ? options.because : ''].filter(Boolean).join(', ');
    const items: Item[] = [
      { label: 'Shared: included in summaries and the packet', kind: vscode.QuickPickItemKind.Separator },
      ...levels.map((l) => ({ label: `$(eye) ${l.name}`, description: role(l.id), level: l.id, private: false })),
      { label: 'Private: kept in the journal, left out of summaries unless you ask', kind: vscode.QuickPickItemKind.Separator },
      ...levels.map((l) => ({ label: `$(lock) ${l.name}`, description: `private${role(l.id) ? `, ${role(l.id)}` : ''}`, level: l.id, private: true })),
    ];
    const suggestedName = levelName(rubric, options.suggested);
    const pick = this.quickPick(options.title, `Enter: ${suggestedName}, shared (${options.because}). Choose a higher level only if this shows it.`, items);
    pick.matchOnDescription = true;
    const suggested = items.find((i) => i.level === options.suggested && !i.private);
    if (suggested) pick.activeItems = [suggested];
    return this.pickOne(pick, (item) => ({ level: item.level!, private: item.private === true }));
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.release();
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }

  modal(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions));
  }

  async pickLadderFile(defaultFolder: vscode.Uri): Promise<vscode.Uri | undefined> {
    this.release();
    const picked = await vscode.window.showOpenDialog({
      title: 'Import Career Ladder',
      openLabel: 'Import',
      defaultUri: defaultFolder,
      canSelectMany: false,
      filters: { 'Career ladders': ['md', 'markdown', 'yml', 'yaml'], 'All files': ['*'] },
    });
    return picked?.[0];
  }

  async pickSaveFile(options: { title: string; defaultUri: vscode.Uri; filters: Record<string, string[]> }): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog(options);
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
    this.release();
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  }

  warning(message: string, ...actions: string[]): Promise<string | undefined> {
    this.release();
    return Promise.resolve(vscode.window.showWarningMessage(message, ...actions));
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    this.release();
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
