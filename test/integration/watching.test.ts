import { writeFile } from 'node:fs/promises';
import { HEADER, journalUri, setJournal, useExtension, waitFor } from './helpers';

// The host's file watcher (a native module VS Code's server builds at install) must reach the extension.
describe('the journal on disk', () => {
  const api = useExtension();

  it('is read again when another program changes it, without a refresh', async () => {
    await setJournal(api(), HEADER);
    const title = 'Written by another program';
    const text = HEADER.replace('entries: []\n', `entries:\n  - id: w1\n    date: 2026-11-02\n    kind: note\n    title: ${title}\n    dimensions: [collaboration]\n`);
    await writeFile(journalUri().fsPath, text);
    await waitFor('the store to see the new entry', async () => (await api().services.store.snapshot()).journal?.entries.some((e) => e.title === title), 30_000);
  });
});
