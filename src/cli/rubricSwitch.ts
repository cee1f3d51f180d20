/** `growth-journal rubric switch`: points a journal at another rubric through the one write path, and back again exactly. */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { CliIo } from './io';
import { currentRubricRef, describeRubricSwitch, type Journal, type JournalOp, type MissingId, planRubricSwitch, rubricSwitchOp } from '../core/journal';
import { allDimensions, type Rubric } from '../core/rubric/rubric';
import { BUNDLED_RUBRICS } from '../core/rubric/rubricRef';
import { localIsoDate } from '../core/time/dates';
import { insideFolder } from '../host/workspace/paths';

export const RUBRIC_SWITCH_USAGE = `  rubric switch RUBRIC [JOURNAL] [--map OLD=NEW]... [--dry-run]
                           Point the journal at RUBRIC (a rubric file in the journal's folder,
                           or a bundled id). Each --map maps a dimension or level id of the
                           current rubric to one of RUBRIC; an id RUBRIC lacks that no --map
                           and no earlier switch covers is refused, listed. The switch is
                           recorded in the journal (rubricHistory), so switching back needs no
                           --map and gives every entry its ids as they were. --dry-run prints
                           what would move where, and writes nothing.
`;

/** What the switch needs of the journal commands: their load, rubric read and write path, so all commands read and write alike. */
export interface SwitchAccess {
  /** The journal at `journal` (default .growth/journal.yaml) and its rubric; a number is the exit code after saying why not. */
  load(journal: string | undefined): Promise<{ journal: Journal; rubric: Rubric; workspace: string; label: string } | number>;
  /** A rubric file read and parsed; a number is the exit code after printing its problems. */
  readRubric(path: string, label: string): Promise<Rubric | number>;
  bundledRubricPath(id: string): string;
  /** The op written through the write path; 0, or the exit code after saying why not. */
  write(journal: string | undefined, op: JournalOp): Promise<number>;
}

class SwitchUsageError extends Error {}

interface SwitchOptions {
  rubric?: string;
  journal?: string;
  maps: [string, string][];
  dryRun: boolean;
  help: boolean;
}

function parseSwitchArgs(argv: readonly string[]): SwitchOptions {
  const o: SwitchOptions = { maps: [], dryRun: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') o.help = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--map' || a.startsWith('--map=')) {
      const v = a === '--map' ? argv[++i] : a.slice('--map='.length);
      const m = v === undefined ? null : /^([^=\s]+)=([^=\s]+)$/.exec(v);
      if (!m) throw new SwitchUsageError(`--map takes OLD=NEW, an id of the current rubric and one of the new, such as --map mentorship=collaboration${v === undefined ? '' : `; "${v}" is not that`}.`);
      o.maps.push([m[1], m[2]]);
    } else if (a.startsWith('-')) throw new SwitchUsageError(`Unknown option ${a}.`);
    else if (o.rubric === undefined) o.rubric = a;
    else if (o.journal === undefined) o.journal = a;
    else throw new SwitchUsageError(`rubric switch takes a rubric and a journal; "${a}" is one too many.`);
  }
  return o;
}

const HELP = `Usage: growth-journal rubric switch RUBRIC [JOURNAL] [options]\n\n${RUBRIC_SWITCH_USAGE}\nExit codes: 0 switched (or the plan printed), 1 refused (ids left unmapped, a rubric with errors, a change that cannot be verified), 2 the command could not run.\n`;

