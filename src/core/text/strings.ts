import { LineIndex, type Problem } from './problem';

const BOM = '\uFEFF';

/** What a writer must keep about a text file besides its content. */
export interface TextShape {
  bom: boolean;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

export function textShape(text: string): TextShape {
  const firstBreak = text.indexOf('\n');
  return {
    bom: text.startsWith(BOM),
    eol: firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n',
    finalNewline: text.length === 0 || text.endsWith('\n'),
  };
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Decodes bytes as UTF-8, refusing invalid sequences rather than replacing them:
 * writing a replacement character back would silently change the user's file.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad));
    const { line, column } = new LineIndex(before).position(before.length);
    return {
      ok: false,
      problem: {
        severity: 'error',
        code: 'invalid-utf8',
        message: `The file is not valid UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad}). Save it as UTF-8.`,
        line,
        column,
      },
    };
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) len = 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) len = 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) len = 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) len = 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) len = 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) len = 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) len = 4;
    if (len === 0) return i;
    i += len;
  }
  return bytes.length - 1;
}

/** FNV-1a, 53 bits: a fast content fingerprint that also runs in the webview. Not for security. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822507);
  }
  const hi = (h2 >>> 0) & 0x1fffff;
  return (hi * 0x100000000 + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The one copy of `text` kept in `strings`: a large journal repeats a few strings (dimension
 * ids, levels, dates, files) tens of thousands of times, and holding each once saves memory.
 */
export function sharedString(strings: Map<string, string>, text: string): string {
  const known = strings.get(text);
  if (known !== undefined) return known;
  strings.set(text, text);
  return text;
}

/** FNV-1a over the UTF-16 units of `text` from `start` to `end`. */
export function hashOfChars(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * The number first recorded for each string, for tens of thousands of strings (entry ids): an
 * open table of their hashes, where a Map or Set spends some 0.5 µs on each string it takes.
 */
export class FirstIndex {
  /** Per slot, 1 + the position of its string in `keys`, or 0 for none. */
  private slots = new Int32Array(16);
  private hashes = new Int32Array(8);
  private readonly keys: string[] = [];
  private readonly values: number[] = [];

  get(key: string): number | undefined {
    const slot = this.slots[this.slotOf(key, hashOfChars(key, 0, key.length))];
    return slot === 0 ? undefined : this.values[slot - 1];
  }

  /** The number recorded for `key`, or, when it has none, undefined after recording `value` for it. */
  firstOr(key: string, value: number): number | undefined {
    const hash = hashOfChars(key, 0, key.length);
    const at = this.slotOf(key, hash);
    const slot = this.slots[at];
    if (slot !== 0) return this.values[slot - 1];
    const position = this.keys.length;
    if (position === this.hashes.length) {
      const hashes = new Int32Array(position * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.keys.push(key);
    this.values.push(value);
    this.hashes[position] = hash;
    this.slots[at] = position + 1;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return undefined;
  }

  forEach(each: (key: string, value: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) each(this.keys[i], this.values[i]);
  }

  private slotOf(key: string, hash: number): number {
    const { slots, keys } = this;
    const mask = slots.length - 1;
    let at = hash & mask;
    while (slots[at] !== 0 && keys[slots[at] - 1] !== key) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let position = 0; position < this.keys.length; position++) {
      let at = this.hashes[position] & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = position + 1;
    }
    this.slots = slots;
  }
}

/** JSON with object keys sorted, so two values compare by what they hold alone; "undefined" for undefined. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
    ) ?? 'undefined'
  );
}
