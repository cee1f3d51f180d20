/** An imported ladder as an outline a person checks before it is saved: counts first, every statement reachable. */
import { type LadderImport } from '.';

export type OutlineKind = 'rubric' | 'levels' | 'level' | 'group' | 'dimension' | 'statement' | 'skipped' | 'guessed' | 'note';

export interface OutlineNode {
  kind: OutlineKind;
  label: string;
  description?: string;
  tooltip?: string;
  children?: OutlineNode[];
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function importOutline(result: LadderImport, savedAs: string): OutlineNode[] {
  const { rubric, report } = result;
  const dimensions = rubric.groups.flatMap((g) => g.dimensions);
  const statementsOf = (d: (typeof dimensions)[number]) => Object.values(d.expectations).reduce((n, s) => n + s.length, 0);
  const total = dimensions.reduce((n, d) => n + statementsOf(d), 0);
  const nodes: OutlineNode[] = [
    {
      kind: 'rubric',
      label: rubric.name,
      description: `${count(rubric.levels.length, 'level')} · ${count(dimensions.length, 'dimension')} · ${count(total, 'statement')}`,
      tooltip: `Read as ${result.shape}; saved as ${savedAs} (id "${rubric.id}")`,
    },
    {
      kind: 'levels',
      label: 'Levels, lowest first',
      description: rubric.levels.map((l) => l.name).join(' · '),
      children: rubric.levels.map((l) => ({ kind: 'level', label: l.name, description: l.id })),
    },
    ...rubric.groups.map((group): OutlineNode => ({
      kind: 'group',
      label: group.name,
      description: count(group.dimensions.length, 'dimension'),
      ...(group.description ? { tooltip: group.description } : {}),
      children: group.dimensions.map((d): OutlineNode => ({
        kind: 'dimension',
        label: d.name,
        description: `${count(statementsOf(d), 'statement')} · ${rubric.levels.filter((l) => d.expectations[l.id]).map((l) => l.name).join(', ')}`,
        ...(d.description ? { tooltip: d.description } : {}),
        children: rubric.levels.filter((l) => d.expectations[l.id]).map((l): OutlineNode => ({
          kind: 'level',
          label: l.name,
          description: count(d.expectations[l.id].length, 'statement'),
          children: d.expectations[l.id].map((s) => ({ kind: 'statement', label: s, tooltip: s })),
        })),
      })),
    })),
  ];
  const listed = (kind: 'skipped' | 'guessed', title: string, items: readonly string[]): OutlineNode => ({
    kind,
    label: title,
    description: items.length ? String(items.length) : 'nothing',
    children: items.map((text) => ({ kind: 'note', label: text, tooltip: text })),
  });
  nodes.push(listed('skipped', 'Skipped', report.skipped), listed('guessed', 'Guessed', report.guessed));
  return nodes;
}
