import { parseJournalSource } from './src/core/fastJournal';
import { parseJournal } from './src/core/journal';
const lines = ['version: 1','rubric: product-security','profile:','  currentLevel: mid','  targetLevel: senior','entries:'];
for (let i = 0; i < 10000; i++) {
  lines.push(`  - id: ev-20261127-${i.toString(16).padStart(6,'0')}`, `    date: 2026-11-${String(1+i%28).padStart(2,'0')}`, '    kind: commit', `    title: "Hardened token validation #${i}: quotes \\"x\\""`, '    dimensions: [technical-depth, risk-management]', '    level: senior', '    commit:', `      sha: a${(i*7919).toString(16).padEnd(39,'0')}`, '      repo: git@github.com:acme/app.git', `      subject: "fix(auth): thing ${i}"`, '    note: |', '      What happened, why it mattered, what changed.', '      Second line of the note with more words in it.');
}
const text = lines.join('\n') + '\n';
for (let k = 0; k < 4; k++) {
  let t = performance.now(); const s = parseJournalSource(text); const a = performance.now() - t;
  t = performance.now(); parseJournal(text); const b = performance.now() - t;
  console.log('source', a.toFixed(0), 'whole', b.toFixed(0), !!s);
}
