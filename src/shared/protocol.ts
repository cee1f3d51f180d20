/**
 * Messages between the extension host and the level-comparison webview, typed both ways.
 * The webview gets data, never HTML: every string here is shown with textContent.
 */
import type { CompareMode, CompareModel, PeriodKey } from '../core/reports/compareModel';

export type { CompareMode, CompareModel, DimensionRow, MatrixCell, PeriodKey } from '../core/reports/compareModel';
export type { StatementChange } from '../core/rubric/levelDiff';

export type HostMessage = { type: 'model'; model: CompareModel } | { type: 'reveal'; dimensionId: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openEntry'; entryId: string }
  | { type: 'openEntryInJournal'; entryId: string }
  | { type: 'setPeriod'; period: PeriodKey }
  /** Ask the host for another period (a quick pick, with a custom range). */
  | { type: 'choosePeriod' }
  | { type: 'setMode'; mode: CompareMode }
  | { type: 'tagDimension'; dimensionId: string }
  | { type: 'editEntry'; entryId: string }
  /** The filter's text: the host lists the evidence holding it in the models it sends. */
  | { type: 'search'; text: string }
  /** Start tagging evidence for a statement without any (`<dimension>/<level>/<n>`). */
  | { type: 'tagStatement'; ref: string };

/** A longer filter is cut here: no entry's title or details is searched for a page of text. */
const MAX_SEARCH_LENGTH = 1_000;

const STATEMENT_REF = /^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[1-9][0-9]{0,3}$/;
const MODES: readonly CompareMode[] = ['levels', 'changes', 'matrix'];
/** The rolling keys, or the shape of a period label (the host reads it with parsePeriod, falling back to this quarter). */
const PERIOD = /^(?:quarter|previous|all|(?:FY)?\d{4}(?:-?[QH]\d)?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/i;

/** The host trusts nothing from the webview: anything not exactly one of these shapes is dropped. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  switch (m.type) {
    case 'ready':
    case 'choosePeriod':
      return { type: m.type };
    case 'openEntry':
    case 'openEntryInJournal':
    case 'editEntry':
      return id(m.entryId) ? { type: m.type, entryId: m.entryId as string } : undefined;
    case 'search':
      return typeof m.text === 'string' ? { type: 'search', text: m.text.slice(0, MAX_SEARCH_LENGTH) } : undefined;
    case 'setPeriod':
      return typeof m.period === 'string' && PERIOD.test(m.period) ? { type: 'setPeriod', period: m.period } : undefined;
    case 'setMode':
      return MODES.includes(m.mode as CompareMode) ? { type: 'setMode', mode: m.mode as CompareMode } : undefined;
    case 'tagDimension':
      return id(m.dimensionId) ? { type: 'tagDimension', dimensionId: m.dimensionId as string } : undefined;
    case 'tagStatement':
      return typeof m.ref === 'string' && m.ref.length <= 200 && STATEMENT_REF.test(m.ref) ? { type: 'tagStatement', ref: m.ref } : undefined;
    default:
      return undefined;
  }
}
