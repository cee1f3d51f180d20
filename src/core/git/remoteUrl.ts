/**
 * A URL fit to record in a journal that people commit: without user info
 * (`https://user:token@host/...`) and without a query, where tokens also hide. A fragment
 * (`#L10-L42`) stays. Scp-like remotes (`git@host:org/repo.git`) carry only a login name and
 * stay as they are.
 */
export function withoutCredentials(remote: string): string {
  const url = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/is.exec(remote);
  if (!url) return remote;
  const [, scheme, authority, path, , fragment] = url;
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : authority.slice(at + 1);
  return `${scheme}${host}${path}${fragment ?? ''}`;
}

/** Whether a recorded URL still carries credentials or a query. */
export function hasCredentials(remote: string): boolean {
  return withoutCredentials(remote) !== remote;
}
