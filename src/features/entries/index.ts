import * as vscode from 'vscode';
import { type Entry } from '../../core/journal';
import { commitUrl } from '../../core/git/permalink';
import { type Repo } from '../../host/git/repos';
import { guarded, showAt, type Services } from '../../host/services';
import { resolveWorkspaceFile } from '../../host/workspace/workspaceFiles';
import { type EvidenceAction } from '../../host/ui/prompts';
import { requireTrust } from '../../host/workspace/trust';
import { editEntry } from './edit';
import { evidenceChoices } from './find';

const SHOW_SCHEME = 'growth-journal-commit';

/** Finding, opening, linking, editing and removing one piece of evidence, from the tree, Compare or by id. */
export function registerEntries(context: vscode.ExtensionContext, services: Services): void {
  const shown = new Map<string, string>();
  const showProvider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => shown.get(uri.toString()) ?? '' };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SHOW_SCHEME, showProvider),
    vscode.commands.registerCommand(
      'growthJournal.openEntry',
      guarded(services, async (arg: unknown) => {
        const entry = await find(services, arg);
        if (entry.kind === 'commit' && entry.commit && vscode.workspace.isTrusted) await openCommit(services, shown, entry);
        else if (entry.kind === 'selection' && entry.selection) await openSelection(services, entry);
        else await openInJournal(services, entry);
      }),
    ),
    vscode.commands.registerCommand('growthJournal.openEntryInJournal', guarded(services, async (arg: unknown) => openInJournal(services, await find(services, arg)))),
    vscode.commands.registerCommand(
      'growthJournal.editEntry',
      guarded(services, async (arg: unknown) => {
        if (arg !== undefined) return edit(services, await find(services, arg));
        // From the palette: the entry at the cursor in the journal, else the one Find Evidence picks.
        const atCursor = await entryAtCursor(services);
        if (atCursor) return edit(services, atCursor);
        const found = await findEvidence(services);
        if (found) await edit(services, await find(services, found.entryId));
      }),
    ),
    vscode.commands.registerCommand(
      'growthJournal.findEvidence',
      guarded(services, async () => {
        const found = await findEvidence(services);
        if (!found) return;
        const command = { open: 'growthJournal.openEntry', journal: 'growthJournal.openEntryInJournal', edit: 'growthJournal.editEntry' }[found.action];
        await vscode.commands.executeCommand(command, found.entryId);
      }),
    ),
    vscode.commands.registerCommand(
      'growthJournal.copyEntryLink',
      guarded(services, async (arg: unknown) => {
        const entry = await find(services, arg);
        const link = entryLink(entry);
        await vscode.env.clipboard.writeText(link);
        vscode.window.setStatusBarMessage(`$(copy) Copied ${link}`, 3000);
      }),
    ),
    vscode.commands.registerCommand(
      'growthJournal.removeEntry',
      guarded(services, async (arg: unknown) => {
        const entry = await find(services, arg);
        const ok = await services.prompts.confirm(`Remove “${entry.title}” from the journal?`, 'Only its lines are removed; comments and other entries stay as they are. The notification that follows offers Undo.', 'Remove');
        if (!ok) return;
        const [removed] = await services.store.remove(entry.id);
        // Not awaited: the notification stays until dismissed, and the command is done.
        void services.prompts.info(`Removed “${entry.title}” from the journal.`, ...(removed ? ['Undo'] : [])).then(
          guarded(services, async (choice: string | undefined) => {
            if (choice === 'Undo' && removed) await services.store.restore(removed);
          }),
        );
      }),
    ),
  );
}

/** What "Copy Link" puts on the clipboard: a permalink where there is one. */
function entryLink(entry: Entry): string {
  if (entry.commit) return (entry.commit.repo && commitUrl(entry.commit.repo, entry.commit.sha)) || entry.commit.sha;
  if (entry.selection) return entry.selection.link ?? `${entry.selection.file}#L${entry.selection.startLine}-L${entry.selection.endLine}`;
  return entry.id;
}

/** The entry an argument names: its id, or a tree node or Compare row that holds it. */
async function find(services: Services, arg: unknown): Promise<Entry> {
  const id = typeof arg === 'string' ? arg : (arg as { entry?: { id?: unknown } } | undefined)?.entry?.id;
  const snapshot = await services.store.snapshot();
  const entry = snapshot.journal?.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`That entry is no longer in the journal${typeof id === 'string' ? ` (${id})` : ''}. Refresh the view.`);
  return entry;
}

