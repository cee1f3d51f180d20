#!/usr/bin/env node
/** The `growth-journal` command: validate a journal and print quarterly summaries, over the same core as the extension. */
import { existsSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { runSteps } from '../core/steps';
import { checkJournal, parseJournal, rubricOutsideProblem, type EntryChanges, type EntryData, type Journal, type JournalParse, loadJournal, newJournalText, journalSizeProblem, JournalSession, type JournalOp, MAX_JOURNAL_BYTES, profileProblem, type CommitRelink } from '../core/journal';
import { lostCommitProblem, placeLostShas, type CitedCommit, type LostCommit } from '../core/git/rewritten';
import { lostCommits, repositoryRoot } from '../host/git/rewritten';
import { formatProblem, hasErrors, type Problem } from '../core/text/problem';
import { GAP_STYLES, packetModel, PacketError, renderPacketHtml, renderPacketMarkdown } from '../core/reports/packet';
import { parsePeriod, periodOfDate, type Period, notAPeriod } from '../core/time/periods';
import { allDimensions, findDimension, levelName, levelRank, MAX_RUBRIC_BYTES, parseRubric, RUBRIC_TOO_LARGE, type Rubric } from '../core/rubric/rubric';
import { rubricRef } from '../core/rubric/rubricRef';
import { renderSummary } from '../core/reports/summary';
import { buildReview, ReviewError, reviewWords } from '../core/reports/review';
import { findEvidence } from '../core/reports/search';
import { checkStatementRef, citedRef, parseStatementRef } from '../core/rubric/statements';
import { decodeUtf8 } from '../core/text/strings';
import { localIsoDate, parseIsoDate } from '../core/time/dates';
import { readCommit } from '../host/git/cli';
import { type CliIo } from './io';
import { rubricCommand, RUBRIC_USAGE } from './rubric';
import { rubricSwitchCommand, type SwitchAccess } from './rubricSwitch';
import { writeJournal } from '../host/journal/write';
import { insideFolder, journalWorkspace } from '../host/workspace/paths';
import { fileError, FileRefusal, journalGuards, readBounded, writeDocument } from '../host/workspace/disk';
import { followInBackground, FOLLOW_COMMAND, runFollow } from './follow';

declare const GROWTH_JOURNAL_VERSION: string | undefined;


const USAGE = `Usage: growth-journal <command> [options]

Commands:
  validate [FILE]          Check a journal (and its rubric); problems print as file:line:col.
  summary [FILE] --period P
                           Print the Markdown summary of period P: a quarter (2026-Q4, or
                           "current"), a half (2026-H2), a year (2026) or a date range
                           (2026-03-01..2026-08-31). --quarter Q is the same.
  packet [FILE] [--level L] [--period P] [--format md|html] [--gaps checklist|inline|none]
      [--out FILE] [--include-private]
                           Print the promotion packet for level L (default: the target level):
                           every statement of that level with the evidence that cites it.
                           Without --period, all evidence to date. Statements without evidence
                           are listed once at the end (--gaps checklist, the default), under
                           each statement (inline), or left out (none).
  review [FILE] --period P [--level L] [--out FILE] [--include-private]
                           Make or update the self-review of period P for level L (default:
                           the target level): a section per statement in force with its
                           evidence, and your words, kept every time it is made again. Writes
                           .growth/reviews/P.md by default (that folder is kept out of git).
  add [FILE] --title T --dimension ID[,ID...] [--level L] [--note TEXT] [--date YYYY-MM-DD]
      [--statement REF[,REF...]] [--private] [--commit REV]
                           Add an entry and print its id. With --commit, record that commit
                           (full sha, subject, remote without credentials); --title defaults
                           to its subject. --statement cites statements of the rubric, e.g.
                           risk-management/senior/1.
  edit ID [FILE] [--title T] [--note TEXT] [--dimension ID[,ID...]] [--level L]
      [--statement REF[,REF...]] [--private|--public]
                           Change those fields of the entry with that id, and only that
                           entry's lines. An empty --note, --level or --statement removes it.
  list [FILE] [--grep TEXT] [--dimension ID] [--period P] [--json]
                           Print one line per entry (id, date, kind, title, dimensions), or
                           with --json a JSON array of the entries. --grep finds plain text
                           (any case) in titles, details, commits, files, dimensions and
                           statements; it is never a regular expression.
  remove ID [FILE]         Remove the entry with that id.
  profile [FILE] [--current L] [--target L]
                           Print the profile, or set the current and target level.
  relink [FILE] [--dry-run]
                           Re-point every entry whose commit a rebase or an amend rewrote
                           (no branch or tag reaches it) to the reachable commit with the same
                           change (git patch-id), in one verified write. validate reports
                           such commits too. --dry-run prints what would change.
${RUBRIC_USAGE}
Options:
  --journal FILE           Journal to read, the same as FILE (default: .growth/journal.yaml)
  --rubric FILE|ID         Rubric file or bundled id (default: the one the journal names)
  --fiscal-start MONTH     First month of the fiscal year, 1-12 (default: 1)
  --workspace DIR          Folder that paths in the journal are relative to (default: the
                           folder holding the journal's .growth/ folder, else the journal's own)
  --out FILE               summary, packet: write to FILE instead of standard output;
                           review: the file to make or update
  --include-private        summary, packet, review: include entries marked private
  -h, --help               Show this help
  -v, --version            Show the version

Every change is written the way the extension writes it: one writer at a time (a lock beside
the journal), verified, then an atomic replace; a change that cannot be verified is refused and
the file is left as it was. If another program was part-way through saving the journal in place,
a process of its own applies the change again on top of that save when it ends (pauses of up to
10 seconds inside the save are covered); the command itself does not wait for it.

Exit codes: 0 no errors, 1 the journal or rubric has errors or a change was refused,
2 the command could not run (a usage error, or a file that could not be read or written).
`;

class UsageError extends Error {}

const DEFAULT_JOURNAL = '.growth/journal.yaml';

interface Options {
  command?: string;
  /** Words after the command that are not the journal: the id for remove. */
  args: string[];
  workspace?: string;
  title?: string;
  dimensions?: string[];
  level?: string;
  note?: string;
  statements?: string[];
  date?: string;
  isPrivate: boolean;
  isPublic: boolean;
  grep?: string;
  json: boolean;
  commit?: string;
  current?: string;
  target?: string;
  journal: string;
  /** Whether the journal was named, by FILE or --journal: it can be named once. */
  journalNamed?: boolean;
  rubric?: string;
  period?: string;
  format?: string;
  gaps?: string;
  out?: string;
  includePrivate: boolean;
  dryRun: boolean;
  fiscalStart: number;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { args: [], journal: DEFAULT_JOURNAL, includePrivate: false, dryRun: false, isPrivate: false, isPublic: false, json: false, fiscalStart: 1, help: false, version: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    return v;
  };
  const nameJournal = (path: string) => {
    if (o.journalNamed) throw new UsageError(`The journal is named twice: "${o.journal}" and "${path}".`);
    o.journal = path;
    o.journalNamed = true;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '-h': case '--help': o.help = true; break;
      case '-v': case '--version': o.version = true; break;
      case '--journal': nameJournal(take()); break;
      case '--rubric': o.rubric = take(); break;
      case '--quarter': case '--period': o.period = take(); break;
      case '--format': o.format = take(); break;
      case '--gaps': o.gaps = take(); break;
      case '--out': o.out = take(); break;
      case '--include-private': o.includePrivate = true; break;
      case '--dry-run': o.dryRun = true; break;
      case '--workspace': o.workspace = take(); break;
      case '--title': o.title = take(); break;
      case '--dimension': case '--dimensions': o.dimensions = [...(o.dimensions ?? []), ...take().split(',').map((d) => d.trim()).filter(Boolean)]; break;
      case '--level': o.level = take(); break;
      case '--note': o.note = take(); break;
      case '--statement': case '--statements': o.statements = [...(o.statements ?? []), ...take().split(',').map((r) => r.trim()).filter(Boolean)]; break;
      case '--public': o.isPublic = true; break;
      case '--grep': o.grep = inline ?? argv[++i] ?? ''; break;
      case '--json': o.json = true; break;
      case '--date': o.date = take(); break;
      case '--private': o.isPrivate = true; break;
      case '--commit': o.commit = take(); break;
      case '--current': o.current = take(); break;
      case '--target': o.target = take(); break;
      case '--fiscal-start': {
        const v = take();
        o.fiscalStart = Number(v);
        if (!Number.isInteger(o.fiscalStart) || o.fiscalStart < 1 || o.fiscalStart > 12) throw new UsageError(`--fiscal-start takes a month number 1-12, not "${v}".`);
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`Unknown option ${a}.`);
        if (!o.command) o.command = a;
        else if ((o.command === 'remove' || o.command === 'edit') && o.args.length === 0) o.args.push(a);
        else nameJournal(a);
    }
  }
  return o;
}

