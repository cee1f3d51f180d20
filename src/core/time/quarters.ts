import { daysInMonth, formatIsoDate, parseIsoDate } from './dates';

/**
 * A quarter of a (fiscal) year, labelled `2026-Q4`. With a fiscal year that starts in a
 * month other than January, the year is the one in which the fiscal year ends: with an
 * April start, April-June 2026 is `2027-Q1`. Every date belongs to exactly one quarter.
 */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** 1-12: the month the fiscal year starts in. */
  fiscalStartMonth: number;
}

export interface DateRange {
  /** Inclusive, YYYY-MM-DD. */
  start: string;
  /** Inclusive, YYYY-MM-DD. */
  end: string;
}

const LABEL = /^(?:FY)?(\d{4})-?Q([1-4])$/i;

function checkStartMonth(month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`The fiscal year's first month must be 1-12, not ${month}.`);
  return month;
}

export function quarterOfDate(date: string, fiscalStartMonth = 1): Quarter {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`"${date}" is not a YYYY-MM-DD date.`);
  const start = checkStartMonth(fiscalStartMonth);
  const offset = (d.month - start + 12) % 12;
  const year = start === 1 || d.month < start ? d.year : d.year + 1;
  return { year, quarter: (Math.floor(offset / 3) + 1) as Quarter['quarter'], fiscalStartMonth: start };
}

export function quarterLabel(q: Quarter): string {
  return `${yearLabel(q.year)}-Q${q.quarter}`;
}

/** A year as periods write it: four digits, `0999` as well as `2026`. */
export function yearLabel(year: number): string {
  return String(year).padStart(4, '0');
}

/** Parses `2026-Q4` (also `2026Q4`, `FY2026-Q4`); undefined when it is not a quarter. */
export function parseQuarter(label: string, fiscalStartMonth = 1): Quarter | undefined {
  const m = LABEL.exec(label.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'], fiscalStartMonth: checkStartMonth(fiscalStartMonth) };
}

export function quarterRange(q: Quarter): DateRange {
  const firstOffset = (q.quarter - 1) * 3;
  const startMonth = ((q.fiscalStartMonth - 1 + firstOffset) % 12) + 1;
  const startYear = q.fiscalStartMonth === 1 || startMonth < q.fiscalStartMonth ? q.year : q.year - 1;
  const endMonth = ((startMonth + 1) % 12) + 1;
  const endYear = endMonth < startMonth ? startYear + 1 : startYear;
  return {
    start: formatIsoDate({ year: startYear, month: startMonth, day: 1 }),
    end: formatIsoDate({ year: endYear, month: endMonth, day: daysInMonth(endYear, endMonth) }),
  };
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? { ...q, year: q.year + 1, quarter: 1 } : { ...q, quarter: (q.quarter + 1) as Quarter['quarter'] };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { ...q, year: q.year - 1, quarter: 4 } : { ...q, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** ISO dates compare as text, so a range check needs no date arithmetic. */
export function inRange(date: string, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

/** A readable name for a quarter's months, e.g. "Oct–Dec 2026". */
export function quarterMonths(q: Quarter): string {
  const r = quarterRange(q);
  const name = (iso: string) => MONTHS[Number(iso.slice(5, 7)) - 1];
  const sy = r.start.slice(0, 4);
  const ey = r.end.slice(0, 4);
  return sy === ey ? `${name(r.start)}–${name(r.end)} ${ey}` : `${name(r.start)} ${sy}–${name(r.end)} ${ey}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
