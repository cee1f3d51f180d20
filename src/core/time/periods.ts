import { parseIsoDate } from './dates';
import { parseQuarter, previousQuarter, quarterLabel, quarterMonths, quarterOfDate, quarterRange, yearLabel, type DateRange } from './quarters';

/**
 * A review period: a quarter `2026-Q4`, a half `2026-H2`, a year `2026` (all of the fiscal
 * year, which is named by the calendar year it ends in), or a range `2026-03-01..2026-08-31`.
 */
export interface Period {
  kind: 'quarter' | 'half' | 'year' | 'range';
  /** As the user writes it: `2026-Q4`, `2026-H2`, `2026`, `2026-03-01..2026-08-31`. */
  label: string;
  /** Inclusive dates. */
  range: DateRange;
  /** A readable name for the months, e.g. "Oct–Dec 2026"; for a range, its dates. */
  months: string;
}

const HALF = /^(?:FY)?(\d{4})-?H([12])$/i;
const YEAR = /^(?:FY)?(\d{4})$/i;
const RANGE = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/;

/** How to write a period, for messages that ask for one. */
export const PERIOD_HINT = 'a quarter (2026-Q4), a half (2026-H2), a year (2026) or a date range (2026-03-01..2026-08-31)';

/** The dates a period may span: years 0001 to 9999, each written with four digits. */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/**
 * Parses any period label, fiscal year respected; undefined when it is none (or a range ends
 * before it starts, or it reaches outside the years 0001-9999).
 */
export function parsePeriod(label: string, fiscalStartMonth = 1): Period | undefined {
  const period = periodOfLabel(label, fiscalStartMonth);
  return period && period.range.start >= FIRST_DAY && period.range.end <= LAST_DAY ? period : undefined;
}

function periodOfLabel(label: string, fiscalStartMonth: number): Period | undefined {
  const text = label.trim();
  const quarter = parseQuarter(text, fiscalStartMonth);
  if (quarter) return { kind: 'quarter', label: quarterLabel(quarter), range: quarterRange(quarter), months: quarterMonths(quarter) };
  const half = HALF.exec(text);
  if (half) {
    const year = Number(half[1]);
    return spanOfQuarters('half', `${half[1]}-H${half[2]}`, year, half[2] === '1' ? 1 : 3, half[2] === '1' ? 2 : 4, fiscalStartMonth);
  }
  const year = YEAR.exec(text);
  if (year) return spanOfQuarters('year', year[1], Number(year[1]), 1, 4, fiscalStartMonth);
  const range = RANGE.exec(text);
  if (range && parseIsoDate(range[1]) && parseIsoDate(range[2]) && range[1] <= range[2]) {
    return { kind: 'range', label: `${range[1]}..${range[2]}`, range: { start: range[1], end: range[2] }, months: `${range[1]} to ${range[2]}` };
  }
  return undefined;
}

/**
 * Why `label` is no period, in words: a date range whose dates are not real dates or that ends
 * before it starts, or a period outside the years 0001-9999; else how to write one.
 */
export function notAPeriod(label: string): string {
  const text = label.trim();
  const range = RANGE.exec(text);
  if (range) {
    const bad = [range[1], range[2]].find((d) => !parseIsoDate(d));
    if (bad) return `"${label}" is not a period: ${bad} is not a real calendar date.`;
    if (range[1] > range[2]) return `"${label}" is not a period: it ends before it starts; write the earlier date first.`;
  }
  if (/^\d{4}(?:-[QH]\d)?$/.test(text) && text.startsWith('0000')) return `"${label}" is not a period: years run from 0001 to 9999.`;
  return `"${label}" is not a period: write ${PERIOD_HINT}.`;
}

function spanOfQuarters(kind: 'half' | 'year', label: string, year: number, first: 1 | 3, last: 2 | 4, fiscalStartMonth: number): Period {
  const from = { year, quarter: first, fiscalStartMonth };
  const to = { year, quarter: last, fiscalStartMonth };
  const range = { start: quarterRange(from).start, end: quarterRange(to).end };
  const startMonth = quarterMonths(from).split(/[– ]/)[0];
  const endMonth = quarterMonths(to).split(/[– ]/).at(-2);
  const [startYear, endYear] = [range.start.slice(0, 4), range.end.slice(0, 4)];
  // "Jan–Jun 2026", or across years "Jul 2025–Jun 2026".
  const months = startYear === endYear ? `${startMonth}–${endMonth} ${endYear}` : `${startMonth} ${startYear}–${endMonth} ${endYear}`;
  return { kind, label, range, months };
}

/** The period of `kind` that holds `date`: this quarter, half or year. */
export function periodOfDate(kind: 'quarter' | 'half' | 'year', date: string, fiscalStartMonth = 1): Period {
  const q = quarterOfDate(date, fiscalStartMonth);
  const label = kind === 'quarter' ? quarterLabel(q) : kind === 'half' ? `${yearLabel(q.year)}-H${q.quarter <= 2 ? 1 : 2}` : yearLabel(q.year);
  return periodOfLabel(label, fiscalStartMonth)!;
}

/** "2026-Q4 (Oct–Dec 2026)", or for a range just its dates. */
export function periodTitle(period: Period): string {
  return period.kind === 'range' ? `${period.range.start} to ${period.range.end}` : `${period.label} (${period.months})`;
}

/**
 * The period a view (tree, status bar, comparison) is set to: `quarter` and `previous` follow
 * the calendar (this quarter, last quarter, whatever today is), `all` is all time, and any
 * period label (`2026-H2`, `2026-03-01..2026-08-31`) stays that period.
 */
export type ViewPeriodKey = 'quarter' | 'previous' | 'all' | (string & {});

export interface ViewPeriod {
  key: ViewPeriodKey;
  /** Undefined for all time. */
  range?: DateRange;
  /** Short, for counts and status bars: "2026-Q4", "2026-H2", "all time". */
  short: string;
  /** After a count: "this quarter", "last quarter", "in 2026-H2", "all time". */
  phrase: string;
  /** The phrase with its months: "this quarter (2026-Q4)", "in 2026-H2 (Jul–Dec 2026)", "from 2026-03-01 to 2026-08-31". */
  long: string;
}

/** What a view's period key means today; a key that no longer reads as a period falls back to this quarter. */
export function resolveViewPeriod(key: ViewPeriodKey, today: string, fiscalStartMonth = 1): ViewPeriod {
  if (key === 'all') return { key, short: 'all time', phrase: 'all time', long: 'all time' };
  const current = quarterOfDate(today, fiscalStartMonth);
  if (key === 'previous') {
    const q = previousQuarter(current);
    return { key, range: quarterRange(q), short: quarterLabel(q), phrase: 'last quarter', long: `last quarter (${quarterLabel(q)})` };
  }
  const period = key === 'quarter' ? undefined : parsePeriod(key, fiscalStartMonth);
  if (!period) return { key: 'quarter', range: quarterRange(current), short: quarterLabel(current), phrase: 'this quarter', long: `this quarter (${quarterLabel(current)})` };
  const long = period.kind === 'range' ? `from ${period.range.start} to ${period.range.end}` : `in ${period.label} (${period.months})`;
  return { key: period.label, range: period.range, short: period.label, phrase: `in ${period.label}`, long };
}
