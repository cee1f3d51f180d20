#!/usr/bin/env node
/** The `growth-journal` command: validate a journal and print quarterly summaries, over the same core as the extension. */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runSteps } from '../core/steps';
import { checkJournal, parseJournal, rubricOutsideProblem, type EntryData, type Journal, type JournalParse, loadJournal, newJournalText, journalSizeProblem, JournalSession, type JournalOp, MAX_JOURNAL_BYTES, profileProblem } from '../core/journal';
import { formatProblem, hasErrors, type Problem } from '../core/text/problem';
import { packetModel, PacketError, renderPacketHtml, renderPacketMarkdown } from '../core/reports/packet';
import { parsePeriod, periodOfDate, PERIOD_HINT, type Period } from '../core/time/periods';
import { allDimensions, findDimension, levelName, levelRank, MAX_RUBRIC_BYTES, parseRubric, RUBRIC_TOO_LARGE, type Rubric } from '../core/rubric/rubric';
import { rubricRef } from '../core/rubric/rubricRef';
import { renderSummary } from '../core/reports/summary';
import { decodeUtf8 } from '../core/text/strings';
import { localIsoDate, parseIsoDate } from '../core/time/dates';
import { readCommit } from '../host/git/cli';
import { type CliIo } from './io';
import { rubricCommand, RUBRIC_USAGE } from './rubric';
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
  packet [FILE] [--level L] [--period P] [--format md|html] [--out FILE] [--include-private]
                           Print the promotion packet for level L (default: the target level):
                           every statement of that level with the evidence that cites it.
                           Without --period, all evidence to date.
  add [FILE] --title T --dimension ID[,ID...] [--level L] [--note TEXT] [--date YYYY-MM-DD]
      [--private] [--commit REV]
                           Add an entry and print its id. With --commit, record that commit
                           (full sha, subject, remote without credentials); --title defaults
                           to its subject.
  remove ID [FILE]         Remove the entry with that id.
  profile [FILE] [--current L] [--target L]
                           Print the profile, or set the current and target level.
${RUBRIC_USAGE}
Options:
  --journal FILE           Journal to read, the same as FILE (default: .growth/journal.yaml)
  --rubric FILE|ID         Rubric file or bundled id (default: the one the journal names)
  --fiscal-start MONTH     First month of the fiscal year, 1-12 (default: 1)
  --workspace DIR          Folder that paths in the journal are relative to (default: the
                           folder holding the journal's .growth/ folder, else the journal's own)
  --out FILE               summary, packet: write to FILE instead of standard output
  --include-private        summary, packet: include entries marked private
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
  date?: string;
  isPrivate: boolean;
  commit?: string;
  current?: string;
  target?: string;
  journal: string;
  /** Whether the journal was named, by FILE or --journal: it can be named once. */
  journalNamed?: boolean;
  rubric?: string;
  period?: string;
  format?: string;
  out?: string;
  includePrivate: boolean;
  fiscalStart: number;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { args: [], journal: DEFAULT_JOURNAL, includePrivate: false, isPrivate: false, fiscalStart: 1, help: false, version: false };
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
      case '--out': o.out = take(); break;
      case '--include-private': o.includePrivate = true; break;
      case '--workspace': o.workspace = take(); break;
      case '--title': o.title = take(); break;
      case '--dimension': case '--dimensions': o.dimensions = [...(o.dimensions ?? []), ...take().split(',').map((d) => d.trim()).filter(Boolean)]; break;
      case '--level': o.level = take(); break;
      case '--note': o.note = take(); break;
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
        else if (o.command === 'remove' && o.args.length === 0) o.args.push(a);
        else nameJournal(a);
    }
  }
  return o;
}

class FileError extends Error {}

/** A journal or rubric through the one door: a regular file, read up to its limit. */
async function readText(path: string, what: 'journal' | 'rubric'): Promise<{ text: string } | { problem: Problem }> {
  const read = await readBounded(path, what === 'journal' ? MAX_JOURNAL_BYTES : MAX_RUBRIC_BYTES, `the ${what}`);
  if (read.kind === 'missing') throw new FileError(`No ${what} at ${path}.`);
  if (read.kind === 'tooLarge') return { problem: what === 'journal' ? journalSizeProblem(read.size)! : RUBRIC_TOO_LARGE };
  const decoded = decodeUtf8(read.bytes);
  return decoded.ok ? { text: decoded.text } : { problem: decoded.problem };
}

