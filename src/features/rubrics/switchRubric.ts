/**
 * Switch Rubric…: points the journal at a bundled or workspace rubric. Every entry is kept; the
 * ids it uses that the new rubric lacks are shown one by one with a suggestion from matching
 * names, and the whole map is written in one change through the journal's write path.
 */
import * as vscode from 'vscode';
import { type Journal, type MissingId, planRubricSwitch } from '../../core/journal';
import { type Rubric, parseRubric, levelName } from '../../core/rubric/rubric';
import { BUNDLED_RUBRICS } from '../../core/rubric/rubricRef';
import { stripBom } from '../../core/text/strings';
import { readTextFile } from '../../host/workspace/files';
import { type Choice } from '../../host/ui/prompts';
import { type Services } from '../../host/services';

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
 * Asks how to map each id the journal uses that `target` lacks, then writes the switch in one
 * change. With `confirm`, a last modal shows the whole change first. Returns whether it switched.
 */
export async function switchJournalTo(services: Services, target: RubricChoice, options: { confirm: boolean }): Promise<boolean> {
  const snapshot = await services.store.snapshot();
  const journal: Journal = snapshot.journal ?? { version: 1, profile: {}, entries: [] };
  const plan = planRubricSwitch(journal, snapshot.rubric, target.rubric);
  const dimensions = await mapIds(services, plan.dimensions, 'dimension', target.rubric.groups.flatMap((g) => g.dimensions.map((d) => ({ id: d.id, name: d.name, group: g.name }))));
  if (!dimensions) return false;
  const levels = await mapIds(services, plan.levels, 'level', target.rubric.levels.map((l) => ({ id: l.id, name: l.name })));
  if (!levels) return false;

  const kept = [...plan.dimensions.filter((m) => !Object.hasOwn(dimensions, m.id)), ...plan.levels.filter((m) => !Object.hasOwn(levels, m.id))];
  const lines = [
    `Every entry (${journal.entries.length}) is kept.`,
    ...Object.entries(dimensions).map(([from, to]) => `Dimension ${from} → ${to}`),
    ...Object.entries(levels).map(([from, to]) => `Level ${from} → ${to} (${levelName(target.rubric, to)})`),
    ...kept.map((m) => `Kept as it is, not in ${target.rubric.name}: ${m.id} (${uses(m.uses)})`),
    ...plan.statements.map((s) => `Statement reference kept as it is, not in ${target.rubric.name}: ${s.id} (${uses(s.uses)})`),
  ];
  if (options.confirm && !(await services.prompts.confirm(`Switch the journal to "${target.rubric.name}"?`, lines.join('\n'), 'Switch Rubric'))) return false;
  await services.store.switchRubric({ rubric: target.ref, dimensions, levels });
  const mapped = Object.keys(dimensions).length + Object.keys(levels).length;
  void services.prompts.info(`The journal now uses ${target.rubric.name}: ${mapped} ${mapped === 1 ? 'id' : 'ids'} mapped${kept.length ? `, ${kept.length} kept as they were (the Problems panel lists them)` : ''}. Every entry is kept.`);
  return true;
}

const uses = (n: number) => `${n} ${n === 1 ? 'use' : 'uses'}`;

/** One pick per missing id, the suggestion first; undefined when the user cancels. */
async function mapIds(services: Services, missing: readonly MissingId[], kind: 'dimension' | 'level', known: readonly { id: string; name: string; group?: string }[]): Promise<Record<string, string> | undefined> {
  const map: Record<string, string> = {};
  for (const [i, m] of missing.entries()) {
    const suggested = known.find((k) => k.id === m.suggestion);
    // `to` undefined keeps the id as it is.
    const choices: Choice<{ to?: string }>[] = [
      ...(suggested ? [{ label: suggested.name, description: `${suggested.id} · same name`, value: { to: suggested.id } }] : []),
      { label: `Keep "${m.id}" as it is`, description: 'the entries keep it; it shows as a warning', value: {} },
      ...known.filter((k) => k !== suggested).map((k) => ({ label: k.name, description: [k.id, k.group].filter(Boolean).join(' · '), value: { to: k.id } })),
    ];
    const picked = await services.prompts.pick(
      `Map ${kind} "${m.name ?? m.id}" (${uses(m.uses)}) — ${i + 1} of ${missing.length}`,
      `The new rubric has no ${kind} "${m.id}". Pick the one your entries mean, or keep it as it is.`,
      choices,
    );
    if (picked === undefined) return undefined;
    if (picked.to !== undefined) map[m.id] = picked.to;
  }
  return map;
}
