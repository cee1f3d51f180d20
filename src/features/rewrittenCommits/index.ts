import * as vscode from 'vscode';
import { type CommitRelink, type Entry, MAX_JOURNAL_BYTES } from '../../core/journal';
import { lostCommitProblem, placeLostShas, REWRITTEN_CODE, type CitedCommit } from '../../core/git/rewritten';
import { type Repo } from '../../host/git/repos';
import { type JournalSnapshot } from '../../host/journal/store';
import { dirtyDocument, readTextFile } from '../../host/workspace/files';
import { guarded, type Services } from '../../host/services';

const CHECK_DELAY_MS = 500;

/**
 * Commits a rebase or an amend rewrote: a cited commit no branch or tag of its repository
 * reaches gets a warning at its hash in the journal, naming the reachable commit with the same
 * change when there is one, with a quick fix that re-points the entry (a verified relink write).
 * Checked after each journal read and each move of a repository's HEAD, in trusted workspaces.
 */
export function registerRewrittenCommits(context: vscode.ExtensionContext, services: Services): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('growthJournal.commits');
  /** The fixes of the last check, by the line of their warning. */
  let fixes = new Map<number, CommitRelink>();
  let journalKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let run = 0;

  // HEAD is watched once a journal cites commits: the Git extension is not started for a journal of notes.
  let watching = false;
  const check = async () => {
    const mine = ++run;
    const snapshot = await services.store.snapshot();
    if (!watching && vscode.workspace.isTrusted && snapshot.journal?.entries.some((e) => e.commit)) {
      watching = true;
      void services.git.onDidMoveHead(schedule).then((d) => context.subscriptions.push(d));
    }
    const found = vscode.workspace.isTrusted && snapshot.journal && snapshot.journalUri ? await lostIn(services, snapshot).catch(() => undefined) : undefined;
    if (mine !== run) return;
    diagnostics.clear();
    fixes = new Map();
    if (!found || !snapshot.journalUri) return;
    journalKey = snapshot.journalUri.toString();
    diagnostics.set(
      snapshot.journalUri,
      found.map(({ lost, repoName }) => {
        const problem = lostCommitProblem(lost, repoName);
        const at = new vscode.Position(problem.line! - 1, problem.column! - 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, lost.cited.sha.length)), problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Growth Journal';
        diagnostic.code = REWRITTEN_CODE;
        if (lost.successor) fixes.set(problem.line!, { id: lost.cited.entryId, from: lost.cited.sha, to: lost.successor });
        return diagnostic;
      }),
    );
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), CHECK_DELAY_MS);
  };

  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, { diagnostics: here }) {
      if (document.uri.toString() !== journalKey) return [];
      const all = [...fixes.values()];
      return here
        .filter((d) => d.source === 'Growth Journal' && d.code === REWRITTEN_CODE)
        .flatMap((diagnostic) => {
          const fix = fixes.get(diagnostic.range.start.line + 1);
          if (!fix) return [];
          const one = new vscode.CodeAction(`Re-point to ${fix.to.slice(0, 7)}, the same change`, vscode.CodeActionKind.QuickFix);
          one.diagnostics = [diagnostic];
          one.isPreferred = true;
          one.command = { command: 'growthJournal.relinkCommit', title: one.title, arguments: [[fix]] };
          if (all.length < 2) return [one];
          const every = new vscode.CodeAction(`Re-point all ${all.length} rewritten commits of the journal`, vscode.CodeActionKind.QuickFix);
          every.diagnostics = [diagnostic];
          every.command = { command: 'growthJournal.relinkCommit', title: every.title, arguments: [all] };
          return [one, every];
        });
    },
  };

  context.subscriptions.push(
    diagnostics,
    { dispose: () => clearTimeout(timer) },
    services.store.onDidChange(schedule),
    vscode.workspace.onDidGrantWorkspaceTrust(schedule),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/*.{yaml,yml}' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(
      'growthJournal.relinkCommit',
      guarded(services, async (links: unknown) => {
        if (!Array.isArray(links) || !links.every(isRelink)) throw new Error('Re-point runs from the quick fix on a rewritten commit in the journal.');
        await services.store.relink(links);
        void services.prompts.info(links.length === 1 ? `The entry now cites ${links[0].to.slice(0, 7)}, the same change.` : `${links.length} entries now cite the commits that hold their changes.`);
      }),
    ),
  );
  if (vscode.workspace.isTrusted) schedule();
}

function isRelink(value: unknown): value is CommitRelink {
  const v = value as Partial<CommitRelink> | null;
  return !!v && typeof v.id === 'string' && typeof v.from === 'string' && typeof v.to === 'string';
}

/**
 * The lost commits of the journal, by repository: the workspace repository whose remote or
 * folder the entry's `repo` names, else the one that holds the journal's workspace folder.
 */
async function lostIn(services: Services, snapshot: JournalSnapshot) {
  const { journal, journalUri, folder } = snapshot;
  const entries = journal!.entries.filter((e): e is Entry & { commit: NonNullable<Entry['commit']> } => !!e.commit);
  if (!entries.length || !folder) return [];
  const repos = await services.git.repositories();
  const named = (repo: string | undefined): Repo | undefined => (repo === undefined ? undefined : repos.find((r) => r.remote === repo || r.name === repo || r.root.fsPath === repo));
  // Git runs in the journal's worker, in the folder given: the journal's own folder stands for the
  // repository that holds it, so no git process starts on this thread to find that repository.
  const byRepo = new Map<string, { name: string; cited: CitedCommit[] }>();
  for (const entry of entries) {
    const repo = named(entry.commit.repo);
    const where = repo ? repo.root.fsPath : folder.uri.fsPath;
    const slot = byRepo.get(where) ?? { name: repo ? repo.name : folder.name, cited: [] };
    slot.cited.push({ entryId: entry.id, title: entry.title, sha: entry.commit.sha, line: entry.line, column: 1 });
    byRepo.set(where, slot);
  }
  const found = [];
  for (const [where, { name, cited }] of byRepo) for (const lost of await services.store.lostCommits(where, cited)) found.push({ lost, repoName: name });
  if (found.length === 0) return found;
  const dirty = dirtyDocument(journalUri!);
  const file = dirty ? undefined : await readTextFile(journalUri!, MAX_JOURNAL_BYTES);
  return placeLostShas(found, () => (dirty ? dirty.getText() : file?.kind === 'text' ? file.text : ''));
}
