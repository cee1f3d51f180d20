/**
 * Comparison tables: a row per dimension and a column per level (or the transpose), and after
 * them, sections that list qualities as `**Name**: description` bullets.
 */
import { kebabId } from './ids';
import { type ImportReport, type Ladder, type LadderDimension, type LadderGroup } from './ladder';
import { type Block, type InlineText } from './markdownBlocks';
import { blockLabel, ladderTitle, levelNamedIn, looksLikeLevel, sections, statementsOf } from './sections';

type Table = Extract<Block, { kind: 'table' }>;

const DIMENSION_CORNER = /^(?:dimensions?|competenc(?:y|ies)|areas?|skills?|themes?|qualit(?:y|ies)|attributes?|categor(?:y|ies)|capabilit(?:y|ies)|pillars?|axis|axes|traits?|expectations?)$/i;
const LEVEL_CORNER = /^(?:levels?|roles?|titles?|grades?|bands?|positions?|career levels?)$/i;
const DESCRIPTION = /^(?:descriptions?|summary|definition|about|overview|what it means)$/i;

/** A table turned so that rows are dimensions and columns levels, or why it is no ladder. */
interface Grid {
  corner: string;
  levels: InlineText[];
  rows: { name: InlineText; cells: InlineText[]; description?: string }[];
  transposed: boolean;
  guessed: boolean;
}

/** Reads a table as a ladder, in whichever orientation its names say; undefined when it has no level axis. */
function tableGrid(table: Table): Grid | undefined {
  const width = table.header.length;
  if (width < 3 || table.rows.length === 0) return undefined;
  const corner = table.header[0].text;
  const headerLevels = table.header.slice(1).filter((c) => looksLikeLevel(c.text)).length;
  const columnLevels = table.rows.filter((r) => looksLikeLevel(r[0]?.text ?? '')).length;
  const transposed = LEVEL_CORNER.test(corner) || (!DIMENSION_CORNER.test(corner) && columnLevels > headerLevels);
  const guessed = !DIMENSION_CORNER.test(corner) && !LEVEL_CORNER.test(corner) && headerLevels === 0 && columnLevels === 0;
  const cell = (row: readonly InlineText[], i: number): InlineText => row[i] ?? { text: '', pieces: [] };
  // Columns (or rows, transposed) named like "Description" describe each dimension rather than a level.
  const matrix = transposed
    ? Array.from({ length: width }, (_, c) => [cell(table.header, c), ...table.rows.map((r) => cell(r, c))])
    : [table.header, ...table.rows].map((r) => Array.from({ length: width }, (_, c) => cell(r, c)));
  const header = matrix[0];
  const descriptionAt = header.findIndex((c, i) => i > 0 && DESCRIPTION.test(c.text));
  const levelAt = header.map((_, i) => i).filter((i) => i > 0 && i !== descriptionAt);
  if (levelAt.length < 2) return undefined;
  return {
    corner,
    levels: levelAt.map((i) => header[i]),
    rows: matrix.slice(1).filter((r) => r[0].text !== '').map((r) => ({
      name: r[0],
      cells: levelAt.map((i) => r[i]),
      ...(descriptionAt > 0 && r[descriptionAt].text ? { description: r[descriptionAt].text } : {}),
    })),
    transposed,
    guessed,
  };
}