class FileError extends Error {}

/** A journal, rubric or review through the one door: a regular file, read up to its limit. */
async function readText(path: string, what: 'journal' | 'rubric' | 'review'): Promise<{ text: string } | { problem: Problem }> {
  const read = await readBounded(path, what === 'rubric' ? MAX_RUBRIC_BYTES : MAX_JOURNAL_BYTES, `the ${what}`);
  if (read.kind === 'missing') throw new FileError(`No ${what} at ${path}.`);
  if (read.kind === 'tooLarge') return { problem: what === 'rubric' ? RUBRIC_TOO_LARGE : journalSizeProblem(read.size)! };
  const decoded = decodeUtf8(read.bytes);
  return decoded.ok ? { text: decoded.text } : { problem: decoded.problem };
}

interface Loaded {
  journal?: Journal;
  /** The journal's text as read, to place what only git can tell (commits rewritten). */
  journalText?: string;
  rubric?: Rubric;
  /** The rubric file read, when it was a file (an --out never replaces it). */
  rubricPath?: string;
  problems: { file: string; problem: Problem }[];
}

/** Where the journal is, and the folder its paths are relative to (the same rule as the extension's). */
function locate(o: Options, io: CliIo): { journalPath: string; workspace: string } {
  const base = o.workspace && !o.journalNamed ? resolve(io.cwd, o.workspace) : io.cwd;
  const journalPath = resolve(base, o.journal);
  return { journalPath, workspace: o.workspace ? resolve(io.cwd, o.workspace) : journalWorkspace(journalPath) };
}

