/** Writing YAML scalars by hand, so appends never re-serialise the user's file. */

const RESERVED_PLAIN = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_ .,/@+()'&!?-]*$/;
const NUMBER_LIKE = /^[-+.]?\d/;
// Characters a double-quoted scalar must escape beyond what JSON escapes: DEL, C1 controls,
// NEL and the Unicode line and paragraph separators, which YAML readers treat as breaks.
const NEEDS_ESCAPE = /[\x7f-\x9f\u2028\u2029\ufeff]/g;

/** A flow-safe scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  return PLAIN.test(value) && !RESERVED_PLAIN.test(value) && !/[ ,]$/.test(value) ? value : yamlQuoted(value);
}

/** Flow-context scalar (inside `[...]`): commas and brackets must be quoted too. */
export function yamlFlowScalar(value: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.\-/@]*$/.test(value) && !RESERVED_PLAIN.test(value) && !NUMBER_LIKE.test(value) ? value : yamlQuoted(value);
}

export function yamlQuoted(value: string): string {
  return JSON.stringify(value).replace(NEEDS_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A multi-line string as a literal block scalar, which keeps a note readable and editable,
 * or undefined when a literal block cannot hold it exactly (carriage returns, control characters).
 */
export function yamlLiteralBlock(value: string, indent: string, eol: string): string | undefined {
  if (!value.includes('\n') || /[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(value)) return undefined;
  const trailing = /\n*$/.exec(value)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? value : value.slice(0, value.length - trailing);
  // An explicit indentation indicator when the first line would otherwise set the wrong indent.
  const indicator = /^[ \n]/.test(value) ? String(indent.length) : '';
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  for (let i = 1; i < trailing; i++) lines.push('');
  return `|${indicator}${chomp}${eol}${lines.join(eol)}`;
}
