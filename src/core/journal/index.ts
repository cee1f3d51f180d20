/**
 * The journal wing's front door: what the rest of the code may use of the journal engine. Lint
 * stops imports past it (eslint.config.mjs); only the wing's own unit tests (test/unit/journal/)
 * reach its rooms. ARCHITECTURE.md says what each room holds.
 */

// The model: what a journal is, read and checked.
export { checkJournal, CREDENTIALS_CODE, ENTRY_KEYS, ENTRY_KINDS, parseJournal, rubricOutsideProblem, STATEMENT_CODES, type Entry, type EntryData, type Journal, type JournalParse } from './model';
export { profileProblem, targetLevelChoices, type Profile } from './profile';
export { loadJournal, type LoaderIo, type RubricRead } from './loader';

// Changing a journal: ops planned by the session, as text edits verified before they are written.
export { type JournalOp } from './ops';
export { JournalSession, journalSizeProblem, MAX_JOURNAL_BYTES, type PlanOutcome, type ReadMark, type ReadOutcome, type Refusal } from './session';
export { applyEdit, addDimensionsEdit, JournalEditError, newJournalText, removedEntry, removeEntryEdit, restoreEntryEdit, type RemovedEntry, type RubricSwitch } from './edit';
export { applyJournalChange, journalChange, type JournalChange } from './change';
export { type ByteView } from './fastReader';

// Evidence that arrives in bulk: commit trailers, and entries carried to another rubric.
export { decideTrailerImport, emptyTally, growthTrailers, knownStatements, normalizeEmail, parseTrailers, skippedTrailersMessage, tallyDecision, type TrailerCommit, type TrailerImportTally } from './trailers';
export { planRubricSwitch, type MissingId } from './rubricSwitch';