async function load(o: Options, io: CliIo): Promise<Loaded> {
  const { journalPath, workspace } = locate(o, io);
  let parse: JournalParse | undefined;
  let journalText: string | undefined;
  let rubricLabel = '';
  let rubricPath: string | undefined;
  const loaded = await loadJournal<string>(
    {
      async readJournal() {
        const read = await readText(journalPath, 'journal');
        if ('problem' in read) return { kind: 'invalid', problem: read.problem };
        journalText = read.text;
        parse = parseJournal(read.text);
        return { kind: 'text', ...(parse.journal ? { journal: parse.journal } : {}), problems: parse.problems };
      },
      async readRubric(ref) {
        rubricLabel = ref.kind === 'bundled' ? `${ref.id} (bundled)` : ref.path;
        // A rubric named on the command line is the caller's choice; one named in the journal must stay in its workspace.
        const path = ref.kind === 'bundled' ? join(io.packageRoot, 'rubric', `${ref.id}.yaml`) : o.rubric !== undefined ? resolve(io.cwd, ref.path) : insideFolder(workspace, ref.path);
        if (path === undefined) return { kind: 'refused', code: 'rubric-outside', message: rubricOutsideProblem(parse!, rubricLabel).message };
        if (ref.kind !== 'bundled') rubricPath = path;
        const read = await readText(path, 'rubric');
        return 'problem' in read ? { kind: 'invalid', where: path, problem: read.problem } : { kind: 'text', where: path, text: read.text };
      },
      parseRubric: async (text) => parseRubric(text),
      check: async (rubric) => (parse ? checkJournal(parse, rubric) : []),
    },
    o.rubric === undefined ? {} : { rubric: o.rubric },
  );
  const unknown = loaded.problems.find((p) => p.problem.code === 'rubric-unknown');
  if (unknown) throw new FileError(unknown.problem.message);
  return {
    ...(loaded.journal ? { journal: loaded.journal } : {}),
    ...(journalText === undefined ? {} : { journalText }),
    ...(loaded.rubric ? { rubric: loaded.rubric } : {}),
    ...(rubricPath ? { rubricPath } : {}),
    problems: loaded.problems.map(({ in: where, problem }) => ({ file: where === 'journal' ? o.journal : rubricLabel, problem })),
  };
}

/**
 * Prints what stops a command: the errors, or, where there are none (a rubric outside the
 * workspace is a warning, yet leaves no rubric), every problem, so the refusal is never without its reason.
 */
function printBlocking(problems: readonly { file: string; problem: Problem }[], io: CliIo): void {
  const errors = problems.filter((p) => p.problem.severity === 'error');
  for (const { file, problem } of errors.length ? errors : problems) io.err(`${formatProblem(file, problem)}\n`);
}

/** The journal and rubric, or a refusal printed with the errors that stop a change. */
async function loadForChange(o: Options, io: CliIo, allowMissing: boolean): Promise<{ journal?: Journal; rubric: Rubric } | number> {
  const { journalPath } = locate(o, io);
  if (allowMissing && !(await access(journalPath).then(() => true, () => false))) {
    const ref = rubricRef(o.rubric);
    if (ref.kind !== 'bundled') throw new UsageError('There is no journal yet: start one with a bundled rubric (product-security), or create it first.');
    const read = await readText(join(io.packageRoot, 'rubric', `${ref.id}.yaml`), 'rubric');
    const parsed = 'text' in read ? parseRubric(read.text) : undefined;
    if (!parsed?.rubric) throw new FileError(`The bundled rubric ${ref.id} could not be read; reinstall growth-journal.`);
    return { rubric: parsed.rubric };
  }
  const loaded = await load(o, io);
  const errors = loaded.problems.filter((p) => p.problem.severity === 'error');
  if (!loaded.journal || !loaded.rubric || (errors.length > 0 && !loaded.journal)) {
    printBlocking(loaded.problems, io);
    io.err('Nothing was changed: fix the problems above first.\n');
    return 1;
  }
  return { journal: loaded.journal, rubric: loaded.rubric };
}

