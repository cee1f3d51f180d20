/** Web links for code on the common forges, built from a git remote URL. Text only: nothing is fetched. */

type Forge = 'github' | 'gitlab' | 'bitbucket' | 'azure';

export interface ForgeRepo {
  forge: Forge;
  /** e.g. https://github.com/org/repo, without a trailing slash. */
  webUrl: string;
}

/** Recognises https and ssh remotes (`git@host:path`, `ssh://git@host/path`). */
export function forgeRepo(remote: string): ForgeRepo | undefined {
  const parsed = splitRemote(remote.trim());
  if (!parsed) return undefined;
  const { host, path } = parsed;
  const clean = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  const lower = host.toLowerCase();
  if (lower === 'ssh.dev.azure.com' || lower === 'vs-ssh.visualstudio.com') {
    const [, org, project, repo] = /^v3\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(clean) ?? [];
    return org ? { forge: 'azure', webUrl: `https://dev.azure.com/${org}/${project}/_git/${repo}` } : undefined;
  }
  if (lower === 'dev.azure.com') {
    return /^[^/]+\/[^/]+\/_git\/[^/]+$/.test(clean) ? { forge: 'azure', webUrl: `https://dev.azure.com/${clean}` } : undefined;
  }
  if (lower.endsWith('.visualstudio.com')) {
    const org = lower.slice(0, -'.visualstudio.com'.length);
    const m = /^(?:DefaultCollection\/)?([^/]+)\/_git\/([^/]+)$/.exec(clean);
    return m ? { forge: 'azure', webUrl: `https://dev.azure.com/${org}/${m[1]}/_git/${m[2]}` } : undefined;
  }
  if (!clean.includes('/')) return undefined;
  const webUrl = `https://${host}/${clean}`;
  if (lower === 'github.com' || lower.startsWith('github.')) return { forge: 'github', webUrl };
  if (lower === 'gitlab.com' || lower.startsWith('gitlab.')) return { forge: 'gitlab', webUrl };
  if (lower === 'bitbucket.org' || lower.startsWith('bitbucket.')) return { forge: 'bitbucket', webUrl };
  return undefined;
}

function splitRemote(remote: string): { host: string; path: string } | undefined {
  const url = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?(\/.*)$/.exec(remote);
  if (url) return { host: url[1], path: url[2] };
  const scp = /^(?:[^@/]+@)?([^/:]+):(.+)$/.exec(remote);
  return scp ? { host: scp[1], path: scp[2] } : undefined;
}

export function commitUrl(remote: string, sha: string): string | undefined {
  const prefix = commitUrlPrefix(remote);
  return prefix === undefined ? undefined : `${prefix}${sha}`;
}

/** A commit's URL on the remote's forge, less the sha that ends it: worked out once per remote for a list of many commits. */
export function commitUrlPrefix(remote: string): string | undefined {
  const repo = forgeRepo(remote);
  if (!repo) return undefined;
  switch (repo.forge) {
    case 'github':
    case 'azure':
      return `${repo.webUrl}/commit/`;
    case 'gitlab':
      return `${repo.webUrl}/-/commit/`;
    case 'bitbucket':
      return `${repo.webUrl}/commits/`;
  }
}

/** A permalink to lines of a file at a commit; `file` is repository-relative with forward slashes. */
export function fileUrl(remote: string, sha: string, file: string, startLine: number, endLine: number): string | undefined {
  const repo = forgeRepo(remote);
  if (!repo) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  const single = startLine === endLine;
  switch (repo.forge) {
    case 'github':
      return `${repo.webUrl}/blob/${sha}/${path}#L${startLine}${single ? '' : `-L${endLine}`}`;
    case 'gitlab':
      return `${repo.webUrl}/-/blob/${sha}/${path}#L${startLine}${single ? '' : `-${endLine}`}`;
    case 'bitbucket':
      return `${repo.webUrl}/src/${sha}/${path}#lines-${startLine}${single ? '' : `:${endLine}`}`;
    case 'azure':
      return `${repo.webUrl}?path=/${path}&version=GC${sha}&line=${startLine}&lineEnd=${endLine + 1}&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`;
  }
}
