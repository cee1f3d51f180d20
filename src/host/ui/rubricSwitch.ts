/**
 * Switch Rubric…: points the journal at a bundled or workspace rubric. Every entry is kept; the
 * ids it uses that the new rubric lacks are mapped in one list, the plan is shown on one page,
 * and the switch is written in one change through the journal's write path, recorded so that
 * the switch back (or Undo) gives every id back.
 */
import * as vscode from 'vscode';
import { currentRubricRef, describeRubricSwitch, type Journal, type MissingId, planRubricSwitch, rubricSwitchOp, type RubricSwitchPlan, switchMoves } from '../../core/journal';
import { mdText } from '../../core/reports/markdown';
import { type Rubric, parseRubric } from '../../core/rubric/rubric';
import { localIsoDate } from '../../core/time/dates';
import { BUNDLED_RUBRICS } from '../../core/rubric/rubricRef';
import { stripBom } from '../../core/text/strings';
import { readTextFile } from '../workspace/files';
import { type Services } from '../services';

export const WORKSPACE_RUBRICS = '.growth/rubrics';

export interface RubricChoice {
  /** What the journal's `rubric:` says: a bundled id or a workspace-relative path. */
  ref: string;
  rubric: Rubric;
}

/** The bundled rubrics and those in `.growth/rubrics/`, each read and parsed; ones that do not parse are left out. */
export async function availableRubrics(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<RubricChoice[]> {
  const read = async (ref: string, uri: vscode.Uri): Promise<RubricChoice | undefined> => {
    const text = await readTextFile(uri);
    const rubric = text.kind === 'text' ? parseRubric(stripBom(text.text)).rubric : undefined;
    return rubric && { ref, rubric };
  };
  const bundled = BUNDLED_RUBRICS.map((id) => read(id, vscode.Uri.joinPath(extensionUri, 'rubric', `${id}.yaml`)));
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${WORKSPACE_RUBRICS}/*.rubric.yaml`), null, 200);
  const inWorkspace = files
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((uri) => read(`${WORKSPACE_RUBRICS}/${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`, uri));
  return (await Promise.all([...bundled, ...inWorkspace])).filter((c): c is RubricChoice => c !== undefined);
}

/**
 * Switches the journal to `target`: the ids it lacks are mapped in one list (each with its
 * suggestion, or what an earlier switch recorded, set already), the plan is shown on one page,
 * and the switch is written in one change, with Undo. Going back over the last recorded switch
 * asks nothing: every id comes back as it was. Returns whether it switched.
 */
export async function switchJournalTo(services: Services, target: RubricChoice): Promise<boolean> {
  const snapshot = await services.store.snapshot();
  const journal: Journal = snapshot.journal ?? { version: 1, profile: {}, entries: [] };
  const from = snapshot.rubric;
  const plan = planRubricSwitch(journal, from, target.rubric, target.ref);
  const choice = { dimensions: initialMap(plan.dimensions), levels: initialMap(plan.levels) };
  const known = {
    dimension: target.rubric.groups.flatMap((g) => g.dimensions.map((d) => ({ id: d.id, name: d.name, group: g.name }))),
    level: target.rubric.levels.map((l) => ({ id: l.id, name: l.name })),
  };
  for (;;) {
    if (plan.dimensions.length + plan.levels.length > 0 && !(await editMap(services, target.rubric, plan, choice, known))) return false;
    const op = rubricSwitchOp(journal, plan, from, target, choice, localIsoDate(new Date()));
    const asks = plan.dimensions.length + plan.levels.length > 0;
    // A journal with no entries and nothing to map has nothing to move: the switch is written straight away, with Undo.
    if (asks || journal.entries.length > 0) {
      await services.prompts.showMarkdown(`Switch to ${target.rubric.name}`, planMarkdown(describeRubricSwitch(journal, plan, op, from, target.rubric), from?.name, target.rubric.name));
      const next = await services.prompts.pick(`Switch the journal to "${target.rubric.name}"?`, 'The plan is open: what moves where, what merges, what is kept.', [
        { label: 'Switch Rubric', description: 'one change to the journal, with Undo', value: 'switch' as const },
        ...(asks ? [{ label: 'Change the Mapping…', value: 'edit' as const }] : []),
        { label: 'Cancel', value: 'cancel' as const },
      ]);
      if (next === 'edit') continue;
      if (next !== 'switch') return false;
    }
    await services.store.switchRubric(op);
    const back = from && { ref: currentRubricRef(journal), rubric: from };
    const moved = switchMoves(journal, op).length;
    void services.prompts.info(`The journal now uses ${target.rubric.name}: ${moved} ${moved === 1 ? 'id' : 'ids'} moved. Every entry is kept${plan.back ? ', with the ids it had before' : ', and switching back gives every id back'}.`, ...(back ? ['Undo'] : [])).then(async (picked) => {
      if (picked === 'Undo' && back) await switchBack(services, back);
    }).catch((e: unknown) => void services.prompts.error(`Could not undo the switch: ${e instanceof Error ? e.message : String(e)} The journal uses ${target.rubric.name}; Switch Rubric… to ${back?.rubric.name ?? 'the rubric before'} goes back.`));
    return true;
  }
}

/** Undo of a switch: back over the switch just recorded, with no question. */
async function switchBack(services: Services, to: RubricChoice): Promise<void> {
  const snapshot = await services.store.snapshot();
  if (!snapshot.journal) return;
  const plan = planRubricSwitch(snapshot.journal, snapshot.rubric, to.rubric, to.ref);
  await services.store.switchRubric(rubricSwitchOp(snapshot.journal, plan, snapshot.rubric, to, { dimensions: {}, levels: {} }, localIsoDate(new Date())));
  void services.prompts.info(`The journal uses ${to.rubric.name} again, every entry with the ids it had.`);
}

/** What each id goes to before any is asked: what an earlier switch recorded, else the id of the same name. */
function initialMap(missing: readonly MissingId[]): Record<string, string> {
  return Object.fromEntries(missing.flatMap((m) => (m.recorded ?? m.suggestion) === undefined ? [] : [[m.id, (m.recorded ?? m.suggestion)!]]));
}

const uses = (n: number) => `${n} ${n === 1 ? 'use' : 'uses'}`;

type Known = Record<'dimension' | 'level', { id: string; name: string; group?: string }[]>;

/** Every id to map in one list; picking one changes where it goes, and the list comes back. False when cancelled. */
async function editMap(services: Services, to: Rubric, plan: RubricSwitchPlan, choice: Record<'dimensions' | 'levels', Record<string, string>>, known: Known): Promise<boolean> {
  for (;;) {
    const rows = [
      ...plan.dimensions.map((m) => ({ kind: 'dimension' as const, map: choice.dimensions, m })),
      ...plan.levels.map((m) => ({ kind: 'level' as const, map: choice.levels, m })),
    ];
    const target = (row: (typeof rows)[number]) => known[row.kind].find((k) => k.id === row.map[row.m.id]);
    // Review has no row: Escape (undefined) cancels, Review ({}) goes on.
    const picked = await services.prompts.pick<{ row?: (typeof rows)[number] }>(
      `Switch to "${to.name}": ${rows.length} ${rows.length === 1 ? 'id' : 'ids'} it lacks`,
      'Pick an id to change where it goes; then Review the Switch.',
      [
        { label: 'Review the Switch', description: 'see what moves where before anything is written', value: {} },
        ...rows.map((row) => {
          const goesTo = target(row);
          return {
            label: `${row.kind === 'level' ? 'Level' : 'Dimension'} ${row.m.name ?? row.m.id} → ${goesTo ? goesTo.name : 'kept as it is'}`,
            description: [row.m.id, uses(row.m.uses), row.m.recorded !== undefined && row.map[row.m.id] === row.m.recorded ? 'as an earlier switch recorded' : goesTo && goesTo.id === row.m.suggestion ? 'same name' : ''].filter(Boolean).join(' · '),
            value: { row },
          };
        }),
      ],
    );
    if (picked === undefined) return false;
    if (!picked.row) return true;
    const row = picked.row;
    const m = row.m;
    const suggested = known[row.kind].find((k) => k.id === (m.recorded ?? m.suggestion));
    const next = await services.prompts.pick<{ to?: string }>(
      `Map ${row.kind} "${m.name ?? m.id}" (${uses(m.uses)})`,
      `${to.name} has no ${row.kind} "${m.id}". Pick the one your entries mean, or keep it as it is.`,
      [
        ...(suggested ? [{ label: suggested.name, description: `${suggested.id} · ${m.recorded !== undefined ? 'as an earlier switch recorded' : 'same name'}`, value: { to: suggested.id } }] : []),
        { label: `Keep "${m.id}" as it is`, description: 'the entries keep it; it shows as a warning', value: {} },
        ...known[row.kind].filter((k) => k !== suggested).map((k) => ({ label: k.name, description: [k.id, k.group].filter(Boolean).join(' · '), value: { to: k.id } })),
      ],
    );
    if (next === undefined) continue;
    if (next.to === undefined) delete row.map[m.id];
    else row.map[m.id] = next.to;
  }
}

/** The plan as a page: a heading, then a line per move, every word from the journal or rubric escaped. */
function planMarkdown(lines: readonly string[], fromName: string | undefined, toName: string): string {
  return [`# Switch the journal to ${mdText(toName)}`, '', fromName ? `From ${mdText(fromName)}. Nothing is written until you pick Switch Rubric.` : 'Nothing is written until you pick Switch Rubric.', '', ...lines.map((l) => `- ${mdText(l)}`), ''].join('\n');
}
