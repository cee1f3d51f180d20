// The level-comparison webview: renders the model the host sends, with DOM APIs only.
import type { CompareMode, CompareModel, DimensionRow, HostMessage, MatrixCell, StatementChange, WebviewMessage } from '../../shared/protocol';
import { h, svg } from './dom';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
  mode: CompareMode;
  group: string;
  search: string;
  scrollY: number;
  open: string[];
  /** The chart starts folded: the table is what a first look is for. */
  chartOpen: boolean;
  /** Statements a level no longer says are hidden unless asked for. */
  showDropped: boolean;
  /** Matrix cells whose entries are listed: `<dimension id> <level id>`. */
  openCells: string[];
}

const vscode = acquireVsCodeApi();
const restored = vscode.getState();
const state: ViewState = { mode: 'levels', group: '', search: '', scrollY: 0, open: [], chartOpen: false, showDropped: false, openCells: [], ...restored };
let model: CompareModel | undefined;
const app = document.getElementById('app')!;

function save(): void {
  vscode.setState({ ...state, scrollY: window.scrollY });
}

window.addEventListener('scroll', () => save(), { passive: true });
window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'model') {
    const first = !model;
    model = message.model;
    // A new panel (closed and opened again) starts in the mode last chosen, as a restored one does;
    // a restored panel tells the host its mode, in case a reload came before the host stored it.
    if (first && !restored) state.mode = model.mode;
    else if (first && state.mode !== model.mode) vscode.postMessage({ type: 'setMode', mode: state.mode });
    // A restored filter asks the host for the evidence it finds.
    if (first && state.search.trim()) vscode.postMessage({ type: 'search', text: state.search });
    // A model that comes while someone types must not take the filter box from them.
    const typing = document.activeElement?.id === 'search' ? (document.activeElement as HTMLInputElement).selectionStart : null;
    render();
    if (typing !== null) {
      const box = document.getElementById('search') as HTMLInputElement;
      box.focus();
      box.setSelectionRange(typing, typing);
    }
    if (first) window.scrollTo(0, state.scrollY);
  } else if (message.type === 'reveal') reveal(message.dimensionId);
});
vscode.postMessage({ type: 'ready' });

function reveal(id: string): void {
  const row = document.getElementById(`dim-${id}`);
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.querySelector<HTMLElement>('th')?.focus();
  row.classList.add('flash');
  setTimeout(() => row.classList.remove('flash'), 1500);
}

function levelName(id: string | undefined): string {
  return model?.levels.find((l) => l.id === id)?.name ?? id ?? '';
}

