import { CST, isMap, isScalar, isSeq, Parser, parseDocument, visit, YAMLParseError, type Document, type YAMLError, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex, type Problem } from '../text/problem';
import { yamlErrorSentence } from './errorSentences';

/** A parsed YAML text plus what is needed to point at places in it. */
export interface YamlSource {
  text: string;
  doc: Document.Parsed;
  lines: LineIndex;
  /** Set when the fast reader read it: the column of the entries' dashes (see fastJournal.ts). */
  fastDash?: number;
}

export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/**
 * `yaml`'s parseDocument with duplicate keys found in linear time. Its own check compares each
 * key with every earlier one in the mapping: a hostile file of 40,000 keys took 10 s. Reports
 * what yaml reports (DUPLICATE_KEY, "Map keys must be unique", at the repeated key).
 */
export function parseYamlDocument(text: string): Document.Parsed {
  const doc = parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: false });
  let found = false;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (!seen.has(key)) seen.add(key);
        else {
          const at = pair.key.range?.[0] ?? 0;
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          found = true;
        }
      }
    },
  });
  if (found) doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  return doc;
}

export type YamlParse = { ok: true; source: YamlSource; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Parses one YAML document. Syntax errors, duplicate keys and extra documents are errors with positions. */
export function parseYaml(text: string): YamlParse {
  const lines = new LineIndex(text);
  if (/^[ \t\r\n\uFEFF]*$/.test(text)) {
    return { ok: false, problems: [{ severity: 'error', code: 'empty', message: 'The file is empty.', line: 1, column: 1 }] };
  }
  const doc = parseYamlDocument(text);
  const toProblem = (severity: Problem['severity']) => (e: YAMLError): Problem => {
    const message = e.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
    const sentence = yamlErrorSentence(text, { code: e.code, message, offset: e.pos[0] });
    const problem: Problem = {
      severity,
      code: `yaml-${e.code.toLowerCase().replace(/_/g, '-')}`,
      message: sentence.message,
      ...lines.position(sentence.offset),
    };
    const quote = /^Missing closing (["'])quote/.exec(message);
    const quoteStart = quote ? unclosedQuoteStart(text, e.pos[0]) : undefined;
    if (quoteStart !== undefined) return { ...problem, message: `Missing closing ${quote![1]} quote for the string that starts here.`, ...lines.position(quoteStart) };
    const bracket = /^Flow (sequence|map|mapping) .* end with an? ([\]}])/.exec(message);
    const bracketStart = bracket ? unclosedFlowStart(text, e.pos[0], bracket[2]) : undefined;
    if (bracketStart !== undefined) return { ...problem, message: `Missing closing ${bracket![2]} for the ${bracket![1] === 'sequence' ? 'list' : 'mapping'} that opens here.`, ...lines.position(bracketStart) };
    return problem;
  };
  // One syntax error, the first: what follows it is nearly always its echo, not a mistake of its own.
  const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]).slice(0, 1);
  const problems = [...first.map(toProblem('error')), ...doc.warnings.map(toProblem('warning'))];
  if (doc.errors.length > 0) return { ok: false, problems };
  return { ok: true, source: { text, doc, lines }, problems };
}

/**
 * Where the quoted string that runs on to `end` opens. yaml reports an unclosed quote where the
 * file ends, which is no help to a person looking for the quote to close.
 */
function unclosedQuoteStart(text: string, end: number): number | undefined {
  let start: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    const scalars = token.value ? [token.value] : [];
    CST.visit(token, (item) => void scalars.push(...[item.key, item.value].filter((n): n is CST.Token => !!n)));
    for (const n of scalars) {
      if ((n.type === 'double-quoted-scalar' || n.type === 'single-quoted-scalar') && n.offset < end && n.offset + n.source.length >= end) start = n.offset;
    }
  }
  return start;
}

/** Where the unclosed flow list or mapping that the parser gave up on at `end` opens. */
function unclosedFlowStart(text: string, end: number, close: string): number | undefined {
  let start: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    const nodes: CST.Token[] = token.value ? [token.value] : [];
    CST.visit(token, (item) => void nodes.push(...[item.key, item.value].filter((n): n is CST.Token => !!n)));
    for (const n of nodes) {
      if (n.type === 'flow-collection' && n.offset <= end && !n.end.some((t) => t.source === close) && (start === undefined || n.offset > start)) start = n.offset;
    }
  }
  return start;
}

export function positionOf(source: YamlSource, node: Node | null | undefined): { line: number; column: number } {
  // A problem with no node of its own (an empty document) is placed at the start.
  return node?.range ? source.lines.position(node.range[0]) : { line: 1, column: 1 };
}

/** Reads typed fields out of YAML nodes, collecting a positioned problem for each misfit. */
export class NodeReader {
  readonly problems: Problem[] = [];

  constructor(readonly source: YamlSource) {}

  report(node: Node | null | undefined, message: string, code: string, severity: Problem['severity'] = 'error'): void {
    this.problems.push({ severity, code, message, ...positionOf(this.source, node) });
  }

  map(node: unknown, what: string, at?: Node | null): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.report(isNode(node) ? node : at, `${what} must be a mapping of keys to values.`, 'wrong-type');
    return undefined;
  }

  seq(node: unknown, what: string, at?: Node | null): YAMLSeq | undefined {
    if (isSeq(node)) return node;
    this.report(isNode(node) ? node : at, `${what} must be a list.`, 'wrong-type');
    return undefined;
  }

  /** The value node under `key`, reporting it when required and absent. */
  field(map: YAMLMap, key: string, what: string, required: boolean): Node | undefined {
    const pair = pairOf(map, key);
    if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      if (required) this.report(pair?.key as Node | undefined ?? map, `${what} needs "${key}".`, 'missing-field');
      return undefined;
    }
    return pair.value as Node;
  }

  string(map: YAMLMap, key: string, what: string, required = true): string | undefined {
    const node = this.field(map, key, what, required);
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean') && !required) return undefined;
    this.report(node, `"${key}" of ${what} must be non-empty text.`, 'wrong-type');
    return undefined;
  }

  /** An id: text or a plain number (YAML reads `1` as a number; ids like that are fine). */
  id(map: YAMLMap, key: string, what: string, required = true): string | undefined {
    const node = this.field(map, key, what, required);
    if (node === undefined) return undefined;
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).trim() !== '') {
      return String(node.value);
    }
    this.report(node, `"${key}" of ${what} must be an id (text without spaces).`, 'wrong-type');
    return undefined;
  }

  integer(map: YAMLMap, key: string, what: string, required = true): number | undefined {
    const node = this.field(map, key, what, required);
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
    this.report(node, `"${key}" of ${what} must be a whole number.`, 'wrong-type');
    return undefined;
  }

  strings(node: Node, what: string): string[] {
    const seq = isScalar(node) && typeof node.value === 'string' ? undefined : this.seq(node, what);
    if (!seq) return isScalar(node) && typeof node.value === 'string' ? [node.value] : [];
    const out: string[] = [];
    for (const item of seq.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
      else this.report(item as Node, `Each item of ${what} must be text.`, 'wrong-type');
    }
    return out;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** The pair of `map` whose key is `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}
