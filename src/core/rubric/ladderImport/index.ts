/** Career ladders in the shapes companies publish them, read into the rubric format: text in, rubric and report out. */
import { parseRubric } from '../rubric';
import { type RubricDraft, rubricYaml } from '../rubricYaml';
import { stripBom } from '../../text/strings';
import { ftYamlLadder, looksLikeFtYaml } from './ftYamlLadder';
import { headingLadder, levelDepth } from './headingLadder';
import { type IdOptions, type ImportReport, type Ladder, LadderImportError, ladderToRubric } from './ladder';
import { markdownBlocks } from './markdownBlocks';
import { tableLadder } from './tableLadder';
import { MAX_LADDER_CHARS } from './limit';

export { LadderImportError } from './ladder';

export const LADDER_FORMATS = ['auto', 'table', 'headings', 'ft-yaml'] as const;
export type LadderFormat = (typeof LADDER_FORMATS)[number];
type LadderShape = Exclude<LadderFormat, 'auto'>;

export interface LadderImportOptions extends IdOptions {
  format?: LadderFormat;
  /** The file's name, for the header comment and as the title of a ladder that has none. */
  sourceName?: string;
}

export interface LadderImport {
  rubric: RubricDraft;
  /** The rubric as it is written to a file. */
  yaml: string;
  shape: LadderShape;
  report: ImportReport;
}

const SHAPE_NAMES: Record<LadderShape, string> = {
  table: 'a comparison table (a row per dimension, a column per level, or the transpose)',
  headings: 'a heading per level with a sub-heading per area',
  'ft-yaml': 'FT-style YAML (levels, themes, competencies)',
};

/** Reads a ladder. Throws LadderImportError when the text holds none, or what it holds is no valid rubric. */
export function importLadder(source: string, options: LadderImportOptions = {}): LadderImport {
  if (source.length > MAX_LADDER_CHARS) throw new LadderImportError(`The ladder is ${source.length.toLocaleString('en')} characters long; the importer reads up to ${MAX_LADDER_CHARS.toLocaleString('en')}.`);
  const text = stripBom(source);
  const report: ImportReport = { skipped: [], guessed: [] };
  const { shape, ladder } = readShape(text, options.format ?? 'auto', report);
  if (!ladder.name) {
    ladder.name = options.sourceName?.replace(/\.[^.]*$/, '') || 'Imported ladder';
    if (options.name === undefined) report.guessed.push(`The ladder has no title, so the rubric is named "${ladder.name}".`);
  }
  const rubric = ladderToRubric(ladder, options, report);
  const header = [
    `Imported${options.sourceName ? ` from ${options.sourceName}` : ''} by growth-journal rubric import.`,
    "Names and statements are the source's own words, one sentence per statement.",
  ];
  const yaml = rubricYaml(rubric, header);
  const errors = parseRubric(yaml).problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new LadderImportError(`The ladder read as ${SHAPE_NAMES[shape]}, but it makes no valid rubric: ${errors.map((e) => e.message).join(' ')}`);
  return { rubric, yaml, shape, report };
}

function readShape(text: string, format: LadderFormat, report: ImportReport): { shape: LadderShape; ladder: Ladder } {
  if (format === 'ft-yaml' || (format === 'auto' && looksLikeFtYaml(text))) return { shape: 'ft-yaml', ladder: ftYamlLadder(text, report) };
  const blocks = markdownBlocks(text);
  const shape: LadderShape = format !== 'auto' ? format : levelDepth(blocks) !== undefined ? 'headings' : 'table';
  const ladder = shape === 'headings' ? headingLadder(blocks, report) : tableLadder(blocks, report);
  if (ladder) return { shape, ladder };
  const looked = format === 'auto' ? Object.values(SHAPE_NAMES).join(', or ') : SHAPE_NAMES[shape];
  throw new LadderImportError(`Found no ladder. The importer reads ${looked}; a table needs a column of names and two or more level columns, a heading ladder two or more level headings ("L3: Senior Engineer") with areas under them.`);
}