/** Text with each match of the filter marked: text nodes and <mark> elements, never HTML. */
function marked(text: string): (Node | string)[] {
  const q = state.search.trim().toLowerCase();
  if (!q) return [text];
  const out: (Node | string)[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) out.push(text.slice(from, at));
    out.push(h('mark', {}, text.slice(at, at + q.length)));
    from = at + q.length;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

function matches(d: DimensionRow): boolean {
  const q = state.search.trim().toLowerCase();
  if (!q) return true;
  return d.name.toLowerCase().includes(q) || Object.values(d.cells).some((s) => s.some((t) => t.toLowerCase().includes(q))) || found(d) !== undefined;
}

/** The dimension's evidence that holds the filter's text, as the host found it for the text in the box now. */
function found(d: DimensionRow): { count: number; entries: DimensionRow['evidence']['entries'] } | undefined {
  const search = model?.evidenceSearch;
  return search && search.text === state.search.trim() ? search.byDimension[d.id] : undefined;
}

function visibleGroups(m: CompareModel) {
  return m.groups.filter((g) => !state.group || g.id === state.group).map((g) => ({ ...g, dimensions: g.dimensions.filter(matches) })).filter((g) => g.dimensions.length);
}

function render(): void {
  const m = model;
  if (!m) return;
  const groups = visibleGroups(m);
  const rank = (id: string | undefined) => m.levels.findIndex((l) => l.id === id);
  const current = rank(m.currentLevel);
  const target = rank(m.targetLevel);
  const parts: (HTMLElement | null)[] = [
    h('header', {},
      h('h1', {}, `Compare levels: ${m.rubricName}`),
      m.currentLevel && m.targetLevel ? h('p', { class: 'profile' }, `You: ${levelName(m.currentLevel)}. Target: ${levelName(m.targetLevel)}.`) : h('p', { class: 'profile' }, 'Set your current and target level (Growth view, … menu) to highlight the path between them.'),
      controls(m),
    ),
    m.notice ? h('p', { class: 'notice', role: 'status' }, m.notice) : null,
    chart(m, groups),
    groups.length ? table(m, groups, current, target) : h('p', { class: 'empty', role: 'status' }, `No dimension, statement or evidence matches “${state.search}”.`),
  ];
  app.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/** The select's last option: not a period, a question for the host. */
const OTHER_PERIOD = '?other';

function controls(m: CompareModel): HTMLElement {
  const mode = (value: ViewState['mode'], label: string) =>
    h('label', { class: 'segment' },
      h('input', { type: 'radio', name: 'mode', value, checked: state.mode === value, onchange: () => ((state.mode = value), save(), vscode.postMessage({ type: 'setMode', mode: value }), render()) }),
      label,
    );
  const dropped = m.groups.flatMap((g) => g.dimensions).reduce((n, d) => n + Object.values(d.changes).flat().filter((c) => c.kind === 'dropped').length, 0);
  const showDropped = state.mode === 'changes' && dropped
    ? h('label', {},
        h('input', { type: 'checkbox', checked: state.showDropped, onchange: (e: Event) => ((state.showDropped = (e.target as HTMLInputElement).checked), save(), render()) }),
        `Show statements a level drops (${dropped})`,
      )
    : null;
  const search = h('input', {
    type: 'search',
    id: 'search',
    placeholder: 'Filter dimensions, statements and evidence',
    value: state.search,
    'aria-label': 'Filter dimensions, statements and evidence',
    oninput: (e: Event) => {
      state.search = (e.target as HTMLInputElement).value;
      save();
      vscode.postMessage({ type: 'search', text: state.search });
      render();
      const again = document.getElementById('search') as HTMLInputElement;
      again.focus();
      again.setSelectionRange(again.value.length, again.value.length);
    },
  });
  return h('div', { class: 'controls' },
    h('fieldset', { class: 'modes' }, h('legend', {}, 'Show'), mode('levels', 'Levels side by side'), mode('changes', 'Changes from the level below'), mode('matrix', 'Evidence per level')),
    showDropped,
    h('label', {}, 'Evidence from ',
      h('select', {
          onchange: (e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value !== OTHER_PERIOD) return vscode.postMessage({ type: 'setPeriod', period: select.value });
            // The host asks which period; until its model comes the select keeps showing the one in force.
            select.value = m.period;
            vscode.postMessage({ type: 'choosePeriod' });
          },
        },
        ...m.periods.map((p) => h('option', { value: p.key, selected: p.key === m.period }, p.label)),
        h('option', { value: OTHER_PERIOD }, 'Other period…'),
      ),
    ),
    h('label', {}, 'Group ',
      h('select', { onchange: (e: Event) => ((state.group = (e.target as HTMLSelectElement).value), save(), render()) },
        h('option', { value: '', selected: !state.group }, 'All groups'),
        ...m.groups.map((g) => h('option', { value: g.id, selected: state.group === g.id }, g.name)),
      ),
    ),
    search,
  );
}

const STATUS_WORDS = { met: 'every statement has evidence', some: 'some evidence', none: 'no evidence', 'not-expected': 'not described at target' } as const;

/** "1 of 4 Senior statements": the figure the tree, status bar, summary and packet show too. */
function coverageWords(d: DimensionRow): string {
  return d.target ? `${d.target.covered} of ${d.target.statements.length} ${levelName(d.target.statedAt)} statements with evidence` : STATUS_WORDS[d.evidence.status];
}

/** A bar per dimension: the target's statements in force that have evidence, k of n. */
function chart(m: CompareModel, groups: ReturnType<typeof visibleGroups>): HTMLElement {
  const dims = groups.flatMap((g) => g.dimensions);
  const rowH = 22;
  const labelW = 250;
  const barW = 360;
  const height = dims.length * rowH + 8;
  const chartSvg = svg('svg', { viewBox: `0 0 ${labelW + barW + 230} ${height}`, width: '100%', role: 'img', 'aria-labelledby': 'chart-title chart-desc' },
    svg('title', { id: 'chart-title' }, `Statements with evidence per dimension at ${m.targetLevel ? levelName(m.targetLevel) : 'the target level'}`),
    svg('desc', { id: 'chart-desc' }, m.targetLevel ? 'A full bar means every statement in force has evidence citing it; a level named without a statement cited does not fill it.' : 'No target level set, so there is nothing to measure against.'),
    ...dims.flatMap((d, i) => {
      const y = 4 + i * rowH;
      const t = d.target;
      return [
        svg('text', { x: labelW - 8, y: y + 14, 'text-anchor': 'end', class: 'label' }, d.name),
        svg('rect', { x: labelW, y: y + 3, width: barW, height: rowH - 8, class: 'track' }),
        t && t.covered ? svg('rect', { x: labelW, y: y + 3, width: Math.round((barW * t.covered) / t.statements.length), height: rowH - 8, class: `bar ${d.evidence.status}` }) : null,
        svg('text', { x: labelW + barW + 8, y: y + 14, class: 'count' }, t ? `${t.covered} of ${t.statements.length}${t.claims ? ' · claims' : ''} · ${plural(d.evidence.count, 'entry', 'entries')}` : `${plural(d.evidence.count, 'entry', 'entries')} · ${STATUS_WORDS[d.evidence.status]}`),
      ];
    }),
  );
  // Folded at first: it is as tall as the table, so open it would push the table off the first screen.
  const details = h('details', { class: 'chart', open: state.chartOpen, ontoggle: (e: Event) => ((state.chartOpen = (e.target as HTMLDetailsElement).open), save()) },
    h('summary', {}, `Chart: statements with evidence per dimension at ${m.targetLevel ? levelName(m.targetLevel) : 'the target'} (${m.periodText})`),
    chartSvg,
    h('ul', { class: 'visually-hidden' }, ...dims.map((d) => h('li', {}, `${d.name}: ${coverageWords(d)}${d.target?.claims ? `; ${d.target.claims}` : ''}; ${plural(d.evidence.count, 'entry', 'entries')}.`))),
  );
  return details;
}

const CHANGE_LABEL = { same: 'Same', new: 'New', changed: 'Reworded', dropped: 'Dropped' } as const;

function table(m: CompareModel, groups: ReturnType<typeof visibleGroups>, current: number, target: number): HTMLElement {
  const onPath = (i: number) => current >= 0 && target >= 0 && i > current && i <= target;
  const headRow = h('tr', {},
    h('th', { scope: 'col', class: 'dim-col' }, 'Dimension'),
    ...m.levels.map((l, i) =>
      h('th', { scope: 'col', class: [i === current ? 'current' : '', i === target ? 'target' : '', onPath(i) ? 'path' : ''].join(' ').trim() || undefined },
        l.name,
        i === current ? h('span', { class: 'badge' }, 'current') : null,
        i === target ? h('span', { class: 'badge target-badge' }, 'target') : null,
      ),
    ),
    unlevelledColumn(m) ? h('th', { scope: 'col', class: 'no-level' }, 'No level given') : null,
    h('th', { scope: 'col' }, 'Evidence'),
  );
  const body: HTMLElement[] = [];
  const columns = m.levels.length + 2 + (unlevelledColumn(m) ? 1 : 0);
  for (const g of groups) {
    body.push(h('tr', { class: 'group' }, h('th', { scope: 'colgroup', colspan: columns }, g.name, g.description ? h('span', { class: 'description' }, g.description) : null)));
    for (const d of g.dimensions) body.push(row(m, d, current, target, onPath));
  }
  const caption = state.mode === 'matrix'
    ? `${m.rubricName}: your evidence ${m.periodText} per dimension and the level it shows, with the target's statements`
    : `${m.rubricName}: what each level expects${state.mode === 'changes' ? ', as changes from the level below' : ''}, with your evidence`;
  return h('table', { class: state.mode },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, headRow),
    h('tbody', {}, ...body),
  );
}

