import assert from 'node:assert/strict';
import { parsePeriod, periodOfDate, periodTitle, resolveViewPeriod } from '../../src/core/time/periods';

describe('periods', () => {
  it('reads quarters, halves, years and ranges', () => {
    assert.deepEqual(parsePeriod('2026-Q4')?.range, { start: '2026-10-01', end: '2026-12-31' });
    assert.deepEqual(parsePeriod('2026-H2')?.range, { start: '2026-07-01', end: '2026-12-31' });
    assert.deepEqual(parsePeriod('2026-H1')?.range, { start: '2026-01-01', end: '2026-06-30' });
    assert.deepEqual(parsePeriod('2026')?.range, { start: '2026-01-01', end: '2026-12-31' });
    assert.deepEqual(parsePeriod('2026-03-01..2026-08-31')?.range, { start: '2026-03-01', end: '2026-08-31' });
    assert.equal(periodTitle(parsePeriod('2026-H2')!), '2026-H2 (Jul–Dec 2026)');
    assert.equal(periodTitle(parsePeriod('2026-Q4')!), '2026-Q4 (Oct–Dec 2026)');
    assert.equal(periodTitle(parsePeriod('2026-03-01..2026-08-31')!), '2026-03-01 to 2026-08-31');
  });

  it('respects the fiscal year: halves and years are named by the year they end in', () => {
    assert.deepEqual(parsePeriod('2027-H1', 4)?.range, { start: '2026-04-01', end: '2026-09-30' });
    assert.deepEqual(parsePeriod('2027', 4)?.range, { start: '2026-04-01', end: '2027-03-31' });
    assert.equal(periodTitle(parsePeriod('2027', 4)!), '2027 (Apr 2026–Mar 2027)');
    assert.equal(periodOfDate('half', '2026-11-27', 4).label, '2027-H2');
    assert.equal(periodOfDate('year', '2026-11-27', 4).label, '2027');
    assert.equal(periodOfDate('quarter', '2026-11-27').label, '2026-Q4');
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2026-Q5', '2026-H3', '26', '2026-02-30..2026-03-01', '2026-08-31..2026-03-01', 'last year', '']) assert.equal(parsePeriod(bad), undefined, bad);
  });

  it('resolves what a view is set to: rolling quarters, all time, or a fixed period', () => {
    const today = '2026-11-27';
    assert.deepEqual(resolveViewPeriod('quarter', today), { key: 'quarter', range: { start: '2026-10-01', end: '2026-12-31' }, short: '2026-Q4', phrase: 'this quarter', long: 'this quarter (2026-Q4)' });
    assert.deepEqual(resolveViewPeriod('previous', today).range, { start: '2026-07-01', end: '2026-09-30' });
    assert.deepEqual(resolveViewPeriod('all', today), { key: 'all', short: 'all time', phrase: 'all time', long: 'all time' });
    assert.deepEqual(resolveViewPeriod('2026-H2', today), { key: '2026-H2', range: { start: '2026-07-01', end: '2026-12-31' }, short: '2026-H2', phrase: 'in 2026-H2', long: 'in 2026-H2 (Jul–Dec 2026)' });
    assert.equal(resolveViewPeriod('2026-03-01..2026-08-31', today).long, 'from 2026-03-01 to 2026-08-31');
    assert.equal(resolveViewPeriod('2027-H1', today, 4).range?.start, '2026-04-01', 'fiscal year respected');
    assert.equal(resolveViewPeriod('not a period', today).key, 'quarter', 'a stale key falls back to this quarter');
  });
});
