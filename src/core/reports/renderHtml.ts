import { seeAbove, type Block, type EvidenceItem, type Inline, type ReportDocument, type Section } from './document';
import { webUrl } from './markdown';
import { shortened } from '../text/shorten';

/** Text as HTML: every character that could start markup or end an attribute, escaped. */
function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Light and print-friendly whatever the viewer's theme: a document, not a panel.
const STYLE = `
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.statement { margin: .75rem 0 .75rem .5rem; padding-left: .75rem; border-left: 3px solid #d0d7de; }
.statement.covered { border-left-color: #1a7f37; }
.statement h4 { font-weight: 600; margin: 0 0 .25rem; }
code { font: .85em ui-monospace, SFMono-Regular, Consolas, monospace; background: #f6f8fa; color: #1f2328; padding: 0 .25em; border-radius: 3px; }
svg { max-width: 100%; height: auto; }
ul { margin: .25rem 0; padding-left: 1.25rem; }
ul.evidence > li { margin: .35rem 0; }
ul.evidence ul { list-style: none; padding-left: 0; }
ul.gaps { list-style: none; padding-left: .5rem; }
p.gap-dimension { margin: .75rem 0 0; }
ul.gaps li::before { content: "\\2610\\00a0"; color: #57606a; }
.note, .meta, .none, .facts, .details { color: #57606a; }
.none { font-style: italic; }
table { border-collapse: collapse; margin: .75rem 0; }
th, td { text-align: left; padding: .2rem .75rem .2rem 0; border-bottom: 1px solid #d0d7de; }
td.numeric, th.numeric { text-align: right; }
a { color: #0550ae; }
footer { margin-top: 2rem; font-size: .85rem; color: #57606a; }
@media print { main { max-width: none; padding: 0; } section.group { break-before: page; } a { color: inherit; } }
`.trim();

/**
 * A document as one self-contained HTML file: no script, nothing from the network, styles in the
 * file, light print, a page break before each group. `nonce` marks the style element for a
 * webview's Content Security Policy; a saved file has none.
 */
export function renderHtml(doc: ReportDocument, options: { nonce?: string } = {}): string {
  const nonce = options.nonce === undefined ? undefined : htmlText(options.nonce);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${nonce ? `'nonce-${nonce}'` : "'unsafe-inline'"}; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(doc.title)}</title>`,
    `<style${nonce ? ` nonce="${nonce}"` : ''}>`,
    STYLE,
    '</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${htmlText(doc.title)}</h1>`,
  ];
  if (doc.facts.length) out.push(facts(doc.facts));
  const write = (s: Section, depth: number) => {
    out.push(`<section${s.role ? ` class="${s.role}"` : ''}${s.anchor ? ` id="${htmlText(s.anchor)}"` : ''}>`, `<h${Math.min(depth, 6)}>${htmlText(s.title)}</h${Math.min(depth, 6)}>`);
    for (const b of s.blocks) out.push(block(b));
    for (const child of s.sections) write(child, depth + 1);
    out.push('</section>');
  };
  for (const s of doc.sections) write(s, 2);
  out.push(`<footer>${inline(doc.footer)}</footer>`, '</main>', '</body>', '</html>', '');
  return out.join('\n');
}

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return htmlText(p);
      switch (p.kind) {
        case 'strong':
          return `<strong>${htmlText(p.text)}</strong>`;
        case 'em':
          return `<em>${htmlText(p.text)}</em>`;
        case 'code':
        case 'fileLink':
          return `<code>${htmlText(p.text)}</code>`;
        case 'link': {
          const href = p.url === undefined ? undefined : webUrl(p.url);
          return href ? `<a href="${htmlText(href)}">${htmlText(p.text)}</a>` : htmlText(p.text);
        }
      }
    })
    .join('');
}

function facts(items: readonly { label: string; value: Inline[] }[]): string {
  return ['<ul class="facts">', ...items.map((f) => `<li><strong>${htmlText(f.label)}:</strong> ${inline(f.value)}</li>`), '</ul>'].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${inline(b.text)}</p>`;
    case 'facts':
      return facts(b.items);
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const cls = (c: { numeric?: boolean }) => (c.numeric ? ' class="numeric"' : '');
      return [
        '<table>',
        `<thead><tr>${b.columns.map((c) => `<th scope="col"${cls(c)}>${htmlText(c.label)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(b.columns[i] ?? {})}>${inline(cell)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
    }
    case 'coverageChart':
      return coverageChart(b);
    case 'evidence':
      return `<ul class="evidence">${b.items.map(evidence).join('')}</ul>`;
    case 'quote':
      return `<p class="meta">${htmlText(b.lead)}</p>\n<blockquote>${b.lines.map(htmlText).join('<br>')}</blockquote>`;
    case 'gaps':
      return b.items
        .map((g) => {
          const boxes = `<ul class="gaps">${g.statements.map((t) => `<li>${htmlText(t)}</li>`).join('')}</ul>`;
          return g.dimension === undefined ? boxes : `<p class="gap-dimension"><strong>${htmlText(g.dimension)}</strong></p>\n${boxes}`;
        })
        .join('\n');
  }
}

function evidence(item: EvidenceItem): string {
  const head = `<strong>${htmlText(item.date)}</strong>: ${htmlText(item.title)}`;
  if (item.writtenUnder !== undefined) return `<li>${head} <a href="#${htmlText(`entry-${item.id}`)}" class="meta">(${htmlText(seeAbove(item.writtenUnder))})</a></li>`;
  const parts = [`<li id="${htmlText(`entry-${item.id}`)}">${head}`];
  if (item.level) parts.push(` <em>(${htmlText(item.level)})</em>`);
  for (const s of item.sources) parts.push(`, ${inline(s)}`);
  if (item.note) parts.push(`<br><span class="note">${htmlText(item.note)}</span>`);
  const details = [...(item.dimensions ? [`Dimensions: ${item.dimensions.join(', ')}`] : []), ...item.statements.map((s) => `Shows: “${s}”`)];
  if (details.length) parts.push(`<ul class="details">${details.map((d) => `<li>${htmlText(d)}</li>`).join('')}</ul>`);
  parts.push('</li>');
  return parts.join('');
}

/**
 * Coverage per dimension as an inline SVG bar chart: statements with evidence out of those in
 * force. Colours are attributes, not styles, so a strict CSP leaves them be; the table beside it
 * says the same in text, and the chart is labelled for screen readers.
 */
function coverageChart(b: Extract<Block, { kind: 'coverageChart' }>): string {
  const rowHeight = 22;
  const labelWidth = 260;
  const barWidth = 300;
  const height = b.rows.length * rowHeight + 8;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="coverage-title" width="${labelWidth + barWidth + 70}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="coverage-title">${htmlText(b.title)}</title>`,
  ];
  b.rows.forEach((r, i) => {
    const y = 4 + i * rowHeight;
    const name = shortened(r.label, 40);
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" fill="#1f2328">${htmlText(name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="14" fill="#eaeef2" stroke="#d0d7de"/>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${Math.round((barWidth * r.covered) / r.total)}" height="14" fill="#1a7f37"/>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 14}" fill="#1f2328">${r.covered} of ${r.total}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
