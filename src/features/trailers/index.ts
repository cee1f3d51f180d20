import * as vscode from 'vscode';
import { localIsoDate } from '../../core/time/dates';
import { decideTrailerImport, emptyTally, skippedTrailersMessage, tallyDecision, type TrailerImportTally } from '../../core/journal';
import { type Commit, type Repo } from '../../host/git/repos';
import { guarded, whileSettingOn, type Services } from '../../host/services';
import { requireTrust } from '../../host/workspace/trust';
import { trailerAuthors } from '../../host/workspace/settings';

const HISTORY_SCANNED = 2000;
const OPEN_SETTING = 'Open Setting';

/** Import Evidence from Commit Trailers, by command or (opt-in) after each commit. */
export function registerTrailers(context: vscode.ExtensionContext, services: Services): void {
  const importFrom = async (repos: Repo[], commitsOf: (repo: Repo) => Promise<Commit[]>): Promise<{ tally: TrailerImportTally; rubricName: string }> => {
    const snapshot = await services.store.snapshot();
    if (snapshot.status === 'journalError' && snapshot.firstError) throw new Error(`The journal has an error at line ${snapshot.firstError.problem.line}; fix it before importing.`);
    const { rubric } = snapshot;
    if (!rubric) throw new Error('The rubric could not be loaded, and importing checks each trailer against it. The Problems panel says why.');
    const known = new Set(snapshot.journal?.entries.flatMap((e) => (e.commit ? [e.commit.sha] : [])));
    const extraAuthors = trailerAuthors();
    const drafts = [];
    const tally = emptyTally(false);
    for (const repo of repos) {
      const authors = [await services.git.userEmail(repo), ...extraAuthors].filter(Boolean);
      if (authors.length) tally.authorKnown = true;
      for (const c of await commitsOf(repo)) {
        const decision = decideTrailerImport({ sha: c.sha, subject: c.subject, message: c.message, authorEmail: c.authorEmail, date: localIsoDate(c.date ?? new Date()), ...(repo.remote ? { remote: repo.remote } : {}) }, { authors, rubric });
        if (decision.take === false && decision.reason === 'no-trailer') continue;
        if (known.has(c.sha)) {
          tally.known++;
          continue;
        }
        tallyDecision(tally, decision);
        if (decision.take) {
          known.add(c.sha);
          drafts.push({ data: decision.data, idSeed: c.sha });
        }
      }
    }
    // Oldest first, as a person would have tagged them.
    drafts.sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : 0));
    if (drafts.length) await services.store.appendMany(drafts);
    return { tally, rubricName: rubric.name };
  };

  const report = async (text: string, skipped: string, tally: TrailerImportTally) => {
    const choice = skipped ? await services.prompts.warning(`${text} ${skipped}`, ...(tally.otherAuthors ? [OPEN_SETTING] : [])) : await services.prompts.info(text);
    if (choice === OPEN_SETTING) await vscode.commands.executeCommand('workbench.action.openSettings', 'growthJournal.trailerAuthors');
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.importTrailers',
      guarded(services, async () => {
        requireTrust();
        const repos = await services.git.repositories();
        if (!repos.length) throw new Error('No git repository is open in this workspace.');
        const { tally, rubricName } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Growth Journal: reading commit trailers…' }, () =>
          importFrom(repos, (repo) => services.git.recentCommits(repo, HISTORY_SCANNED)),
        );
        const already = tally.known ? ` (${tally.known} already in the journal)` : '';
        const text = tally.added
          ? `Imported ${tally.added} ${tally.added === 1 ? 'entry' : 'entries'} from Growth-Evidence trailers${already}.`
          : `No new Growth-Evidence trailers of yours in the last ${HISTORY_SCANNED} commits${already}.`;
        await report(text, skippedTrailersMessage(tally, rubricName), tally);
      }),
    ),
  );

  // Opt-in: each new commit with a trailer becomes an entry on its own. A commit by someone else
  // (a pull that moves HEAD by one) is passed over without a word: that is what the rule is for.
  whileSettingOn(context, 'importTrailersOnCommit', () =>
    services.git.onDidCommit((repo, sha) => {
      void importFrom([repo], async (r) => {
        const commit = await services.git.commit(r, sha);
        return commit ? [commit] : [];
      }).then(
        async ({ tally, rubricName }) => {
          const ownOnly = { ...tally, otherAuthors: 0 };
          const skipped = skippedTrailersMessage(ownOnly, rubricName);
          if (tally.added || skipped) await report(tally.added ? 'Added the commit you just made to the journal, from its Growth-Evidence trailer.' : 'The commit you just made was not added to the journal.', skipped, ownOnly);
        },
        (e: unknown) => services.prompts.error(e instanceof Error ? e.message : String(e)),
      );
    }),
  );
}
