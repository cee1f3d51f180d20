/**
 * Heading ladders: a heading per level (`## L3: Senior Engineer`), a sub-heading per area under
 * it, and bullets or paragraphs under each area; or, with no areas, a list of expectations per
 * level. The levels are the run of sibling headings that read as levels; a heading above them
 * that holds some (`## Individual Contributor Track (Levels 1-3)`) groups them, and any other
 * section (an overview, a table of levels, the philosophy, the process) is reported, not read.
 */
import { kebabId } from './ids';
import { type ImportReport, type Ladder, type LadderDimension } from './ladder';
import { type Block } from './markdownBlocks';
import { blockLabel, blockStatements, ladderTitle, looksLikeLevel, readsAsLevel, sections } from './sections';

type Heading = Extract<Block, { kind: 'heading' }>;

/** For each heading (by its index in `blocks`), the index where its section ends: the next heading as high or higher. */
function sectionEnds(blocks: readonly Block[]): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    while (open.length && (blocks[open[open.length - 1]] as Heading).depth >= b.depth) ends.set(open.pop()!, i);
    open.push(i);
  });
  for (const i of open) ends.set(i, blocks.length);
  return ends;
}

/**
 * The heading depth that holds the levels: the one with most headings that read as levels and
 * have something under them other than tables (a table under level-named headings is a table
 * ladder's). Two at least.
 */
