/**
 * Heading ladders: a heading per level (`## L3: Senior Engineer`), a sub-heading per area under
 * it, and bullets or paragraphs under each area. Sections that are no level are reported, not read.
 */
import { kebabId } from './ids';
import { type ImportReport, type Ladder, type LadderDimension } from './ladder';
import { type Block } from './markdownBlocks';
import { blockLabel, blockStatements, ladderTitle, looksLikeLevel, sections } from './sections';

/** The heading depth that holds the levels: the one with most level-like headings that have areas under them. */
export function levelDepth(blocks: readonly Block[]): number | undefined {
  let best: number | undefined;
  let bestCount = 1;
  for (let depth = 1; depth <= 6; depth++) {
    let count = 0;
    blocks.forEach((b, i) => {
      if (b.kind !== 'heading' || b.depth !== depth || !looksLikeLevel(b.text)) return;
      const next = blocks.slice(i + 1).find((n) => n.kind === 'heading');
      if (next?.kind === 'heading' && next.depth > depth) count++;
    });
    if (count > bestCount) [best, bestCount] = [depth, count];
  }
  return best;
}

export function headingLadder(blocks: readonly Block[], report: ImportReport): Ladder | undefined {
  const depth = levelDepth(blocks);
  if (depth === undefined) return undefined;
  const title = ladderTitle(blocks);
  const levels: { name: string }[] = [];
  const areas: { name: string; byLevel: Map<number, string[]> }[] = [];
  let level: number | undefined;
  let area: (typeof areas)[number] | undefined;
  for (const section of sections(blocks)) {
    const heading = section.heading;
    if (heading && heading.depth <= depth) {
      area = undefined;
      level = undefined;
      if (heading.depth === depth && looksLikeLevel(heading.text)) {
        level = levels.push({ name: heading.text }) - 1;
      } else if (heading.text !== title || section.blocks.length > 0) {
        report.skipped.push(`Left out the section "${heading.text}" (line ${heading.line}): it is not a level.`);
        continue;
      }
    } else if (heading && level !== undefined) {
      const key = kebabId(heading.text);
      area = areas.find((a) => kebabId(a.name) === key);
      if (!area) areas.push((area = { name: heading.text, byLevel: new Map() }));
    } else if (heading) continue; // Under a skipped section: reported with it.
    if (level === undefined) {
      if (!heading && section.blocks.length > 0) report.skipped.push('Left out the text before the first heading.');
      continue;
    }
    const statements = blockStatements(section.blocks);
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'list') report.skipped.push(`Left out ${blockLabel(block)} at line ${block.line}, under "${heading?.text ?? ''}": only bullets and paragraphs are read.`);
    }
    if (!area) {
      if (statements.length > 0) report.skipped.push(`Left out the text under "${levels[level].name}" before its first area: a statement belongs to an area.`);
      continue;
    }
    area.byLevel.set(level, [...(area.byLevel.get(level) ?? []), ...statements]);
  }
  const order = levels.map((_, i) => i);
  if (descending(levels.map((l) => l.name))) {
    order.reverse();
    report.guessed.push(`The levels are numbered from the highest down (${levels[0].name} first), so they were turned round, lowest first.`);
  }
  const dimensions: LadderDimension[] = areas.map((a) => ({ name: a.name, statements: order.map((i) => a.byLevel.get(i) ?? []) }));
  return {
    name: title ?? '',
    levels: order.map((i) => levels[i]),
    groups: [{ name: title ?? 'Areas', nameGuessed: title ? "after the ladder's title" : 'as the ladder has no title', dimensions }],
  };
}

/** Whether every level name carries a number and they go down. */
function descending(names: readonly string[]): boolean {
  const numbers = names.map((n) => /\d+/.exec(n)?.[0]);
  if (numbers.some((n) => n === undefined) || numbers.length < 2) return false;
  return numbers.every((n, i) => i === 0 || Number(n) < Number(numbers[i - 1]));
}
