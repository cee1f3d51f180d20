import assert from 'node:assert/strict';
import { notAPeriod, parsePeriod, periodOfDate, periodTitle, resolveViewPeriod } from '../../src/core/time/periods';
import { random } from './helpers';

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

  it('writes years 0001-9999 with four digits, in and out, and refuses any other year', () => {
    assert.equal(parsePeriod('0999-Q2')?.label, '0999-Q2');
    assert.deepEqual(parsePeriod('0999')?.range, { start: '0999-01-01', end: '0999-12-31' });
    assert.equal(parsePeriod('0500-H1')?.label, '0500-H1');
    assert.deepEqual(parsePeriod('0004-Q1')?.range, { start: '0004-01-01', end: '0004-03-31' });
    assert.equal(parsePeriod('0100-H1')?.range.end, '0100-06-30');
    assert.equal(parsePeriod('0004-02-01..0004-02-29')?.label, '0004-02-01..0004-02-29', 'year 4 is a leap year');
    assert.equal(parsePeriod('0100-02-01..0100-02-29'), undefined, 'year 100 is not');
    assert.equal(parsePeriod('0001-Q1')?.label, '0001-Q1');
    assert.equal(parsePeriod('9999-Q4')?.range.end, '9999-12-31');
    assert.equal(periodOfDate('quarter', '0999-05-01').label, '0999-Q2');
    assert.equal(periodOfDate('half', '0999-05-01').label, '0999-H1');
    assert.equal(periodOfDate('year', '0042-05-01').label, '0042');
    for (const bad of ['0000', '0000-Q1', '0000-H2', '0000-01-01..0001-01-01', '10000', '999', '+2026', '2026-Q0']) assert.equal(parsePeriod(bad), undefined, bad);
    // With an April start, fiscal 0001 would begin in the year 0000.
    assert.equal(parsePeriod('0001', 4), undefined);
    assert.equal(parsePeriod('0002', 4)?.range.start, '0001-04-01');
  });

  it('never throws on any text, and every period it reads reads again as itself (random strings)', () => {
    const rnd = random(21);
    const pieces = ['0', '1', '9', '0999', '0000', '2026', '-', 'Q', 'H', 'FY', '..', ' ', 'q4', '-02-29', '-13-01', '\u0000', '💥', '10000', 'x'];
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: rnd.int(7) }, () => (rnd.next() < 0.8 ? rnd.pick(pieces) : String.fromCharCode(rnd.int(0x3000)))).join('');
      for (const start of [1, 4, 12]) {
        const period = parsePeriod(text, start);
        if (!period) continue;
        assert.match(period.label, /^(?:\d{4}(?:-[QH]\d)?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/, text);
        assert.deepEqual(parsePeriod(period.label, start), period, text);
      }
    }
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2026-Q5', '2026-H3', '26', '2026-02-30..2026-03-01', '2026-08-31..2026-03-01', 'last year', '']) assert.equal(parsePeriod(bad), undefined, bad);
  });

  it('says why a text is no period: a date that is not real, a range that ends before it starts, year 0000', () => {
    assert.equal(notAPeriod('2026-02-30..2026-03-01'), '"2026-02-30..2026-03-01" is not a period: 2026-02-30 is not a real calendar date.');
    assert.equal(notAPeriod('2026-08-31..2026-03-01'), '"2026-08-31..2026-03-01" is not a period: it ends before it starts; write the earlier date first.');
    assert.equal(notAPeriod('0000-Q1'), '"0000-Q1" is not a period: years run from 0001 to 9999.');
    assert.match(notAPeriod('last year'), /^"last year" is not a period: write a quarter \(2026-Q4\)/);
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
