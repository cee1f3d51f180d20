import { type JournalSession, type ReadMark } from '../../core/journal';
import { type Rubric } from '../../core/rubric/rubric';
import { type BytePieces } from './file';
import { type KnownText } from './write';

/**
 * What the worker knows of the journal file beside its session, as one value:
 * - `unknown`: nothing; the next read of the file reads and sends it all;
 * - `sent`: the host holds the outcome of the session's read of these bytes, so the same bytes
 *   again are answered "unchanged". `read` is that read when it gave a text: a write that starts
 *   from it sends only a change, and starts from the session's text while the file holds the bytes;
 * - `written`: the session holds the text of these bytes, which the worker wrote, but the host
 *   holds nothing it can update (the write did not start from its read).
 */
type FileState = { kind: 'unknown' } | { kind: 'sent'; bytes: BytePieces; read: ReadMark | undefined } | { kind: 'written'; bytes: BytePieces };

const UNKNOWN: FileState = { kind: 'unknown' };

/** The worker's state and all its transitions: nothing else changes what it holds. */
export class WorkerState {
  private file: FileState = UNKNOWN;
  /** The rubric checks are against: the host sends it once per change of rubric. */
  private rubric: Rubric | undefined;

  constructor(private readonly session: JournalSession) {}

  /** Bytes whose read the host holds: while the file still holds them, a read is answered "unchanged". */
  get sentBytes(): BytePieces | undefined {
    return this.file.kind === 'sent' ? this.file.bytes : undefined;
  }

  /** The session read `bytes` and the host gets the outcome; `text`: the outcome is a journal's text (not invalid bytes). */
  sent(bytes: Buffer, text: boolean): void {
    this.file = { kind: 'sent', bytes: [bytes], read: text ? this.session.lastRead : undefined };
  }

  /** The session holds another text (an editor's, a plan's), lost its read, or the file is gone: the next file read sends all. */
  forget(): void {
    this.file = UNKNOWN;
  }

  /**
   * A write begins: what it may start from without reading (the session's text and the bytes it
   * came from) and the read the host holds. All is forgotten until `written`, so no failure
   * half-way can leave bytes paired with another text, or the host's read with another journal.
   */
  beginWrite(): { hostRead: ReadMark | undefined; known: KnownText | undefined } {
    const { file } = this;
    this.file = UNKNOWN;
    const bytes = file.kind === 'written' || (file.kind === 'sent' && file.read !== undefined) ? file.bytes : undefined;
    const text = bytes && this.session.lastText;
    return { hostRead: file.kind === 'sent' ? file.read : undefined, known: bytes && text !== undefined ? { bytes, text } : undefined };
  }

  /** The session accepted the text written as `bytes`; `hostUpdated`: the host applies the write's change to its read. */
  written(bytes: BytePieces, hostUpdated: boolean): void {
    this.file = hostUpdated ? { kind: 'sent', bytes, read: this.session.lastRead } : { kind: 'written', bytes };
  }

  /** The rubric to check against: `sent` when the host sent one (a new rubric), else the one held. */
  rubricFor(sent: Rubric | undefined): Rubric {
    this.rubric = sent ?? this.rubric;
    if (!this.rubric) throw new Error('The journal worker was asked for a check before it was sent a rubric.');
    return this.rubric;
  }
}
