/**
 * Ladders are pages, not databases: past this many characters a text is refused rather than
 * parsed. Its own module, so the extension checks a file's size without loading the importer.
 */
export const MAX_LADDER_CHARS = 2_000_000;
