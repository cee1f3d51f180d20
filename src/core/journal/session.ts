import { newEntryId } from './entryId';
import { checkJournal, parseAfterTailEdit, parseJournalSteps, quickJournalSteps, type EntryData, type Journal, type JournalParse, type JournalRead } from './model';
import { addDimensionsEdit, appendEntriesEdit, editEntryEdits, emptyEntriesEdit, JournalEditError, redactCredentialsEdits, removedEntry, removeEntryEdit, repointStatementEdit, restoreEntryEdit, setNestedScalarsEdits, setProfileEdits, switchRubricEdits, type RemovedEntry } from './edit';
import { applyEdit, type TextEdit } from '../text/textEdit';
import { verifyChange } from './verify';
import { type JournalOp } from './ops';
import { tailAfterEdits, type ByteView } from './fastReader';
import { runSteps } from '../steps';
import { entryWithoutCredentials } from './credentials';
import { type Problem } from '../text/problem';
import { type Rubric } from '../rubric/rubric';
import { decodeUtf8 } from '../text/strings';
import { flattenString } from './tricks';

/**
 * Journals larger than this are refused before they are read or parsed: that is some 90,000
 * entries, and parsing takes about 16 bytes of memory per byte, which must fit a thread's heap.
 */
export const MAX_JOURNAL_BYTES = 32 * 1024 * 1024;

/** Why a journal of this many bytes is not read, or undefined when its size is fine. */
export function journalSizeProblem(bytes: number): Problem | undefined {
  if (bytes <= MAX_JOURNAL_BYTES) return undefined;
  const mb = (n: number) => Math.ceil(n / 1024 / 1024);
  return {
    severity: 'error',
    code: 'too-large',
    message: `The journal is ${mb(bytes)} MB; Growth Journal reads journals of up to ${mb(MAX_JOURNAL_BYTES)} MB, so it neither read nor changed this one. Move older entries to another file (for example .growth/journal-2024.yaml) to bring it under the limit.`,
  };
}

/** Tells one read of the session from another (JournalSession.lastRead). */
export type ReadMark = object;

export type Refusal = { ok: false; message: string; problem?: Problem };

/**
 * A change worked out and verified: the new text, the entries it added (or the lines it removed,
 * for Undo), and its parse. `tail` is the new text from the first edit on, when the edits make
 * it cheaply, so a writer can keep the bytes before it as they are.
 */
export type PlanOutcome = { ok: true; text: string; edits: TextEdit[]; added: EntryData[]; removed?: RemovedEntry[]; parse: JournalParse; tail?: { from: number; text: string } } | Refusal;

/** A UTF-16 surrogate without its pair: UTF-8 cannot hold it, and writing it would silently change it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Holds the last text read and its parse, and answers reads, checks and edits from it, so an
 * unchanged journal is never parsed twice. Runs in the extension host or in a worker thread.
 */
export class JournalSession {
  /** The last text read or written and its parse; `read` tells one read from another (see lastRead). */
  private last: { text: string; parse: JournalParse; read: ReadMark } | undefined;
  /**
   * A journal read for a first look from its bytes (quickJournalSteps): its text and parse are
   * made when something needs them (an edit, a problem's place) or while nobody waits (prepare).
   */
  private pending: { bytes: Uint8Array; journal: Journal; read: ReadMark } | undefined;

  /** `viewOf`: the bytes' Latin-1 view when they are valid UTF-8 (host code makes it), for quick first reads. */
  constructor(private readonly viewOf?: (bytes: Uint8Array) => ByteView | undefined) {}

  /** Reads a journal's bytes: invalid UTF-8 is refused at its place, not replaced. */
  *readBytes(bytes: Uint8Array): Generator<void, JournalRead> {
    const tooLarge = journalSizeProblem(bytes.length);
    if (tooLarge) return { kind: 'invalid', problem: tooLarge };
    const view = this.viewOf?.(bytes);
    const journal = view && (yield* quickJournalSteps(view));
    if (journal) {
      this.last = undefined;
      this.pending = { bytes, journal, read: {} };
      return { kind: 'text', journal, problems: [] };
    }
    const decoded = decodeUtf8(bytes);
    // Bytes that are not text leave the session as it was, as any read that fails does.
    if (!decoded.ok) return { kind: 'invalid', problem: decoded.problem };
    // A quick read before this one is not compared with it: this read replaces it.
    this.pending = undefined;
    return yield* this.read(decoded.text);
  }

