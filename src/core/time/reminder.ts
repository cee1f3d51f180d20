import { localIsoDate } from './dates';

const DAY_MS = 86_400_000;

export interface ReminderOptions {
  /** The reminderWeeks setting: remind after this many weeks without evidence; 0 never. */
  weeks: number;
  now: Date;
  /** When the last reminder went out, in milliseconds since the epoch; 0 for never. */
  lastReminded: number;
}

/**
 * The reminder to show, or undefined: when reminders are off, one went out in the last day,
 * or the newest evidence is recent enough. Entries without a valid date do not count as recent.
 */
export function reminderMessage(entries: readonly { date: string }[], options: ReminderOptions): string | undefined {
  const { weeks, now } = options;
  if (!(weeks >= 1)) return undefined;
  if (now.getTime() - options.lastReminded < DAY_MS) return undefined;
  let newest = '';
  for (const e of entries) if (e.date > newest) newest = e.date;
  const cutoff = localIsoDate(new Date(now.getTime() - weeks * 7 * DAY_MS));
  if (newest && newest >= cutoff) return undefined;
  return newest
    ? `No evidence added to your growth journal since ${newest}. Anything from the last ${weeks} week${weeks === 1 ? '' : 's'} worth keeping?`
    : 'Your growth journal has no evidence yet. Anything from this week worth keeping?';
}