/** One change as a list item: reworded statements show old → new inline, word by word. */
function changeItem(c: StatementChange): HTMLElement {
  // A run that ends a sentence ("independently.") is followed by the next without a space: add one.
  const spaced = (text: string, i: number, runs: readonly { text: string }[]) => (i > 0 && !/\s$/.test(runs[i - 1].text) && !/^\s/.test(text) ? ` ${text}` : text);
  const body = c.kind === 'changed'
    ? c.runs.map((r, i, runs) => (r.kind === 'same' ? h('span', {}, ...marked(spaced(r.text, i, runs))) : h(r.kind === 'added' ? 'ins' : 'del', {}, ...marked(spaced(r.text, i, runs)))))
    : marked(c.text);
  return h('li', { class: c.kind }, h('span', { class: `tag ${c.kind}` }, CHANGE_LABEL[c.kind]), ' ', ...body);
}

function changesCell(d: DimensionRow, levelId: string, first: boolean): (HTMLElement | string)[] {
  // Where a dimension starts there is nothing below to compare with: its statements, untagged.
  if (first) return [h('span', { class: 'starts' }, 'Starts here'), h('ul', {}, ...d.cells[levelId].map((t) => h('li', {}, ...marked(t))))];
  const all = d.changes[levelId].filter((c) => c.kind !== 'same');
  const shown = all.filter((c) => c.kind !== 'dropped' || state.showDropped);
  if (shown.length) return [h('ul', { class: 'changes' }, ...shown.map(changeItem))];
  const hidden = all.length - shown.length;
  return [h('span', { class: 'undescribed' }, hidden ? `Drops ${hidden} ${hidden === 1 ? 'statement' : 'statements'} of the level below` : 'Same as the level below')];
}

