// The demo workspace's journal (entries cite the statements they show): about 30 entries across this quarter and the previous one,
// dated relative to today so the demo always has a "this quarter". Deterministic for a given day.
'use strict';

const EVIDENCE = [
  ['commit', 'Rejected JWTs signed with alg "none" in the auth middleware', ['technical-depth', 'risk-management'], 'senior', 'Found during a review of the login flow. Added a test per algorithm and a lint rule so it cannot come back.'],
  ['note', 'Led the post-mortem for the session-fixation incident', ['incident-response', 'communication'], 'senior', 'Wrote the timeline, ran the review with three teams, and tracked six follow-ups to done.', ['incident-response/senior/2', 'incident-response/senior/3']],
  ['selection', 'Threat-model helper that new services run in CI', ['process-tooling'], 'senior', null, ['process-tooling/senior/3']],
  ['note', 'Mentored a new hire through their first security review', ['mentorship'], 'mid', 'Weekly pairing; they now run reviews on their own.'],
  ['commit', 'Added SAST to the monorepo pipeline with a baseline of known findings', ['process-tooling', 'continuous-improvement'], 'mid', null],
  ['note', 'Explained the SSRF risk of the PDF renderer to the product leads', ['communication', 'business-acumen'], 'senior', 'Framed it as customer data exposure and cost; the fix was scheduled the same sprint.', ['communication/senior/1', 'business-acumen/senior/1']],
  ['note', 'Drafted the SOC 2 evidence checklist for the platform team', ['compliance-expertise', 'risk-management'], 'mid', null],
  ['commit', 'Rotated signing keys without downtime using a key-id header', ['technical-depth', 'ownership'], 'senior', null, ['ownership/senior/4']],
  ['note', 'Ran a secure-coding workshop for the payments team', ['mentorship', 'technical-depth'], 'senior', 'Forty engineers; the slides are in the wiki.', ['mentorship/senior/2', 'technical-depth/senior/4']],
  ['note', 'Chose to delay the SSO launch a week to fix the redirect validation', ['decision-making', 'risk-management'], 'senior', 'Trade-off agreed with the product owner; no customer impact.', ['risk-management/senior/1', 'risk-management/senior/2']],
  ['selection', 'Rate limiter for the password-reset endpoint', ['problem-solving'], 'mid', null],
  ['note', 'Represented security in the quarterly architecture review', ['meeting-participation', 'collaboration'], 'mid', null],
  ['commit', 'Fixed path traversal in the export service', ['problem-solving', 'technical-depth'], 'mid', null],
  ['note', 'Evaluated two dependency-scanning vendors and recommended one', ['vendor-management', 'process-tooling'], 'mid', 'Scored both on false positives, SBOM support and price.'],
  ['note', 'Planned the secrets-manager migration with the infra team', ['autonomy', 'collaboration'], 'mid', null],
];

/** The previous quarter's evidence: earlier, smaller work, mostly at the current level. */
const EARLIER = [
  ['commit', 'Added CSRF tokens to the account-settings forms', ['technical-depth'], 'mid', 'Covered the three forms the scanner flagged, with tests.'],
  ['note', 'Triaged the quarterly pentest report with the platform team', ['risk-management', 'collaboration'], 'mid', 'Ranked 14 findings by exploitability; 9 fixed within the quarter.'],
  ['selection', 'Input validation helper for the search API', ['problem-solving'], 'mid', null],
  ['note', 'Paired with a junior engineer on their first threat model', ['mentorship'], 'mid', null],
  ['commit', 'Pinned and verified third-party GitHub Actions', ['process-tooling', 'risk-management'], 'senior', 'Supply-chain hardening across 40 repositories, rolled out with no broken builds.', ['process-tooling/senior/3']],
  ['note', 'Presented the auth redesign at the engineering all-hands', ['communication', 'meeting-participation'], 'mid', null],
  ['note', 'On call for the credential-stuffing spike; coordinated the WAF rules', ['incident-response', 'crisis-management'], 'senior', 'Blocked the attack within 40 minutes and wrote the timeline the same day.', ['incident-response/senior/1', 'crisis-management/senior/1']],
  ['commit', 'Removed a hard-coded API key and moved it to the secrets manager', ['ownership'], 'mid', null],
  ['note', 'Mapped our controls to ISO 27001 Annex A for the audit', ['compliance-expertise'], 'mid', null],
  ['note', 'Proposed the security-champions programme to two team leads', ['strategic-thinking', 'collaboration'], 'mid', 'Both teams nominated a champion; first sync booked.'],
  ['selection', 'Safer deserialisation wrapper for queue messages', ['technical-depth', 'problem-solving'], 'senior', null],
  ['note', 'Chose the dependency-update cadence with the release managers', ['decision-making'], 'mid', null],
];

function isoDaysAgo(today, days) {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - days));
  return d.toISOString().slice(0, 10);
}

function quote(text) {
  return JSON.stringify(text);
}

/** Two passes over the evidence list: one in the previous quarter, one in this one. */
function demoJournal(today = new Date()) {
  const quarterStartMonth = Math.floor(today.getMonth() / 3) * 3;
  const daysIntoQuarter = Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.UTC(today.getFullYear(), quarterStartMonth, 1)) / 86_400_000);
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
  // Days ago: the previous quarter lies just before this quarter's first day.
  const passes = [
    { pass: 0, list: EARLIER, from: daysIntoQuarter + 1, span: 85 },
    { pass: 1, list: EVIDENCE, from: 0, span: daysIntoQuarter },
  ];
  for (const { pass, list, from, span } of passes) {
    list.forEach(([kind, title, dimensions, level, note, statements], i) => {
      const date = isoDaysAgo(today, from + Math.floor(((list.length - 1 - i) * span) / list.length));
      const sha = (0x3f2a1c0 + n * 7919).toString(16).padEnd(40, '0');
      const id = `ev-${date.replace(/-/g, '')}-${sha.slice(0, 6)}`;
      n++;
      lines.push(`  - id: ${id}`, `    date: ${date}`, `    kind: ${kind}`, `    title: ${quote(title)}`, `    dimensions: [${dimensions.join(', ')}]`, `    level: ${level}`);
      if (kind === 'commit') lines.push('    commit:', `      sha: ${sha}`, '      repo: git@github.com:acme/app.git', `      subject: ${quote(title)}`);
      if (kind === 'selection') lines.push('    selection:', '      file: app/src/auth.ts', '      startLine: 10', '      endLine: 14', `      sha: ${sha}`, `      link: "https://github.com/acme/app/blob/${sha}/src/auth.ts#L10-L14"`);
      if (note) lines.push(`    note: ${quote(note)}`);
      // The statements this evidence shows, as a person writes them by hand: refs without fingerprints.
      if (statements) lines.push(`    statements: [${statements.join(', ')}]`);
      if (i === 6 && pass === 1) lines.push('    private: true');
    });
  }
  return lines.join('\n') + '\n';
}

module.exports = { demoJournal };

if (require.main === module) process.stdout.write(demoJournal());
