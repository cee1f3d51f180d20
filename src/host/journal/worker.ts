// The worker thread behind WorkerEngine: one JournalSession, answering the extension host.
import { parentPort } from 'node:worker_threads';
import { runSteps } from '../../core/steps';
import { type JournalParse, journalChange, JournalSession, type ReadMark, type JournalRead } from '../../core/journal';
import type { WorkerReply, WorkerRequest, WorkerWriteReply } from './engine';
import { byteView, holdsBytes, readJournalFile } from './file';
import { writeJournal } from './write';
import { parseRubric } from '../../core/rubric/rubric';
import { oneAtATime } from './queue';
import { WorkerState } from './workerState';
import { lostCommits } from '../git/rewritten';
import { runGit } from '../git/run';

const BATCH = 1000;
const session = new JournalSession(byteView);
const state = new WorkerState(session);
const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

/** Replies still to send, by request id, and what to call when the last is sent: the host asks for each batch when it has taken the last. */
const unsent = new Map<number, { replies: Iterator<WorkerReply>; done: () => void }>();

/**
 * The entries in small batches, then the rest of the outcome without them. Batches wait to be
 * asked for: sent all at once, they would queue up and the host would take them in one long turn.
 */
function* repliesWithEntries(id: number, outcome: JournalRead): Generator<WorkerReply> {
  if (outcome.kind !== 'text' || !outcome.journal) return yield { id, result: outcome };
  const { entries } = outcome.journal;
  for (let i = 0; i < entries.length; i += BATCH) yield { id, batch: entries.slice(i, i + BATCH) };
  yield { id, result: { ...outcome, journal: { ...outcome.journal, entries: [] } } };
}

function sendNext(id: number): void {
  const slot = unsent.get(id);
  const next = slot?.replies.next();
  if (!slot || !next || next.done || !('batch' in next.value)) {
    unsent.delete(id);
    slot?.done();
  }
  if (next && !next.done) reply(next.value);
}

/** Sends the outcome, its entries in batches; resolves once the last is sent, so the next request waits for it. */
function replyWithEntries(id: number, outcome: JournalRead): Promise<void> {
  return new Promise((done) => {
    unsent.set(id, { replies: repliesWithEntries(id, outcome), done });
    sendNext(id);
  });
}

port.postMessage('ready');

/**
 * Requests are handled one at a time, in the order they came, as the session is shared: a read
 * holds the queue until its last batch is sent, so replies reach the host in the order it asked
 * (the host's copy of the journal changes in the same order as the session). A batch asked for
 * is sent at once: its read holds the queue.
 */
const inTurn = oneAtATime();
port.on('message', (request: WorkerRequest) => {
  clearTimeout(idleWork);
  if (request.method === 'nextBatch') return sendNext(request.id);
  // Git's answers need nothing of the session: they wait for no read or write, and none waits for them.
  if (request.method === 'lostCommits' || request.method === 'git') {
    void (request.method === 'git' ? runGit(request.cwd, request.args) : lostCommits(request.root, request.cited)).then(
      (result) => reply({ id: request.id, result }),
      (e: unknown) => reply({ id: request.id, error: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  void inTurn(() => handle(request)).then(whenIdle);
});

/** How long the worker waits after its last request before it does work nobody is waiting for. */
const IDLE_MS = 50;
let idleWork: ReturnType<typeof setTimeout> | undefined;

/**
 * What the next edit needs, made while nobody waits (JournalSession.prepare): the text and nodes
 * of a journal read quickly from its bytes, and a text just written as one piece (it is joined
 * from pieces, and V8 copies such a string whole when it is first read). For a large journal
 * either is the largest cost of the next tag.
 */
function whenIdle(): void {
  clearTimeout(idleWork);
  idleWork = setTimeout(() => {
    try {
      session.prepare();
    } catch {
      // The session forgot the read it could not make (see JournalSession.pendingText): the next request reads the file again.
      state.forget();
    }
  }, IDLE_MS);
  idleWork.unref();
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    switch (request.method) {
      case 'readFile': {
        // The same bytes as last time (the worker's own write, say): nothing to read or send.
        const sent = state.sentBytes;
        if (sent && (await holdsBytes(request.path, sent))) return reply({ id: request.id, result: { kind: 'unchanged' } });
        const file = await readJournalFile(request.path);
        if (file.kind !== 'bytes') {
          state.forget();
          return reply({ id: request.id, result: file.kind === 'missing' ? file : { kind: 'invalid', problem: file.problem } });
        }
        const outcome = runSteps(session.readBytes(file.bytes));
        state.sent(file.bytes, outcome.kind === 'text');
        return replyWithEntries(request.id, outcome);
      }
      case 'readText':
        state.forget();
        return replyWithEntries(request.id, runSteps(session.read(request.text)));
      case 'check':
        return reply({ id: request.id, result: session.check(state.rubricFor(request.rubric)) });
      case 'parseRubric':
        return reply({ id: request.id, result: parseRubric(request.text) });
      case 'plan': {
        state.forget(); // the session now holds the parse of the text being edited
        const planned = runSteps(session.plan(request.text, request.op));
        // The parse stays here; the host needs the text and what was added.
        return reply({ id: request.id, result: planned.ok ? { ...planned, parse: undefined } : planned });
      }
      case 'write': {
        const { hostRead, known } = state.beginWrite();
        const planned: { before?: { read: ReadMark | undefined; parse: JournalParse } } = {};
        const outcome = await writeJournal(
          request.request,
          async (text, op) => {
            const parse = runSteps(session.parsed(text));
            planned.before = { read: session.lastRead, parse };
            return runSteps(session.plan(text, op));
          },
          known,
        );
        if (!outcome.ok) return reply({ id: request.id, result: outcome satisfies WorkerWriteReply });
        session.accept(outcome.text, outcome.parse);
        // The host holds the text this write started from: it applies the change to its copy,
        // and the next read of the file, unchanged since, is answered "unchanged".
        const { before } = planned;
        const change = before && hostRead !== undefined && before.read === hostRead && before.parse.journal && outcome.parse.journal ? journalChange(before.parse.journal, { journal: outcome.parse.journal, problems: outcome.parse.problems }) : undefined;
        state.written(outcome.bytes, change !== undefined);
        return reply({ id: request.id, result: { ok: true, added: outcome.added, ...(outcome.removed ? { removed: outcome.removed } : {}), ...(change ? { change } : {}) } satisfies WorkerWriteReply });
      }
    }
  } catch (e) {
    reply({ id: request.id, error: e instanceof Error ? e.message : String(e) });
  }
}