/** The matrix gives evidence that names no level a column of its own, when there is some. */
function unlevelledColumn(m: CompareModel): boolean {
  return state.mode === 'matrix' && m.unlevelled;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** A matrix cell: how much evidence shows this level and when the latest was; a click lists it. */
function matrixCell(d: DimensionRow, levelId: string, levelLabel: string, cell: MatrixCell | undefined): (HTMLElement | null)[] {
  if (!cell) return [h('span', { class: 'undescribed', 'aria-label': `${d.name} at ${levelLabel}: no evidence` }, '—')];
  const key = `${d.id} ${levelId}`;
  const open = state.openCells.includes(key);
  const listId = `cell-${d.id}-${levelId || 'none'}`;
  return [
    h('button', {
      type: 'button',
      class: 'count',
      'aria-expanded': String(open),
      'aria-controls': listId,
      'aria-label': `${d.name} at ${levelLabel}: ${plural(cell.count, 'entry', 'entries')}, latest ${cell.latest}. ${open ? 'Hide' : 'Show'} them`,
      onclick: () => {
        state.openCells = open ? state.openCells.filter((x) => x !== key) : [...state.openCells, key];
        save();
        render();
        document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(listId)}"]`)?.focus();
      },
    }, plural(cell.count, 'entry', 'entries')),
    h('span', { class: 'latest' }, `latest ${cell.latest}`),
    open ? entryList(listId, cell.entries, cell.count, cell.firstOlderId) : null,
  ];
}

/** The statements in force at the target, each marked covered or not: coverage, not a score. */
function targetStatements(m: CompareModel, d: DimensionRow): HTMLElement | null {
  const t = d.target;
  if (!t) return null;
  const inForce = t.statedAt !== m.targetLevel ? h('p', { class: 'in-force' }, `${levelName(m.targetLevel)} states nothing new here: ${levelName(t.statedAt)}'s statements are in force.`) : null;
  return h('div', { class: 'target-statements' },
    h('p', { class: 'gap' }, `${t.gap}.`),
    t.claims ? h('p', { class: 'claims' }, `${t.claims}.`) : null,
    inForce,
    h('ul', {},
      ...t.statements.map((s) =>
        h('li', { class: s.count ? 'covered' : 'uncovered' },
          h('span', { class: 'mark', 'aria-hidden': 'true' }, s.count ? '✓' : '○'),
          h('span', {},
            h('span', { class: 'visually-hidden' }, s.count ? 'Has evidence: ' : 'No evidence yet: '),
            ...marked(s.text),
            h('span', { class: 'meta' }, `${s.ref} · ${s.count ? plural(s.count, 'entry', 'entries') : 'no evidence yet'}`),
          ),
          s.count ? null : h('button', { type: 'button', class: 'link tag-statement', onclick: () => vscode.postMessage({ type: 'tagStatement', ref: s.ref }), 'aria-label': `Tag evidence for this statement: ${s.text}` }, 'Tag evidence…'),
        ),
      ),
    ),
  );
}

