import { citations, entriesInPeriod } from './coverage';
import { type Entry, type Journal } from '../journal';
import { EvidenceWriter } from './document';
import { mdCode, mdText } from './markdown';
import { evidenceHead } from './renderMarkdown';
import { periodTitle, type Period } from '../time/periods';
import { allDimensions, levelName, levelRank, type Dimension, type Rubric } from '../rubric/rubric';
import { citedRef, expectationInForce, refDimension, refKey, type Statement } from '../rubric/statements';
import { contentHash } from '../text/strings';

/**
 * The self-review: a Markdown file per period with a section per statement in force at the
 * target level, the evidence citing it, and the user's own words, which every later run keeps.
 *
 * Each line Growth Journal writes ends in a hidden marker, `<!-- gj:KIND KEY h=HASH -->`: the
 * kind of line, its key (a statement's cited ref, an entry id) and a hash of the line as written.
 * A line whose hash no longer matches was edited by the user and is theirs from then on; a line
 * without a marker is theirs. A section runs from its heading's marker to the next section's,
 * so whatever the user writes anywhere in it stays with its statement, whatever the order.
 */
export interface ReviewInput {
  rubric: Rubric;
  journal: Journal;
  period: Period;
  /** Default: the journal's target level. */
  level?: string;
  includePrivate?: boolean;
  /** How the journal is named in the preamble, e.g. `.growth/journal.yaml`. */
  journalLabel?: string;
}

export class ReviewError extends Error {}

/** Per statement's cited ref (`ref@fingerprint`), text to write into its section if the user wrote nothing there. */
export type ReviewDrafts = ReadonlyMap<string, readonly string[]>;

export interface ReviewOutcome {
  text: string;
  /** The cited refs of the statements whose sections got a draft. */
  drafted: string[];
}

// ---- Markers ---------------------------------------------------------------------------------

type SectionKind = 'dim' | 'stmt' | 'unlinked' | 'kept';
type LineKind = SectionKind | 'title' | 'intro' | 'ev' | 'gone' | 'none' | 'flag';
const LINE_KINDS: ReadonlySet<string> = new Set<LineKind>(['dim', 'stmt', 'unlinked', 'kept', 'title', 'intro', 'ev', 'gone', 'none', 'flag']);
const SECTION_KINDS: ReadonlySet<string> = new Set<SectionKind>(['dim', 'stmt', 'unlinked', 'kept']);
const MARKER = / ?<!-- gj:([a-z]+)(?: ([A-Za-z0-9_.@/%-]+))? h=([0-9a-f]{6}) -->/g;

/** A key inside an HTML comment: only characters that cannot end it, or break a marker, as they are. */
function encodeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_.@/-]|-(?=-|$)/gu, (c) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

function decodeKey(key: string): string | undefined {
  try {
    return decodeURIComponent(key);
  } catch {
    return undefined;
  }
}

function lineHash(kind: string, key: string, content: string): string {
  return contentHash(`${kind}\u0000${key}\u0000${content}`).slice(-6);
}

/** A line we write: its content, then the hidden marker that says it is ours and unchanged. */
function marked(kind: LineKind, content: string, key = ''): string {
  return `${content} <!-- gj:${kind}${key ? ` ${encodeKey(key)}` : ''} h=${lineHash(kind, key, content)} -->`;
}

interface Marker {
  kind: LineKind;
  key: string;
  /** The line is as we wrote it. */
  intact: boolean;
  /** The line without its marker. */
  content: string;
}

function readMarker(line: string): Marker | undefined {
  // The last one is ours: one earlier in the line is text (an entry id in a code span, say).
  const m = [...line.matchAll(MARKER)].at(-1);
  if (!m || !LINE_KINDS.has(m[1])) return undefined;
  const key = m[2] === undefined ? '' : decodeKey(m[2]);
  if (key === undefined) return undefined;
  // Text typed after the marker makes the line the user's, as an edit before it does.
  const rest = line.slice(m.index + m[0].length);
  const content = line.slice(0, m.index) + (rest.trim() ? rest : '');
  return { kind: m[1] as LineKind, key, intact: !rest.trim() && lineHash(m[1], key, content) === m[3], content };
}

// ---- Reading an earlier version ---------------------------------------------------------------

interface EarlierEvidence {
  id: string;
  /** The line as found, marker and all. */
  line: string;
  gone: boolean;
  /** The user's lines after it, up to the next line of ours. */
  after: string[];
}

