import { localIsoDate } from '../../core/time/dates';
import { type ViewPeriodKey } from '../../core/time/periods';
import { buildRubricView, type RubricView } from '../../core/reports/rubricView';
import { type JournalSnapshot } from './store';

const built = new WeakMap<JournalSnapshot, Map<string, RubricView>>();

/**
 * The rubric view of a snapshot for a period, as of today (while the journal does not parse, of
 * its last good read). Built once and shared by the tree
 * and the status bar: on a large journal it is the costliest step after a load.
 */
export function rubricViewOf(snapshot: JournalSnapshot, period: ViewPeriodKey): RubricView | undefined {
  if (!snapshot.rubric) return undefined;
  const today = localIsoDate(new Date());
  const key = `${period}|${today}`;
  let views = built.get(snapshot);
  if (!views) built.set(snapshot, (views = new Map()));
  let view = views.get(key);
  if (!view) {
    view = buildRubricView(snapshot.rubric, snapshot.journal ?? snapshot.lastGood?.journal, { period, today, fiscalStartMonth: snapshot.settings.fiscalYearStartMonth });
    views.set(key, view);
  }
  return view;
}
