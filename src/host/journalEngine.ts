import { Worker } from 'node:worker_threads';
import { type Entry } from '../core/journal';
import { JournalSession, type EditOutcome, type JournalOp, type ReadOutcome } from '../core/journalSession';
import { type Problem } from '../core/problem';
import { type Rubric } from '../core/rubric';
import { readJournalFile } from './journalFile';
import { runStepsAsync } from './steps';

export type FileReadOutcome = ReadOutcome | { kind: 'missing' };

/** Reads, checks and edits journals; where the parsing happens is its own business. */
export interface JournalEngine {
  /** Reads and parses a journal file; its bytes need not pass through the extension host. */
  readFile(path: string): Promise<FileReadOutcome>;
  /** Parses text the user has in an editor. */
  readText(text: string): Promise<ReadOutcome>;
  /** Checks the journal read last against the rubric. */
  check(rubric: Rubric): Promise<Problem[]>;
  edit(text: string, op: JournalOp): Promise<EditOutcome>;
  dispose(): void;
}

/** In the extension host itself, in time slices. */
export class InProcessEngine implements JournalEngine {
  private readonly session = new JournalSession();
  async readFile(path: string): Promise<FileReadOutcome> {
    const file = await readJournalFile(path);
    if (file.kind === 'tooLarge') return { kind: 'invalid', problem: file.problem };
    return file.kind === 'bytes' ? runStepsAsync(this.session.readBytes(file.bytes)) : file;
  }
  readText(text: string) {
    return runStepsAsync(this.session.read(text));
  }
  async check(rubric: Rubric) {
    return this.session.check(rubric);
  }
  edit(text: string, op: JournalOp) {
    return runStepsAsync(this.session.edit(text, op));
  }
  dispose(): void {}
}

type WorkerCall = { method: 'readFile'; path: string } | { method: 'readText'; text: string } | { method: 'check'; rubric: Rubric } | { method: 'edit'; text: string; op: JournalOp };
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
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void; entries: Entry[] }>();
  private readonly fallback = new InProcessEngine();
  /** What the last file read gave, for when the worker finds the file unchanged. */
  private lastFileRead: FileReadOutcome | undefined;

  constructor(private readonly script: string) {}

  private call<T>(request: WorkerCall, inProcess: () => Promise<T>): Promise<T> {
    if (!this.worker) {
      try {
        const worker = new Worker(this.script);
        worker.unref();
        worker.on('message', (reply: WorkerReply) => this.receive(reply));
        worker.on('error', (e) => this.fail(worker, e));
        worker.on('exit', () => this.fail(worker, new Error('The journal worker stopped.')));
        this.worker = worker;
      } catch {
        return inProcess();
      }
    }
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, entries: [] });
      worker.postMessage({ ...request, id });
    }).catch(() => inProcess()) as Promise<T>;
  }

  private receive(reply: WorkerReply): void {
    const slot = this.pending.get(reply.id);
    if (!slot) return;
    if ('batch' in reply) {
      for (const e of reply.batch) slot.entries.push(e);
      // The next batch in a later turn of the event loop, so other work runs in between.
      setImmediate(() => this.worker?.postMessage({ id: reply.id, method: 'nextBatch' } satisfies WorkerRequest));
      return;
    }
    this.pending.delete(reply.id);
    if ('error' in reply) return slot.reject(new Error(reply.error));
    const result = reply.result as FileReadOutcome;
    if (result && typeof result === 'object' && 'journal' in result && result.journal) result.journal.entries = slot.entries;
    slot.resolve(reply.result);
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const slot of this.pending.values()) slot.reject(error);
    this.pending.clear();
  }

  async readFile(path: string): Promise<FileReadOutcome> {
    const outcome = await this.call<FileReadOutcome | { kind: 'unchanged' }>({ method: 'readFile', path }, () => this.fallback.readFile(path));
    // The same bytes as last time: the entries this thread already holds are still right.
    if (outcome.kind === 'unchanged' && this.lastFileRead) return this.lastFileRead;
    if (outcome.kind === 'unchanged') return this.fallback.readFile(path);
    this.lastFileRead = outcome;
    return outcome;
  }
  readText(text: string) {
    this.lastFileRead = undefined;
    return this.call<ReadOutcome>({ method: 'readText', text }, () => this.fallback.readText(text));
  }
  check(rubric: Rubric) {
    return this.call<Problem[]>({ method: 'check', rubric }, () => this.fallback.check(rubric));
  }
  edit(text: string, op: JournalOp) {
    return this.call<EditOutcome>({ method: 'edit', text, op }, () => this.fallback.edit(text, op));
  }
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
