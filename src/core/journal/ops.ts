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
  | { kind: 'edit'; id: string; changes: EntryChanges }
  /** Points a selection entry at lines of its file as they are now: their place, content and, when known, commit and permalink. */
  | { kind: 'reanchor'; id: string; selection: SelectionAnchor }
  /** Re-points commit entries to the commits a rebase or amend made of theirs (the same patch). */
  | { kind: 'relink'; links: CommitRelink[] };

/** What a re-anchor sets in an entry's `selection`; keys left out stay as they are. */
export type SelectionAnchor = Pick<NonNullable<EntryData['selection']>, 'startLine' | 'endLine' | 'hash' | 'firstLine' | 'sha' | 'link'>;

/** One entry's `commit.sha`, from the commit it cites to the reachable one with the same patch. */
export interface CommitRelink {
  id: string;
  from: string;
  to: string;
}
