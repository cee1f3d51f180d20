#!/usr/bin/env node
/** The `growth-journal` command: validate a journal and print quarterly summaries, over the same core as the extension. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkJournal, parseJournal, type Journal } from './core/journal';
import { journalSizeProblem } from './core/journalSession';
import { formatProblem, hasErrors, type Problem } from './core/problem';
import { parseQuarter, quarterLabel, quarterOfDate } from './core/quarters';
import { parseRubric, type Rubric } from './core/rubric';
import { rubricRef } from './core/rubricRef';
import { renderQuarterSummary } from './core/summary';
import { decodeUtf8, stripBom } from './core/text';
import { localIsoDate } from './core/dates';

declare const GROWTH_JOURNAL_VERSION: string | undefined;

export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Folder that holds the bundled `rubric/` folder. */
  packageRoot: string;
  today: Date;
}

const USAGE = `Usage: growth-journal <command> [options]

Commands:
  validate [FILE]          Check a journal (and its rubric); problems print as file:line:col.
  summary [FILE] --quarter Q
                           Print the Markdown summary of quarter Q (e.g. 2026-Q4, or "current").

Options:
  --journal FILE           Journal to read, the same as FILE (default: .growth/journal.yaml)
  --rubric FILE|ID         Rubric file or bundled id (default: the one the journal names)
  --fiscal-start MONTH     First month of the fiscal year, 1-12 (default: 1)
  --out FILE               summary: write to FILE instead of standard output
  --include-private        summary: include entries marked private
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no errors, 1 the journal or rubric has errors, 2 the command could not run.
`;

class UsageError extends Error {}

interface Options {
  command?: string;
  journal: string;
  /** Whether the journal was named, by FILE or --journal: it can be named once. */
  journalNamed?: boolean;
  rubric?: string;
  quarter?: string;
  out?: string;
  includePrivate: boolean;
  fiscalStart: number;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { journal: '.growth/journal.yaml', includePrivate: false, fiscalStart: 1, help: false, version: false };
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
      case '--quarter': o.quarter = take(); break;
      case '--out': o.out = take(); break;
      case '--include-private': o.includePrivate = true; break;
      case '--fiscal-start': {
        const v = take();
        o.fiscalStart = Number(v);
        if (!Number.isInteger(o.fiscalStart) || o.fiscalStart < 1 || o.fiscalStart > 12) throw new UsageError(`--fiscal-start takes a month number 1-12, not "${v}".`);
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`Unknown option ${a}.`);
        if (!o.command) o.command = a;
        else nameJournal(a);
    }
  }
  return o;
}

class FileError extends Error {}

function readText(path: string, what: 'journal' | 'rubric'): { text: string } | { problem: Problem } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(code === 'ENOENT' ? `No ${what} at ${path}.` : `Cannot read the ${what} ${path}: ${(e as Error).message}`);
  }
  const tooLarge = what === 'journal' ? journalSizeProblem(bytes.length) : undefined;
  if (tooLarge) return { problem: tooLarge };
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { text: decoded.text } : { problem: decoded.problem };
}

interface Loaded {
  journal?: Journal;
  rubric?: Rubric;
  problems: { file: string; problem: Problem }[];
}

function load(o: Options, io: CliIo): Loaded {
  const journalPath = resolve(io.cwd, o.journal);
  const problems: Loaded['problems'] = [];
  const journalRead = readText(journalPath, 'journal');
  if ('problem' in journalRead) return { problems: [{ file: o.journal, problem: journalRead.problem }] };
  const parse = parseJournal(journalRead.text);
  problems.push(...parse.problems.map((problem) => ({ file: o.journal, problem })));
  if (!parse.journal) return { problems };

  const ref = rubricRef(o.rubric ?? parse.journal.rubric);
  const rubricPath = ref.kind === 'bundled' ? join(io.packageRoot, 'rubric', `${ref.id}.yaml`) : resolve(io.cwd, ref.path);
  const rubricLabel = ref.kind === 'bundled' ? `${ref.id} (bundled)` : ref.path;
  if (ref.kind === 'path' && o.rubric === undefined && !/[/\\.]/.test(ref.path)) {
    throw new FileError(`The journal names rubric "${ref.path}", which is neither a bundled rubric (product-security) nor a file path.`);
  }
  const rubricRead = readText(rubricPath, 'rubric');
  if ('problem' in rubricRead) return { journal: parse.journal, problems: [...problems, { file: rubricLabel, problem: rubricRead.problem }] };
  const rubricParse = parseRubric(stripBom(rubricRead.text));
  problems.push(...rubricParse.problems.map((problem) => ({ file: rubricLabel, problem })));
  if (rubricParse.rubric) problems.push(...checkJournal(parse, rubricParse.rubric).map((problem) => ({ file: o.journal, problem })));
  return { journal: parse.journal, ...(rubricParse.rubric ? { rubric: rubricParse.rubric } : {}), problems };
}

export function main(argv: string[], io: CliIo): number {
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
      const loaded = load(o, io);
      const byPlace = [...loaded.problems].sort((a, b) => (a.file === b.file ? (a.problem.line ?? 0) - (b.problem.line ?? 0) || (a.problem.column ?? 0) - (b.problem.column ?? 0) : a.file < b.file ? -1 : 1));
      for (const { file, problem } of byPlace) io.out(`${formatProblem(file, problem)}\n`);
      const failed = hasErrors(loaded.problems.map((p) => p.problem));
      if (!failed) io.err(`${o.journal}: ${loaded.journal?.entries.length ?? 0} entries, ${loaded.problems.length ? `${loaded.problems.length} warning(s)` : 'no problems'}.\n`);
      return failed ? 1 : 0;
    }
    if (o.command === 'summary') {
      if (!o.quarter) throw new UsageError('summary needs --quarter, e.g. --quarter 2026-Q4 or --quarter current.');
      const quarter = o.quarter === 'current' ? quarterOfDate(localIsoDate(io.today), o.fiscalStart) : parseQuarter(o.quarter, o.fiscalStart);
      if (!quarter) throw new UsageError(`"${o.quarter}" is not a quarter; write it like 2026-Q4.`);
      const loaded = load(o, io);
      const errors = loaded.problems.filter((p) => p.problem.severity === 'error');
      if (errors.length > 0 || !loaded.journal || !loaded.rubric) {
        for (const { file, problem } of errors) io.err(`${formatProblem(file, problem)}\n`);
        io.err(`No summary for ${quarterLabel(quarter)}: fix the errors above first.\n`);
        return 1;
      }
      const markdown = renderQuarterSummary({ rubric: loaded.rubric, journal: loaded.journal, quarter, includePrivate: o.includePrivate, journalLabel: o.journal });
      if (o.out) {
        const target = resolve(io.cwd, o.out);
        const temp = join(dirname(target), `.${quarterLabel(quarter)}.${process.pid}.tmp`);
        try {
          writeFileSync(temp, markdown);
          renameSync(temp, target);
        } catch (e) {
          throw new FileError(`Cannot write ${o.out}: ${(e as Error).message}`);
        }
        io.err(`Wrote ${o.out}\n`);
      } else io.out(markdown);
      return 0;
    }
    throw new UsageError(o.command ? `Unknown command "${o.command}".` : 'Say which command to run.');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`growth-journal: ${e.message}\nRun growth-journal --help for usage.\n`);
      return 2;
    }
    if (e instanceof FileError) {
      io.err(`growth-journal: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    packageRoot: join(__dirname, '..'),
    today: new Date(),
  });
}
