// The demo workspace's journal (entries cite the statements they show): about 30 entries across this quarter and the previous one,
// dated relative to today so the demo always has a "this quarter". Its commit and selection
// entries cite real commits: demoHistory() lists the commits the workspace builder makes in
// the `app` repository, and demoJournal() is written from their hashes.
'use strict';

const EVIDENCE = [
  ['commit', 'Rejected JWTs signed with alg "none" in the auth middleware', ['technical-depth', 'risk-management'], 'senior', 'Found during a review of the login flow. Added a test per algorithm and a lint rule so it cannot come back.', 'src/middleware/jwt.ts'],
  ['note', 'Led the post-mortem for the session-fixation incident', ['incident-response', 'communication'], 'senior', 'Wrote the timeline, ran the review with three teams, and tracked six follow-ups to done.', null, ['incident-response/senior/2', 'incident-response/senior/3']],
  ['selection', 'Threat-model helper that new services run in CI', ['process-tooling'], 'senior', null, 'tools/threat-model.ts', ['process-tooling/senior/3']],
  ['note', 'Mentored a new hire through their first security review', ['mentorship'], 'mid', 'Weekly pairing; they now run reviews on their own.'],
  ['commit', 'Added SAST to the monorepo pipeline with a baseline of known findings', ['process-tooling', 'continuous-improvement'], 'mid', null, 'ci/sast.yml'],
  ['note', 'Explained the SSRF risk of the PDF renderer to the product leads', ['communication', 'business-acumen'], 'senior', 'Framed it as customer data exposure and cost; the fix was scheduled the same sprint.', null, ['communication/senior/1', 'business-acumen/senior/1']],
  ['note', 'Drafted the SOC 2 evidence checklist for the platform team', ['compliance-expertise', 'risk-management'], 'mid', null],
  ['commit', 'Rotated signing keys without downtime using a key-id header', ['technical-depth', 'ownership'], 'senior', null, 'src/keys.ts', ['ownership/senior/4']],
  ['note', 'Ran a secure-coding workshop for the payments team', ['mentorship', 'technical-depth'], 'senior', 'Forty engineers; the slides are in the wiki.', null, ['mentorship/senior/2', 'technical-depth/senior/4']],
  ['note', 'Chose to delay the SSO launch a week to fix the redirect validation', ['decision-making', 'risk-management'], 'senior', 'Trade-off agreed with the product owner; no customer impact.', null, ['risk-management/senior/1', 'risk-management/senior/2']],
  ['selection', 'Rate limiter for the password-reset endpoint', ['problem-solving'], 'mid', null, 'src/rate-limit.ts'],
  ['note', 'Represented security in the quarterly architecture review', ['meeting-participation', 'collaboration'], 'mid', null],
  ['commit', 'Fixed path traversal in the export service', ['problem-solving', 'technical-depth'], 'mid', null, 'src/export/paths.ts'],
  ['note', 'Evaluated two dependency-scanning vendors and recommended one', ['vendor-management', 'process-tooling'], 'mid', 'Scored both on false positives, SBOM support and price.'],
  ['note', 'Planned the secrets-manager migration with the infra team', ['autonomy', 'collaboration'], 'mid', null],
];

/** The previous quarter's evidence: earlier, smaller work, mostly at the current level. */
const EARLIER = [
  ['commit', 'Added CSRF tokens to the account-settings forms', ['technical-depth'], 'mid', 'Covered the three forms the scanner flagged, with tests.', 'src/settings/csrf.ts'],
  ['note', 'Triaged the quarterly pentest report with the platform team', ['risk-management', 'collaboration'], 'mid', 'Ranked 14 findings by exploitability; 9 fixed within the quarter.'],
  ['selection', 'Input validation helper for the search API', ['problem-solving'], 'mid', null, 'src/search/validate.ts'],
  ['note', 'Paired with a junior engineer on their first threat model', ['mentorship'], 'mid', null],
  ['commit', 'Pinned and verified third-party GitHub Actions', ['process-tooling', 'risk-management'], 'senior', 'Supply-chain hardening across 40 repositories, rolled out with no broken builds.', 'ci/actions.yml', ['process-tooling/senior/3']],
  ['note', 'Presented the auth redesign at the engineering all-hands', ['communication', 'meeting-participation'], 'mid', null],
  ['note', 'On call for the credential-stuffing spike; coordinated the WAF rules', ['incident-response', 'crisis-management'], 'senior', 'Blocked the attack within 40 minutes and wrote the timeline the same day.', null, ['incident-response/senior/1', 'crisis-management/senior/1']],
  ['commit', 'Removed a hard-coded API key and moved it to the secrets manager', ['ownership'], 'mid', null, 'src/config/secrets.ts'],
  ['note', 'Mapped our controls to ISO 27001 Annex A for the audit', ['compliance-expertise'], 'mid', null],
  ['note', 'Proposed the security-champions programme to two team leads', ['strategic-thinking', 'collaboration'], 'mid', 'Both teams nominated a champion; first sync booked.'],
  ['selection', 'Safer deserialisation wrapper for queue messages', ['technical-depth', 'problem-solving'], 'senior', null, 'src/queue/decode.ts'],
  ['note', 'Chose the dependency-update cadence with the release managers', ['decision-making'], 'mid', null],
];

