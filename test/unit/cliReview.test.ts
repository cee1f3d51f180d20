import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, run } from './helpers';

describe('cli review', () => {
  let dir: string;
  const file = () => join(dir, '.growth/reviews/2026-Q4.md');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'growth-review-'));
    mkdirSync(join(dir, '.growth'));
    copyFileSync(join(root, 'test/fixtures/journals/packet.yaml'), join(dir, '.growth/journal.yaml'));
  });

  it('writes .growth/reviews/<period>.md in a folder kept out of git, and keeps words written between runs', async () => {
    const first = await run(['review', '--period', '2026-Q4'], dir);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /Wrote \.growth\/reviews\/2026-Q4\.md/);
    assert.equal(readFileSync(join(dir, '.growth/reviews/.gitignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).join(), '*');
    const lines = readFileSync(file(), 'utf8').split('\n');
    const heading = lines.findIndex((l) => l.startsWith('### Balances security and business needs expertly.'));
    lines.splice(heading + 1, 0, 'I chose the slower rollout to keep customers safe.');
    writeFileSync(file(), lines.join('\n'));
    const second = await run(['review', '--period', '2026-Q4'], dir);
    assert.equal(second.code, 0, second.err);
    assert.match(second.err, /Updated .*keeping your words/);
    const text = readFileSync(file(), 'utf8');
    assert.equal(text.split('\n').filter((l) => l === 'I chose the slower rollout to keep customers safe.').length, 1);
    const packet = await run(['packet', '--period', '2026-Q4'], dir);
    assert.equal(packet.code, 0, packet.err);
    assert.match(packet.out, /#### Balances security and business needs expertly\.[\s\S]*?_In my words \(from my self-review\):_\n\n> I chose the slower rollout to keep customers safe\./);
  });

  it('--out and --level choose the file and level; --include-private adds private entries', async () => {
    const r = await run(['review', '--period', '2026-Q4', '--level', 'mid', '--out', 'mine.md', '--include-private'], dir);
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(join(dir, 'mine.md'), 'utf8');
    assert.match(text, /^# Self-review: Mid/);
    assert.match(text, /Private reflection/);
    assert.ok(!existsSync(join(dir, '.growth/reviews')));
  });

  it('an unknown period or level gets the same errors as summary; a review that is not UTF-8 is refused with its place', async () => {
    const period = await run(['review', '--period', 'next-ish'], dir);
    const summaryPeriod = await run(['summary', '--period', 'next-ish'], dir);
    assert.equal(period.code, 2);
    assert.equal(period.err, summaryPeriod.err);
    const noPeriod = await run(['review'], dir);
    assert.equal(noPeriod.code, 2);
    assert.match(noPeriod.err, /review needs --period/);
    const level = await run(['review', '--period', '2026-Q4', '--level', 'wizard'], dir);
    assert.equal(level.code, 2);
    assert.match(level.err, /--level "wizard" is not a level of Product Security Career Pathway: use one of /);
    mkdirSync(join(dir, '.growth/reviews'));
    writeFileSync(file(), Buffer.from([0x23, 0x20, 0x0a, 0x61, 0xff, 0x0a]));
    const broken = await run(['review', '--period', '2026-Q4'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /2026-Q4\.md:2:2: error: .*run this again/);
    assert.deepEqual([...readFileSync(file())], [0x23, 0x20, 0x0a, 0x61, 0xff, 0x0a], 'left as it was');
  });
});