function entryList(id: string, entries: DimensionRow['evidence']['entries'], count: number, firstOlderId: string | undefined): HTMLElement {
  return h('ul', { id, class: 'entries' },
    ...entries.map((e) =>
      h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => vscode.postMessage({ type: 'openEntry', entryId: e.id }) }, ...marked(e.title)),
        h('span', { class: 'meta' }, [e.date, e.kind, e.levelName, e.private ? 'private' : ''].filter(Boolean).join(' · ')),
        h('button', { type: 'button', class: 'link edit', onclick: () => vscode.postMessage({ type: 'editEntry', entryId: e.id }), 'aria-label': `Edit “${e.title}”` }, 'Edit…'),
      ),
    ),
    firstOlderId
      ? h('li', { class: 'more' },
          h('button', { type: 'button', class: 'link', onclick: () => vscode.postMessage({ type: 'openEntryInJournal', entryId: firstOlderId }) },
            `${plural(count - entries.length, 'older entry', 'older entries')} in the journal…`),
        )
      : null,
  );
}

function row(m: CompareModel, d: DimensionRow, current: number, target: number, onPath: (i: number) => boolean): HTMLElement {
  const firstDescribed = m.levels.findIndex((l) => d.cells[l.id]);
  const cells = m.levels.map((l, i) => {
    const cls = [i === current ? 'current' : '', i === target ? 'target' : '', onPath(i) ? 'path' : ''].join(' ').trim() || undefined;
    if (state.mode === 'matrix') return h('td', { class: cls }, ...matrixCell(d, l.id, l.name, d.matrix[l.id]), i === target ? targetStatements(m, d) : null);
    if (!d.cells[l.id]) return h('td', { class: cls }, h('span', { class: 'undescribed' }, 'Not described'));
    if (state.mode === 'levels') return h('td', { class: cls }, h('ul', {}, ...d.cells[l.id].map((t) => h('li', {}, ...marked(t)))));
    return h('td', { class: cls }, ...changesCell(d, l.id, i === firstDescribed));
  });
  const open = state.open.includes(d.id);
  const hits = found(d);
  const listId = `evidence-${d.id}`;
  const ev = d.evidence;
  const summary = ev.count ? `${ev.count.toLocaleString()} ${ev.count === 1 ? 'entry' : 'entries'}${ev.highestLevel ? ` · ${levelName(ev.highestLevel)}` : ''}` : 'None yet';
  const evidenceCell = h('td', { class: `evidence ${ev.status}` },
    ev.count
      ? h('button', {
          type: 'button',
          class: 'count',
          'aria-expanded': String(open),
          'aria-controls': listId,
          'aria-label': `${d.name}: ${summary}, ${coverageWords(d)}. Show entries`,
          onclick: () => {
            state.open = open ? state.open.filter((x) => x !== d.id) : [...state.open, d.id];
            save();
            render();
            (document.querySelector(`#dim-${CSS.escape(d.id)} button.count`) as HTMLElement | null)?.focus();
          },
        }, summary)
      : h('button', { type: 'button', class: 'link', onclick: () => vscode.postMessage({ type: 'tagDimension', dimensionId: d.id }), 'aria-label': `Tag evidence for ${d.name}` }, 'Tag evidence…'),
    // Coverage counted per statement (the matrix lists the statements themselves under the target).
    h('span', { class: 'status' }, state.mode === 'matrix' ? STATUS_WORDS[ev.status] : coverageWords(d)),
    d.target?.claims && state.mode !== 'matrix' ? h('span', { class: 'gap' }, d.target.claims) : null,
    open && ev.count ? entryList(listId, ev.entries, ev.count, ev.firstOlderId) : null,
    hits ? h('p', { class: 'found', role: 'status' }, `${plural(hits.count, 'entry holds', 'entries hold')} “${state.search.trim()}”`) : null,
    hits ? entryList(`found-${d.id}`, hits.entries, hits.entries.length, undefined) : null,
  );
  const unlevelled = unlevelledColumn(m) ? h('td', { class: 'no-level' }, ...matrixCell(d, '', 'no level given', d.matrix[''])) : null;
  return h('tr', { id: `dim-${d.id}` }, h('th', { scope: 'row', tabindex: -1 }, ...marked(d.name), d.description ? h('span', { class: 'description' }, d.description) : null), ...cells, unlevelled, evidenceCell);
}
