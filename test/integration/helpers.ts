import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { Commit, Repo } from '../../src/host/git/repos';
import type { GitExtension } from '../../src/host/git/api';
import type { Achievement, Choice, CommitChoice, DimensionPick, DimensionPickOptions, EvidenceAction, EvidenceChoice, EvidenceKind, LevelAndVisibilityOptions, Prompts } from '../../src/host/ui/prompts';
import type { Rubric } from '../../src/core/rubric/rubric';
import type { Statement } from '../../src/core/rubric/statements';
import type { Period } from '../../src/core/time/periods';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>('growth-journal.growth-journal');
  assert.ok(extension, 'the extension is loaded in development mode');
  const api = await extension.activate();
  assert.ok(api, 'the extension runs in test mode and hands back its test API');
  return api;
}

/**
 * Activates the extension once for a suite and puts the real prompts back after each test.
 * Call at the top of a `describe`; the returned function gives the extension's test API.
 */
export function useExtension(): () => TestApi {
  let api: TestApi | undefined;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(() => api?.setPrompts(undefined));
  return () => api!;
}

/** Prompts answered from a script. A question the test did not expect fails the test loudly. */
export class ScriptedPrompts implements Prompts {
  readonly infos: string[] = [];
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  readonly pages: { title: string; markdown: string }[] = [];
  readonly asked: { method: string; args: unknown[] }[] = [];
  infoAnswer: string | undefined;
  errorAnswer: string | undefined;

  constructor(private readonly answers: Partial<Record<keyof Prompts, unknown[]>>) {}

  private next<T>(method: keyof Prompts, ...args: unknown[]): Promise<T> {
    this.asked.push({ method, args });
    const queue = this.answers[method];
    if (!queue || queue.length === 0) return Promise.reject(new Error(`Unexpected prompt: ${method}`));
    const answer = queue.shift();
    return Promise.resolve(typeof answer === 'function' ? (answer as (...a: unknown[]) => T)(...args) : (answer as T));
  }

  pick<T>(title: string, placeHolder: string, choices: readonly Choice<T>[]) {
    return this.next<T | undefined>('pick', title, placeHolder, choices);
  }
  pickEvidenceKind(canTagSelection: boolean, startedFrom?: string) {
    return this.next<EvidenceKind | undefined>('pickEvidenceKind', canTagSelection, startedFrom);
  }
  pickRepository(repos: readonly Repo[]) {
    return this.next<Repo | undefined>('pickRepository', repos);
  }
  pickCommits(choices: readonly CommitChoice[], repo: Repo) {
    return this.next<Commit[] | undefined>('pickCommits', choices, repo);
  }
  inputTitle(prompt: string, value?: string, title?: string) {
    return this.next<string | undefined>('inputTitle', prompt, value, title);
  }
  inputDetails(value?: string) {
    return this.next<string | undefined>('inputDetails', value);
  }
  inputPeriod(title: string, fiscalStartMonth: number) {
    return this.next<Period | undefined>('inputPeriod', title, fiscalStartMonth);
  }
  /** "What did it achieve?": a script that does not answer it takes the default (Enter: the subject as title, no note). */
  inputAchievement(subject: string, title: string) {
    if (!this.answers.inputAchievement) {
      this.asked.push({ method: 'inputAchievement', args: [subject, title] });
      return Promise.resolve<Achievement | undefined>({ title, note: '' });
    }
    return this.next<Achievement | undefined>('inputAchievement', subject, title);
  }
  /** An answer may be the dimension ids alone (no statement cited), or a DimensionPick. */
  async pickDimensions(rubric: Rubric, options: DimensionPickOptions) {
    const answer = await this.next<string[] | DimensionPick | undefined>('pickDimensions', rubric, options);
    return Array.isArray(answer) ? { dimensions: answer, statements: [] } : answer;
  }
  pickLevel(rubric: Rubric, options: { suggested?: string; title: string }) {
    return this.next<string | undefined>('pickLevel', rubric, options);
  }
  /** Optional in every flow: a script that does not answer it cites no statement. */
  pickStatements(rubric: Rubric, options: { statements: readonly Statement[]; cited: ReadonlyMap<string, number>; levelName: string }) {
    if (!this.answers.pickStatements) {
      this.asked.push({ method: 'pickStatements', args: [rubric, options] });
      return Promise.resolve<string[] | undefined>([]);
    }
    return this.next<string[] | undefined>('pickStatements', rubric, options);
  }
  pickPrivacy(step?: string, current?: boolean) {
    return this.next<boolean | undefined>('pickPrivacy', step, current);
  }
  inputFilter(value: string) {
    return this.next<string | undefined>('inputFilter', value);
  }
  pickEvidence(search: (text: string) => EvidenceChoice[]) {
    return this.next<{ entryId: string; action: EvidenceAction } | undefined>('pickEvidence', search);
  }
  /** An answer may be a level id alone (shared), or the level and whether it is private. */
  async pickLevelAndVisibility(rubric: Rubric, options: LevelAndVisibilityOptions) {
    const answer = await this.next<string | { level: string; private: boolean } | undefined>('pickLevelAndVisibility', rubric, options);
    return typeof answer === 'string' ? { level: answer, private: false } : answer;
  }
  confirm(message: string, detail: string, action: string) {
    return this.next<boolean>('confirm', message, detail, action);
  }
  modal(message: string, detail: string, ...actions: string[]) {
    return this.next<string | undefined>('modal', message, detail, ...actions);
  }
  pickLadderFile(defaultFolder: vscode.Uri) {
    return this.next<vscode.Uri | undefined>('pickLadderFile', defaultFolder);
  }
  pickSaveFile(options: { title: string; defaultUri: vscode.Uri; filters: Record<string, string[]> }) {
    return this.next<vscode.Uri | undefined>('pickSaveFile', options);
  }

