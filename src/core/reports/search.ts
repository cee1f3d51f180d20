import { type Entry } from '../journal';
import { allDimensions, type Rubric } from '../rubric/rubric';
import { refKey, rubricStatements } from '../rubric/statements';
import { inRange, type DateRange } from '../time/quarters';
import { taggedDimensions } from './coverage';

/**
 * What Find Evidence, the Growth view's filter, Compare's filter and `growth-journal list`
 * look for. The text is plain text, found case-insensitively anywhere in a field: never a
 * regular expression, so any pattern costs one pass over the fields, however long it is.
 */
export interface EvidenceQuery {
  text?: string;
  /** A dimension id the entry must count toward (named, or of a statement it cites). */
  dimension?: string;
  range?: DateRange;
}

/** The field in which an entry holds the text, named as a person reads it. */
export type MatchField = 'title' | 'details' | 'commit' | 'file' | 'dimension' | 'statement';

/**
 * A function that tells where an entry holds the query's text (the first field, in the order
 * of MatchField), or undefined when it does not match. An empty text matches every entry in
 * the query's dimension and range, with the field 'title'.
 */
export function evidenceMatcher(rubric: Rubric | undefined, query: EvidenceQuery): (entry: Entry) => MatchField | undefined {
  const needle = (query.text ?? '').toLowerCase();
  const has = (value: string | undefined) => value !== undefined && value.toLowerCase().includes(needle);
  // Names and statement texts lowercased once, not once per entry.
  const dimensionNames = new Map(rubric ? allDimensions(rubric).map((d) => [d.id, d.name]) : []);
  const statementTexts = new Map(rubric ? rubricStatements(rubric).map((s) => [s.ref, s.text]) : []);
  return (entry) => {
    if (query.dimension !== undefined && !taggedDimensions(entry).includes(query.dimension)) return undefined;
    if (query.range && (entry.date === '' || !inRange(entry.date, query.range))) return undefined;
    if (needle === '' || has(entry.title)) return 'title';
    if (has(entry.note)) return 'details';
    if (entry.commit && (has(entry.commit.subject) || has(entry.commit.sha))) return 'commit';
    if (entry.selection && (has(entry.selection.file) || has(entry.selection.sha))) return 'file';
    if (entry.dimensions.some((d) => has(d) || has(dimensionNames.get(d)))) return 'dimension';
    if ((entry.statements ?? []).some((s) => has(s) || has(statementTexts.get(refKey(s))))) return 'statement';
    return undefined;
  };
}

/** The entries that match, in journal order. */
export function findEvidence(rubric: Rubric | undefined, entries: readonly Entry[], query: EvidenceQuery): Entry[] {
  const match = evidenceMatcher(rubric, query);
  return entries.filter((e) => match(e) !== undefined);
}
