/** Writes a rubric in the rubric format (README, "Rubric format"), the way the bundled one is laid out. */
import { type Level } from './rubric';
import { yamlFlowScalar, yamlQuoted, yamlScalar } from '../yaml/scalars';

export interface DraftDimension {
  id: string;
  name: string;
  description?: string;
  expectations: Readonly<Record<string, readonly string[]>>;
}

export interface DraftGroup {
  id: string;
  name: string;
  description?: string;
  dimensions: readonly DraftDimension[];
}

/** A rubric before it is written: what `parseRubric` reads back, less its fingerprint. */
export interface RubricDraft {
  id: string;
  name: string;
  levels: readonly Level[];
  groups: readonly DraftGroup[];
}

/** The rubric as YAML text; `comments` become the header, one `#` line each. */
export function rubricYaml(rubric: RubricDraft, comments: readonly string[] = []): string {
  const out = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`);
  out.push(`id: ${yamlScalar(rubric.id)}`, `name: ${yamlScalar(rubric.name)}`, 'version: 1', 'levels:');
  for (const level of rubric.levels) out.push(`  - { id: ${yamlFlowScalar(level.id)}, name: ${yamlFlowScalar(level.name)} }`);
  out.push('groups:');
  for (const group of rubric.groups) {
    out.push(`  - id: ${yamlScalar(group.id)}`, `    name: ${yamlScalar(group.name)}`);
    if (group.description !== undefined) out.push(`    description: ${yamlQuoted(group.description)}`);
    out.push('    dimensions:');
    for (const dimension of group.dimensions) {
      out.push(`      - id: ${yamlScalar(dimension.id)}`, `        name: ${yamlQuoted(dimension.name)}`);
      if (dimension.description !== undefined) out.push(`        description: ${yamlQuoted(dimension.description)}`);
      out.push('        expectations:');
      for (const level of rubric.levels) {
        const statements = dimension.expectations[level.id];
        if (!statements?.length) continue;
        out.push(`          ${yamlScalar(level.id)}:`, ...statements.map((s) => `            - ${yamlQuoted(s)}`));
      }
    }
  }
  return `${out.join('\n')}\n`;
}