interface EarlierSection {
  kind: SectionKind | 'top';
  key: string;
  /** The heading line as we wrote it, if it is still so. */
  heading?: string;
  /** The user's lines between the heading and the first evidence line. */
  lead: string[];
  evidence: EarlierEvidence[];
  /** The user's lines after the evidence. */
  tail: string[];
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Splits a review into its sections; every line that is not ours, or no longer as we wrote it, lands in one as the user's. */
function readSections(text: string): EarlierSection[] {
  const top: EarlierSection = { kind: 'top', key: '', lead: [], evidence: [], tail: [] };
  const sections = [top];
  let current = top;
  let afterList = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const marker = readMarker(line);
    if (marker && SECTION_KINDS.has(marker.kind)) {
      current = { kind: marker.kind as SectionKind, key: marker.key, lead: [], evidence: [], tail: [] };
      afterList = false;
      sections.push(current);
      // An edited heading still says where the section starts; its text is the user's.
      if (marker.intact) current.heading = line;
      else current.lead.push(marker.content);
      continue;
    }
    if (marker?.intact && (marker.kind === 'ev' || marker.kind === 'gone')) {
      current.evidence.push({ id: marker.key, line, gone: marker.kind === 'gone', after: [] });
      afterList = true;
      continue;
    }
    if (marker?.intact) {
      if (marker.kind === 'none') afterList = true;
      continue;
    }
    const own = marker ? marker.content : line;
    const last = current.evidence.at(-1);
    if (last) last.after.push(own);
    else (afterList ? current.tail : current.lead).push(own);
  }
  // Below the last evidence line, the lines up to the first blank one go with it; the rest follow the list.
  for (const s of sections) {
    const last = s.evidence.at(-1);
    if (!last) continue;
    const blank = last.after.findIndex(isBlank);
    if (blank >= 0) s.tail.unshift(...last.after.splice(blank));
  }
  return sections;
}

/** Lines without blank ones at either end. */
function trimmed(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/** Every line of the user's in a section, blank lines at the ends of its blocks left out. */
function userLines(s: EarlierSection): string[] {
  return [...trimmed(s.lead), ...s.evidence.flatMap((e) => trimmed(e.after)), ...trimmed(s.tail)];
}

/** Sections read twice (a section copied, say) become one: the later copy's words follow the first's. */
function byKey(sections: readonly EarlierSection[]): Map<string, EarlierSection> {
  const map = new Map<string, EarlierSection>();
  for (const s of sections) {
    if (s.kind === 'top') continue;
    const id = `${s.kind} ${s.key}`;
    const first = map.get(id);
    if (!first) map.set(id, { ...s, lead: [...s.lead], evidence: [...s.evidence], tail: [...s.tail] });
    else {
      const seen = new Set(first.evidence.map((e) => e.id));
      for (const e of s.evidence) {
        if (seen.has(e.id)) first.tail.push('', ...trimmed(e.after));
        else first.evidence.push(e);
      }
      first.tail.push('', ...trimmed(s.lead), '', ...trimmed(s.tail));
      first.heading ??= s.heading;
    }
  }
  return map;
}

/**
 * The user's words per statement in a review, keyed by the statement's cited ref
 * (`ref@fingerprint`): what the packet shows under each statement. Blank lines between blocks kept.
 */
export function reviewWords(text: string): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const s of byKey(readSections(text)).values()) {
    if (s.kind !== 'stmt') continue;
    const blocks = [trimmed(s.lead), ...s.evidence.map((e) => trimmed(e.after)), trimmed(s.tail)].filter((b) => b.length > 0);
    if (blocks.length > 0) words.set(s.key, blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b])));
  }
  return words;
}

// ---- Writing ----------------------------------------------------------------------------------

interface StatementSection {
  statement: Statement;
  key: string;
  evidence: readonly Entry[];
}

interface DimensionPart {
  dimension: Dimension;
  statements: StatementSection[];
}

const GONE_NOTE = 'no longer in this review: removed from the journal, moved out of the period, made private, or no longer citing this statement';
const FLAG_NOTE =
  'The rubric no longer has this statement in force for this level as it was worded here (removed, reworded or moved). Your words and the evidence are kept; move what still applies to the statement as the rubric words it now, then delete this section.';
const KEPT_NOTE = 'Text from an earlier version of this file that Growth Journal could not place in a section of this one (its section was deleted, renamed or is gone from the rubric). Nothing here was changed; move it where it belongs.';

