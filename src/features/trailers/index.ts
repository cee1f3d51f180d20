import * as vscode from 'vscode';
import { localIsoDate } from '../../core/dates';
import { evidenceFromTrailers } from '../../core/trailers';
import { type Commit, type Repo } from '../../host/git';
import { guarded, whileSettingOn, type Services } from '../../host/services';
import { requireTrust } from '../../host/trust';

const HISTORY_SCANNED = 2000;

/** Import Evidence from Commit Trailers, by command or (opt-in) after each commit. */
export function registerTrailers(context: vscode.ExtensionContext, services: Services): void {
  const importFrom = async (repos: Repo[], commitsOf: (repo: Repo) => Promise<Commit[]>): Promise<{ added: number; known: number }> => {
    const snapshot = await services.store.snapshot();
    if (snapshot.status === 'journalError' && snapshot.firstError) throw new Error(`The journal has an error at line ${snapshot.firstError.problem.line}; fix it before importing.`);
    const known = new Set(snapshot.journal?.entries.flatMap((e) => (e.commit ? [e.commit.sha] : [])));
    const drafts = [];
    let skipped = 0;
    for (const repo of repos) {
      for (const c of await commitsOf(repo)) {
        const data = evidenceFromTrailers({ sha: c.sha, subject: c.subject, message: c.message, date: localIsoDate(c.date ?? new Date()), ...(repo.remote ? { remote: repo.remote } : {}) });
        if (!data) continue;
        if (known.has(c.sha)) skipped++;
        else {
          known.add(c.sha);
          drafts.push({ data, idSeed: c.sha });
        }
      }
    }
    // Oldest first, as a person would have tagged them.
    drafts.sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : 0));
    if (drafts.length) await services.store.appendMany(drafts);
    return { added: drafts.length, known: skipped };
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.importTrailers',
      guarded(services, async () => {
        requireTrust();
        const repos = await services.git.repositories();
        if (!repos.length) throw new Error('No git repository is open in this workspace.');
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Growth Journal: reading commit trailers…' }, () =>
          importFrom(repos, (repo) => services.git.recentCommits(repo, HISTORY_SCANNED)),
        );
        void services.prompts.info(
          result.added
            ? `Imported ${result.added} ${result.added === 1 ? 'entry' : 'entries'} from Growth-Evidence trailers${result.known ? ` (${result.known} already in the journal)` : ''}.`
            : `No new Growth-Evidence trailers in the last ${HISTORY_SCANNED} commits${result.known ? ` (${result.known} already in the journal)` : ''}.`,
        );
      }),
    ),
  );

  // Opt-in: each new commit with a trailer becomes an entry on its own.
  whileSettingOn(context, 'importTrailersOnCommit', () =>
    services.git.onDidCommit((repo, sha) => {
      void importFrom([repo], async (r) => {
        const commit = await services.git.commit(r, sha);
        return commit ? [commit] : [];
      }).then(
        (r) => {
          if (r.added) void services.prompts.info('Added the commit you just made to the journal, from its Growth-Evidence trailer.');
        },
        (e: unknown) => services.prompts.error(e instanceof Error ? e.message : String(e)),
      );
    }),
  );
}
