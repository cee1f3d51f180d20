/**
 * A Markdown ladder as a flat list of the blocks the importers care about, read with markdown-it
 * (CommonMark plus GFM tables, the parser VS Code itself uses) rather than patterns over lines,
 * so escaped pipes, entities, inline HTML and nested emphasis mean what they mean on GitHub.
 */
import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** Text of one piece of Markdown, formatting removed; `pieces` are its parts between line breaks (`<br>`, hard breaks). */
export interface InlineText {
  text: string;
  pieces: string[];
  /** Text of a bold (or italic) run that opens it, when it has one: a quality's name. */
  lead?: string;
  /** The rest after the lead and its separator (`: `, ` - `), as pieces. */
  rest?: string[];
}

export type Block =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'paragraph'; content: InlineText; line: number }
  | { kind: 'list'; items: InlineText[]; line: number }
  | { kind: 'table'; header: InlineText[]; rows: InlineText[][]; line: number }
  /** Code, HTML blocks, quotes, rules: kept only to be reported as skipped. */
  | { kind: 'other'; what: string; line: number };

const parser = new MarkdownIt({ html: true, linkify: false, typographer: false });

const BREAK = /^<br\s*\/?>$/i;

/** Inline tokens to text pieces: emphasis, links and inline HTML tags dropped, their text kept. */
function inlineText(children: readonly Token[]): InlineText {
  const pieces: string[] = [''];
  let lead: string | undefined;
  let leadEnd = -1;
  let depth = 0;
  children.forEach((t, i) => {
    const append = (s: string) => (pieces[pieces.length - 1] += s);
    switch (t.type) {
      case 'text': case 'text_special': case 'code_inline': append(t.content); break;
      case 'softbreak': append(' '); break;
      case 'hardbreak': pieces.push(''); break;
      case 'html_inline': if (BREAK.test(t.content.trim())) pieces.push(''); break;
      case 'image': append(t.children ? inlineText(t.children).text : t.content); break;
      case 'strong_open': case 'em_open': {
        const before = pieces.join('').trim();
        if (depth === 0 && lead === undefined && before === '') lead = '';
        depth++;
        break;
      }
      case 'strong_close': case 'em_close':
        depth--;
        if (depth === 0 && lead === '') {
          lead = pieces.join('');
          leadEnd = i;
        }
        break;
      default: break;
    }
  });
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = clean(pieces.join(' '));
  const out: InlineText = { text, pieces: pieces.map(clean).filter((p) => p !== '') };
  if (lead !== undefined && leadEnd >= 0 && clean(lead) !== '') {
    const restPieces = inlineText(children.slice(leadEnd + 1)).pieces;
    // The separator between a quality's name and its description, inside the bold or after it.
    const name = clean(lead).replace(/\s*[:\u2013\u2014-]$/, '');
    if (restPieces.length > 0) restPieces[0] = restPieces[0].replace(/^(?:[:\u2013\u2014]|-(?=\s))\s*/, '');
    out.lead = name;
    out.rest = restPieces.filter((p) => p !== '');
  }
  return out;
}

/** The blocks of a Markdown text in document order; list items of nested lists are flattened in order. */
export function markdownBlocks(markdown: string): Block[] {
  const tokens = parser.parse(markdown, {});
  const blocks: Block[] = [];
  const line = (t: Token) => (t.map ? t.map[0] + 1 : 0);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      blocks.push({ kind: 'heading', depth: Number(t.tag.slice(1)), text: inlineText(tokens[i + 1].children ?? []).text, line: line(t) });
      i += 3;
    } else if (t.type === 'paragraph_open') {
      blocks.push({ kind: 'paragraph', content: inlineText(tokens[i + 1].children ?? []), line: line(t) });
      i += 3;
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const end = closing(tokens, i);
      const items: InlineText[] = [];
      for (let j = i; j < end; j++) {
        // Each item's own text is its first paragraph; later paragraphs of an item join it.
        if (tokens[j].type === 'list_item_open') items.push({ text: '', pieces: [] });
        if (tokens[j].type === 'inline' && items.length > 0) {
          const content = inlineText(tokens[j].children ?? []);
          const item = items[items.length - 1];
          items[items.length - 1] = item.text === '' ? content : { ...item, text: `${item.text} ${content.text}`, pieces: [...item.pieces, ...content.pieces], ...(item.rest ? { rest: [...item.rest, ...content.pieces] } : {}) };
        }
      }
      blocks.push({ kind: 'list', items: items.filter((it) => it.text !== ''), line: line(t) });
      i = end + 1;
    } else if (t.type === 'table_open') {
      const end = closing(tokens, i);
      const rows: InlineText[][] = [];
      for (let j = i; j < end; j++) {
        if (tokens[j].type === 'tr_open') rows.push([]);
        if (tokens[j].type === 'inline') rows[rows.length - 1].push(inlineText(tokens[j].children ?? []));
      }
      blocks.push({ kind: 'table', header: rows[0] ?? [], rows: rows.slice(1), line: line(t) });
      i = end + 1;
    } else if (t.nesting === 1) {
      const end = closing(tokens, i);
      blocks.push({ kind: 'other', what: t.type.replace(/_open$/, '').replace(/_/g, ' '), line: line(t) });
      i = end + 1;
    } else {
      if (t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') {
        blocks.push({ kind: 'other', what: t.type === 'html_block' ? 'HTML block' : 'code block', line: line(t) });
      }
      i++;
    }
  }
  return blocks;
}

/** Index of the token that closes the one opened at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let level = 0;
  for (let j = open; j < tokens.length; j++) {
    level += tokens[j].nesting;
    if (level === 0) return j;
  }
  return tokens.length - 1;
}