async function change(o: Options, io: CliIo, op: JournalOp, template?: string): Promise<{ added: EntryData[] } | number> {
  const { journalPath } = locate(o, io);
  const session = new JournalSession();
  const plan = async (text: string, planned: JournalOp) => runSteps(session.plan(text, planned));
  // The watch over the replaced file (see followReplaced) goes to the caller's process of its own, else runs here.
  const outcome = await writeJournal({ path: journalPath, op, ...(io.follow ? { handOff: true as const } : {}), ...(template === undefined ? {} : { template }) }, plan);
  if (!outcome.ok) {
    if (outcome.fileError) throw new FileError(outcome.message);
    io.err(`${outcome.problem ? `${formatProblem(o.journal, outcome.problem)}\n` : ''}growth-journal: ${outcome.message}\n`);
    return 1;
  }
  if (outcome.following) io.follow?.(outcome.following);
  return { added: outcome.added };
}

/** A --period value: any period label, or "current" for the quarter that holds today. */
function periodOption(label: string, fiscalStart: number, io: CliIo): Period {
  const period = label === 'current' ? periodOfDate('quarter', localIsoDate(io.today), fiscalStart) : parsePeriod(label, fiscalStart);
  if (!period) throw new UsageError(notAPeriod(label));
  return period;
}

function checkLevel(rubric: Rubric, level: string, flag: string): void {
  if (levelRank(rubric, level) < 0) throw new UsageError(`${flag} "${level}" is not a level of ${rubric.name}: use one of ${rubric.levels.map((l) => l.id).join(', ')}.`);
}

async function add(o: Options, io: CliIo): Promise<number> {
  if (!o.dimensions?.length) throw new UsageError('add needs --dimension ID (several: --dimension a,b).');
  if (!o.title && !o.commit) throw new UsageError('add needs --title, or --commit REV to take the title from the commit.');
  if (o.date !== undefined && !parseIsoDate(o.date)) throw new UsageError(`--date "${o.date}" is not a date; write it as YYYY-MM-DD.`);
  const loaded = await loadForChange(o, io, true);
  if (typeof loaded === 'number') return loaded;
  const { rubric } = loaded;
  for (const d of o.dimensions) {
    if (!findDimension(rubric, d)) throw new UsageError(`"${d}" is not a dimension of ${rubric.name}. Its dimensions: ${allDimensions(rubric).map((x) => x.id).join(', ')}.`);
  }
  if (o.level !== undefined) checkLevel(rubric, o.level, '--level');
  const statements = o.statements === undefined ? undefined : citedStatements(rubric, o.statements);
  if (typeof statements === 'string') throw new UsageError(statements);
  const { workspace } = locate(o, io);
  let commit: ReturnType<typeof readCommit> | undefined;
  try {
    commit = o.commit === undefined ? undefined : readCommit(workspace, o.commit);
  } catch (e) {
    throw new FileError((e as Error).message);
  }
  const data: Omit<EntryData, 'id'> = {
    date: o.date ?? commit?.date ?? localIsoDate(io.today),
    kind: commit ? 'commit' : 'note',
    title: o.title ?? commit!.subject,
    dimensions: [...new Set(o.dimensions)],
    ...(o.level === undefined ? {} : { level: o.level }),
    ...(commit ? { commit: { sha: commit.sha, ...(commit.remote ? { repo: commit.remote } : {}), subject: commit.subject } } : {}),
    ...(o.note === undefined ? {} : { note: o.note }),
    ...(statements?.length ? { statements } : {}),
    ...(o.isPrivate ? { private: true } : {}),
  };
  const template = newJournalText(rubric.id, {});
  const done = await change(o, io, { kind: 'append', drafts: [{ data, idSeed: commit?.sha ?? `${data.title}|${io.today.getTime()}|${process.pid}` }] }, template);
  if (typeof done === 'number') return done;
  io.out(`${done.added[0].id}\n`);
  return 0;
}

/**
 * Refs as the journal cites them (with the fingerprint of the statement's text), or why one is
 * not a statement of the rubric, naming it.
 */
