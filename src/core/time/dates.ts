/** Calendar dates as `YYYY-MM-DD` strings; no time zones, because evidence belongs to a day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not Date.UTC, which reads years 0-99 as 1900-1999 (and 0100 is no leap year).
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The local calendar date of a moment, which is the day the user lived it. */
export function localIsoDate(moment: Date): string {
  return formatIsoDate({ year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() });
}
