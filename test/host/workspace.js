// Makes a fresh copy of a fixture workspace in a temp folder, with real git repositories
// whose history has the awkward commit messages that evidence must survive.
'use strict';
const { execFileSync } = require('node:child_process');
const { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { demoHistory } = require('./demo-journal');

const fixtures = join(__dirname, '..', 'fixtures');

/**
 * Commits in the order they are made; `days` is how many days ago. The demo journal's commits
 * (demoHistory) come after the first and before the rest, so the last commit stays the last.
 */
const APP_HISTORY = [
  { days: 200, file: 'README.md', message: 'Initial commit' },
  { days: 30, file: 'src/auth.ts', message: 'feat(auth): validate "alg" against an allow-list\n\nTokens signed with alg: none were accepted.\nThis closes the hole and adds tests.\n\nGrowth-Evidence: technical-depth, risk-management\nGrowth-Level: senior' },
  { days: 20, file: 'notes/review.md', message: 'docs: threat model for café ☕ checkout — "quotes", colons: and # hashes' },
  { days: 10, file: 'notes/incident.md', message: 'chore: post-mortem notes 🚒\n\n--- not a document marker\n# not a comment either\n\nGrowth-Evidence: incident-response' },
  { days: 1, file: 'notes/latest.md', message: 'fix: handle tokens without "sub"' },
];

function git(cwd, args, env = {}) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Dana Developer', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Developer', GIT_COMMITTER_EMAIL: 'dana@example.com', ...env },
  });
}

function initRepo(dir, history, remote) {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  // The person the workspace belongs to: trailer import takes only commits by this address.
  git(dir, ['config', 'user.name', 'Dana Developer']);
  git(dir, ['config', 'user.email', 'dana@example.com']);
  if (remote) git(dir, ['remote', 'add', 'origin', remote]);
  for (const { days, file, message, content } of history) {
    const path = join(dir, file);
    mkdirSync(join(path, '..'), { recursive: true });
    if (content !== undefined) writeFileSync(path, content);
    else if (!existsSync(path)) writeFileSync(path, `# ${file}\n`);
    else writeFileSync(path, `${readFileSync(path, 'utf8')}\n// touched ${days} days ago\n`);
    git(dir, ['add', '-A']);
    const when = new Date(Date.now() - days * 86_400_000).toISOString();
    git(dir, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  }
}

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.autofetch': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Otherwise a high-contrast theme is switched back when the OS is not in high contrast.
  'window.autoDetectHighContrast': false,
  // The web workbench saves after a second by default; desktop does not. Tests that keep edits
  // unsaved must not depend on finishing within that second.
  'files.autoSave': 'off',
};

/** The hash of the commit of `repo` whose subject is `subject`, for journals that cite real commits. */
function shaBySubject(repo) {
  const bySubject = new Map(git(repo, ['log', '--format=%H%x09%s']).trim().split('\n').map((line) => [line.slice(41), line.slice(0, 40)]));
  return (subject) => bySubject.get(subject);
}

/**
 * A two-folder workspace (`app`, a git repo with a GitHub remote, and `lib`, a second repo).
 * Returns paths; `journal` seeds app/.growth/journal.yaml: YAML text, or a function that gets
 * the hash of an `app` commit by its subject and returns the text (the demo journal is one).
 */
function makeWorkspace({ journal, theme, files = {}, prefix = 'growth-ws-', settings: extraSettings = {} } = {}) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(fixtures, 'workspace'), root, { recursive: true });
  const app = join(root, 'app');
  const lib = join(root, 'lib');
  initRepo(app, [APP_HISTORY[0], ...demoHistory(), ...APP_HISTORY.slice(1)], 'git@github.com:acme/app.git');
  initRepo(lib, [{ days: 5, file: 'index.ts', message: 'feat: the answer' }], 'https://gitlab.com/acme/lib.git');
  if (journal) {
    mkdirSync(join(app, '.growth'), { recursive: true });
    writeFileSync(join(app, '.growth', 'journal.yaml'), typeof journal === 'function' ? journal(shaBySubject(app)) : journal);
  }
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  // The Growth view opens on start: the demo and the UI check are about it.
  const settings = { ...SETTINGS, 'workbench.view.alwaysShowHeaderActions': true, ...(theme ? { 'workbench.colorTheme': theme } : {}), ...extraSettings };
  const workspaceFile = join(root, 'growth.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'app' }, { path: 'lib' }], settings }, null, 2));
  return { root, app, lib, workspaceFile };
}

module.exports = { makeWorkspace, shaBySubject, git };
