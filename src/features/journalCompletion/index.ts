import * as vscode from 'vscode';
import { ENTRY_KEYS, ENTRY_KINDS, type Journal } from '../../core/journal';
import { allDimensions, levelName, type Rubric } from '../../core/rubric/rubric';
import { rubricStatements } from '../../core/rubric/statements';
import { type Services } from '../../host/services';

/** What the cursor is on: which values fit there. */
type Slot = 'dimension' | 'statement' | 'level' | 'kind' | { keysOf: Set<string> };

const KEY_LINE = /^(\s*)(?:-\s+)?([A-Za-z]+):/;
const indentOf = (text: string) => text.length - text.trimStart().length;
/** Where a line's keys start: after its '- ' when it opens an entry. */
const keyColumn = (text: string) => /^\s*-\s+/.exec(text)?.[0].length ?? indentOf(text);

/**
 * The slot at the cursor, from the line up to it and the lines above: inside `dimensions: [`,
 * a `- ` item of a block list under `dimensions:` or `statements:`, after `level:` or `kind:`,
 * or a new key among an entry's keys (the keys it already has are left out).
 */
function slotAt(document: vscode.TextDocument, position: vscode.Position): Slot | undefined {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const flow = /^\s*(?:-\s+)?(dimensions|statements):\s*\[[^\]]*$/.exec(before);
  if (flow) return flow[1] === 'dimensions' ? 'dimension' : 'statement';
  const value = /^\s*(?:-\s+)?(level|currentLevel|targetLevel|kind):\s*[\w-]*$/.exec(before);
  if (value) return value[1] === 'kind' ? 'kind' : 'level';
  const item = /^(\s*)-\s+[\w/-]*$/.exec(before);
  if (item) {
    // The key the list hangs from: the nearest line above indented less, or a key at the same column.
    for (let line = position.line - 1; line >= 0; line--) {
      const text = document.lineAt(line).text;
      if (/^\s*(#.*)?$/.test(text)) continue;
      const key = KEY_LINE.exec(text);
      if (key && keyColumn(text) <= item[1].length) {
        if (!/:\s*$/.test(text)) break;
        return key[2] === 'dimensions' ? 'dimension' : key[2] === 'statements' ? 'statement' : undefined;
      }
    }
    return undefined;
  }
  const newKey = /^(\s+)[A-Za-z]*$/.exec(before);
  if (!newKey) return undefined;
  const column = newKey[1].length;
  const keys = new Set<string>();
  for (let line = position.line - 1; line >= 0; line--) {
    const text = document.lineAt(line).text;
    if (/^\s*(#.*)?$/.test(text)) continue;
    if (indentOf(text) < column - 2 || (indentOf(text) < column && !/^\s*-\s/.test(text))) return undefined;
    const key = KEY_LINE.exec(text);
    if (key && keyColumn(text) === column) keys.add(key[2]);
    // The entry's first line: its '- ' puts its first key at this column.
    if (/^\s*-\s/.test(text) && keyColumn(text) === column) return keys.size ? { keysOf: keys } : undefined;
  }
  return undefined;
}

function dimensionItems(rubric: Rubric, journal: Journal | undefined): vscode.CompletionItem[] {
  const levelId = journal?.profile.targetLevel ?? journal?.profile.currentLevel;
  return allDimensions(rubric).map((dimension, i) => {
    const item = new vscode.CompletionItem({ label: dimension.id, description: dimension.name }, vscode.CompletionItemKind.EnumMember);
    item.detail = dimension.name;
    item.filterText = `${dimension.id} ${dimension.name}`;
    item.sortText = String(i).padStart(4, '0');
    const docs = new vscode.MarkdownString();
    const expected = levelId ? dimension.expectations[levelId] : undefined;
    if (dimension.description) docs.appendText(`${dimension.description}\n\n`);
    if (levelId && expected?.length) {
      docs.appendText(`${levelName(rubric, levelId)} expects:\n\n`);
      for (const text of expected) docs.appendText(`• ${text}\n\n`);
    } else docs.appendText(`Levels described: ${rubric.levels.filter((l) => l.id in dimension.expectations).map((l) => l.name).join(', ')}`);
    item.documentation = docs;
    return item;
  });
}

function statementItems(rubric: Rubric): vscode.CompletionItem[] {
  return rubricStatements(rubric).map((statement, i) => {
    const item = new vscode.CompletionItem({ label: statement.ref, description: statement.text }, vscode.CompletionItemKind.Reference);
    item.detail = `${levelName(rubric, statement.levelId)}: ${statement.text}`;
    item.filterText = `${statement.ref} ${statement.text}`;
    item.sortText = String(i).padStart(5, '0');
    return item;
  });
}

function simpleItems(values: readonly { id: string; name?: string }[], kind: vscode.CompletionItemKind, suffix = ''): vscode.CompletionItem[] {
  return values.map(({ id, name }, i) => {
    const item = new vscode.CompletionItem(name ? { label: id, description: name } : id, kind);
    if (name) item.detail = name;
    item.insertText = `${id}${suffix}`;
    item.sortText = String(i).padStart(3, '0');
    return item;
  });
}

/**
 * Completion in the journal from its own rubric (bundled or imported), with no other extension:
 * dimension ids with their names and what the target level expects, level ids, statement refs
 * with their text, entry kinds, and the keys an entry does not have yet.
 */
export function registerJournalCompletion(context: vscode.ExtensionContext, services: Services): void {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position) {
      const snapshot = await services.store.snapshot();
      if (snapshot.journalUri?.toString() !== document.uri.toString() || !snapshot.rubric) return undefined;
      const slot = slotAt(document, position);
      if (!slot) return undefined;
      const { rubric } = snapshot;
      const journal = snapshot.journal ?? snapshot.lastGood?.journal;
      // The word being typed, '/' and '-' included, so a statement ref is replaced whole.
      const typed = /[\w/-]*$/.exec(document.lineAt(position.line).text.slice(0, position.character))![0];
      const range = new vscode.Range(position.translate(0, -typed.length), position);
      return itemsFor(slot, rubric, journal).map((item) => Object.assign(item, { range }));
    },
  };
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ scheme: 'file', pattern: '**/*.{yaml,yml}' }, provider, '[', ',', ' ', '-'));
}

function itemsFor(slot: Slot, rubric: Rubric, journal: Journal | undefined): vscode.CompletionItem[] {
  switch (slot) {
    case 'dimension':
      return dimensionItems(rubric, journal);
    case 'statement':
      return statementItems(rubric);
    case 'level':
      return simpleItems(rubric.levels, vscode.CompletionItemKind.EnumMember);
    case 'kind':
      return simpleItems(ENTRY_KINDS.map((id) => ({ id })), vscode.CompletionItemKind.EnumMember);
    default:
      return simpleItems([...ENTRY_KEYS].filter((key) => !slot.keysOf.has(key)).map((id) => ({ id })), vscode.CompletionItemKind.Property, ': ');
  }
}