function isoDaysAgo(today, days) {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - days));
  return d.toISOString().slice(0, 10);
}

function quote(text) {
  return JSON.stringify(text);
}

/** The lines every selection entry cites: the heart of the file its commit adds. */
const SELECTED = { startLine: 10, endLine: 14 };

/** A small source file for a demo commit; its lines 10-14 are the part worth citing. */
function demoSource(file, title) {
  const yaml = file.endsWith('.yml');
  const comment = yaml ? '#' : '//';
  const body = yaml
    ? ['name: security', 'on: [push, pull_request]', 'jobs:', '  check:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - run: npm ci', '      - run: npm run security:check', '      - run: npm run security:report', '      - run: echo "baseline kept in security/baseline.json"', '# end']
    : ['export interface Request {', '  path: string;', '  user?: string;', '  body: unknown;', '}', '', 'export function check(request: Request): string | undefined {', "  if (!request.user) return 'not signed in';", "  if (request.path.includes('..')) return 'path leaves its folder';", "  if (typeof request.body !== 'object') return 'body is not an object';", '  return undefined;', '}'];
  return [`${comment} ${title}.`, `${comment} Demo workspace: the demo journal cites this file.`, '', ...body, ''].join('\n');
}

/** Each list's entries with the number of days before `today` they fall on: the previous quarter, then this one. */
function passes(today) {
  const quarterStartMonth = Math.floor(today.getMonth() / 3) * 3;
  const daysIntoQuarter = Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.UTC(today.getFullYear(), quarterStartMonth, 1)) / 86_400_000);
  // The previous quarter lies just before this quarter's first day.
  return [
    { pass: 0, list: EARLIER, from: daysIntoQuarter + 1, span: 85 },
    { pass: 1, list: EVIDENCE, from: 0, span: daysIntoQuarter },
  ].map(({ pass, list, from, span }) => ({ pass, entries: list.map((entry, i) => ({ entry, i, days: from + Math.floor(((list.length - 1 - i) * span) / list.length) })) }));
}

/** The subject of the commit an entry cites: a commit entry's title, or the commit that added a selected file. */
function commitSubject(kind, title) {
  return kind === 'selection' ? `feat: ${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}

/**
 * The commits the demo journal cites, oldest first, for the workspace builder to make in `app`:
 * one per commit entry, and one adding each selected file, on the entry's date.
 */
function demoHistory(today = new Date()) {
  return passes(today)
    .flatMap(({ entries }) => entries)
    .filter(({ entry: [kind] }) => kind !== 'note')
    .map(({ entry: [kind, title, , , , file], days }) => ({ days, file, content: demoSource(file, title), message: commitSubject(kind, title) }))
    .sort((a, b) => b.days - a.days);
}

/** The journal, citing the commits of demoHistory(): `shaOf(subject)` is the hash of the `app` commit with that subject. */
function demoJournal(shaOf, today = new Date()) {
  const lines = [
    '# Growth journal: evidence of growth against a career rubric.',
    '# This is the demo workspace. Edit it by hand or tag evidence from the Growth view.',
    'version: 1',
    'rubric: product-security',
    'profile:',
    '  currentLevel: mid',
    '  targetLevel: senior',
    'entries:',
  ];
  let n = 0;
  for (const { pass, entries } of passes(today)) {
    for (const { entry: [kind, title, dimensions, level, note, file, statements], i, days } of entries) {
      n++;
      const date = isoDaysAgo(today, days);
      const subject = commitSubject(kind, title);
      const sha = kind === 'note' ? undefined : shaOf(subject);
      if (kind !== 'note' && !/^[0-9a-f]{40}$/.test(sha ?? '')) throw new Error(`The demo repository has no commit "${subject}".`);
      // A note has no hash to name it by: a fixed sequence keeps its id stable from day to day.
      const id = `ev-${date.replace(/-/g, '')}-${(sha ?? (0x3f2a1c + n * 7919).toString(16)).slice(0, 6)}`;
      lines.push(`  - id: ${id}`, `    date: ${date}`, `    kind: ${kind}`, `    title: ${quote(title)}`, `    dimensions: [${dimensions.join(', ')}]`, `    level: ${level}`);
      if (kind === 'commit') lines.push('    commit:', `      sha: ${sha}`, '      repo: git@github.com:acme/app.git', `      subject: ${quote(title)}`);
      if (kind === 'selection') {
        const { startLine, endLine } = SELECTED;
        lines.push('    selection:', `      file: app/${file}`, `      startLine: ${startLine}`, `      endLine: ${endLine}`, `      sha: ${sha}`, `      link: "https://github.com/acme/app/blob/${sha}/${file}#L${startLine}-L${endLine}"`);
      }
      if (note) lines.push(`    note: ${quote(note)}`);
      // The statements this evidence shows, as a person writes them by hand: refs without fingerprints.
      if (statements) lines.push(`    statements: [${statements.join(', ')}]`);
      if (i === 6 && pass === 1) lines.push('    private: true');
    }
  }
  return lines.join('\n') + '\n';
}

module.exports = { demoHistory, demoJournal, SELECTED };
