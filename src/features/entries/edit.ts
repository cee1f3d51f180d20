import { entryWithChanges, undoChanges, type Entry, type EntryChanges, type Profile } from '../../core/journal';
import { dimensionNames, findDimension, levelName, type Rubric } from '../../core/rubric/rubric';
import { citations } from '../../core/reports/coverage';
import { citedRef, expectationInForce, findStatement, parseStatementRef, refKey, type Statement } from '../../core/rubric/statements';
import { guarded, type Services } from '../../host/services';
import { type Choice } from '../../host/ui/prompts';

const STEP = 'Edit Entry';
type Field = keyof EntryChanges;
const FIELDS: readonly Field[] = ['title', 'note', 'dimensions', 'level', 'statements', 'private'];
/** How a field is named to a person: `note` is the entry's details. */
const FIELD_WORDS: Record<Field, string> = { title: 'title', note: 'details', dimensions: 'dimensions', level: 'level', statements: 'statements', private: 'visibility' };

/**
 * Edit Entry: one list of the entry's fields with their values; picking one edits it and comes
 * back to the list; Save writes every change in one verified write, with Undo.
 */
export async function editEntry(services: Services, entry: Entry, rubric: Rubric, entries: readonly Entry[], profile: Profile): Promise<void> {
  let changes: EntryChanges = {};
  for (;;) {
    const now = entryWithChanges(entry, changes);
    const changed = changedFields(entry, changes);
    const answer = await services.prompts.pick<Field | 'save'>(
      `${STEP}: ${entry.title}`,
      'Pick a field to change; Save writes all changes at once; Escape discards them',
      fieldChoices(rubric, now, changed),
    );
    if (answer === undefined) return;
    if (answer === 'save') {
      if (changed.length === 0) {
        void services.prompts.info(`Nothing to save: “${entry.title}” is as it was.`);
        return;
      }
      return save(services, entry, Object.fromEntries(changed.map((f) => [f, changes[f]])) as EntryChanges);
    }
    const value = await askField(services, answer, now, rubric, entries, profile);
    if (value !== undefined) changes = { ...changes, [answer]: value };
  }
}

async function save(services: Services, entry: Entry, changes: EntryChanges): Promise<void> {
  await services.store.edit(entry.id, changes);
  const title = changes.title ?? entry.title;
  const words = (Object.keys(changes) as Field[]).map((f) => FIELD_WORDS[f]).join(', ');
  // Not awaited: the notification stays until dismissed, and the command is done.
  void services.prompts.info(`Saved “${title}”: ${words} changed.`, 'Undo').then(
    guarded(services, async (choice: string | undefined) => {
      if (choice === 'Undo') await services.store.edit(entry.id, undoChanges(entry, changes));
    }),
  );
}

/** The fields whose value `changes` makes different from the entry's. */
function changedFields(entry: Entry, changes: EntryChanges): Field[] {
  const now = entryWithChanges(entry, changes);
  return FIELDS.filter((f) => changes[f] !== undefined && JSON.stringify(now[f] ?? null) !== JSON.stringify(entry[f] ?? null));
}

/** The list: each field with its value now, a changed one marked, and Save with what it will write. */
function fieldChoices(rubric: Rubric, e: Entry, changed: readonly Field[]): Choice<Field | 'save'>[] {
  const mark = (f: Field, text: string) => (changed.includes(f) ? `● ${text}` : text);
  const statementTexts = (e.statements ?? []).map((r) => {
    const ref = parseStatementRef(r);
    return (ref && findStatement(rubric, ref)?.text) || r;
  });
  return [
    { label: '$(edit) Title', description: mark('title', e.title), value: 'title' },
    { label: '$(note) Details', description: mark('note', e.note ? oneLine(e.note) : 'none: what did it achieve?'), value: 'note' },
    { label: '$(symbol-class) Dimensions', description: mark('dimensions', dimensionNames(rubric, e.dimensions)), value: 'dimensions' },
    { label: '$(arrow-up) Level', description: mark('level', e.level ? levelName(rubric, e.level) : 'none given'), value: 'level' },
    { label: '$(checklist) Statements', description: mark('statements', statementTexts.length ? statementTexts.join(' · ') : 'none cited'), value: 'statements' },
    { label: e.private ? '$(lock) Visibility' : '$(eye) Visibility', description: mark('private', e.private ? 'private: left out of summaries' : 'shared: in summaries'), value: 'private' },
    {
      label: '$(save) Save',
      description: changed.length ? `write ${changed.length} change${changed.length === 1 ? '' : 's'}: ${changed.map((f) => FIELD_WORDS[f]).join(', ')}` : 'nothing changed yet',
      value: 'save',
    },
  ];
}

