import { type EntryData } from './journal';
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
  dimensions: string[];
  level?: string;
}

/** `Growth-Evidence: dim-a, dim-b` (repeatable) and `Growth-Level: senior`; undefined when absent. */
export function growthTrailers(message: string): GrowthTrailers | undefined {
  const trailers = parseTrailers(message);
  const dimensions: string[] = [];
  let level: string | undefined;
  for (const t of trailers) {
    const key = t.key.toLowerCase();
    if (key === 'growth-evidence') {
      for (const id of t.value.split(/[\s,]+/)) if (id && !dimensions.includes(id)) dimensions.push(id);
    } else if (key === 'growth-level' && t.value) {
      level = t.value.split(/\s+/)[0];
    }
  }
  if (dimensions.length === 0) return undefined;
  return { dimensions, ...(level === undefined ? {} : { level }) };
}

export interface TrailerCommit {
  sha: string;
  subject: string;
  message: string;
  /** YYYY-MM-DD of the commit. */
  date: string;
  remote?: string;
}

/** The entry a commit's `Growth-Evidence:` trailer asks for, or undefined when it has none. */
export function evidenceFromTrailers(commit: TrailerCommit): Omit<EntryData, 'id'> | undefined {
  const trailers = growthTrailers(commit.message);
  if (!trailers) return undefined;
  return {
    date: commit.date,
    kind: 'commit',
    title: commit.subject,
    dimensions: trailers.dimensions,
    ...(trailers.level ? { level: trailers.level } : {}),
    commit: { sha: commit.sha, ...(commit.remote ? { repo: commit.remote } : {}), subject: commit.subject },
  };
}
