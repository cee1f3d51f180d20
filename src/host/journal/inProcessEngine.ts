// The journal engine on the extension host's own thread, for when the worker cannot start. A
// bundle of its own (dist/inProcessEngine.js, loaded on first need by the store): the write path
// and its lock stay out of dist/extension.js, which the worker makes room for.
import { JournalSession, type JournalOp, type JournalRead } from '../../core/journal';
import { type CitedCommit, type LostCommit } from '../../core/git/rewritten';
import { type GitArgv } from '../../core/git/commitSha';
import { parseRubric, type Rubric } from '../../core/rubric/rubric';
import { lostCommits } from '../git/rewritten';
import { runGit } from '../git/run';
import { runStepsAsync } from '../ui/steps';
import { rememberLastParse, type JournalEngine, type WriteResult } from './engine';
import { readJournalFile } from './file';
import { oneAtATime } from './queue';
import { writeJournal, type WriteRequest } from './write';

/** In the extension host itself, in time slices; one request at a time, as they share the session. */
export class InProcessEngine implements JournalEngine {
  private readonly session = new JournalSession();
  private readonly inTurn = oneAtATime();
  readFile(path: string): Promise<JournalRead> {
    return this.inTurn(async () => {
      const file = await readJournalFile(path);
      if (file.kind === 'refused') return { kind: 'invalid', problem: file.problem };
      return file.kind === 'bytes' ? runStepsAsync(this.session.readBytes(file.bytes)) : file;
    });
  }
  readText(text: string) {
    return this.inTurn(() => runStepsAsync(this.session.read(text)));
  }
  check(rubric: Rubric) {
    return this.inTurn(async () => this.session.check(rubric));
  }
  plan(text: string, op: JournalOp) {
    return this.inTurn(() => runStepsAsync(this.session.plan(text, op)));
  }
  readonly parseRubric = rememberLastParse(async (text) => parseRubric(text));
  lostCommits(root: string, cited: readonly CitedCommit[]): Promise<LostCommit[]> {
    return lostCommits(root, cited);
  }
  runGit(cwd: string, args: GitArgv): Promise<string> {
    return runGit(cwd, args);
  }
  write(request: WriteRequest): Promise<WriteResult> {
    return this.inTurn(async () => {
      const outcome = await writeJournal(request, (text, op) => runStepsAsync(this.session.plan(text, op)));
      if (!outcome.ok) return outcome;
      this.session.accept(outcome.text, outcome.parse);
      const { journal, problems } = outcome.parse;
      return { ok: true, added: outcome.added, ...(outcome.removed ? { removed: outcome.removed } : {}), ...(journal ? { read: { kind: 'text', journal, problems } } : {}) };
    });
  }
  dispose(): void {}
}
