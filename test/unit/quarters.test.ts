import assert from 'node:assert/strict';
import { inRange, nextQuarter, parseQuarter, previousQuarter, quarterLabel, quarterMonths, quarterOfDate, quarterRange } from '../../src/core/time/quarters';

describe('quarters', () => {
  it('labels calendar quarters', () => {
    assert.equal(quarterLabel(quarterOfDate('2026-11-27')), '2026-Q4');
    assert.equal(quarterLabel(quarterOfDate('2026-01-01')), '2026-Q1');
    assert.equal(quarterLabel(quarterOfDate('2026-03-31')), '2026-Q1');
    assert.equal(quarterLabel(quarterOfDate('2026-04-01')), '2026-Q2');
  });

  it('moves the fiscal year start; the year is the one the fiscal year ends in', () => {
    assert.equal(quarterLabel(quarterOfDate('2026-04-01', 4)), '2027-Q1');
    assert.equal(quarterLabel(quarterOfDate('2026-03-31', 4)), '2026-Q4');
    assert.equal(quarterLabel(quarterOfDate('2026-11-27', 10)), '2027-Q1');
    assert.deepEqual(quarterRange(parseQuarter('2027-Q1', 4)!), { start: '2026-04-01', end: '2026-06-30' });
    assert.deepEqual(quarterRange(parseQuarter('2027-Q4', 11)!), { start: '2027-08-01', end: '2027-10-31' });
    assert.deepEqual(quarterRange(parseQuarter('2027-Q1', 12)!), { start: '2026-12-01', end: '2027-02-28' });
    assert.equal(quarterMonths(parseQuarter('2027-Q1', 12)!), 'Dec 2026–Feb 2027');
  });

  it('puts every day of a year in exactly one quarter, for every fiscal start', () => {
    for (let start = 1; start <= 12; start++) {
      const quarters = [1, 2, 3, 4].flatMap((q) => [2026, 2027].map((y) => quarterRange({ year: y, quarter: q as 1, fiscalStartMonth: start })));
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const holders = quarters.filter((r) => inRange(day, r));
        assert.equal(holders.length, 1, `${day} with start ${start}`);
        assert.deepEqual(holders[0], quarterRange(quarterOfDate(day, start)), `${day} with start ${start}`);
      }
    }
  });

  it('parses labels and steps between quarters', () => {
    assert.deepEqual(parseQuarter('2026-Q4'), { year: 2026, quarter: 4, fiscalStartMonth: 1 });
    assert.deepEqual(parseQuarter('FY2026Q2'), { year: 2026, quarter: 2, fiscalStartMonth: 1 });
    for (const bad of ['2026-Q5', '2026', 'Q4', '26-Q1', '']) assert.equal(parseQuarter(bad), undefined, bad);
    assert.equal(quarterLabel(nextQuarter(parseQuarter('2026-Q4')!)), '2027-Q1');
    assert.equal(quarterLabel(previousQuarter(parseQuarter('2026-Q1')!)), '2025-Q4');
    assert.throws(() => quarterOfDate('2026-02-30'), /not a YYYY-MM-DD date/);
    assert.throws(() => quarterOfDate('2026-02-01', 13), /1-12/);
  });
});