  *read(text: string): Generator<void, JournalRead> {
    // An editor's text has no byte size at hand; its length in UTF-16 units is never more.
    const tooLarge = journalSizeProblem(text.length);
    if (tooLarge) return { kind: 'invalid', problem: tooLarge };
    const parse = yield* this.parsed(text);
    return { kind: 'text', ...(parse.journal ? { journal: parse.journal } : {}), problems: parse.problems };
  }

  /** Checks the journal read last against its rubric. */
  check(rubric: Rubric): Problem[] {
    const { pending } = this;
    if (!pending) return this.last ? this.checkedAgainst(this.last.parse, rubric) : [];
    // The text and nodes are made only if a problem needs its place.
    const settled = () => this.settled().parse as JournalParse & { journal: Journal };
    return checkJournal(
      {
        journal: pending.journal,
        problems: [],
        get source() {
          return settled().source;
        },
        get entryNodes() {
          return settled().entryNodes;
        },
        get entryIds() {
          return settled().entryIds;
        },
      },
      rubric,
    );
  }

  /**
   * The problems of `parse` against `rubric`. After a write that re-read the journal's tail,
   * only the entries read again are checked: the problems of those before them and of the
   * profile are the last check's, which stand on lines before the tail.
   */
  private checkedAgainst(parse: JournalParse, rubric: Rubric): Problem[] {
    const last = this.checked;
    if (last?.parse === parse && last.rubric === rubric) return last.problems.slice();
    const from = last?.rubric === rubric && parse.reReadFrom?.base.deref() === last.parse ? parse.reReadFrom : undefined;
    const problems = from ? [...last!.problems.filter((p) => (p.line ?? 0) < from.line), ...checkJournal(parse, rubric, from.entries)] : checkJournal(parse, rubric);
    this.checked = { parse, rubric, problems };
    return problems;
  }

  /**
   * The last check: the parse and rubric it checked, and what it found. The rubric is told by
   * identity: a host keeps one object per rubric text (the engines' parseRubric, the worker's
   * rubric), and an equal copy is only checked in full once more.
   */
  private checked: { parse: JournalParse; rubric: Rubric; problems: Problem[] } | undefined;

  /** Makes what the next edit needs while nobody waits: the text and parse of a quick read, and the text as one piece. */
  prepare(): void {
    const text = this.lastText;
    if (text !== undefined) flattenString(text);
  }

  /**
   * Which read the session holds: the same object until another text is read or written (a
   * quick read keeps its mark when its text is made), so a caller can tell whether a write
   * started from the read it knows.
   */
  get lastRead(): ReadMark | undefined {
    return this.pending?.read ?? this.last?.read;
  }

  /** The session's last read with its text and parse made. */
  private settled(): { text: string; parse: JournalParse; read: ReadMark } {
    if (this.pending) this.settle(this.pending, this.pendingText());
    return this.last!;
  }

  /**
   * The text of the quick read's bytes, which it took only when they were valid UTF-8. Were that
   * ever untrue, the session forgets the read, so what comes next reads the file again.
   */
  private pendingText(): string {
    const decoded = decodeUtf8(this.pending!.bytes);
    if (decoded.ok) return decoded.text;
    this.pending = this.last = undefined;
    throw new Error(decoded.problem.message);
  }

  private settle(pending: { read: ReadMark }, text: string): void {
    this.pending = undefined;
    this.last = { text, parse: runSteps(parseJournalSteps(text)), read: pending.read };
  }

