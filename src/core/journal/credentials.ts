import { withoutCredentials } from '../git/remoteUrl';
import { type EntryData } from './model';

/** An entry with every URL it records (commit.repo, selection.link) stripped of credentials. */
export function entryWithoutCredentials<E extends EntryData>(entry: E): E {
  return {
    ...entry,
    ...(entry.commit?.repo !== undefined ? { commit: { ...entry.commit, repo: withoutCredentials(entry.commit.repo) } } : {}),
    ...(entry.selection?.link !== undefined ? { selection: { ...entry.selection, link: withoutCredentials(entry.selection.link) } } : {}),
  };
}
