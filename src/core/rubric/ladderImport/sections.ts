/** What the Markdown shapes share: sections under headings, level-like names, and cell text to statements. */
import { type Block, type InlineText } from './markdownBlocks';
import { splitSentences } from './sentences';

export interface Section {
  heading?: Extract<Block, { kind: 'heading' }>;
  blocks: Block[];
}

/** The text split at every heading; the text before the first heading is a section without one. */
export function sections(blocks: readonly Block[]): Section[] {
  const out: Section[] = [{ blocks: [] }];
  for (const block of blocks) {
    if (block.kind === 'heading') out.push({ heading: block, blocks: [] });
    else out[out.length - 1].blocks.push(block);
  }
  return out.filter((s) => s.heading || s.blocks.length > 0);
}

/** The ladder's title: its first top-level heading, else its first heading. */
export function ladderTitle(blocks: readonly Block[]): string | undefined {
  const headings = blocks.filter((b) => b.kind === 'heading');
  return (headings.find((h) => h.depth === 1) ?? headings[0])?.text;
}

const LEVEL_WORD = /\b(?:levels?|grades?|bands?|tiers?|[LEPMT]\d+|IC\d*|junior|associate|intern|graduate|apprentice|entry|mid|intermediate|senior|staff|principal|distinguished|fellow|lead|head|director|manager|architect|novice|beginner|advanced|expert)\b/i;
const NUMBERED_ROLE = /\b(?:engineer|developer|analyst|scientist|designer)\s+(?:I{1,3}|IV|V|VI|\d+)\b/i;

/** Whether a name reads like a level of a ladder (`Senior`, `L3: Staff Engineer`, `Engineer II`). */
export function looksLikeLevel(name: string): boolean {
  return LEVEL_WORD.test(name) || NUMBERED_ROLE.test(name);
}

/** A heading that names one level by number: `L3: Staff`, `IC4`, `Level 2: Engineer`, `Grade 5`, `E6 - Senior`. */
const NUMBERED_LEVEL = /^(?:(?:level|grade|band|tier|step|stage)\s*\d+|[LEPMT]\d+|IC\s?\d+|(?:SE|SWE)\s?\d+)(?![\d\s]*[-\u2013\u2014]\s*[LEPMT]?\d)\b/i;
/** Words of a section about the levels rather than one of them: an overview, a table of levels, the philosophy or the process, a track that groups levels. */
const ABOUT_LEVELS = /\b(?:levels|grades|bands|tiers|overview|summary|introduction|intro|about|philosophy|principles|values|process|promotions?|how|guide|faq|glossary|appendix|table|matrix|framework|tracks?|paths?|ladder|definitions?|notes?|contents|comparison)\b/i;

/**
 * Whether a heading reads as one level of a heading ladder: numbered (`L3:`, `IC4`, `Level 2`),
 * or named with a level word (`Senior Engineer`) and not about the levels (`Levels Overview`,
 * `Promotion Process`, `Individual Contributor Track (Levels 1-3)`).
 */
export function readsAsLevel(heading: string): boolean {
  const text = heading.trim();
  if (NUMBERED_LEVEL.test(text)) return true;
  return !ABOUT_LEVELS.test(text) && looksLikeLevel(text);
}

/** The level a text names (`Additional Senior Qualities` -> Senior): the longest name found, or a part of a `A/B` name. */
export function levelNamedIn(text: string, levels: readonly { name: string }[]): number | undefined {
  let best: number | undefined;
  let bestLength = 0;
  levels.forEach((level, i) => {
    for (const name of [level.name, ...level.name.split('/')].map((n) => n.trim()).filter((n) => n !== '')) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (name.length >= bestLength && new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'iu').test(text)) {
        best = i;
        bestLength = name.length;
      }
    }
  });
  return best;
}

const BULLET = /^[-*\u2022\u00b7]\s+/;

/** Statements of a piece of ladder text: each line (between `<br>`s) split into sentences, list markers dropped. */
export function statementsOf(pieces: readonly string[]): string[] {
  return pieces.flatMap((piece) => splitSentences(piece.replace(BULLET, '')));
}

/** Statements of the blocks under an area: list items and paragraphs, in order. */
export function blockStatements(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? statementsOf(b.content.pieces) : b.kind === 'list' ? b.items.flatMap((item: InlineText) => statementsOf(item.pieces)) : []));
}

/** How a skipped block is named in the report. */
export function blockLabel(block: Block): string {
  return block.kind === 'other' ? `a ${block.what}` : block.kind === 'heading' ? `heading "${block.text}"` : `a ${block.kind}`;
}
