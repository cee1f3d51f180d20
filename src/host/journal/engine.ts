import { Worker } from 'node:worker_threads';
import { type Entry, type EntryData, applyJournalChange, type JournalChange, shareRepeated, type RemovedEntry, type JournalOp, type PlanOutcome, type JournalRead, type Refusal } from '../../core/journal';
import { type Problem } from '../../core/text/problem';
import { type Rubric, type RubricParse } from '../../core/rubric/rubric';
import { sharedString } from '../../core/text/strings';
import { type WriteRequest } from './write';
import { type CitedCommit, type LostCommit } from '../../core/git/rewritten';
import { type GitArgv } from '../../core/git/commitSha';

/**
 * A write done, or why not. `read` is the journal as written, as the engine's next `readFile`
 * would give it, when the engine holds it: the caller updates its snapshot from it instead of
 * reading the file again.
 */
export type WriteResult = { ok: true; added: EntryData[]; removed?: RemovedEntry[]; read?: JournalRead } | Refusal;

/**
 * What the worker sends back for a write: the parse stays behind, where it is kept. `change`
 * says how the journal the host read last became the one written, when the write started
 * from that very text; without it the next read sends everything.
 */
export type WorkerWriteReply = { ok: true; added: EntryData[]; removed?: RemovedEntry[]; change?: JournalChange } | Refusal;

/** Reads, checks and edits journals; where the parsing happens is its own business. */
export interface JournalEngine {
  /** Reads and parses a journal file; its bytes need not pass through the extension host. */
  readFile(path: string): Promise<JournalRead>;
  /** Parses text the user has in an editor. */
  readText(text: string): Promise<JournalRead>;
  /** Checks the journal read or written last against the rubric. */
  check(rubric: Rubric): Promise<Problem[]>;
  /**
   * Parses a rubric off the extension host's thread. The same text gives the same parse, so a
   * check against its rubric finds the engine holding it already.
   */
  parseRubric(text: string): Promise<RubricParse>;
  /** Works out and verifies a change on text the user has in an editor; writes nothing. */
  plan(text: string, op: JournalOp): Promise<PlanOutcome>;
  /** Changes the journal file through the one write path (src/host/journal/write.ts). */
  write(request: WriteRequest): Promise<WriteResult>;
  /**
   * The cited commits no branch or tag of the repository at `root` reaches. Git is spawned off the
   * extension host's thread: a spawn from a large host stalls it for a hundred milliseconds or more.
   */
  lostCommits(root: string, cited: readonly CitedCommit[]): Promise<LostCommit[]>;
  /** Runs git in `cwd`, off the extension host's thread like lostCommits: the extension's Git class runs every command here. */
  runGit(cwd: string, args: GitArgv): Promise<string>;
  dispose(): void;
}

/** Heap a worker may use: a 50,000-entry journal needs about 300 MB; hostile shapes need far more. */
const WORKER_HEAP_MB = 1536;

/** The reader failed in a way a person should hear about. */
class EngineError extends Error {}

type WorkerCall =
  | { method: 'readFile'; path: string }
  | { method: 'readText'; text: string }
  /** Without `rubric`: against the rubric the worker holds (the last one sent or parsed). */
  | { method: 'check'; rubric?: Rubric }
  | { method: 'plan'; text: string; op: JournalOp }
  | { method: 'parseRubric'; text: string }
  | { method: 'write'; request: WriteRequest }
  /** Asks git which cited commits no branch or tag reaches; the session is not involved. */
  | { method: 'lostCommits'; root: string; cited: readonly CitedCommit[] }
  | { method: 'git'; cwd: string; args: GitArgv };
/** `nextBatch` asks for the next batch of entries of the read with that id. */
export type WorkerRequest = { id: number } & (WorkerCall | { method: 'nextBatch' });
export type WorkerReply = { id: number } & ({ batch: Entry[] } | { result: unknown } | { error: string });

/**
 * In a worker thread, which reads the file itself: a large journal's bytes, its parse and the
 * garbage that makes never touch the extension host's thread. Entries come back in batches,
 * each quick to receive and each asked for in its own turn. If the worker fails, work continues in process.
 */