function citedStatements(rubric: Rubric, refs: readonly string[]): string[] | string {
  const cited: string[] = [];
  for (const text of refs) {
    const ref = parseStatementRef(text);
    if (!ref) return `"${text}" is not a statement ref; write <dimension>/<level>/<n>, e.g. risk-management/senior/1.`;
    const check = checkStatementRef(rubric, ref);
    if (check.kind === 'unknown') return `"${text}" is not a statement of ${rubric.name}: ${check.reason}.`;
    if (check.kind !== 'ok') return `"${text}" no longer names the statement it was cited for: the rubric changed. Cite it without the part after @ to cite what it says now.`;
    cited.push(ref.fingerprint === undefined ? citedRef(check.statement) : text);
  }
  return [...new Set(cited)];
}

/** Changes fields of one entry: bad input is named and refused with exit 1, the journal untouched. */
async function edit(o: Options, io: CliIo): Promise<number> {
  const id = o.args[0];
  if (!id) throw new UsageError('edit needs the id of the entry to change, e.g. edit ev-20261127-3f2a1c --title "New title".');
  if (o.isPrivate && o.isPublic) throw new UsageError('Say --private or --public, not both.');
  const changes: EntryChanges = {
    ...(o.title === undefined ? {} : { title: o.title }),
    ...(o.note === undefined ? {} : { note: o.note === '' ? null : o.note }),
    ...(o.dimensions === undefined ? {} : { dimensions: [...new Set(o.dimensions)] }),
    ...(o.level === undefined ? {} : { level: o.level === '' ? null : o.level }),
    ...(o.isPrivate || o.isPublic ? { private: o.isPrivate } : {}),
  };
  if (Object.keys(changes).length === 0 && o.statements === undefined) throw new UsageError('edit needs something to change: --title, --note, --dimension, --level, --statement, --private or --public.');
  if (o.title !== undefined && o.title.trim() === '') throw new UsageError('--title cannot be empty.');
  const loaded = await loadForChange(o, io, false);
  if (typeof loaded === 'number') return loaded;
  const { rubric } = loaded;
  const refuse = (message: string) => {
    io.err(`growth-journal: ${message} Nothing was changed.\n`);
    return 1;
  };
  if (o.dimensions?.length === 0) return refuse('--dimension needs at least one dimension.');
  const unknown = o.dimensions?.find((d) => !findDimension(rubric, d));
  if (unknown !== undefined) return refuse(`"${unknown}" is not a dimension of ${rubric.name}. Its dimensions: ${allDimensions(rubric).map((x) => x.id).join(', ')}.`);
  if (o.level && levelRank(rubric, o.level) < 0) return refuse(`"${o.level}" is not a level of ${rubric.name}: use one of ${rubric.levels.map((l) => l.id).join(', ')}.`);
  if (o.statements !== undefined) {
    const statements = citedStatements(rubric, o.statements);
    if (typeof statements === 'string') return refuse(statements);
    changes.statements = statements.length ? statements : null;
  }
  const done = await change(o, io, { kind: 'edit', id, changes });
  if (typeof done === 'number') return done;
  io.err(`Edited ${id}: ${Object.keys(changes).map((k) => (k === 'note' ? 'details' : k)).join(', ')}.\n`);
  return 0;
}

