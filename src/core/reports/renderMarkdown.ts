import { seeAbove, type Block, type EvidenceItem, type Inline, type ReportDocument, type Section } from './document';
import { mdCode, mdFileLink, mdLink, mdText } from './markdown';

export interface MarkdownOptions {
  /** From the Markdown file's folder back to the workspace folder ("../../"), so file links resolve; without it they show as code. */
  toWorkspace?: string;
}

/** A document as Markdown: every string escaped by markdown.ts, so nothing in it becomes markup. */
export function renderMarkdown(doc: ReportDocument, options: MarkdownOptions = {}): string {
  // A field's own spaces never reach the ends of a line or cell (mdText trims them); only the template's between pieces stay.
  const inline = (parts: readonly Inline[]) => parts.map((p) => mdInline(p, options)).join('').replace(/^ +| +$/g, '');
  const out: string[] = [`# ${mdText(doc.title)}`, ''];
  for (const f of doc.facts) out.push(`- **${mdText(f.label)}:** ${inline(f.value)}`);
  if (doc.facts.length) out.push('');
  const write = (s: Section, depth: number) => {
    out.push(`${'#'.repeat(Math.min(depth, 6))} ${mdText(s.title)}`, '');
    for (const b of s.blocks) {
      const lines = block(b, inline);
      if (lines.length) out.push(...lines, '');
    }
    for (const child of s.sections) write(child, depth + 1);
  };
  for (const s of doc.sections) write(s, 2);
  out.push('---', '', inline(doc.footer), '');
  return out.join('\n');
}

function mdInline(p: Inline, options: MarkdownOptions): string {
  if (typeof p === 'string') return spaced(p, mdText(p));
  switch (p.kind) {
    case 'strong':
      return `**${mdText(p.text)}**`;
    case 'em':
      return `_${mdText(p.text)}_`;
    case 'code':
      return mdCode(p.text);
    case 'link':
      return mdLink(p.text, p.url);
    case 'fileLink':
      return options.toWorkspace === undefined ? mdCode(p.text) : mdFileLink(p.text, p.path, p.line, options.toWorkspace);
  }
}

/** mdText trims a field; a piece of a line keeps the space that joins it to the next. */
function spaced(text: string, escaped: string): string {
  if (!escaped) return /^ +$/.test(text) ? ' ' : '';
  return `${text.startsWith(' ') ? ' ' : ''}${escaped}${text.endsWith(' ') ? ' ' : ''}`;
}

function block(b: Block, inline: (parts: readonly Inline[]) => string): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.tone === 'none' ? `_${inline(b.text)}_` : inline(b.text)];
    case 'facts':
      return b.items.map((f) => `- **${mdText(f.label)}:** ${inline(f.value)}`);
    case 'list':
      return b.items.map((item) => `- ${inline(item)}`);
    case 'table':
      return [
        `| ${b.columns.map((c) => mdText(c.label)).join(' | ')} |`,
        `| ${b.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map(inline).join(' | ')} |`),
      ];
    case 'coverageChart':
      // The table beside it gives the same figures; Markdown has no chart.
      return [];
    case 'evidence':
      return b.items.map((item) => evidence(item, inline));
    case 'quote':
      return [`_${mdText(b.lead)}_`, '', ...b.lines.map((line) => (line.trim() ? `> ${mdText(line)}` : '>'))];
    case 'gaps':
      // A task list: GitHub and VS Code's preview show an empty box, other renderers "[ ]".
      return b.items.flatMap((g) => {
        const boxes = g.statements.map((t) => `- [ ] ${mdText(t)}`);
        return g.dimension === undefined ? boxes : [`- **${mdText(g.dimension)}**`, ...boxes.map((line) => `  ${line}`)];
      });
  }
}

/** An item's first line, as a list item: date, title, level and where to look. The self-review's evidence lines are these. */
export function evidenceHead(item: EvidenceItem, options: MarkdownOptions = {}): string {
  return evidenceLine(item, (parts) => parts.map((p) => mdInline(p, options)).join(''));
}

function evidenceLine(item: EvidenceItem, inline: (parts: readonly Inline[]) => string): string {
  return [`- **${mdText(item.date)}**: ${mdText(item.title)}`, item.level ? ` _(${mdText(item.level)})_` : '', ...item.sources.map((s) => `, ${inline(s)}`)].join('');
}

/**
 * One item of a list: the entry's line, its note on the next line after a hard break, then its
 * dimensions and statements as a nested list, so no preview runs them into one line.
 */
function evidence(item: EvidenceItem, inline: (parts: readonly Inline[]) => string): string {
  if (item.writtenUnder !== undefined) return `- **${mdText(item.date)}**: ${mdText(item.title)} _(${mdText(seeAbove(item.writtenUnder))})_`;
  const line = evidenceLine(item, inline);
  const out = item.note ? [`${line}\\`, `  ${mdText(item.note)}`] : [line];
  if (item.dimensions) out.push(`  - ${mdText(`Dimensions: ${item.dimensions.join(', ')}`)}`);
  for (const s of item.statements) out.push(`  - Shows: “${mdText(s)}”`);
  return out.join('\n');
}
