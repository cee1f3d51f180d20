import { isCommitSha } from '../git/commitSha';
import { commitUrlPrefix } from '../git/permalink';
import { type Entry } from '../journal';
import { levelName, type Rubric } from '../rubric/rubric';
import { findStatement, parseStatementRef } from '../rubric/statements';
import { LINE_BREAK } from './markdown';

/**
 * The one document model of what Growth Journal writes for a reader (the summary, the packet,
 * the self-review's evidence lines): sections of blocks, coverage, evidence items and gaps. Builders say
 * what a document holds; renderMarkdown.ts, renderHtml.ts and renderText.ts say how it looks,
 * and escape every string there, so no builder writes markup.
 */

/** Text in a line: a plain string, or text with one kind of emphasis or a link. */
export type Inline =
  | string
  | { kind: 'strong' | 'em' | 'code'; text: string }
  /** A link where `url` is http(s); anything else shows as the text alone. */
  | { kind: 'link'; text: string; url: string | undefined }
  /** A line of a workspace file: a relative link where the renderer knows the way back to the workspace. */
  | { kind: 'fileLink'; text: string; path: string; line: number };

/** One piece of evidence as a reader sees it: a line of its own, its details beneath. */
export interface EvidenceItem {
  /** The entry's id: an HTML anchor, never reading text. */
  id: string;
  date: string;
  title: string;
  /** The level the entry names, by name. */
  level?: string;
  /** Where to look: the commit, the code. */
  sources: Inline[][];
  /** The first line of the entry's details. */
  note?: string;
  /** The dimensions it shows, by name, where the list it is in is not one dimension's. */
  dimensions?: string[];
  /** The text of each statement it cites. */
  statements: string[];
  /** Set where the entry was written out in full earlier in the document: under which heading ("" for the same one). */
  writtenUnder?: string;
}

/** Statements without evidence, in a gap checklist: one dimension's, under its name where the checklist spans several. */
export interface GapItem {
  dimension?: string;
  statements: string[];
}