/** Asks for one field's new value; undefined when the question was cancelled. */
async function askField(services: Services, field: Field, e: Entry, rubric: Rubric, entries: readonly Entry[], profile: Profile): Promise<EntryChanges[Field] | undefined> {
  const { prompts } = services;
  switch (field) {
    case 'title': {
      const title = await prompts.inputTitle('The entry\'s title: one line a manager reads, saying what you did and what it achieved.', e.title, STEP);
      return title?.trim() ? title.trim() : undefined;
    }
    case 'note': {
      const details = await prompts.inputDetails(e.note, STEP);
      if (details === undefined) return undefined;
      return details.trim() ? details.trim() : null;
    }
    case 'dimensions': {
      const picked = (await prompts.pickDimensions(rubric, { recent: [], preselected: e.dimensions, subject: e.title, step: STEP, ...(profile.targetLevel ? { targetLevel: profile.targetLevel } : {}) }))?.dimensions;
      if (!picked) return undefined;
      if (picked.length === 0) {
        void prompts.warning('An entry needs at least one dimension: the dimensions were left as they were.');
        return undefined;
      }
      return picked;
    }
    case 'level':
      return prompts.pickLevel(rubric, {
        title: `${STEP}: Level`,
        placeHolder: `Which level does “${e.title}” show? It is ${e.level ? levelName(rubric, e.level) : 'not given'} now.`,
        ...(e.level ? { suggested: e.level } : profile.currentLevel ? { suggested: profile.currentLevel } : {}),
        ...(profile.currentLevel ? { currentLevel: profile.currentLevel } : {}),
        ...(profile.targetLevel ? { targetLevel: profile.targetLevel } : {}),
      });
    case 'statements': {
      const level = e.level ?? profile.targetLevel ?? rubric.levels.at(-1)?.id ?? '';
      const offered = statementsFor(rubric, e, level);
      const cited = new Map([...citations(entries)].map(([ref, list]) => [ref, list.length]));
      const current = (e.statements ?? []).map(refKey);
      const picked = await prompts.pickStatements(rubric, { statements: offered, cited, levelName: levelName(rubric, level), picked: current, step: STEP });
      if (!picked) return undefined;
      // A statement cited before keeps its ref as written (its fingerprint); a new one is cited as tagging cites.
      return picked.map((key) => (e.statements ?? []).find((r) => refKey(r) === key) ?? citedRef(offered.find((s) => s.ref === key)!));
    }
    case 'private':
      return prompts.pickPrivacy(STEP, !!e.private);
  }
}

/** The statements in force at `level` for the entry's dimensions, and those it cites already, wherever they are. */
function statementsFor(rubric: Rubric, e: Entry, level: string): Statement[] {
  const inForce = e.dimensions.flatMap((id) => {
    const dimension = findDimension(rubric, id);
    return dimension ? (expectationInForce(rubric, dimension, level)?.statements ?? []) : [];
  });
  const cited = (e.statements ?? []).flatMap((r) => {
    const ref = parseStatementRef(r);
    const statement = ref && findStatement(rubric, ref);
    return statement && !inForce.some((s) => s.ref === statement.ref) ? [statement] : [];
  });
  return [...inForce, ...cited];
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