/** Runs `growth-journal rubric switch …`; `argv` is what follows `switch`. */
export async function rubricSwitchCommand(argv: readonly string[], io: CliIo, access: SwitchAccess): Promise<number> {
  let o: SwitchOptions;
  try {
    o = parseSwitchArgs(argv);
    if (!o.help && o.rubric === undefined) throw new SwitchUsageError('rubric switch needs the rubric to switch to: a rubric file or a bundled id, e.g. rubric switch .growth/rubrics/platform.rubric.yaml.');
  } catch (e) {
    if (!(e instanceof SwitchUsageError)) throw e;
    io.err(`growth-journal: ${e.message}\nRun growth-journal rubric switch --help for usage.\n`);
    return 2;
  }
  if (o.help) {
    io.out(HELP);
    return 0;
  }
  const loaded = await access.load(o.journal);
  if (typeof loaded === 'number') return loaded;
  const { journal, rubric: from, workspace, label } = loaded;

  // A bundled id names the bundled rubric unless a file of that name is there; a file must be in the journal's folder, as `rubric:` names it.
  const named = o.rubric!;
  const bundled = (BUNDLED_RUBRICS as readonly string[]).includes(named) && !existsSync(resolve(io.cwd, named));
  let ref: string;
  let path: string;
  if (bundled) [ref, path] = [named, access.bundledRubricPath(named)];
  else {
    const inside = insideFolder(workspace, resolve(io.cwd, named));
    if (inside === undefined) {
      io.err(`growth-journal: ${named} is not inside the journal's folder ${workspace}; the journal names its rubric by a path inside it. Copy the rubric there (for example to .growth/rubrics/) and switch to that copy.\n`);
      return 2;
    }
    path = resolve(io.cwd, named);
    ref = relative(workspace, path).split(sep).join('/');
  }
  const to = await access.readRubric(path, named);
  if (typeof to === 'number') return to;
  if (ref === currentRubricRef(journal)) {
    io.err(`${label} is already on ${to.name} (${ref}); nothing to switch.\n`);
    return 0;
  }

  const plan = planRubricSwitch(journal, from, to, ref);
  const choice = chooseIds(o.maps, plan.dimensions, plan.levels, from, to);
  if (typeof choice === 'string') {
    io.err(`growth-journal: ${choice}\n`);
    return choice.startsWith('--map') ? 2 : 1;
  }
  const op = rubricSwitchOp(journal, plan, from, { ref, rubric: to }, choice, localIsoDate(io.today));
  const lines = [`${o.dryRun ? 'Would switch' : 'Switching'} ${label} from ${from.name} (${currentRubricRef(journal)}) to ${to.name} (${ref}):`, ...describeRubricSwitch(journal, plan, op, from, to).map((l) => `  ${l}`)];
  if (o.dryRun) {
    io.out(`${lines.join('\n')}\nNothing was written (--dry-run).\n`);
    return 0;
  }
  const written = await access.write(o.journal, { kind: 'rubric', ...op });
  if (written !== 0) return written;
  io.err(`${lines.join('\n')}\nSwitched ${label} to ${to.name}.\n`);
  return 0;
}

/**
 * The maps to apply: each --map, checked against both rubrics, then what an earlier switch
 * recorded for the ids left. A sentence saying what is wrong when an id stays unmapped.
 */
function chooseIds(maps: readonly [string, string][], dimensions: readonly MissingId[], levels: readonly MissingId[], from: Rubric, to: Rubric): { dimensions: Record<string, string>; levels: Record<string, string> } | string {
  const choice = { dimensions: {} as Record<string, string>, levels: {} as Record<string, string> };
  const oldDimensions = new Set([...allDimensions(from).map((d) => d.id), ...dimensions.map((m) => m.id)]);
  const oldLevels = new Set([...from.levels.map((l) => l.id), ...levels.map((m) => m.id)]);
  const newDimensions = new Set(allDimensions(to).map((d) => d.id));
  const newLevels = new Set(to.levels.map((l) => l.id));
  for (const [old, now] of maps) {
    const kind = oldDimensions.has(old) ? 'dimensions' : oldLevels.has(old) ? 'levels' : undefined;
    if (!kind) return `--map ${old}=${now}: "${old}" is no dimension or level id of ${from.name}, nor one the journal uses.`;
    if (!(kind === 'dimensions' ? newDimensions : newLevels).has(now)) return `--map ${old}=${now}: "${now}" is no ${kind === 'dimensions' ? 'dimension' : 'level'} id of ${to.name}; its ${kind} are ${[...(kind === 'dimensions' ? newDimensions : newLevels)].join(', ')}.`;
    choice[kind][old] = now;
  }
  const left: string[] = [];
  for (const [kind, missing] of [['dimensions', dimensions], ['levels', levels]] as const) {
    for (const m of missing) {
      if (Object.hasOwn(choice[kind], m.id)) continue;
      if (m.recorded !== undefined) choice[kind][m.id] = m.recorded;
      else left.push(`${kind === 'dimensions' ? 'dimension' : 'level'} ${m.id} (${m.uses} ${m.uses === 1 ? 'use' : 'uses'})${m.suggestion ? `: --map ${m.id}=${m.suggestion}?` : ''}`);
    }
  }
  if (left.length) return `${to.name} lacks ids the journal uses, and neither a --map nor an earlier switch covers them; nothing was changed. Map each with --map OLD=NEW:\n${left.map((l) => `  ${l}`).join('\n')}`;
  return choice;
}