export function levelDepth(blocks: readonly Block[]): number | undefined {
  // A table with a column per level makes a table ladder: its sections named after levels list qualities.
  if (blocks.some((b) => b.kind === 'table' && b.header.slice(1).filter((c) => looksLikeLevel(c.text)).length >= 2)) return undefined;
  const ends = sectionEnds(blocks);
  const counts = new Map<number, number>();
  for (const [start, end] of ends) {
    const heading = blocks[start] as Heading;
    if (!readsAsLevel(heading.text)) continue;
    let read = false;
    for (let i = start + 1; i < end && !read; i++) read = blocks[i].kind === 'list' || blocks[i].kind === 'paragraph' || blocks[i].kind === 'heading';
    if (read) counts.set(heading.depth, (counts.get(heading.depth) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 1;
  for (const [depth, count] of [...counts].sort(([a], [b]) => a - b)) if (count > bestCount) [best, bestCount] = [depth, count];
  return best;
}

/** A short paragraph ending in a colon just before a list (`**Key expectations:**`) names the list; it is no statement. */
function isLeadIn(block: Block, next: Block | undefined): block is Extract<Block, { kind: 'paragraph' }> {
  return block.kind === 'paragraph' && next?.kind === 'list' && /:\s*$/.test(block.content.text) && block.content.text.length <= 80;
}

interface Level {
  name: string;
  line: number;
  /** Statements written straight under the level, for a ladder whose levels have no areas. */
  own: string[];
  leadIns: string[];
  hasAreas: boolean;
}

export function headingLadder(blocks: readonly Block[], report: ImportReport): Ladder | undefined {
  const depth = levelDepth(blocks);
  if (depth === undefined) return undefined;
  const title = ladderTitle(blocks);
  const levels: Level[] = [];
  const areas = new Map<string, { name: string; byLevel: Map<number, string[]> }>();
  // Which headings above the levels hold some: those group levels, and are no level themselves.
  const groups = new Set<Heading>();
  const above: Heading[] = [];
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    while (above.length && above[above.length - 1].depth >= block.depth) above.pop();
    if (block.depth === depth && readsAsLevel(block.text)) for (const h of above) groups.add(h);
    if (block.depth < depth) above.push(block);
  }

  let level: Level | undefined;
  let area: { name: string; byLevel: Map<number, string[]> } | undefined;
  for (const section of sections(blocks)) {
    const heading = section.heading;
    if (heading && heading.depth <= depth) {
      area = undefined;
      level = undefined;
      if (heading.depth === depth && readsAsLevel(heading.text)) {
        levels.push((level = { name: heading.text, line: heading.line, own: [], leadIns: [], hasAreas: false }));
      } else if (groups.has(heading)) {
        if (heading.text !== title) report.guessed.push(`"${heading.text}" (line ${heading.line}) groups levels, so it was read as a grouping, not a level.`);
        if (section.blocks.length > 0) report.skipped.push(`Left out the text under "${heading.text}" (line ${heading.line}): it introduces levels and is no level itself.`);
        continue;
      } else if (heading.text !== title || section.blocks.length > 0) {
        report.skipped.push(`Left out the section "${heading.text}" (line ${heading.line}): it is not a level.`);
        continue;
      }
    } else if (heading && level) {
      const key = kebabId(heading.text);
      area = areas.get(key);
      if (!area) areas.set(key, (area = { name: heading.text, byLevel: new Map() }));
      level.hasAreas = true;
    } else if (heading) continue; // Under a skipped section: reported with it.
    if (!level) {
      if (!heading && section.blocks.length > 0) report.skipped.push('Left out the text before the first heading.');
      continue;
    }
    const read = section.blocks.filter((block, i) => {
      if (block.kind !== 'paragraph' && block.kind !== 'list') {
        report.skipped.push(`Left out ${blockLabel(block)} at line ${block.line}, under "${heading?.text ?? ''}": only bullets and paragraphs are read.`);
        return false;
      }
      if (!isLeadIn(block, section.blocks[i + 1])) return true;
      level!.leadIns.push(block.content.text.replace(/:\s*$/, ''));
      return false;
    });
    const statements = blockStatements(read);
    const index = levels.length - 1;
    if (area) area.byLevel.set(index, [...(area.byLevel.get(index) ?? []), ...statements]);
    else level.own.push(...statements);
  }

  // Text straight under a level is its statements when it has no areas; next to areas, it is an introduction.
  for (const l of levels) {
    if (l.hasAreas && l.own.length > 0) report.skipped.push(`Left out the text under "${l.name}" before its first area: a statement belongs to an area.`);
  }
  const own = levels.map((l) => (l.hasAreas ? [] : l.own));
  const dimensions: LadderDimension[] = [];
  if (own.some((s) => s.length > 0)) {
    const leadIns = [...new Set(levels.flatMap((l) => l.leadIns))];
    const name = leadIns.length === 1 ? leadIns[0] : 'Expectations';
    const which = levels.some((l) => l.hasAreas) ? levels.filter((_, i) => own[i].length > 0).map((l) => `"${l.name}"`) : [];
    report.guessed.push(`${which.length === 0 ? 'The levels have' : `${which.join(', ')} ${which.length === 1 ? 'has' : 'have'}`} no areas of their own, so ${which.length === 1 ? 'its' : 'their'} statements are one dimension, "${name}".`);
    dimensions.push({ name, statements: own });
  }
  dimensions.push(...[...areas.values()].map((a) => ({ name: a.name, statements: levels.map((_, i) => a.byLevel.get(i) ?? []) })));
  levels.forEach((l, i) => {
    if (dimensions.every((d) => d.statements[i].length === 0)) report.skipped.push(`Level "${l.name}" (line ${l.line}) states nothing: it is kept as a level, with nothing expected at it.`);
  });

  const order = levels.map((_, i) => i);
  if (descending(levels.map((l) => l.name))) {
    order.reverse();
    report.guessed.push(`The levels are numbered from the highest down (${levels[0].name} first), so they were turned round, lowest first.`);
  }
  return {
    name: title ?? '',
    levels: order.map((i) => ({ name: levels[i].name })),
    groups: [{ name: title ?? 'Areas', nameGuessed: title ? "after the ladder's title" : 'as the ladder has no title', dimensions: dimensions.map((d) => ({ ...d, statements: order.map((i) => d.statements[i]) })) }],
  };
}

/** Whether every level name carries a number and they go down. */
function descending(names: readonly string[]): boolean {
  const numbers = names.map((n) => /\d+/.exec(n)?.[0]);
  if (numbers.some((n) => n === undefined) || numbers.length < 2) return false;
  return numbers.every((n, i) => i === 0 || Number(n) < Number(numbers[i - 1]));
}
