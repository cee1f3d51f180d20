/**
 * FT-style YAML (the Financial Times' engineering progression, `data/job-families/*.yml`):
 * `levels` in order, `themes` (one dimension each, the summary its description) and
 * `competencies` (a level, a theme, and a summary whose sentences are the statements).
 */
import { isMap, isSeq } from 'yaml';
import { parseYamlDocument } from '../../yaml/source';
import { LineIndex } from '../../text/problem';
import { type ImportReport, type Ladder, type LadderDimension, LadderImportError } from './ladder';
import { markdownBlocks } from './markdownBlocks';
import { blockStatements } from './sections';

type Fields = Record<string, unknown>;

/** Whether YAML text has the FT shape, without reporting why not. */
export function looksLikeFtYaml(text: string): boolean {
  try {
    const root = readRoot(text);
    return Array.isArray(root.levels) && (Array.isArray(root.themes) || Array.isArray(root.competencies));
  } catch {
    return false;
  }
}

function readRoot(text: string): Fields {
  // Aliases are refused so a small file cannot expand into a huge one.
  const doc = parseYamlDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new LadderImportError(`The YAML does not parse at line ${new LineIndex(text).position(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents) && !isSeq(doc.contents)) throw new LadderImportError('The YAML holds no mapping: an FT-style ladder has "levels", "themes" and "competencies".');
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 0 });
  } catch {
    throw new LadderImportError('The YAML uses aliases (*name), which the importer does not expand; write the values out.');
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new LadderImportError('The YAML is a list, not a mapping: an FT-style ladder has "levels", "themes" and "competencies".');
  return root as Fields;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const records = (v: unknown): Fields[] => (Array.isArray(v) ? v.filter((x): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);

/** Markdown-ish summary text (wrapped lines, numbered items, paragraphs) as one line per paragraph. */
function summaryText(summary: string): string {
  return markdownBlocks(summary).map((b) => (b.kind === 'paragraph' ? b.content.text : b.kind === 'list' ? b.items.map((i) => i.text).join(' ') : '')).filter((t) => t !== '').join(' ');
}

export function ftYamlLadder(source: string, report: ImportReport): Ladder {
  const root = readRoot(source);
  if (!Array.isArray(root.levels)) throw new LadderImportError('An FT-style ladder needs "levels": a list of { id, name }, lowest first.');
  const levels = records(root.levels).flatMap((l) => {
    const name = text(l.name) ?? text(l.id);
    return name === undefined ? [] : [{ name, ...(text(l.id) ? { sourceId: text(l.id) } : {}) }];
  });
  const levelAt = new Map(levels.map((l, i) => [l.sourceId ?? l.name, i]));

  const dimensions: LadderDimension[] = [];
  const themeAt = new Map<string, number>();
  for (const theme of records(root.themes)) {
    const id = text(theme.id);
    const name = text(theme.name) ?? id;
    if (name === undefined) {
      report.skipped.push('Left out a theme with neither a name nor an id.');
      continue;
    }
    const summary = text(theme.summary);
    themeAt.set(id ?? name, dimensions.length);
    dimensions.push({ name, ...(summary ? { description: summaryText(summary) } : {}), statements: levels.map(() => []), ...(id ? { sourceId: id } : {}) });
  }

  const leftOutFields = new Map<string, number>();
  for (const competency of records(root.competencies)) {
    const level = levelAt.get(text(competency.level) ?? '');
    const theme = themeAt.get(text(competency.theme) ?? '');
    const summary = text(competency.summary);
    const label = text(competency.id) ?? summary?.slice(0, 40) ?? '?';
    if (level === undefined || theme === undefined || summary === undefined) {
      const why = level === undefined ? `its level "${text(competency.level) ?? ''}" is not one of "levels"`
        : theme === undefined ? `its theme "${text(competency.theme) ?? ''}" is not one of "themes"` : 'it has no "summary"';
      report.skipped.push(`Left out competency "${label}": ${why}.`);
      continue;
    }
    dimensions[theme].statements[level].push(...blockStatements(markdownBlocks(summary)));
    for (const key of Object.keys(competency)) {
      if (!['id', 'level', 'theme', 'summary'].includes(key)) leftOutFields.set(key, (leftOutFields.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of leftOutFields) report.skipped.push(`Left out "${key}" of ${count} competencies: the rubric format has no place for it.`);
  for (const key of Object.keys(root)) {
    if (!['name', 'levels', 'themes', 'competencies'].includes(key)) report.skipped.push(`Left out "${key}": the rubric format has no place for it.`);
  }

  const name = text(root.name) ?? '';
  return { name, levels, groups: [{ name: name || 'Competencies', nameGuessed: name ? "after the ladder's name" : 'as the ladder has no name', dimensions }] };
}
