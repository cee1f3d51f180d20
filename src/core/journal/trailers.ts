import { isCommitSha } from '../git/commitSha';
import { type EntryData } from './model';
import { quoted } from '../text/problem';
import { findDimension, levelRank, type Rubric } from '../rubric/rubric';
import { citedRef, findStatement, parseStatementRef, type Statement } from '../rubric/statements';
/** Commit message trailers (`Key: value` lines in the last paragraph), read the way git reads them. */

export interface Trailer {
  key: string;
  value: string;
}

const TRAILER = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
/** Trailers git itself writes; one of them lets a block count with other lines mixed in. */
const GIT_GENERATED = /^(Signed-off-by|\(cherry picked from commit )/i;

/**
 * The trailers of a commit message. As in git interpret-trailers, the block is the last
 * paragraph, not the subject; it counts when every line is a trailer or a continuation,
 * or when a git-generated trailer is present and trailers are at least a quarter of its lines.
 */
export function parseTrailers(message: string): Trailer[] {
  // A message from history is not a patch: like `git log --format=%(trailers)`, a `---` line
  // does not end it. Comment lines are passed over, as git does when it looks for the block.
  const body = message.replace(/\r\n?/g, '\n').split('\n').filter((l) => !l.startsWith('#'));
  while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
  let start = body.length;
  while (start > 0 && body[start - 1].trim() !== '') start--;
  if (start === 0) return []; // the only paragraph is the subject
  const block = body.slice(start);

  const trailers: Trailer[] = [];
  let trailerLines = 0;
  let otherLines = 0;
  let generated = false;
  for (const line of block) {
    const last = trailers[trailers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const m = TRAILER.exec(line);
    if (m) {
      trailers.push({ key: m[1], value: m[2].trim() });
      trailerLines++;
      if (GIT_GENERATED.test(line)) generated = true;
    } else {
      otherLines++;
      if (GIT_GENERATED.test(line)) generated = true;
    }
  }
  const counts = otherLines === 0 || (generated && trailerLines * 3 >= otherLines);
  return counts ? trailers : [];
}

export interface GrowthTrailers {
  /** Dimension ids, and the dimensions of the statements named. */
  dimensions: string[];
  /** Statement refs named in Growth-Evidence (`risk-management/senior/1`), as written. */
  statements?: string[];
  level?: string;
}

/** `Growth-Evidence: dim-a, dim-b` (repeatable) and `Growth-Level: senior`; undefined when absent. */
export function growthTrailers(message: string): GrowthTrailers | undefined {
  const trailers = parseTrailers(message);
  const dimensions: string[] = [];
  const statements: string[] = [];
  let level: string | undefined;
  for (const t of trailers) {
    const key = t.key.toLowerCase();
    if (key === 'growth-evidence') {
      for (const id of t.value.split(/[\s,]+/)) {
        // A statement ref names its dimension too: the entry counts toward it either way.
        const ref = parseStatementRef(id);
        const dimension = ref ? ref.dimensionId : id;
        if (ref && !statements.includes(id)) statements.push(id);
        if (dimension && !dimensions.includes(dimension)) dimensions.push(dimension);
      }
    } else if (key === 'growth-level' && t.value) {
      level = t.value.split(/\s+/)[0];
    }
  }
  if (dimensions.length === 0) return undefined;
  return { dimensions, ...(statements.length ? { statements } : {}), ...(level === undefined ? {} : { level }) };
}

export interface TrailerCommit {
  sha: string;
  subject: string;
  message: string;
  /** YYYY-MM-DD of the commit. */
  date: string;
  /** The author's e-mail as the commit records it. */
  authorEmail: string;
  remote?: string;
}

/** Whose commits an import takes, and the rubric their ids are checked against. */
export interface TrailerImportRules {
  /** The user's `user.email` and any addresses the `growthJournal.trailerAuthors` setting adds. */
  authors: readonly string[];
  rubric: Rubric;
}

export type TrailerDecision =
  | { take: true; data: Omit<EntryData, 'id'>; unknownDimensions: string[]; unknownLevel?: string }
  | { take: false; reason: 'no-trailer' | 'not-a-sha' | 'other-author' }
  | { take: false; reason: 'no-known-dimension'; unknownDimensions: string[] };

/** An e-mail address as git and people write it, for comparing: no angle brackets or outer spaces, any case. */
export function normalizeEmail(email: string): string {
  return email.trim().replace(/^<(.*)>$/, '$1').trim().toLowerCase();
}

/**
 * Whether a commit's `Growth-Evidence:` trailer becomes an entry. Only the user's own commits
 * count (anyone can push a commit with a trailer), and only dimension and level ids the rubric
 * has are written; the rest are returned so the import can say what it left out.
 */
export function decideTrailerImport(commit: TrailerCommit, rules: TrailerImportRules): TrailerDecision {
  const trailers = growthTrailers(commit.message);
  if (!trailers) return { take: false, reason: 'no-trailer' };
  if (!isCommitSha(commit.sha)) return { take: false, reason: 'not-a-sha' };
  const author = normalizeEmail(commit.authorEmail);
  if (!author || !rules.authors.some((a) => normalizeEmail(a) === author)) return { take: false, reason: 'other-author' };
  const dimensions = trailers.dimensions.filter((id) => findDimension(rules.rubric, id));
  const unknownDimensions = trailers.dimensions.filter((id) => !findDimension(rules.rubric, id));
  if (dimensions.length === 0) return { take: false, reason: 'no-known-dimension', unknownDimensions };
  const level = trailers.level !== undefined && levelRank(rules.rubric, trailers.level) >= 0 ? trailers.level : undefined;
  const statements = knownStatements(rules.rubric, trailers.statements ?? []);
  return {
    take: true,
    data: {
      date: commit.date,
      kind: 'commit',
      title: commit.subject,
      dimensions,
      ...(level ? { level } : {}),
      ...(statements.length ? { statements } : {}),
      commit: { sha: commit.sha, ...(commit.remote ? { repo: commit.remote } : {}), subject: commit.subject },
    },
    unknownDimensions,
    ...(trailers.level !== undefined && !level ? { unknownLevel: trailers.level } : {}),
  };
}

/** The refs that name statements of the rubric, with the fingerprint of their text today; others are left out. */
export function knownStatements(rubric: Rubric, refs: readonly string[]): string[] {
  return refs.flatMap((ref) => {
    const parsed = parseStatementRef(ref);
    const statement: Statement | undefined = parsed && findStatement(rubric, parsed);
    return statement ? [citedRef(statement)] : [];
  });
}

/** What an import did and left out, counted over the commits it read. */
export interface TrailerImportTally {
  added: number;
  /** Commits with a trailer that the journal already holds. */
  known: number;
  /** Commits with a trailer by authors other than the user. */
  otherAuthors: number;
  /** Ids the rubric does not have, with how many commits named each. */
  unknownIds: Map<string, number>;
  /** Commits left out because none of their ids is in the rubric. */
  noKnownDimension: number;
  /** False when git has no user.email and the setting lists nobody: no commit can be the user's. */
  authorKnown: boolean;
}

export function emptyTally(authorKnown: boolean): TrailerImportTally {
  return { added: 0, known: 0, otherAuthors: 0, unknownIds: new Map(), noKnownDimension: 0, authorKnown };
}

/** Counts one decision (for a commit not already in the journal) into the tally. */
export function tallyDecision(tally: TrailerImportTally, decision: TrailerDecision): void {
  const unknown = decision.take ? [...decision.unknownDimensions, ...(decision.unknownLevel ? [decision.unknownLevel] : [])] : decision.reason === 'no-known-dimension' ? decision.unknownDimensions : [];
  for (const id of unknown) tally.unknownIds.set(id, (tally.unknownIds.get(id) ?? 0) + 1);
  if (decision.take) tally.added++;
  else if (decision.reason === 'other-author') tally.otherAuthors++;
  else if (decision.reason === 'no-known-dimension') tally.noKnownDimension++;
}

/** The sentences that say what an import left out and what to do about it; empty when it left nothing out. */
export function skippedTrailersMessage(tally: TrailerImportTally, rubricName: string): string {
  const parts: string[] = [];
  if (!tally.authorKnown && tally.otherAuthors) {
    parts.push(`Git has no user.email here, so no commit is known to be yours and ${count(tally.otherAuthors, 'commit')} with a trailer ${tally.otherAuthors === 1 ? 'was' : 'were'} skipped: set it with "git config user.email", or list your addresses in the growthJournal.trailerAuthors setting.`);
  } else if (tally.otherAuthors) {
    parts.push(`Skipped ${count(tally.otherAuthors, 'commit')} by other authors: only your own commits (your git user.email) are imported. To import commits you made under another address, add it to the growthJournal.trailerAuthors setting.`);
  }
  if (tally.unknownIds.size) {
    const ids = [...tally.unknownIds].map(([id, n]) => `${quoted(id, 40)}${n > 1 ? ` (${n} commits)` : ''}`);
    const shown = ids.length > 5 ? [...ids.slice(0, 5), `and ${ids.length - 5} more`] : ids;
    const dropped = tally.noKnownDimension ? `; ${count(tally.noKnownDimension, 'commit')} with no id it knows ${tally.noKnownDimension === 1 ? 'was' : 'were'} skipped` : '';
    parts.push(`Left out ${ids.length === 1 ? 'an id' : 'ids'} that ${rubricName} does not have: ${shown.join(', ')}${dropped}. Check the trailers' spelling against the rubric's dimension and level ids, then tag those commits by hand.`);
  }
  return parts.join(' ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