export function tableLadder(blocks: readonly Block[], report: ImportReport): Ladder | undefined {
  const levels: { name: string }[] = [];
  const groups: LadderGroup[] = [];
  const title = ladderTitle(blocks);
  for (const section of sections(blocks)) {
    const where = section.heading ? `"${section.heading.text}" (line ${section.heading.line})` : 'the text before the first heading';
    const tables = section.blocks.filter((b): b is Table => b.kind === 'table');
    const grids = tables.map((t) => ({ table: t, grid: tableGrid(t) }));
    if (grids.some((g) => g.grid)) {
      const intro: string[] = [];
      let seenTable = false;
      for (const block of section.blocks) {
        if (block.kind === 'table') {
          seenTable = true;
          const grid = grids.find((g) => g.table === block)?.grid;
          if (!grid) report.skipped.push(`The table at line ${block.line} has no column per level, so it is left out.`);
          else {
            const group = gridGroup(grid, block.line, section.heading?.text ?? title, intro.join(' '), levels, report);
            if (group) groups.push(group);
          }
        } else if (block.kind === 'paragraph' && !seenTable) intro.push(block.content.text);
        else report.skipped.push(`Left out ${blockLabel(block)} at line ${block.line}, under ${where}: only tables and lists of qualities become the rubric.`);
      }
      continue;
    }
    const qualities = levels.length > 0 ? qualityGroup(section, levels, report) : undefined;
    if (qualities) groups.push(qualities);
    else if (section.blocks.length > 0) report.skipped.push(`Left out the text under ${where}: it is neither a ladder table nor a list of qualities.`);
  }
  if (levels.length === 0) return undefined;
  return { name: title ?? '', levels, groups };
}

function gridGroup(grid: Grid, line: number, heading: string | undefined, description: string, levels: { name: string }[], report: ImportReport): LadderGroup | undefined {
  if (levels.length === 0) levels.push(...grid.levels.map((l) => ({ name: l.text })));
  const position = grid.levels.map((l) => levels.findIndex((known) => kebabId(known.name) === kebabId(l.text)));
  if (position.some((p) => p < 0)) {
    report.skipped.push(`The table at line ${line} has levels (${grid.levels.map((l) => l.text).join(', ')}) other than the first table's (${levels.map((l) => l.name).join(', ')}), so it is left out.`);
    return undefined;
  }
  if (grid.transposed) report.guessed.push(`The table at line ${line} has a row per level and a column per dimension, so it was read that way.`);
  else if (grid.guessed) report.guessed.push(`The table at line ${line} names no levels the importer knows; its columns (${grid.levels.map((l) => l.text).join(', ')}) were taken as levels, lowest first.`);
  const dimensions = grid.rows.map((row): LadderDimension => {
    const statements: string[][] = levels.map(() => []);
    row.cells.forEach((cell, i) => (statements[position[i]] = statementsOf(cell.pieces)));
    return { name: row.name.text, ...(row.description ? { description: row.description } : {}), statements };
  });
  return { name: heading ?? 'Competencies', nameGuessed: heading ? 'after the heading above its table' : 'as the ladder has no headings', ...(description ? { description } : {}), dimensions };
}

/** A section of `**Name**: description` bullets: a group whose statements are at the level it names. */
function qualityGroup(section: ReturnType<typeof sections>[number], levels: readonly { name: string }[], report: ImportReport): LadderGroup | undefined {
  const list = section.blocks.find((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
  if (!section.heading || !list || list.items.filter((i) => i.lead).length * 2 <= list.items.length) return undefined;
  const name = section.heading.text;
  const intro = section.blocks.filter((b) => b.kind === 'paragraph' && b.line < list.line).map((b) => (b.kind === 'paragraph' ? b.content.text : ''));
  const description = intro.join(' ');
  let level = levelNamedIn(name, levels) ?? levelNamedIn(description, levels);
  if (level === undefined) {
    level = levels.length - 1;
    report.guessed.push(`"${name}" names no level, so its qualities are expectations of the highest level, ${levels[level].name}.`);
  }
  for (const block of section.blocks) {
    if (block !== list && !(block.kind === 'paragraph' && block.line < list.line)) report.skipped.push(`Left out ${blockLabel(block)} at line ${block.line}, under "${name}": only its list of qualities is read.`);
  }
  const dimensions: LadderDimension[] = [];
  for (const item of list.items) {
    if (!item.lead) {
      report.skipped.push(`Left out "${item.text}" under "${name}": a quality starts with its name in bold.`);
      continue;
    }
    const statements: string[][] = levels.map(() => []);
    statements[level] = statementsOf(item.rest ?? []);
    dimensions.push({ name: item.lead, statements });
  }
  return { name, ...(description ? { description } : {}), dimensions };
}