  /**
   * Works out `op` on `text` and verifies the result before anyone writes it: the new text
   * must parse, and hold exactly the journal intended (the same entries but those added or
   * removed, the same profile but what was set, every other key as it was). Only edits the
   * text in place, so every byte outside the edit is kept; anything else is refused.
   */
  *plan(text: string, op: JournalOp): Generator<void, PlanOutcome> {
    const tooLarge = journalSizeProblem(text.length);
    if (tooLarge) return { ok: false, message: tooLarge.message, problem: tooLarge };
    const parse = yield* this.parsed(text);
    if (!parse.journal) {
      const problem = parse.problems.find((p) => p.severity === 'error') ?? parse.problems[0];
      return {
        ok: false,
        message: `The journal has an error${problem?.line ? ` at line ${problem.line}, column ${problem.column}` : ''}: ${problem?.message ?? 'it does not parse'} Nothing was written.`,
        ...(problem ? { problem } : {}),
      };
    }
    let change: ReturnType<typeof applyOp>;
    try {
      change = applyOp(parse, op);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    if (change.edits.some((e) => LONE_SURROGATE.test(e.insert))) {
      return { ok: false, message: 'The change holds text that is not valid Unicode (half of a surrogate pair), which a UTF-8 file cannot keep. Nothing was written.' };
    }
    // Joined from pieces, never read whole here: copying millions of characters is what a tag must not cost.
    const after = change.edits.reduce(applyEdit, text);
    const afterParse = parseAfterTailEdit(parse, after, change.edits) ?? (yield* parseJournalSteps(after));
    const wrong = verifyChange(parse, afterParse, op, change.added);
    if (wrong) {
      return { ok: false, message: `Growth Journal worked out this change but did not write it, because the result would not be exactly the change intended: ${wrong} The journal is unchanged; please report this with the journal's layout.` };
    }
    const firstEdit = Math.min(...change.edits.map((e) => e.offset));
    const tail = tailAfterEdits(text, change.edits, firstEdit);
    return {
      ok: true,
      text: after,
      edits: change.edits,
      added: change.added,
      ...(change.removed ? { removed: change.removed } : {}),
      parse: afterParse,
      ...(tail === undefined ? {} : { tail: { from: firstEdit, text: tail } }),
    };
  }

  /** Keeps a text just written and its parse, so reading it next costs nothing. */
  accept(text: string, parse: JournalParse): void {
    this.pending = undefined;
    this.last = { text, parse, read: {} };
  }

  /** The text read or written last, whose parse the session holds. */
  get lastText(): string | undefined {
    return this.pending || this.last ? this.settled().text : undefined;
  }

  /** The parse of `text`, kept so the same text is never parsed twice in a row. */
  *parsed(text: string): Generator<void, JournalParse> {
    const { pending } = this;
    if (pending) {
      // A quick read's text is parsed only when it is the text asked for.
      const read = this.pendingText();
      if (read === text) this.settle(pending, read);
      else this.pending = undefined;
    }
    if (this.last?.text !== text) this.last = { text, parse: yield* parseJournalSteps(text), read: {} };
    return this.last.parse;
  }
}

function applyOp(parse: JournalParse, op: JournalOp): { edits: TextEdit[]; added: EntryData[]; removed?: RemovedEntry[] } {
  switch (op.kind) {
    case 'append': {
      const fresh = new Set<string>();
      const taken = { has: (id: string) => fresh.has(id) || !!parse.entryIds?.has(id) };
      const added = op.drafts.map(({ data, idSeed }) => {
        const id = newEntryId(data.date, idSeed, taken);
        fresh.add(id);
        // Whatever recorded the entry, no URL in it reaches the journal with credentials.
        return entryWithoutCredentials({ ...data, id });
      });
      return { edits: [appendEntriesEdit(parse, added)], added };
    }
    case 'remove': {
      if (op.ids.length === 0) throw new JournalEditError('Nothing to remove.');
      // Later entries first, so each edit's offsets stay valid as the others apply.
      const ids = [...new Set(op.ids)];
      const edits = ids.map((id) => removeEntryEdit(parse, id)).sort((a, b) => b.offset - a.offset);
      // Removing every entry (the Undo of a first tag) gives back `entries: []`, as the journal had it.
      const emptied = emptyEntriesEdit(parse, new Set(ids));
      if (emptied) return { edits: [emptied], added: [], removed: ids.map((id) => removedEntry(parse, id)) };
      return { edits, added: [], removed: ids.map((id) => removedEntry(parse, id)) };
    }
    case 'profile':
      return { edits: setProfileEdits(parse, op.profile), added: [] };
    case 'redact':
      return { edits: redactCredentialsEdits(parse), added: [] };
    case 'rubric':
      return { edits: switchRubricEdits(parse, op), added: [] };
    case 'amend':
      return { edits: [addDimensionsEdit(parse, op.id, op.addDimensions)], added: [] };
    case 'restore':
      return { edits: [restoreEntryEdit(parse, op.removed)], added: [] };
    case 'repoint':
      return { edits: [repointStatementEdit(parse, op.id, op.from, op.to)], added: [] };
    case 'edit':
      return { edits: editEntryEdits(parse, op.id, op.changes), added: [] };
    case 'reanchor':
      return { edits: setNestedScalarsEdits(parse, op.id, 'selection', { ...op.selection }), added: [] };
    case 'relink': {
      if (op.links.length === 0) throw new JournalEditError('No commit to re-point.');
      const edits = op.links.flatMap((link) => {
        const cited = parse.journal?.entries.find((e) => e.id === link.id)?.commit?.sha;
        if (cited !== link.from) throw new JournalEditError(`Entry "${link.id}" no longer cites commit ${link.from.slice(0, 7)}; nothing was changed.`);
        return setNestedScalarsEdits(parse, link.id, 'commit', { sha: link.to });
      });
      return { edits: edits.sort((a, b) => b.offset - a.offset), added: [] };
    }
  }
}
