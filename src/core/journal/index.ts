/**
 * The journal wing's front door: what the rest of the code may use of the journal engine. Lint
 * stops imports past it (eslint.config.mjs); only the wing's own unit tests (test/unit/journal/)
 * reach its rooms. ARCHITECTURE.md says what each room holds.
 */

// The model: what a journal is, read and checked.
export { checkJournal, parseJournal, rubricOutsideProblem, STATEMENT_CODES, type Entry, type EntryData, type Journal, type JournalParse, type JournalRead } from './model';
export { ENTRY_KEYS, ENTRY_KINDS, shareRepeated } from './fields';
export { CREDENTIALS_CODE } from './fieldTypes';
export { profileProblem, targetLevelChoices, type Profile } from './profile';
export { loadJournal, type LoaderIo, type RubricRead } from './loader';

// Changing a journal: ops planned by the session, as text edits verified before they are written.
export { type CommitRelink, type JournalOp, type SelectionAnchor } from './ops';
export { JournalSession, journalSizeProblem, MAX_JOURNAL_BYTES, type PlanOutcome, type ReadMark, type Refusal } from './session';
export { addDimensionsEdit, entryWithChanges, JournalEditError, undoChanges, type EntryChanges, newJournalText, removedEntry, removeEntryEdit, restoreEntryEdit, type RemovedEntry, type RubricSwitch } from './edit';
export { applyEdit } from '../text/textEdit';
export { applyJournalChange, journalChange, type JournalChange } from './change';
export { type ByteView } from './fastReader';

// Evidence that arrives in bulk: commit trailers, and entries carried to another rubric.
export { decideTrailerImport, emptyTally, growthTrailers, knownStatements, normalizeEmail, parseTrailers, skippedTrailersMessage, tallyDecision, type TrailerCommit, type TrailerImportTally } from './trailers';
export { currentRubricRef, describeRubricSwitch, planRubricSwitch, rubricSwitchOp, switchMoves, type MissingId, type RubricSwitchPlan } from './rubricSwitch';
