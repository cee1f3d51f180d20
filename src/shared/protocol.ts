/**
 * Messages between the extension host and the level-comparison webview, typed both ways.
 * The webview gets data, never HTML: every string here is shown with textContent.
 */
import type { CompareMode, CompareModel, PeriodKey } from '../core/compareModel';

export type { CompareMode, CompareModel, DimensionRow, PeriodKey } from '../core/compareModel';
export type { StatementChange } from '../core/levelDiff';

export type HostMessage = { type: 'model'; model: CompareModel } | { type: 'reveal'; dimensionId: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openEntry'; entryId: string }
  | { type: 'openEntryInJournal'; entryId: string }
  | { type: 'setPeriod'; period: PeriodKey }
  | { type: 'setMode'; mode: CompareMode }
  | { type: 'tagDimension'; dimensionId: string };

const PERIODS: readonly PeriodKey[] = ['quarter', 'previous', 'all'];
const MODES: readonly CompareMode[] = ['levels', 'changes'];

/** The host trusts nothing from the webview: anything not exactly one of these shapes is dropped. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openEntry':
    case 'openEntryInJournal':
      return id(m.entryId) ? { type: m.type, entryId: m.entryId as string } : undefined;
    case 'setPeriod':
      return PERIODS.includes(m.period as PeriodKey) ? { type: 'setPeriod', period: m.period as PeriodKey } : undefined;
    case 'setMode':
      return MODES.includes(m.mode as CompareMode) ? { type: 'setMode', mode: m.mode as CompareMode } : undefined;
    case 'tagDimension':
      return id(m.dimensionId) ? { type: 'tagDimension', dimensionId: m.dimensionId as string } : undefined;
    default:
      return undefined;
  }
}