export type Block =
  | { kind: 'paragraph'; text: Inline[]; tone?: 'meta' | 'none' }
  | { kind: 'facts'; items: { label: string; value: Inline[] }[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; columns: { label: string; numeric?: boolean }[]; rows: Inline[][][] }
  /** Statements with evidence of those in force, per dimension: a chart where the renderer draws one (the table beside it says the same). */
  | { kind: 'coverageChart'; title: string; rows: { label: string; covered: number; total: number }[] }
  | { kind: 'evidence'; items: EvidenceItem[] }
  | { kind: 'gaps'; items: GapItem[] }
  /** Someone's own words, quoted as they wrote them, line by line (the self-review's, in the packet). */
  | { kind: 'quote'; lead: string; lines: readonly string[] };

export interface Section {
  title: string;
  /** An HTML id, e.g. a statement's ref: anchors may carry ids, reading text never does. */
  anchor?: string;
  /** group: a page break before it in print; statement: one statement and its evidence. */
  role?: 'group' | 'statement' | 'statement covered';
  blocks: Block[];
  sections: Section[];
}

export interface ReportDocument {
  title: string;
  facts: { label: string; value: Inline[] }[];
  sections: Section[];
  footer: Inline[];
}

export function section(title: string, blocks: Block[], sections: Section[] = [], extra: Pick<Section, 'anchor' | 'role'> = {}): Section {
  return { title, blocks, sections, ...extra };
}

/**
 * Evidence items for a document, each entry written out in full once: where it comes again, the
 * item says under which heading it was written (a summary or packet never repeats a whole entry).
 */
export class EvidenceWriter {
  private readonly written = new Map<string, string>();
  // A list may hold thousands of entries citing the same few remotes, levels and statements: each worked out once.
  private readonly commitUrls = new Map<string, string | undefined>();
  private readonly levelNames = new Map<string, string>();
  private readonly statementTexts = new Map<string, string | undefined>();

  constructor(
    private readonly rubric: Rubric,
    private readonly dimensionNames: (entry: Entry) => string[] | undefined = () => undefined,
  ) {}

  /** `under`: the heading the item is listed under, for later references to it; `heading`: a statement the list is under, not repeated beneath each item. */
  items(entries: readonly Entry[], under: string, heading?: string): EvidenceItem[] {
    return entries.map((e) => this.item(e, under, heading));
  }

  /**
   * The item in full, whatever was written before: the self-review lists an entry under each
   * statement it cites, each line a place for the user's words about it.
   */
  full(e: Entry, heading?: string): EvidenceItem {
    const { rubric } = this;
    const sources: Inline[][] = [];
    if (e.commit) {
      const { sha, repo } = e.commit;
      sources.push(['commit ', { kind: 'link', text: sha.slice(0, 7), url: repo && isCommitSha(sha) ? this.commitUrl(repo, sha) : undefined }]);
    }
    if (e.selection) {
      const s = e.selection;
      const label = `${s.file}:${s.startLine}${s.endLine !== s.startLine ? `-${s.endLine}` : ''}`;
      sources.push([s.link ? { kind: 'link', text: label, url: s.link } : { kind: 'fileLink', text: label, path: s.file, line: s.startLine }]);
    }
    const note = e.note?.trim().split(LINE_BREAK)[0];
    const statements: string[] = [];
    for (const ref of e.statements ?? []) {
      const text = this.statementText(ref);
      if (text !== undefined && text !== heading && !statements.includes(text)) statements.push(text);
    }
    const dimensions = this.dimensionNames(e);
    let level: string | undefined;
    if (e.level) {
      level = this.levelNames.get(e.level);
      if (level === undefined) this.levelNames.set(e.level, (level = levelName(rubric, e.level)));
    }
    return {
      id: e.id,
      date: e.date || 'undated',
      title: e.title,
      ...(level ? { level } : {}),
      sources,
      ...(note ? { note } : {}),
      ...(dimensions?.length ? { dimensions } : {}),
      statements,
    };
  }

  private item(e: Entry, under: string, heading: string | undefined): EvidenceItem {
    const earlier = this.written.get(e.id);
    if (earlier !== undefined) return { id: e.id, date: e.date || 'undated', title: e.title, sources: [], statements: [], writtenUnder: earlier === under ? '' : earlier };
    this.written.set(e.id, under);
    return this.full(e, heading);
  }

  private commitUrl(remote: string, sha: string): string | undefined {
    if (!this.commitUrls.has(remote)) this.commitUrls.set(remote, commitUrlPrefix(remote));
    const prefix = this.commitUrls.get(remote);
    return prefix === undefined ? undefined : `${prefix}${sha}`;
  }

  /** The text of the statement a ref names in this rubric, or undefined. */
  private statementText(ref: string): string | undefined {
    if (this.statementTexts.has(ref)) return this.statementTexts.get(ref);
    const parsed = parseStatementRef(ref);
    const text = parsed && findStatement(this.rubric, parsed)?.text;
    this.statementTexts.set(ref, text);
    return text;
  }
}

/** Where a repeated item points: "see above", or "see above, under Technical Depth". */
export function seeAbove(writtenUnder: string): string {
  return writtenUnder ? `see above, under ${writtenUnder}` : 'see above';
}

/** Oldest first, then in journal order: evidence reads as it happened. */
export function inDateOrder(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
}

/** "Generated by Growth Journal from `.growth/journal.yaml` and the rubric `id` …": the footer of every document. */
export function generatedFrom(rubric: Rubric, journalLabel: string | undefined, rest: string): Inline[] {
  return ['Generated by Growth Journal from ', journalLabel === undefined ? 'the journal' : { kind: 'code', text: journalLabel }, ' and the rubric ', { kind: 'code', text: rubric.id }, ` ${rest}`];
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
