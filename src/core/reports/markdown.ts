import { workspacePath } from '../text/workspacePath';

/**
 * Markdown we write from journal and rubric strings: inert text. Whatever a title, name,
 * statement or path holds, it renders as those characters and nothing else: no block (heading,
 * list, quote, table row, code), no emphasis, no HTML, no entity, no link, image or autolink,
 * in CommonMark, GFM, and renderers that link bare URLs (VS Code's preview does).
 */

/** A line break in any renderer's sense: CRLF, CR, LF, NEL, U+2028, U+2029. */
export const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/;

// Line breaks in any renderer's sense (CR, LF, NEL, U+2028/9) and every other control character:
// a field is one line of text, so it can never start a block of its own.
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters that are markup wherever they stand (emphasis, code, links, HTML, tables, heading
// closers, math, mentions), escaped everywhere; so is an `&` that would start an entity. A
// backslash-escaped character is only text.
const MARKUP = /[\\`*_~[\]<>|$#{}^=+@]|&(?=#?[A-Za-z0-9]+;)/g;
// `.` and `:` before a letter, digit or `/`, and `//`, make the bare URLs, domains and e-mail
// addresses that renderers turn into links: escaped, they split the text where a link would be
// found. Before a space, other punctuation or the end ("etc.)", "Title: rest") they stay as written.
const LINKING = /[.:](?![ !-.:-@[-`{-~]|$)|\/(?=\/)/g;
// At the start of a line (a list item's text, a note's line) these would open a block.
const BLOCK_START = /^(?:-|\d+[.)])/;
// White space other than the ASCII space, as a character reference: no renderer trims it or
// reads it as indentation.
const OTHER_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/g;

/**
 * A field as one line of text: line breaks and control characters as a space, runs of spaces as
 * one, none at the ends. What every renderer shows of a field, so a builder that sets a field
 * inside its own words (a level's name in a sentence) shows it the same.
 */
export function oneLine(text: string): string {
  return text.replace(BREAKS_AND_CONTROLS, ' ').replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

// Text that is already inert: words, digits, spaces between them, and punctuation that is markup
// nowhere (a `.`, `:` or `&` only before a space or the end), not starting a block. The common
// case (titles, names, dates), returned as it is, without the passes below.
const PLAIN = /^(?![0-9]+[.)])[A-Za-z0-9,;'"!?(%](?:[A-Za-z0-9,;'"!?()%-]|[.:&](?= |$)| (?! |$))*$/;

/** One line of inert Markdown text showing `text`. */
export function mdText(text: string): string {
  if (PLAIN.test(text)) return text;
  const line = oneLine(text.replace(LONE_SURROGATE, '\uFFFD'));
  return line
    .replace(MARKUP, '\\$&')
    .replace(LINKING, '\\$&')
    .replace(BLOCK_START, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`)
    .replace(OTHER_SPACE, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** A code span showing `text` literally, fenced by more backticks than it holds in a row. */
export function mdCode(text: string): string {
  const line = text.replace(LONE_SURROGATE, '\uFFFD').replace(BREAKS_AND_CONTROLS, ' ');
  if (/^ *$/.test(line)) return mdText(line);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space inside each end when the text starts or ends with one or a backtick; the renderer drops exactly those.
  const pad = /^[ `]|[ `]$/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A link to an http(s) URL; any other target, or one that does not parse, is shown as escaped text. */
export function mdLink(label: string, url: string | undefined): string {
  const target = url === undefined ? undefined : webTarget(url);
  return target ? `[${mdText(label)}](${target})` : mdText(label);
}

/**
 * A link to a line of a workspace file, relative to the Markdown file (`toWorkspace` leads from
 * its folder back to the workspace folder). A path that is not workspace-relative gets no link.
 */
export function mdFileLink(label: string, path: string, line: number, toWorkspace: string): string {
  const checked = workspacePath(path);
  if (!checked.ok || !Number.isSafeInteger(line)) return mdText(label);
  return `[${mdText(label)}](${toWorkspace}${checked.segments.map(encodeSegment).join('/')}#L${line})`;
}

/**
 * An http(s) URL without user info, as the URL standard serializes it, or undefined for any other
 * text: what a Markdown or HTML link may point at.
 */
export function webUrl(url: string): string | undefined {
  // The URL parser drops tabs, line breaks and outer spaces and turns `\` into `/`: such text is not a URL as written.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]|^ | $/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/**
 * An http(s) URL as a link destination: parsed and serialized by the URL standard, without user
 * info, every character outside RFC 3986's sets (and parentheses) percent-encoded, and an `&`
 * that would read as an entity escaped, so the renderer's target is exactly this URL.
 */
function webTarget(url: string): string | undefined {
  return webUrl(url)?.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]/g, percentEncode).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, percentEncode);
}

function percentEncode(c: string): string {
  return [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