/** One line per entry, or the entries as JSON: plain text found in any field, never a pattern. */
async function list(o: Options, io: CliIo): Promise<number> {
  const period = o.period === undefined ? undefined : periodOption(o.period, o.fiscalStart, io);
  const loaded = await load(o, io);
  if (!loaded.journal) {
    printBlocking(loaded.problems, io);
    io.err('No list: fix the problems above first.\n');
    return 1;
  }
  const { rubric } = loaded;
  if (o.dimensions !== undefined && o.dimensions.length !== 1) throw new UsageError('list takes one --dimension.');
  const dimension = o.dimensions?.[0];
  if (dimension !== undefined && rubric && !findDimension(rubric, dimension)) {
    io.err(`growth-journal: "${dimension}" is not a dimension of ${rubric.name}. Its dimensions: ${allDimensions(rubric).map((x) => x.id).join(', ')}.\n`);
    return 1;
  }
  const found = findEvidence(rubric, loaded.journal.entries, { ...(o.grep === undefined ? {} : { text: o.grep }), ...(dimension === undefined ? {} : { dimension }), ...(period ? { range: period.range } : {}) });
  if (o.json) {
    io.out(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  }
  const name = (d: string) => (rubric && findDimension(rubric, d)?.name) || d;
  for (const e of found) {
    const level = e.level ? ` · ${rubric ? levelName(rubric, e.level) : e.level}` : '';
    io.out(`${[e.id, e.date || '(no date)', e.kind, oneLine(e.title), `${e.dimensions.map(name).join(', ')}${level}${e.private ? ' · private' : ''}`].join('  ')}\n`);
  }
  io.err(`${found.length} ${found.length === 1 ? 'entry' : 'entries'}${o.grep ? ` holding “${oneLine(o.grep)}”` : ''}.\n`);
  return 0;
}

/** Text from the journal as one line a terminal shows as it is: control characters (escape sequences) out, breaks as spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '');
}

async function remove(o: Options, io: CliIo): Promise<number> {
  const id = o.args[0];
  if (!id) throw new UsageError('remove needs the id of the entry to remove, e.g. remove ev-20261127-3f2a1c.');
  const done = await change(o, io, { kind: 'remove', ids: [id] });
  if (typeof done === 'number') return done;
  io.err(`Removed ${id}.\n`);
  return 0;
}

async function profile(o: Options, io: CliIo): Promise<number> {
  const loaded = await loadForChange(o, io, false);
  if (typeof loaded === 'number') return loaded;
  const { journal, rubric } = loaded;
  const current = o.current ?? journal?.profile.currentLevel;
  const target = o.target ?? journal?.profile.targetLevel;
  if (o.current === undefined && o.target === undefined) {
    io.out(`current: ${current ?? '(not set)'}\ntarget: ${target ?? '(not set)'}\n`);
    return 0;
  }
  if (current === undefined || target === undefined) throw new UsageError('Set both levels the first time: --current L --target L.');
  checkLevel(rubric, current, '--current');
  checkLevel(rubric, target, '--target');
  // The same rule as the extension's prompt: one function in core says what a profile may be.
  const problem = profileProblem(rubric, { currentLevel: current, targetLevel: target });
  if (problem) throw new UsageError(problem);
  const done = await change(o, io, { kind: 'profile', profile: { currentLevel: current, targetLevel: target } });
  if (typeof done === 'number') return done;
  io.err(`Profile: ${levelName(rubric, current)}, working toward ${levelName(rubric, target)}.\n`);
  return 0;
}

/** Where a period's self-review lives: `.growth/reviews/<period>.md` in the journal's workspace. */
function reviewPath(o: Options, io: CliIo, period: Period): string {
  return join(locate(o, io).workspace, '.growth', 'reviews', `${period.label}.md`);
}

/** The text of a review file, undefined if there is none; one that is not UTF-8 is refused with its place. */
async function readReview(path: string, label: string): Promise<string | undefined> {
  if (!existsSync(path)) return undefined;
  const read = await readText(path, 'review');
  if ('problem' in read) throw new FileError(`${formatProblem(label, read.problem)}: fix or move the file, and run this again.`);
  return read.text;
}

async function readReviewWords(path: string): Promise<Map<string, string[]> | undefined> {
  const text = await readReview(path, path);
  return text === undefined ? undefined : reviewWords(text);
}

async function review(o: Options, io: CliIo, input: { rubric: Rubric; journal: Journal; period: Period }, rubricPath: string | undefined): Promise<number> {
  if (o.level !== undefined) checkLevel(input.rubric, o.level, '--level');
  const target = o.out === undefined ? reviewPath(o, io, input.period) : resolve(io.cwd, o.out);
  const label = o.out ?? relative(io.cwd, target);
  const earlier = await readReview(target, label);
  let text: string;
  try {
    text = buildReview({ ...input, ...(o.level === undefined ? {} : { level: o.level }), includePrivate: o.includePrivate, journalLabel: o.journal }, earlier).text;
  } catch (e) {
    if (e instanceof ReviewError) throw new UsageError(e.message);
    throw e;
  }
  if (o.out === undefined) await keptOutOfGit(dirname(target));
  await writeDocument(target, text, guardedFiles(o, io, rubricPath), 'the review');
  io.err(`${earlier === undefined ? 'Wrote' : 'Updated'} ${label}${earlier === undefined ? '' : ', keeping your words'}.\n`);
  return 0;
}

/** Makes the reviews folder, with a `.gitignore` that keeps everything in it out of git. */
async function keptOutOfGit(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const ignore = join(folder, '.gitignore');
  if (!existsSync(ignore)) await writeDocument(ignore, '# Self-reviews are yours: kept out of git.\n*\n', [], 'the reviews folder\'s .gitignore');
}

/** `rubric switch` reads and writes journals as the other commands do: through these. */
function switchAccess(io: CliIo): SwitchAccess {
  const options = (journal: string | undefined) => parseArgs(['validate', ...(journal === undefined ? [] : [journal])]);
  return {
    async load(journal) {
      const o = options(journal);
      const loaded = await loadForChange(o, io, false);
      return typeof loaded === 'number' ? loaded : { journal: loaded.journal!, rubric: loaded.rubric, workspace: locate(o, io).workspace, label: o.journal };
    },
    async readRubric(path, label) {
      const read = await readText(path, 'rubric');
      const parsed = 'problem' in read ? { problems: [read.problem] } : parseRubric(read.text);
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      if ('rubric' in parsed && parsed.rubric && errors.length === 0) return parsed.rubric;
      for (const problem of errors) io.err(`${formatProblem(label, problem)}\n`);
      io.err(`growth-journal: ${label} is not a valid rubric; nothing was changed.\n`);
      return 1;
    },
    bundledRubricPath: (id) => join(io.packageRoot, 'rubric', `${id}.yaml`),
    async write(journal, op) {
      const written = await change(options(journal), io, op);
      return typeof written === 'number' ? written : 0;
    },
  };
}

/**
 * The entries whose commit no branch or tag of its repository reaches: the repository is the
 * folder the entry's `repo` names when it is a git folder inside the workspace, else the one
 * that holds the workspace. None when the workspace is in no git repository.
 */
async function lostCommitsOf(o: Options, io: CliIo, journal: Journal, text: string): Promise<{ lost: LostCommit; repoName: string }[]> {
  const { workspace } = locate(o, io);
  const byRoot = new Map<string, CitedCommit[]>();
  const rootOf = new Map<string, Promise<string | undefined>>();
  for (const entry of journal.entries) {
    if (!entry.commit) continue;
    const named = entry.commit.repo === undefined ? undefined : insideFolder(workspace, entry.commit.repo);
    const folder = named && existsSync(named) ? named : workspace;
    if (!rootOf.has(folder)) rootOf.set(folder, repositoryRoot(folder));
    const root = await rootOf.get(folder)!;
    if (!root) continue;
    const cited = byRoot.get(root) ?? [];
    cited.push({ entryId: entry.id, title: entry.title, sha: entry.commit.sha, line: entry.line, column: 1 });
    byRoot.set(root, cited);
  }
  const found: { lost: LostCommit; repoName: string }[] = [];
  for (const [root, cited] of byRoot) for (const lost of await lostCommits(root, cited)) found.push({ lost, repoName: basename(root) });
  return placeLostShas(found, () => text);
}

async function relink(o: Options, io: CliIo): Promise<number> {
  const loaded = await load(o, io);
  if (!loaded.journal || loaded.journalText === undefined) {
    printBlocking(loaded.problems, io);
    io.err('Nothing was changed: fix the problems above first.\n');
    return 1;
  }
  const found = await lostCommitsOf(o, io, loaded.journal, loaded.journalText);
  const links: CommitRelink[] = found.flatMap(({ lost }) => (lost.successor ? [{ id: lost.cited.entryId, from: lost.cited.sha, to: lost.successor }] : []));
  for (const { lost, repoName } of found) {
    if (lost.successor) io.out(`${lost.cited.entryId}: ${lost.cited.sha.slice(0, 7)} -> ${lost.successor.slice(0, 7)}, same change (${lost.cited.title})\n`);
    else io.err(`${formatProblem(o.journal, lostCommitProblem(lost, repoName))}\n`);
  }
  if (links.length === 0) {
    io.err(`${o.journal}: no entry cites a rewritten commit that has a reachable successor; nothing to re-point.\n`);
    return 0;
  }
  if (o.dryRun) {
    io.err(`${links.length} ${links.length === 1 ? 'entry' : 'entries'} would be re-pointed (dry run: nothing was written).\n`);
    return 0;
  }
  const done = await change(o, io, { kind: 'relink', links });
  if (typeof done === 'number') return done;
  io.err(`Re-pointed ${links.length} ${links.length === 1 ? 'entry' : 'entries'}.\n`);
  return 0;
}

/**
 * The files an --out never replaces: the journal, its lock and its rubric, and the journal in
 * the usual place of the current folder.
 */
function guardedFiles(o: Options, io: CliIo, rubricPath?: string): { path: string; role: string }[] {
  return [
    ...[...new Set([locate(o, io).journalPath, resolve(io.cwd, DEFAULT_JOURNAL)])].flatMap(journalGuards),
    ...(rubricPath ? [{ path: rubricPath, role: 'the rubric' }] : []),
  ];
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === FOLLOW_COMMAND) return runFollow(io);
  if (argv[0] === 'rubric' && argv[1] !== 'switch') return rubricCommand(argv.slice(1), io);
  try {
    if (argv[0] === 'rubric') return await rubricSwitchCommand(argv.slice(2), io, switchAccess(io));
    const o = parseArgs(argv);
    if (o.help) {
      io.out(USAGE);
      return 0;
    }
    if (o.version) {
      io.out(`${typeof GROWTH_JOURNAL_VERSION === 'string' ? GROWTH_JOURNAL_VERSION : 'development'}\n`);
      return 0;
    }
    if (o.command === 'validate') {
      const loaded = await load(o, io);
      const rewritten = loaded.journal && loaded.journalText !== undefined ? await lostCommitsOf(o, io, loaded.journal, loaded.journalText) : [];
      loaded.problems.push(...rewritten.map(({ lost, repoName }) => ({ file: o.journal, problem: lostCommitProblem(lost, repoName) })));
      const byPlace = [...loaded.problems].sort((a, b) => (a.file === b.file ? (a.problem.line ?? 0) - (b.problem.line ?? 0) || (a.problem.column ?? 0) - (b.problem.column ?? 0) : a.file < b.file ? -1 : 1));
      for (const { file, problem } of byPlace) io.out(`${formatProblem(file, problem)}\n`);
      const failed = hasErrors(loaded.problems.map((p) => p.problem));
      if (!failed) io.err(`${o.journal}: ${loaded.journal?.entries.length ?? 0} entries, ${loaded.problems.length ? `${loaded.problems.length} warning(s)` : 'no problems'}.\n`);
      return failed ? 1 : 0;
    }
    if (o.command === 'summary' || o.command === 'packet' || o.command === 'review') {
      if (!o.period && o.command !== 'packet') throw new UsageError(`${o.command} needs --period, e.g. --period 2026-Q4 or --period current.`);
      const period = o.period === undefined ? undefined : periodOption(o.period, o.fiscalStart, io);
      if (o.format !== undefined && (o.command !== 'packet' || !['md', 'html'].includes(o.format))) throw new UsageError(o.command === 'packet' ? `--format takes md or html, not "${o.format}".` : '--format is for packet.');
      const gaps = GAP_STYLES.find((g) => g === o.gaps);
      if (o.gaps !== undefined && (o.command !== 'packet' || !gaps)) throw new UsageError(o.command === 'packet' ? `--gaps takes ${GAP_STYLES.join(', ')}, not "${o.gaps}".` : '--gaps is for packet.');
      const loaded = await load(o, io);
      const errors = loaded.problems.filter((p) => p.problem.severity === 'error');
      if (errors.length > 0 || !loaded.journal || !loaded.rubric) {
        printBlocking(loaded.problems, io);
        io.err(`No ${o.command}${period ? ` for ${period.label}` : ''}: fix the problems above first.\n`);
        return 1;
      }
      const { rubric, journal } = loaded;
      if (o.command === 'review') return await review(o, io, { rubric, journal, period: period! }, loaded.rubricPath);
      let text: string;
      if (o.command === 'summary') text = renderSummary({ rubric, journal, period: period!, includePrivate: o.includePrivate, journalLabel: o.journal });
      else {
        if (o.level !== undefined) checkLevel(rubric, o.level, '--level');
        let model;
        try {
          const words = period ? await readReviewWords(reviewPath(o, io, period)) : undefined;
          model = packetModel({ rubric, journal, ...(o.level === undefined ? {} : { level: o.level }), ...(period ? { period } : {}), includePrivate: o.includePrivate, journalLabel: o.journal, ...(words ? { words } : {}) });
        } catch (e) {
          if (e instanceof PacketError) throw new UsageError(e.message);
          throw e;
        }
        const options = gaps ? { gaps } : {};
        text = o.format === 'html' ? renderPacketHtml(model, options) : renderPacketMarkdown(model, options);
      }
      if (o.out) {
        await writeDocument(resolve(io.cwd, o.out), text, guardedFiles(o, io, loaded.rubricPath));
        io.err(`Wrote ${o.out}\n`);
      } else io.out(text);
      return 0;
    }
    if (o.command === 'add') return await add(o, io);
    if (o.command === 'remove') return await remove(o, io);
    if (o.command === 'edit') return await edit(o, io);
    if (o.command === 'list') return await list(o, io);
    if (o.command === 'profile') return await profile(o, io);
    if (o.command === 'relink') return await relink(o, io);
    throw new UsageError(o.command ? `Unknown command "${o.command}".` : 'Say which command to run.');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`growth-journal: ${e.message}\nRun growth-journal --help for usage.\n`);
      return 2;
    }
    // Any error of the file system not told yet is told as a sentence about the file it names.
    const told = e instanceof FileError ? e : fileError(e, (e as NodeJS.ErrnoException).path ?? 'a file', (e as NodeJS.ErrnoException).syscall === 'open' || (e as NodeJS.ErrnoException).syscall === 'read' ? 'read' : 'write');
    if (e instanceof FileError || told instanceof FileRefusal) {
      io.err(`growth-journal: ${(told as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    packageRoot: join(__dirname, '..'),
    today: new Date(),
    follow: (following) => followInBackground(__filename, following),
  }).then((code) => (process.exitCode = code));
}
