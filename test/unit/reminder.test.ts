import assert from 'node:assert/strict';
import { reminderMessage } from '../../src/core/time/reminder';

describe('reminder', () => {
  const now = new Date(2026, 10, 27, 12); // 27 November 2026, local noon
  const DAY = 86_400_000;
  const entries = (...dates: string[]) => dates.map((date) => ({ date }));

  it('says nothing when reminders are off', () => {
    assert.equal(reminderMessage([], { weeks: 0, now, lastReminded: 0 }), undefined);
    assert.equal(reminderMessage([], { weeks: Number.NaN, now, lastReminded: 0 }), undefined);
  });

  it('says nothing when the newest evidence is within the weeks, counting the boundary day', () => {
    assert.equal(reminderMessage(entries('2026-01-01', '2026-11-20'), { weeks: 2, now, lastReminded: 0 }), undefined);
    assert.equal(reminderMessage(entries('2026-11-13'), { weeks: 2, now, lastReminded: 0 }), undefined);
  });

  it('names the newest date and the weeks when the journal has gone quiet', () => {
    assert.equal(
      reminderMessage(entries('2026-10-01', '2026-11-12', ''), { weeks: 2, now, lastReminded: 0 }),
      'No evidence added to your growth journal since 2026-11-12. Anything from the last 2 weeks worth keeping?',
    );
    assert.match(reminderMessage(entries('2026-01-01'), { weeks: 1, now, lastReminded: 0 })!, /the last 1 week worth/);
  });

  it('asks for a first piece of evidence when there is none, or none with a valid date', () => {
    const first = 'Your growth journal has no evidence yet. Anything from this week worth keeping?';
    assert.equal(reminderMessage([], { weeks: 4, now, lastReminded: 0 }), first);
    assert.equal(reminderMessage(entries(''), { weeks: 4, now, lastReminded: 0 }), first);
  });

  it('reminds at most once a day', () => {
    assert.equal(reminderMessage([], { weeks: 1, now, lastReminded: now.getTime() - DAY + 60_000 }), undefined);
    assert.ok(reminderMessage([], { weeks: 1, now, lastReminded: now.getTime() - DAY }));
  });
});
