import { localIsoDate } from '../../core/time/dates';
import { parsePeriod, periodOfDate, periodTitle, type Period } from '../../core/time/periods';
import { nextQuarter, parseQuarter, previousQuarter, quarterLabel, quarterMonths, quarterOfDate } from '../../core/time/quarters';
import { type JournalSnapshot } from '../journal/store';
import { type Choice } from './prompts';
import { type Services } from '../services';

const CUSTOM = Symbol('custom');

/** Recent quarters with their entry counts, this and last half and year, then any period typed in (a date range, most often). */
export async function pickPeriod<Other = never>(services: Services, snapshot: JournalSnapshot, title: string, extra: readonly Choice<Other>[] = []): Promise<Period | Other | undefined> {
  const start = snapshot.settings.fiscalYearStartMonth;
  const current = quarterOfDate(localIsoDate(new Date()), start);
  const counts = new Map<string, number>();
  for (const e of snapshot.journal?.entries ?? []) if (e.date) counts.set(quarterLabel(quarterOfDate(e.date, start)), (counts.get(quarterLabel(quarterOfDate(e.date, start))) ?? 0) + 1);
  const labels = [...new Set([quarterLabel(current), quarterLabel(previousQuarter(current)), ...[...counts.keys()].sort().reverse()])];
  const choices = labels
    .filter((l) => l <= quarterLabel(nextQuarter(current)))
    .map((l) => {
      const q = parseQuarter(l, start)!;
      const n = counts.get(l) ?? 0;
      const when = l === quarterLabel(current) ? 'this quarter, ' : l === quarterLabel(previousQuarter(current)) ? 'last quarter, ' : '';
      return { label: l, description: `${quarterMonths(q)}: ${when}${n} ${n === 1 ? 'entry' : 'entries'}`, value: parsePeriod(l, start)! };
    });
  const today = localIsoDate(new Date());
  const half = periodOfDate('half', today, start);
  const year = periodOfDate('year', today, start);
  const lastHalf = periodOfDate('half', dayBefore(half.range.start), start);
  const lastYear = periodOfDate('year', dayBefore(year.range.start), start);
  const wider = [
    { period: half, when: 'this half' },
    { period: lastHalf, when: 'last half' },
    { period: year, when: 'this year' },
    { period: lastYear, when: 'last year' },
  ].map(({ period, when }) => ({ label: period.label, description: `${periodTitle(period).replace(`${period.label} `, '')}: ${when}`, value: period }));
  const custom: Choice<typeof CUSTOM> = { label: 'Custom period…', description: 'a date range such as 2026-03-01..2026-08-31, or any quarter, half or year', value: CUSTOM };
  const picked = await services.prompts.pick<Period | Other | typeof CUSTOM>(title, 'Which period?', [...extra, ...choices, ...wider, custom]);
  return picked === CUSTOM ? services.prompts.inputPeriod(title, start) : picked;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

