import type { ErrorCode } from 'yaml';
import { quoted } from '../text/problem';

/** A `yaml` error or warning as the parser reports it. */
export interface YamlErrorReport {
  code: ErrorCode;
  message: string;
  /** Offset in the text where the parser noticed it. */
  offset: number;
}

/** What a person reads instead: a sentence naming the line, and the offset it is about. */
export interface YamlErrorSentence {
  message: string;
  offset: number;
}

interface Line {
  /** 1-based. */
  number: number;
  start: number;
  text: string;
  /** Spaces before the first character. */
  indent: number;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const endAt = text.indexOf('\n', offset);
  const body = text.slice(start, endAt === -1 ? text.length : endAt).replace(/\r$/, '');
  let number = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) number++;
  return { number, start, text: body, indent: body.length - body.trimStart().length };
}

/** The next line after `line` with content (not blank, not only a comment). */
function nextContentLine(text: string, line: Line): Line | undefined {
  for (let at = text.indexOf('\n', line.start); at !== -1 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) {
    const next = lineAt(text, at + 1);
    if (!/^\s*(#.*)?$/.test(next.text)) return next;
  }
  return undefined;
}

/** The nearest line above `line` with content. */
function previousContentLine(text: string, line: Line): Line | undefined {
  for (let end = line.start - 1; end > 0; ) {
    const above = lineAt(text, end - 1);
    if (!/^\s*(#.*)?$/.test(above.text)) return above;
    end = above.start - 1;
  }
  return undefined;
}

/** The column where `line`'s keys start: after a leading '- ' when it opens an entry. */
function keyColumn(line: Line): number {
  const dash = /^(\s*)-\s+/.exec(line.text);
  return dash ? dash[0].length : line.indent;
}

const ENTRY_HINT = "each entry starts with '- ' and its keys line up under the first one";

/**
 * `yaml`'s errors in words a person editing the journal by hand understands: what is wrong on
 * which line, and what to do. Where the parser notices a mistake late (at the value above a line
 * indented too deep), the sentence points at the line to change.
 */
export function yamlErrorSentence(text: string, error: YamlErrorReport): YamlErrorSentence {
  const line = lineAt(text, error.offset);
  const at = (l: Line) => l.start + l.indent;
  const sentence = (message: string, offset = error.offset) => ({ message, offset });
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return sentence(`Line ${line.number} is indented with a tab; YAML indents with spaces only, so replace the tab with spaces.`);
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (/^\s*-\s/.test(line.text) && error.offset <= at(line)) {
        return sentence(`Line ${line.number} starts a list item ('- ') among the keys of a mapping; if it starts a new entry, line its '- ' up with the other entries' dashes, else indent it under its key.`, at(line));
      }
      const next = nextContentLine(text, line);
      if (next && next.indent > keyColumn(line)) {
        return sentence(`Line ${next.number} is indented deeper than the line above it; ${ENTRY_HINT}.`, at(next));
      }
      return sentence(`The value on line ${line.number} contains ': ', which YAML reads as the start of a key; put the whole value in quotes.`);
    }
    case 'BAD_INDENT': {
      if (/^Flow (sequence|map|mapping)/.test(error.message)) {
        return sentence(`Line ${line.number}: a list in [ ] or mapping in { } is not closed before the next key; close it, or indent its next lines deeper than its key.`);
      }
      const above = previousContentLine(text, line);
      const expected = above ? keyColumn(above) + 1 : 1;
      return sentence(`Line ${line.number} starts at column ${line.indent + 1}, but the keys above it start at column ${expected}; line it up with them, and ${ENTRY_HINT}.`, at(line));
    }
    case 'MISSING_CHAR':
      if (/without - indicator/.test(error.message)) {
        return sentence(`Line ${line.number} is indented less than the keys of the entry above it; line it up with them, or start a new entry with '- '.`, at(line));
      }
      if (/followed by map values/.test(error.message)) {
        return sentence(`Line ${line.number} has no ':' after its key; write it as key: value.`, at(line));
      }
      if (/between flow/.test(error.message)) return sentence(`Line ${line.number}: items in [ ] or { } are separated by commas; add the missing ','.`);
      if (/closing/.test(error.message)) return sentence(`Line ${line.number}: ${error.message.replace(/\.$/, '')}; close it.`);
      return sentence(`Line ${line.number} is missing a character YAML needs here (${error.message.replace(/\.$/, '')}).`);
    case 'MULTILINE_IMPLICIT_KEY':
      return sentence(`Line ${line.number} has text with no ':' after it; write it as key: value, or, if it continues the value above, indent it deeper than that value's key.`, at(line));
    case 'UNEXPECTED_TOKEN':
      return sentence(`Line ${line.number} has more text after a value ends (after a closing quote or bracket); put the whole value inside the quotes or brackets.`);
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(text.slice(error.offset, text.indexOf('\n', error.offset) === -1 ? undefined : text.indexOf('\n', error.offset)));
      const name = key ? quoted(key[1].replace(/^["']|["']$/g, '')) : 'a key';
      return sentence(`Line ${line.number} sets ${name} again in the same mapping; a key appears once, so keep one of them.`);
    }
    case 'MULTIPLE_DOCS':
      return sentence(`Line ${line.number} starts a second document ('---'); a journal is one document, so remove that line or move what follows it into the first.`);
    case 'BAD_SCALAR_START': {
      const first = text[error.offset] ?? '';
      return sentence(`Line ${line.number}: a value cannot start with ${quoted(first)} unless it is in quotes; put the value in quotes.`);
    }
    case 'BAD_DQ_ESCAPE':
      return sentence(`Line ${line.number} has a backslash YAML does not know inside double quotes; write \\\\ for a backslash, or use single quotes.`);
    case 'BLOCK_IN_FLOW':
      return sentence(`Line ${line.number} has a '- ' list or a key: value block inside [ ] or { }; use commas inside brackets, or write the list one '- ' item a line.`);
    case 'KEY_OVER_1024_CHARS':
      return sentence(`Line ${line.number} has a key longer than 1,024 characters; a long text belongs in a value after ':'.`);
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_DIRECTIVE':
      return sentence(`Line ${line.number} uses a YAML feature (&, *, ! or %) in a way the file does not allow (${error.message.replace(/\.$/, '')}); if it is text, put it in quotes.`);
    default:
      return sentence(`Line ${line.number} does not read as YAML: ${error.message.replace(/\.$/, '')}.`);
  }
}