  showMarkdown(title: string, markdown: string) {
    this.pages.push({ title, markdown });
    return Promise.resolve();
  }
  info(message: string) {
    this.infos.push(message);
    return Promise.resolve(this.infoAnswer);
  }
  warning(message: string) {
    this.warnings.push(message);
    return Promise.resolve(undefined);
  }
  error(message: string) {
    this.errors.push(message);
    return Promise.resolve(this.errorAnswer);
  }
  /** How many times a command said it had asked its last question. */
  doneCount = 0;
  done() {
    this.doneCount++;
  }
}

export function folders(): { app: vscode.WorkspaceFolder; lib: vscode.WorkspaceFolder } {
  const [app, lib] = vscode.workspace.workspaceFolders ?? [];
  assert.ok(app && lib, 'the test workspace has two folders');
  return { app, lib };
}

export function journalUri(): vscode.Uri {
  return vscode.Uri.joinPath(folders().app.uri, '.growth', 'journal.yaml');
}

export async function readJournal(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(journalUri()));
}

/** Puts the journal on disk (or removes it), closes editors, and waits for the store to see it. */
export async function setJournal(api: TestApi, text: string | undefined): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const uri = journalUri();
  if (text === undefined) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await api.services.store.reload();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The code action at `range` that `pick` chooses. The editor hands providers the diagnostics it
 * knows at the range, and those reach it a moment after the extension sets them, so this asks again.
 */
export async function codeActionAt(uri: vscode.Uri, range: vscode.Range, what: string, pick: (action: vscode.CodeAction) => boolean): Promise<vscode.CodeAction> {
  return waitFor(what, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    return actions.find(pick);
  });
}

/**
 * Waits until the Git extension has the repository at `cwd` open and sees its current HEAD, so
 * the next commit there reaches listeners as a commit on top of it.
 */
export async function gitExtensionAtHead(cwd: string): Promise<void> {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'the Git extension is there');
  const api = (await extension.activate()).getAPI(1);
  await waitFor(`the Git extension to see HEAD ${head.slice(0, 7)}`, () => api.repositories.find((r) => r.rootUri.fsPath === cwd)?.state.HEAD?.commit === head || undefined, 60_000);
}

/** Waits until this extension host sees a growthJournal setting's new value: its listeners have run by then. */
export async function settingIs(setting: string, value: unknown): Promise<void> {
  await waitFor(`growthJournal.${setting} to be ${String(value)}`, () => vscode.workspace.getConfiguration('growthJournal').get(setting) === value || undefined);
}

/** The questions a command asked, in order, messages left out: what the step budgets count. */
export function questionsAsked(prompts: ScriptedPrompts): string[] {
  return prompts.asked.map((a) => a.method);
}

export const HEADER = '# my journal: hand-edited\nversion: 1\nrubric: product-security\nprofile:\n  currentLevel: mid # since spring\n  targetLevel: senior\nentries: []\n';
