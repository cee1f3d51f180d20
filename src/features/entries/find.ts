import { type Entry } from '../../core/journal';
import { dimensionNames, type Rubric } from '../../core/rubric/rubric';
import { evidenceMatcher, type MatchField } from '../../core/reports/search';
import { type EvidenceChoice } from '../../host/ui/prompts';

/** As many entries as a list can usefully show; typing more words narrows it. */
const MAX_FOUND = 200;
const KIND_ICON = { commit: 'git-commit', selection: 'code', note: 'note' } as const;

/** What Find Evidence lists for `text`: the entries holding it, newest first, each saying where it was found. */
export function evidenceChoices(rubric: Rubric | undefined, entries: readonly Entry[], text: string): EvidenceChoice[] {
  const match = evidenceMatcher(rubric, { text });
  const found: { entry: Entry; field: MatchField }[] = [];
  for (const entry of entries) {
    const field = match(entry);
    if (field) found.push({ entry, field });
  }
  found.sort((a, b) => (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : b.entry.line - a.entry.line));
  return found.slice(0, MAX_FOUND).map(({ entry, field }) => ({
    entryId: entry.id,
    label: `$(${entry.private ? 'lock' : KIND_ICON[entry.kind]}) ${entry.title}`,
    description: [entry.date, dimensionNames(rubric, entry.dimensions)].filter(Boolean).join(' · '),
    ...(text.trim() && field !== 'title' ? { detail: `Found in the ${where(entry, field)}` } : {}),
  }));
}

function where(entry: Entry, field: MatchField): string {
  switch (field) {
    case 'details':
      return 'details';
    case 'commit':
      return `commit ${entry.commit!.sha.slice(0, 7)}${entry.commit!.subject ? `: ${entry.commit!.subject}` : ''}`;
    case 'file':
      return `file ${entry.selection!.file}:${entry.selection!.startLine}-${entry.selection!.endLine}`;
    case 'dimension':
      return 'dimensions';
    default:
      return 'statements cited';
  }
}