export class WorkerEngine implements JournalEngine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void; entries: Entry[]; strings: Map<string, string> }>();
  /** The engine on this thread, made on first need (the worker cannot start, or it answered "unchanged" for a read this thread no longer holds). */
  private inProcess: JournalEngine | undefined;
  private get fallback(): JournalEngine {
    return (this.inProcess ??= this.makeInProcess());
  }
  /** What the last file read gave, for when the worker finds the file unchanged. */
  private lastFileRead: JournalRead | undefined;
  /** The rubric the worker holds (this thread's copy): a check against it sends none. A new worker holds none. */
  private workerRubric: Rubric | undefined;

  /** `makeInProcess`: the engine that does the work on this thread when the worker cannot (the extension loads it from its own bundle). */
  constructor(
    private readonly script: string,
    private readonly makeInProcess: () => JournalEngine,
  ) {}

  /** Resolves once the worker's script runs; false when it cannot start here (then work goes on in process). */
  private started: Promise<boolean> | undefined;

  private start(): Promise<boolean> {
    if (this.worker && this.started) return this.started;
    let worker: Worker;
    try {
      worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch {
      return (this.started = Promise.resolve(false));
    }
    worker.unref();
    this.worker = worker;
    this.workerRubric = undefined;
    this.started = new Promise<boolean>((resolve) => {
      worker.once('message', () => resolve(true)); // the worker says it is ready
      worker.on('error', (e) => {
        resolve(false);
        this.fail(worker, e);
      });
      worker.on('exit', () => {
        resolve(false);
        this.fail(worker, new Error('The journal worker stopped.'));
      });
    });
    worker.on('message', (reply: WorkerReply | 'ready') => reply !== 'ready' && this.receive(reply));
    return this.started;
  }

  /**
   * Runs a request in the worker. Only a worker that cannot start at all hands work to this
   * thread: a file that made a running worker fail (out of memory, say) is never parsed here,
   * and a write that may have happened is never made twice.
   */
  private async call<T>(request: WorkerCall | (() => WorkerCall), inProcess: () => Promise<T>): Promise<T> {
    if (!(await this.start())) {
      this.worker = undefined;
      this.started = undefined;
      return inProcess();
    }
    const id = this.nextId++;
    const worker = this.worker!;
    // Made once the worker runs: what it holds (its rubric) is known only then.
    const call = typeof request === 'function' ? request() : request;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, entries: [], strings: new Map() });
      worker.postMessage({ ...call, id });
    }) as Promise<T>;
  }

  private receive(reply: WorkerReply): void {
    const slot = this.pending.get(reply.id);
    if (!slot) return;
    if ('batch' in reply) {
      // A message brings every string anew: share the ones entries repeat (fields.ts: `repeats`), so a large journal holds each once.
      const share = (text: string) => sharedString(slot.strings, text);
      for (const e of reply.batch) {
        shareRepeated(e as unknown as Record<string, unknown>, share);
        slot.entries.push(e);
      }
      // The next batch in a later turn of the event loop, so other work runs in between.
      setImmediate(() => this.worker?.postMessage({ id: reply.id, method: 'nextBatch' } satisfies WorkerRequest));
      return;
    }
    this.pending.delete(reply.id);
    if ('error' in reply) return slot.reject(new Error(reply.error));
    const result = reply.result as JournalRead;
    if (result && typeof result === 'object' && 'journal' in result && result.journal) result.journal.entries = slot.entries;
    slot.resolve(reply.result);
  }

  private fail(worker: Worker, error: Error & { code?: string }): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.started = undefined;
    }
    const message =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `Reading the journal needed more than ${WORKER_HEAP_MB / 1024} GB of memory, so Growth Journal stopped reading it and changed nothing. A journal in the usual shape needs far less: look for a very long or deeply nested value, or move older entries to another file.`
        : `Growth Journal's journal reader stopped (${error.message}); nothing was changed. Run "Growth Journal: Refresh" to try again.`;
    for (const slot of this.pending.values()) slot.reject(new EngineError(message));
    this.pending.clear();
  }

  /*
   * The worker answers in the order it was asked (its one queue), so what this thread holds
   * (lastFileRead) changes as each answer comes, in the order the worker's session changed:
   * a tag made while a reload is under way is applied to the journal that reload gave.
   */

  async readFile(path: string): Promise<JournalRead> {
    const outcome = await this.call<JournalRead | { kind: 'unchanged' }>({ method: 'readFile', path }, () => this.fallback.readFile(path));
    // The same bytes as last time: the entries this thread already holds are still right.
    if (outcome.kind === 'unchanged') return this.lastFileRead ?? this.fallback.readFile(path);
    this.lastFileRead = outcome;
    return outcome;
  }
  async readText(text: string) {
    const outcome = await this.call<JournalRead>({ method: 'readText', text }, () => this.fallback.readText(text));
    this.lastFileRead = undefined;
    return outcome;
  }
  /** The rubric goes to the worker only when it is not the one the worker holds. */
  check(rubric: Rubric) {
    return this.call<Problem[]>(
      () => {
        if (this.workerRubric === rubric) return { method: 'check' };
        this.workerRubric = rubric;
        return { method: 'check', rubric };
      },
      () => this.fallback.check(rubric),
    );
  }
  readonly parseRubric = rememberLastParse((text) => this.call<RubricParse>({ method: 'parseRubric', text }, () => this.fallback.parseRubric(text)));
  lostCommits(root: string, cited: readonly CitedCommit[]) {
    return this.call<LostCommit[]>({ method: 'lostCommits', root, cited }, () => this.fallback.lostCommits(root, cited));
  }
  runGit(cwd: string, args: GitArgv) {
    return this.call<string>({ method: 'git', cwd, args }, () => this.fallback.runGit(cwd, args));
  }
  plan(text: string, op: JournalOp) {
    return this.call<PlanOutcome>({ method: 'plan', text, op }, () => this.fallback.plan(text, op));
  }
  async write(request: WriteRequest): Promise<WriteResult> {
    const result = await this.call<WorkerWriteReply | WriteResult>({ method: 'write', request }, () => this.fallback.write(request));
    const held = this.lastFileRead;
    this.lastFileRead = undefined;
    if (!result.ok || !('change' in result) || !result.change) return result;
    const { change, ...rest } = result;
    // The worker now answers "unchanged" for the file it wrote: the entries here become the written ones.
    if (held?.kind !== 'text' || !held.journal) return rest;
    this.lastFileRead = { kind: 'text', ...applyJournalChange(held.journal, change) };
    return { ...rest, read: this.lastFileRead };
  }
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * `parse`, remembering the last text's parse: every load asks, and the rubric seldom changes.
 * The same text gives the same rubric object, which a check recognises (the session's last
 * check, the rubric the worker holds).
 */
export function rememberLastParse(parse: (text: string) => Promise<RubricParse>): (text: string) => Promise<RubricParse> {
  let last: { text: string; parse: RubricParse } | undefined;
  return async (text) => {
    if (last?.text !== text) last = { text, parse: await parse(text) };
    return last.parse;
  };
}