/** The level a review is for: the one named, else the journal's target; a clear error for none or an unknown one. */
export function reviewLevel(input: Pick<ReviewInput, 'rubric' | 'journal' | 'level'>): string {
  const { rubric, journal } = input;
  const level = input.level ?? journal.profile.targetLevel;
  if (level === undefined) throw new ReviewError('Say which level the review is for: set a target level in the profile, or name a level.');
  if (levelRank(rubric, level) < 0) throw new ReviewError(`"${level}" is not a level of ${rubric.name}: use one of ${rubric.levels.map((l) => l.id).join(', ')}.`);
  return level;
}

/** The entries a review shows: the period's, private ones only if asked, newest first. */
function reviewEntries(input: Pick<ReviewInput, 'journal' | 'period' | 'includePrivate'>): Entry[] {
  return entriesInPeriod(input.journal.entries, { range: input.period.range, includePrivate: input.includePrivate ?? false });
}

/** The statements in force at the level, per dimension that expects something there, with the evidence citing each. */
export function reviewStatements(rubric: Rubric, level: string, entries: readonly Entry[]): DimensionPart[] {
  const cited = citations(entries);
  const parts: DimensionPart[] = [];
  for (const dimension of allDimensions(rubric)) {
    const expectation = expectationInForce(rubric, dimension, level);
    if (!expectation) continue;
    parts.push({ dimension, statements: expectation.statements.map((statement) => ({ statement, key: citedRef(statement), evidence: cited.get(statement.ref) ?? [] })) });
  }
  return parts;
}

/** An entry's line in the review: the document model's evidence line, with its id to tell it by. */
function evidenceLine(writer: EvidenceWriter, e: Entry): string {
  return marked('ev', `${evidenceHead(writer.full(e))} ${mdCode(e.id)}`, e.id);
}

/** An evidence line whose entry left: struck through and said so, the user's lines after it kept. */
function goneLine(earlier: EarlierEvidence): string {
  if (earlier.gone) return earlier.line;
  const content = readMarker(earlier.line)!.content.replace(/^- /, '');
  return marked('gone', `- ~~${content}~~ _(${mdText(GONE_NOTE)})_`, earlier.id);
}

class Writer {
  readonly lines: string[] = [];

  block(lines: readonly string[]): void {
    const body = trimmed(lines);
    if (body.length > 0) this.lines.push(...body, '');
  }

  /** The evidence list: the current entries, then those that left, each with the user's lines after it. */
  evidence(current: readonly { id: string; line: string }[], earlier: readonly EarlierEvidence[]): void {
    const after = new Map<string, string[]>();
    for (const e of earlier) after.set(e.id, [...(after.get(e.id) ?? []), ...trimmed(e.after)]);
    // Each id once (a journal may use one twice), its lines after it once.
    const listed = new Set<string>();
    const list: string[] = [];
    for (const c of current) {
      if (listed.has(c.id)) continue;
      listed.add(c.id);
      list.push(c.line, ...(after.get(c.id) ?? []));
    }
    for (const e of earlier) {
      if (listed.has(e.id)) continue;
      listed.add(e.id);
      list.push(goneLine(e), ...(after.get(e.id) ?? []));
    }
    if (list.length === 0) list.push(marked('none', '- _No evidence yet._'));
    this.lines.push(...list, '');
  }

  /** A section as it was, headed by a flag: a statement no longer in force keeps the user's words. */
  frozen(s: EarlierSection, level: string): void {
    this.lines.push(s.heading ?? marked('stmt', `### ${mdText('A statement no longer in force')} ${mdCode(refKey(s.key))}`, s.key), '');
    this.lines.push(marked('flag', `> ${mdText(`${FLAG_NOTE} (${refKey(s.key)}, ${level})`)}`), '');
    this.block(s.lead);
    const list = s.evidence.flatMap((e) => [e.line, ...trimmed(e.after)]);
    if (list.length > 0) this.lines.push(...list, '');
    this.block(s.tail);
  }
}

/**
 * The review for a period and level, merged with an earlier version of the file if there is one:
 * every line of the user's kept in its section, new evidence added, evidence that left marked,
 * sections of statements no longer in force flagged, and text that fits nowhere kept at the end.
 * `drafts` are written only into statement sections that hold none of the user's words.
 */
