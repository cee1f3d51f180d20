// The worker thread behind WorkerEngine: one JournalSession, answering the extension host.
import { parentPort } from 'node:worker_threads';
import { runSteps } from '../../core/steps';
import { type JournalParse, journalChange, JournalSession, type ReadMark, type ReadOutcome } from '../../core/journal';
import type { WorkerReply, WorkerRequest, WorkerWriteReply } from './engine';
import { byteView, holdsBytes, readJournalFile, type BytePieces } from './file';
import { writeJournal, type KnownText } from './write';
import { parseRubric, type Rubric } from '../../core/rubric/rubric';

const BATCH = 1000;
const session = new JournalSession(byteView);
/** The bytes of the last file read, so an unchanged file is neither parsed nor sent again. */
let lastBytes: BytePieces | undefined;
/** The rubric checks are against: the host sends it once per change of rubric. */
let rubric: Rubric | undefined;
/** The session's read the host holds: a write that starts from it sends only what it changed. */
let hostRead: ReadMark | undefined;
/** The file's bytes whose text the session holds, so a write to a file unchanged since is not decoded again. */
let sessionBytes: BytePieces | undefined;

/**
 * What the next write may start from without reading: the session's text and the bytes it came
 * from. The pairing is taken now and forgotten by the worker until the write is done, so no
 * failure half-way can leave bytes paired with another text.
 */
function knownForWrite(): KnownText | undefined {
  const known = sessionBytes && session.lastText !== undefined ? { bytes: sessionBytes, text: session.lastText } : undefined;
  sessionBytes = undefined;
  return known;
}const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

/** Replies still to send, by request id: the host asks for each batch when it has taken the last. */
const unsent = new Map<number, Iterator<WorkerReply>>();

/**
 * The entries in small batches, then the rest of the outcome without them. Batches wait to be
 * asked for: sent all at once, they would queue up and the host would take them in one long turn.
 */
function* repliesWithEntries(id: number, outcome: ReadOutcome): Generator<WorkerReply> {
  if (outcome.kind !== 'text' || !outcome.journal) return yield { id, result: outcome };
  const { entries } = outcome.journal;
  for (let i = 0; i < entries.length; i += BATCH) yield { id, batch: entries.slice(i, i + BATCH) };
  yield { id, result: { ...outcome, journal: { ...outcome.journal, entries: [] } } };
}

function sendNext(id: number): void {
  const replies = unsent.get(id);
  const next = replies?.next();
  if (!next || next.done) return void unsent.delete(id);
  if (!('batch' in next.value)) unsent.delete(id);
  reply(next.value);
}

function replyWithEntries(id: number, outcome: ReadOutcome): void {
  unsent.set(id, repliesWithEntries(id, outcome));
  sendNext(id);
}

port.postMessage('ready');

/** Requests are handled one at a time, in the order they came, as the session is shared. */
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  clearTimeout(idleWork);
  queue = queue.then(() => handle(request)).then(whenIdle);
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
      lastBytes = hostRead = sessionBytes = undefined;
    }
  }, IDLE_MS);
  idleWork.unref();
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    switch (request.method) {
      case 'nextBatch':
        return sendNext(request.id);
      case 'readFile': {
        // The same bytes as last time (the worker's own write, say): nothing to read or send.
        if (lastBytes && (await holdsBytes(request.path, lastBytes))) return reply({ id: request.id, result: { kind: 'unchanged' } });
        const file = await readJournalFile(request.path);
        if (file.kind !== 'bytes') {
          lastBytes = hostRead = sessionBytes = undefined;
          return reply({ id: request.id, result: file.kind === 'missing' ? file : { kind: 'invalid', problem: file.problem } });
        }
        lastBytes = [file.bytes];
        const outcome = runSteps(session.readBytes(file.bytes));
        hostRead = outcome.kind === 'text' ? session.lastRead : undefined;
        sessionBytes = hostRead === undefined ? undefined : [file.bytes];
        return replyWithEntries(request.id, outcome);
      }
      case 'readText':
        lastBytes = hostRead = sessionBytes = undefined;
        return replyWithEntries(request.id, runSteps(session.read(request.text)));
      case 'check':
        rubric = request.rubric ?? rubric;
        if (!rubric) throw new Error('The journal worker was asked for a check before it was sent a rubric.');
        return reply({ id: request.id, result: session.check(rubric) });
      case 'parseRubric':
        return reply({ id: request.id, result: parseRubric(request.text) });
      case 'plan': {
        lastBytes = sessionBytes = undefined; // the session now holds the parse of the text being edited
        const planned = runSteps(session.plan(request.text, request.op));
        // The parse stays here; the host needs the text and what was added.
        return reply({ id: request.id, result: planned.ok ? { ...planned, parse: undefined } : planned });
      }
      case 'write': {
        // Until the write is known to be done, the next read sends everything.
        const held = hostRead;
        lastBytes = hostRead = undefined;
        const planned: { before?: { read: ReadMark | undefined; parse: JournalParse } } = {};
        const outcome = await writeJournal(
          request.request,
          async (text, op) => {
            const parse = runSteps(session.parsed(text));
            planned.before = { read: session.lastRead, parse };
            return runSteps(session.plan(text, op));
          },
          knownForWrite(),
        );
        if (!outcome.ok) return reply({ id: request.id, result: outcome satisfies WorkerWriteReply });
        session.accept(outcome.text, outcome.parse);
        sessionBytes = outcome.bytes;
        // The host holds the text this write started from: it applies the change to its copy,
        // and the next read of the file, unchanged since, is answered "unchanged".
        const { before } = planned;
        const change = before && held !== undefined && before.read === held && before.parse.journal && outcome.parse.journal ? journalChange(before.parse.journal, { journal: outcome.parse.journal, problems: outcome.parse.problems }) : undefined;
        if (change) {
          lastBytes = outcome.bytes;
          hostRead = session.lastRead;
        }
        return reply({ id: request.id, result: { ok: true, added: outcome.added, ...(outcome.removed ? { removed: outcome.removed } : {}), ...(change ? { change } : {}) } satisfies WorkerWriteReply });
      }
    }
  } catch (e) {
    reply({ id: request.id, error: e instanceof Error ? e.message : String(e) });
  }
}
