/** `growth-journal rubric import`: a career ladder from Markdown or YAML into the rubric format. */
import { basename, resolve } from 'node:path';
import type { CliIo } from './io';
import { RUBRIC_SWITCH_USAGE } from './rubricSwitch';
import { importLadder, LADDER_FORMATS, type LadderFormat, LadderImportError, type LadderImport } from '../core/rubric/ladderImport';
import { MAX_LADDER_CHARS } from '../core/rubric/ladderImport/limit';
import { formatProblem } from '../core/text/problem';
import { MAX_RUBRIC_BYTES, parseRubric, type Rubric } from '../core/rubric/rubric';
import { decodeUtf8, stripBom } from '../core/text/strings';
import { fileError, FileRefusal, journalGuards, readBounded, writeDocument } from '../host/workspace/disk';

export const RUBRIC_USAGE = `  rubric import FILE [--format auto|table|headings|ft-yaml] [--id ID] [--name NAME]
      [--keep-ids RUBRIC] [--out FILE]
                           Turn a career ladder (a Markdown table or heading ladder, or
                           FT-style YAML) into a rubric, printed or written to --out; what it
                           skipped and guessed is reported on standard error. --keep-ids gives
                           levels and dimensions named as in RUBRIC (an earlier import) its ids.
${RUBRIC_SWITCH_USAGE}`;

const HELP = `Usage: growth-journal rubric import FILE [options]\n       growth-journal rubric switch RUBRIC [JOURNAL] [options]\n\n${RUBRIC_USAGE}\nExit codes: 0 imported or switched, 1 no ladder found, it makes no valid rubric, or a switch was refused, 2 the command could not run.\n`;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

class RubricUsageError extends Error {}
class RubricFileError extends Error {}

interface ImportOptions {
  file?: string;
  format: LadderFormat;
  id?: string;
  name?: string;
  keepIds?: string;
  out?: string;
  help: boolean;
}

function parseImportArgs(argv: readonly string[]): ImportOptions {
  const o: ImportOptions = { format: 'auto', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const take = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new RubricUsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '-h': case '--help': o.help = true; break;
      case '--format': {
        const v = take();
        if (!(LADDER_FORMATS as readonly string[]).includes(v)) throw new RubricUsageError(`--format takes ${LADDER_FORMATS.join(', ')}, not "${v}".`);
        o.format = v as LadderFormat;
        break;
      }
      case '--id': {
        const v = take();
        if (!ID.test(v)) throw new RubricUsageError(`--id takes an id of letters, digits, "-", "_" and ".", such as platform-ladder; "${v}" is not one.`);
        o.id = v;
        break;
      }
      case '--name': o.name = take(); break;
      case '--keep-ids': o.keepIds = take(); break;
      case '--out': o.out = take(); break;
      default:
        if (a.startsWith('-')) throw new RubricUsageError(`Unknown option ${a}.`);
        if (o.file !== undefined) throw new RubricUsageError(`One ladder at a time: "${o.file}" and "${a}".`);
        o.file = a;
    }
  }
  return o;
}

/** Runs `growth-journal rubric …`; `argv` is what follows `rubric`. */
export async function rubricCommand(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [sub, ...rest] = argv;
    if (sub === '-h' || sub === '--help') {
      io.out(HELP);
      return 0;
    }
    if (sub !== 'import') throw new RubricUsageError(sub === undefined ? 'Say what to do with rubrics: rubric import FILE, or rubric switch RUBRIC.' : `Unknown rubric command "${sub}"; the ones there are: rubric import FILE, rubric switch RUBRIC.`);
    const o = parseImportArgs(rest);
    if (o.help) {
      io.out(HELP);
      return 0;
    }
    if (o.file === undefined) throw new RubricUsageError('rubric import needs the ladder file, e.g. rubric import ladder.md.');
    // A character takes up to four bytes of UTF-8: the ladder's own limit is checked on its text.
    const source = await readText(resolve(io.cwd, o.file), o.file, MAX_LADDER_CHARS * 4, 'the ladder');
    const previous = o.keepIds === undefined ? undefined : await readPrevious(resolve(io.cwd, o.keepIds), o.keepIds, io);
    if (previous === null) return 1;
    let result: LadderImport;
    try {
      result = importLadder(source, { format: o.format, sourceName: basename(o.file), ...(o.id ? { id: o.id } : {}), ...(o.name ? { name: o.name } : {}), ...(previous ? { previous } : {}) });
    } catch (e) {
      if (!(e instanceof LadderImportError)) throw e;
      io.err(`growth-journal: ${o.file}: ${e.message}\n`);
      return 1;
    }
    // A rubric may replace an earlier import of itself; never a journal, wherever it is.
    if (o.out) await writeDocument(resolve(io.cwd, o.out), result.yaml, journalGuards(resolve(io.cwd, '.growth/journal.yaml')), 'the rubric', ['journal']);
    else io.out(result.yaml);
    io.err(importSummary(o.file, result, o.out));
    return 0;
  } catch (e) {
    if (e instanceof RubricUsageError) {
      io.err(`growth-journal: ${e.message}\nRun growth-journal rubric --help for usage.\n`);
      return 2;
    }
    const told = e instanceof RubricFileError ? e : fileError(e, (e as NodeJS.ErrnoException).path ?? 'a file', 'read');
    if (told instanceof RubricFileError || told instanceof FileRefusal) {
      io.err(`growth-journal: ${told.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** A ladder or rubric through the one door: a regular file, read up to `limit` bytes. */
async function readText(path: string, label: string, limit: number, role: string): Promise<string> {
  const read = await readBounded(path, limit, role);
  if (read.kind === 'missing') throw new RubricFileError(`No file at ${label}.`);
  if (read.kind === 'tooLarge') throw new RubricFileError(`${label} is over ${Math.floor(limit / 1024 / 1024)} MB, far more than ${role} can be, so it was not read; check that you named the right file.`);
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) throw new RubricFileError(formatProblem(label, decoded.problem));
  return stripBom(decoded.text);
}

/** The rubric whose ids to keep; null (after printing its problems) when it does not parse. */
async function readPrevious(path: string, label: string, io: CliIo): Promise<Rubric | null> {
  const parsed = parseRubric(await readText(path, label, MAX_RUBRIC_BYTES, 'a rubric'));
  if (parsed.rubric) return parsed.rubric;
  for (const problem of parsed.problems) io.err(`${formatProblem(label, problem)}\n`);
  io.err(`growth-journal: --keep-ids ${label} is not a valid rubric; fix it or leave the option out.\n`);
  return null;
}

/** What the import made, skipped and guessed, for standard error. */
function importSummary(file: string, result: LadderImport, out?: string): string {
  const dimensions = result.rubric.groups.flatMap((g) => g.dimensions);
  const statements = dimensions.reduce((n, d) => n + Object.values(d.expectations).reduce((m, s) => m + s.length, 0), 0);
  const lines = [
    `${file}: read as ${result.shape}: ${count(result.rubric.levels.length, 'level')}, ${count(result.rubric.groups.length, 'group')}, ${count(dimensions.length, 'dimension')}, ${count(statements, 'statement')}${out ? `; wrote ${out}` : ''}.`,
    ...result.report.skipped.map((s) => `skipped: ${s}`),
    ...result.report.guessed.map((g) => `guessed: ${g}`),
  ];
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