export function buildReview(input: ReviewInput, earlier?: string, drafts: ReviewDrafts = new Map()): ReviewOutcome {
  const { rubric, period } = input;
  const level = reviewLevel(input);
  const entries = reviewEntries(input);
  const parts = reviewStatements(rubric, level, entries);
  const old = earlier === undefined ? [] : readSections(earlier.replace(/^\uFEFF/, ''));
  const sections = byKey(old);
  const used = new Set<string>();
  const take = (kind: SectionKind, key: string): EarlierSection | undefined => {
    used.add(`${kind} ${key}`);
    return sections.get(`${kind} ${key}`);
  };
  const levelText = levelName(rubric, level);
  const evidence = new EvidenceWriter(rubric);
  const w = new Writer();
  w.lines.push(marked('title', `# Self-review: ${mdText(levelText)}, ${mdText(periodTitle(period))}`), '');
  const privacy = input.includePrivate ? ' Private entries are included.' : '';
  w.lines.push(
    marked('intro', `_${mdText(`Made by Growth Journal from ${input.journalLabel ?? 'the journal'} and the rubric ${rubric.name} (version ${rubric.version}): one section per statement of ${levelText} in force, with the evidence of ${period.label} that cites it.${privacy}`)}_`),
    marked('intro', `_${mdText('Write your own words anywhere in a statement\'s section. Making this file again keeps them; lines ending in a hidden gj marker are remade, and a line of them you edit becomes yours.')}_`),
    '',
  );
  const top = old.find((s) => s.kind === 'top');
  if (top) w.block(userLines(top));

  const liveKeys = new Set(parts.flatMap((p) => p.statements.map((s) => `stmt ${s.key}`)));
  const liveDimensions = new Set(parts.map((p) => p.dimension.id));
  const frozenByDimension = new Map<string, EarlierSection[]>();
  const homeless: EarlierSection[] = [];
  for (const [id, s] of sections) {
    if (s.kind !== 'stmt' || liveKeys.has(id)) continue;
    const dimension = refDimension(s.key);
    if (liveDimensions.has(dimension)) frozenByDimension.set(dimension, [...(frozenByDimension.get(dimension) ?? []), s]);
    else homeless.push(s);
  }
  const drafted: string[] = [];
  const listed = new Set<string>();
  for (const part of parts) {
    const dimensionSection = take('dim', part.dimension.id);
    w.lines.push(marked('dim', `## ${mdText(part.dimension.name)}`, part.dimension.id), '');
    if (dimensionSection) w.block(userLines(dimensionSection));
    for (const s of part.statements) {
      const earlierSection = take('stmt', s.key);
      w.lines.push(marked('stmt', `### ${mdText(s.statement.text)}`, s.key), '');
      if (earlierSection) w.block(earlierSection.lead);
      w.evidence(
        s.evidence.map((e) => ({ id: e.id, line: evidenceLine(evidence, e) })),
        earlierSection?.evidence ?? [],
      );
      for (const e of s.evidence) listed.add(e.id);
      const draft = drafts.get(s.key);
      if (draft && (!earlierSection || userLines(earlierSection).length === 0)) {
        w.block(draft);
        drafted.push(s.key);
      } else if (earlierSection) w.block(earlierSection.tail);
    }
    for (const s of frozenByDimension.get(part.dimension.id) ?? []) {
      used.add(`stmt ${s.key}`);
      w.frozen(s, level);
    }
  }

  const unlinked = take('unlinked', '');
  w.lines.push(marked('unlinked', `## ${mdText(`Evidence of ${period.label} that cites none of these statements`)}`), '');
  if (unlinked) w.block(unlinked.lead);
  const uncited = entries.filter((e) => !listed.has(e.id));
  w.evidence(
    uncited.map((e) => ({ id: e.id, line: evidenceLine(evidence, e) })),
    unlinked?.evidence ?? [],
  );
  if (unlinked) w.block(unlinked.tail);

  // What fits nowhere: the kept section's own text, then sections whose place is gone.
  const kept = take('kept', '');
  const orphans: string[][] = kept ? [userLines(kept)] : [];
  for (const [id, s] of sections) {
    if (used.has(id) || s.kind === 'stmt') continue;
    orphans.push(s.heading ? [readMarker(s.heading)!.content, ...userLines(s)] : userLines(s));
  }
  const keptText = orphans.map(trimmed).filter((b) => b.length > 0);
  if (keptText.length > 0 || homeless.length > 0) {
    w.lines.push(marked('kept', '## Kept from the earlier version'), '');
    w.lines.push(marked('intro', `_${mdText(KEPT_NOTE)}_`), '');
    for (const b of keptText) w.block(b);
    for (const s of homeless) w.frozen(s, level);
  }
  while (w.lines.length > 0 && w.lines.at(-1) === '') w.lines.pop();
  const eol = earlier !== undefined && /\r\n/.test(earlier) ? '\r\n' : '\n';
  const bom = earlier?.startsWith('\uFEFF') ? '\uFEFF' : '';
  return { text: `${bom}${w.lines.join(eol)}${eol}`, drafted };
}
