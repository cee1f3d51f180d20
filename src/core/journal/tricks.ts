import { YAMLMap } from 'yaml';

/*
 * What the journal engine relies on beyond the documented behaviour of JavaScript and `yaml`:
 * the V8 engine's way with strings and objects, and one of `yaml`'s internals. Each trick is
 * here, with what breaks when it stops holding and what would notice. `yaml` is pinned to one
 * exact version in package.json for the second; a new version is taken on purpose, with the
 * journal tests run (test/unit/journal/).
 */

/**
 * Makes objects of a class with `prototype` stand in for yaml's YAMLMap without its constructor
 * (which defines two properties on every node: a journal has tens of thousands of entries, and
 * most are never asked for their nodes). The prototype becomes YAMLMap's, and the properties
 * yaml tells a node's kind by, keyed by symbols it keeps private, are copied off one map.
 *
 * If `yaml` changes how it tells a map (another private property, a check in the constructor),
 * `isMap` no longer sees the stand-ins: edits refuse or yaml writes them wrongly. Caught by
 * test/unit/journal/fastReader.test.ts ("builds the nodes of an entry only when asked, equal to
 * those yaml builds") and every differential test of the line reader against `yaml`.
 */
export function actAsYamlMap(prototype: object): void {
  Object.setPrototypeOf(prototype, YAMLMap.prototype);
  const probe = new YAMLMap();
  for (const symbol of Object.getOwnPropertySymbols(probe)) Object.defineProperty(prototype, symbol, { value: (probe as unknown as Record<symbol, unknown>)[symbol] });
}

/**
 * Has V8 copy `text` into one piece now. A string joined from pieces (an edit's prefix, insert
 * and rest) is a "cons string", which V8 flattens, copying it whole, the first time it is
 * searched or indexed; a search from the end flattens it and finds a newline at once. Done while
 * the worker is idle, so the next tag does not pay for the copy.
 *
 * If V8 stops flattening here, nothing breaks: the copy moves to the next tag, which the bench's
 * tag row (`npm run bench -- --writes`) would show slower.
 */
export function flattenString(text: string): void {
  text.lastIndexOf('\n');
}

/**
 * Settles `constructor` so its objects are plain objects with room inside for every field:
 * its prototype becomes Object's (an object it makes reads, compares and is sent as a literal
 * would), and it makes a few objects with `everyField`, since V8 fixes the room it leaves in an
 * object from the first few a constructor makes ("slack tracking"). Objects made by a literal get
 * no such room, and each field added later costs another backing store, tens of thousands of
 * times in a large journal.
 *
 * The room V8 starts from is a guess from the constructor's text. model.ts's constructors set
 * fields by computed key, one row of fields.ts each, which gives V8 nothing to count: it leaves
 * room for nine fields (Node 20), so an entry of ten fields or more (an entry counts its line)
 * keeps the rest in a second, small store. Nearly every entry has fewer, and the room of those is
 * settled to the fields a mapping has rather than to nine.
 *
 * If V8 changes this, nothing breaks: a large journal's heap grows, which the bench's memory row
 * (`npm run bench`, budget ≤ 100 MB) would show.
 */
export function settleAsPlainObjects<A extends unknown[]>(constructor: new (...args: A) => object, everyField: A): void {
  constructor.prototype = Object.prototype;
  for (let i = 0; i < 8; i++) new constructor(...everyField);
}