interface Loaded {
  journal?: Journal;
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
  let rubricLabel = '';
  let rubricPath: string | undefined;
  const loaded = await loadJournal<string>(
    {
      async readJournal() {
        const read = await readText(journalPath, 'journal');
        if ('problem' in read) return { kind: 'invalid', problem: read.problem };
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
    ...(loaded.rubric ? { rubric: loaded.rubric } : {}),
    ...(rubricPath ? { rubricPath } : {}),
    problems: loaded.problems.map(({ in: where, problem }) => ({ file: where === 'journal' ? o.journal : rubricLabel, problem })),
  };
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
    for (const { file, problem } of errors) io.err(`${formatProblem(file, problem)}\n`);
    io.err('Nothing was changed: fix the errors above first.\n');
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
  if (!period) throw new UsageError(`"${label}" is not a period; write ${PERIOD_HINT}.`);
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
    ...(o.isPrivate ? { private: true } : {}),
  };
  const template = newJournalText(rubric.id, {});
  const done = await change(o, io, { kind: 'append', drafts: [{ data, idSeed: commit?.sha ?? `${data.title}|${io.today.getTime()}|${process.pid}` }] }, template);
  if (typeof done === 'number') return done;
  io.out(`${done.added[0].id}\n`);
  return 0;
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
  if (argv[0] === 'rubric') return rubricCommand(argv.slice(1), io);
  try {
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
      const byPlace = [...loaded.problems].sort((a, b) => (a.file === b.file ? (a.problem.line ?? 0) - (b.problem.line ?? 0) || (a.problem.column ?? 0) - (b.problem.column ?? 0) : a.file < b.file ? -1 : 1));
      for (const { file, problem } of byPlace) io.out(`${formatProblem(file, problem)}\n`);
      const failed = hasErrors(loaded.problems.map((p) => p.problem));
      if (!failed) io.err(`${o.journal}: ${loaded.journal?.entries.length ?? 0} entries, ${loaded.problems.length ? `${loaded.problems.length} warning(s)` : 'no problems'}.\n`);
      return failed ? 1 : 0;
    }
    if (o.command === 'summary' || o.command === 'packet') {
      if (!o.period && o.command === 'summary') throw new UsageError('summary needs --period, e.g. --period 2026-Q4 or --period current.');
      const period = o.period === undefined ? undefined : periodOption(o.period, o.fiscalStart, io);
      if (o.format !== undefined && (o.command !== 'packet' || !['md', 'html'].includes(o.format))) throw new UsageError(o.command === 'packet' ? `--format takes md or html, not "${o.format}".` : '--format is for packet.');
      const loaded = await load(o, io);
      const errors = loaded.problems.filter((p) => p.problem.severity === 'error');
      if (errors.length > 0 || !loaded.journal || !loaded.rubric) {
        for (const { file, problem } of errors) io.err(`${formatProblem(file, problem)}\n`);
        io.err(`No ${o.command}${period ? ` for ${period.label}` : ''}: fix the errors above first.\n`);
        return 1;
      }
      const { rubric, journal } = loaded;
      let text: string;
      if (o.command === 'summary') text = renderSummary({ rubric, journal, period: period!, includePrivate: o.includePrivate, journalLabel: o.journal });
      else {
        if (o.level !== undefined) checkLevel(rubric, o.level, '--level');
        let model;
        try {
          model = packetModel({ rubric, journal, ...(o.level === undefined ? {} : { level: o.level }), ...(period ? { period } : {}), includePrivate: o.includePrivate, journalLabel: o.journal });
        } catch (e) {
          if (e instanceof PacketError) throw new UsageError(e.message);
          throw e;
        }
        text = o.format === 'html' ? renderPacketHtml(model) : renderPacketMarkdown(model);
      }
      if (o.out) {
        await writeDocument(resolve(io.cwd, o.out), text, guardedFiles(o, io, loaded.rubricPath));
        io.err(`Wrote ${o.out}\n`);
      } else io.out(text);
      return 0;
    }
    if (o.command === 'add') return await add(o, io);
    if (o.command === 'remove') return await remove(o, io);
    if (o.command === 'profile') return await profile(o, io);
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
