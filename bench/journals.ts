/** Deterministic journals for the benchmark: realistic variety, sizes from 100 to 50,000 entries. */

const TITLES = [
  'Hardened token validation in the auth middleware',
  'Led the post-mortem for the session-fixation incident',
  'Threat-model helper that new services run in CI',
  'Mentored a new hire through their first security review',
  'Explained the SSRF risk of the PDF renderer to product: "fix before launch"',
  'Rotated signing keys without downtime # zero-downtime',
  'Ran a secure-coding workshop 🚀 for the payments team',
];
const DIMS = ['technical-depth', 'risk-management', 'communication', 'incident-response', 'process-tooling', 'mentorship', 'collaboration'];
const LEVELS = ['associate', 'mid', 'senior'];
// Statements an entry cites: as a person writes them, and fingerprinted as the extension writes them.
const REFS = ['risk-management/senior/1', 'technical-depth/mid/2@de8548', 'communication/senior/1', 'incident-response/senior/2@a36ffd'];

export function benchJournal(count: number, options: { crlf?: boolean } = {}): string {
  const lines = [
    '# Growth journal: evidence of growth against a career rubric.',
    'version: 1',
    'rubric: product-security',
    'profile:',
    '  currentLevel: mid   # since the spring review',
    '  targetLevel: senior',
    'entries:',
  ];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor((i * 900) / count) * 86_400_000).toISOString().slice(0, 10);
    const kind = i % 3 === 0 ? 'commit' : i % 3 === 1 ? 'note' : 'selection';
    const sha = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0') + 'c0ffee'.repeat(5) + '01';
    if (i % 50 === 0) lines.push(`  # ${day.slice(0, 7)}: notes for the month`);
    lines.push(`  - id: ev-${day.replace(/-/g, '')}-${sha.slice(0, 6)}`, `    date: ${day}`, `    kind: ${kind}`);
    const title = TITLES[i % TITLES.length];
    lines.push(`    title: ${/[:#"]/.test(title) ? JSON.stringify(title) : title}`);
    lines.push(`    dimensions: [${DIMS[i % DIMS.length]}, ${DIMS[(i * 3 + 1) % DIMS.length]}]`, `    level: ${LEVELS[i % 3]}`);
    if (kind === 'commit') lines.push('    commit:', `      sha: ${sha}`, '      repo: git@github.com:acme/app.git', `      subject: ${JSON.stringify(`fix(auth): change ${i}`)}`);
    if (kind === 'selection') lines.push('    selection:', '      file: src/auth/validate.ts', `      startLine: ${10 + (i % 40)}`, `      endLine: ${60 + (i % 40)}`, `      sha: ${sha}`);
    if (i % 5 === 0) lines.push(`    statements: [${REFS[i % REFS.length]}${i % 10 === 0 ? `, ${REFS[(i + 1) % REFS.length]}` : ''}]`);
    if (i % 2 === 0) lines.push('    note: |', '      What happened, why it mattered, what changed.', '      A second line: with a colon, and a # that is not a comment.');
    if (i % 17 === 0) lines.push('    private: true');
  }
  const text = lines.join('\n') + '\n';
  return options.crlf ? text.replace(/\n/g, '\r\n') : text;
}
