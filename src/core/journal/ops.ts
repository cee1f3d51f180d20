import { type EntryData } from './model';
import { type Profile } from './profile';
import { type EntryChanges, type RemovedEntry, type RubricSwitch } from './edit';

/** A change to the journal, as data, so it can be computed wherever the parse lives. */
export type JournalOp =
  | { kind: 'append'; drafts: { data: Omit<EntryData, 'id'>; idSeed: string }[] }
  /** Removes these entries in one write (Undo of a tag of N commits is one write). */
  | { kind: 'remove'; ids: string[] }
  | { kind: 'profile'; profile: Required<Profile> }
  /** Removes user info and queries from every recorded URL (commit.repo, selection.link). */
  | { kind: 'redact' }
  | ({ kind: 'rubric' } & RubricSwitch)
  /** Adds dimensions to an entry already in the journal (a commit tagged again). */
  | { kind: 'amend'; id: string; addDimensions: string[] }
  /** Undo of a removal: the entry's own lines back after the entry they followed. */
  | { kind: 'restore'; removed: RemovedEntry }
  /** Re-points one cited statement of an entry (the quick fix for a statement the rubric changed). */
  | { kind: 'repoint'; id: string; from: string; to: string }
  /** Changes fields of one entry in place (Edit Entry, `growth-journal edit`); its Undo is another edit. */
  | { kind: 'edit'; id: string; changes: EntryChanges };
