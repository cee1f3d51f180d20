import { seeAbove, type Block, type EvidenceItem, type Inline, type ReportDocument, type Section } from './document';
import { oneLine, webUrl } from './markdown';

/**
 * A document as plain text, for pasting into a review tool: no markup and no escapes, a link as
 * its text and address. Each field is one line (line breaks in it become spaces), so nothing a
 * journal holds can change the document's shape.
 */
export function renderText(doc: ReportDocument): string {
  const out: string[] = [underline(line(doc.title), '='), ''];
  for (const f of doc.facts) out.push(`${line(f.label)}: ${inline(f.value)}`);
  if (doc.facts.length) out.push('');
  const write = (s: Section, depth: number) => {
    out.push(depth === 1 ? underline(line(s.title), '-') : line(s.title), '');
    for (const b of s.blocks) {
      const lines = block(b);
      if (lines.length) out.push(...lines, '');
    }
    for (const child of s.sections) write(child, depth + 1);
  };
  for (const s of doc.sections) write(s, 1);
  out.push(inline(doc.footer), '');
  return out.join('\n');
}

const line = oneLine;

/** A piece of a line: as line(), keeping the space that joins it to the next piece. */
function flat(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ');
}

function underline(text: string, mark: string): string {
  return `${text}\n${mark.repeat(Math.max(3, [...text].length))}`;
}

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return flat(p);
      if (p.kind === 'link') {
        const url = p.url === undefined ? undefined : webUrl(p.url);
        return url ? `${line(p.text)} (${url})` : line(p.text);
      }
      return line(p.text);
    })
    .join('')
    .trim();
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [inline(b.text)];
    case 'facts':
      return b.items.map((f) => `${line(f.label)}: ${inline(f.value)}`);
    case 'list':
      return b.items.map((item) => `- ${inline(item)}`);
    case 'table': {
      // A row per line, each cell after its column's name: pasted text keeps no columns.
      const rest = b.columns.slice(1);
      const filled = (cell: readonly Inline[]) => !/^(—|)$/.test(inline(cell));
      return b.rows.map((row) => `- ${inline(row[0])}: ${rest.flatMap((c, i) => (filled(row[i + 1]) ? [`${line(c.label)} ${inline(row[i + 1])}`] : [])).join('; ')}`);
    }
    case 'coverageChart':
      return [];
    case 'evidence':
      return b.items.flatMap(evidence);
    case 'quote':
      return [`${line(b.lead)}`, ...b.lines.map((l) => `  ${line(l)}`)];
    case 'gaps':
      return b.items.flatMap((g) => {
        const boxes = g.statements.map((t) => `[ ] ${line(t)}`);
        return g.dimension === undefined ? boxes : [`${line(g.dimension)}:`, ...boxes.map((box) => `  ${box}`)];
      });
  }
}

function evidence(item: EvidenceItem): string[] {
  const head = `- ${line(item.date)}: ${line(item.title)}`;
  if (item.writtenUnder !== undefined) return [`${head} (${line(seeAbove(item.writtenUnder))})`];
  const out = [[head, item.level ? ` (${line(item.level)})` : '', ...item.sources.map((s) => `, ${inline(s)}`)].join('')];
  if (item.note) out.push(`  ${line(item.note)}`);
  if (item.dimensions) out.push(`  Dimensions: ${item.dimensions.map(line).join(', ')}`);
  for (const s of item.statements) out.push(`  Shows: “${line(s)}”`);
  return out;
}