/** The entry whose lines hold the cursor, when the journal is the active editor. */
async function entryAtCursor(services: Services): Promise<Entry | undefined> {
  const editor = vscode.window.activeTextEditor;
  const snapshot = await services.store.snapshot();
  if (!editor || !snapshot.journalUri || editor.document.uri.toString() !== snapshot.journalUri.toString()) return undefined;
  const line = editor.selection.active.line + 1;
  let at: Entry | undefined;
  for (const e of snapshot.journal?.entries ?? []) if (e.line <= line && (!at || e.line > at.line)) at = e;
  return at;
}

async function findEvidence(services: Services): Promise<{ entryId: string; action: EvidenceAction } | undefined> {
  const snapshot = await services.store.snapshot();
  const entries = snapshot.journal?.entries ?? [];
  if (entries.length === 0) {
    const choice = await services.prompts.info(snapshot.status === 'journalError' ? 'The journal has an error, so there is nothing to search until it parses.' : 'There is no evidence to find yet. Tag a first piece of evidence to start the journal.', ...(snapshot.status === 'journalError' ? ['Open at Error'] : ['Add a Note']));
    if (choice === 'Open at Error') await vscode.commands.executeCommand('growthJournal.openJournalAtFirstError');
    if (choice === 'Add a Note') await vscode.commands.executeCommand('growthJournal.addNote');
    return undefined;
  }
  return services.prompts.pickEvidence((text) => evidenceChoices(snapshot.rubric, entries, text));
}

async function edit(services: Services, entry: Entry): Promise<void> {
  requireTrust();
  const snapshot = await services.store.snapshot();
  if (!snapshot.rubric || !snapshot.journal) throw new Error('The rubric or the journal could not be read, so the entry cannot be edited now. See the Growth view for why.');
  await editEntry(services, entry, snapshot.rubric, snapshot.journal.entries, snapshot.journal.profile);
}

async function openInJournal(services: Services, entry: Entry): Promise<void> {
  const { journalUri } = await services.store.snapshot();
  if (journalUri) await showAt(journalUri, entry.line);
}

/** The workspace repository that holds a commit: the one with the same remote first. */
async function repoWith(services: Services, sha: string, remote: string | undefined): Promise<Repo | undefined> {
  const repos = await services.git.repositories();
  const ordered = [...repos.filter((r) => remote && r.remote === remote), ...repos.filter((r) => !remote || r.remote !== remote)];
  for (const repo of ordered) if (await services.git.commit(repo, sha)) return repo;
  return undefined;
}

/** The commit's changes in VS Code's multi-file diff, else `git show` in a read-only document (`shown` holds its text). */
async function openCommit(services: Services, shown: Map<string, string>, entry: Entry): Promise<void> {
  const sha = entry.commit!.sha;
  const repo = await repoWith(services, sha, entry.commit!.repo);
  if (!repo) {
    const choice = await services.prompts.error(`Commit ${sha.slice(0, 7)} is not in any repository of this workspace.`, 'Open in Journal');
    if (choice) await openInJournal(services, entry);
    return;
  }
  const commit = (await services.git.commit(repo, sha))!;
  const changes = await services.git.changes(repo, commit);
  if (changes?.resources.length) {
    await vscode.commands.executeCommand('vscode.changes', changes.title, changes.resources);
    return;
  }
  const uri = vscode.Uri.from({ scheme: SHOW_SCHEME, path: `/${sha.slice(0, 7)}.diff`, query: sha });
  shown.set(uri.toString(), await services.git.show(repo, sha));
  const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'diff');
  await vscode.window.showTextDocument(doc, { preview: true });
}

async function openSelection(services: Services, entry: Entry): Promise<void> {
  const sel = entry.selection!;
  const file = await resolveWorkspaceFile(sel.file);
  if (file.kind !== 'inside') {
    const choice = await services.prompts.error(file.message, ...(sel.link ? ['Copy Link'] : []), 'Open in Journal');
    if (choice === 'Copy Link' && sel.link) await vscode.env.clipboard.writeText(sel.link);
    if (choice === 'Open in Journal') await openInJournal(services, entry);
    return;
  }
  const range = new vscode.Range(sel.startLine - 1, 0, sel.endLine - 1, Number.MAX_SAFE_INTEGER);
  await vscode.window.showTextDocument(file.uri, { selection: range, preview: true });
}
