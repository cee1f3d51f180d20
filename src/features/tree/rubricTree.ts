import * as vscode from 'vscode';
import { LINE_BREAK, mdText } from '../../core/reports/markdown';
import { citations, claimText, coverageFigure, entriesInPeriod, statementGapText, taggedDimensions } from '../../core/reports/coverage';
import { evidenceMatcher } from '../../core/reports/search';
import { type Entry, type Profile } from '../../core/journal';
import { allDimensions, levelName, type Dimension, type Rubric } from '../../core/rubric/rubric';
import { statementsAt, type Statement } from '../../core/rubric/statements';
import { type ViewPeriod, type ViewPeriodKey } from '../../core/time/periods';
import { MAX_LISTED_EVIDENCE, type DimensionView, type GroupView, type RubricView } from '../../core/reports/rubricView';
import { type JournalSnapshot, type JournalStore } from '../../host/journal/store';
import { formatCount } from '../../host/ui/format';
import { rubricViewOf } from '../../host/journal/rubricViews';

/** The evidence filter in force: its text and how many entries hold it. */
export interface TreeFilter {
  text: string;
  count: number;
}

/** What every item of the tree is shown against: the rubric, the profile and the period in view. */
interface ShownContext {
  rubric: Rubric;
  profile: Profile;
  period: ViewPeriod;
}

export type TreeNode =
  | { kind: 'group'; view: GroupView }
  | { kind: 'dimension'; view: DimensionView }
  | { kind: 'expectations'; view: DimensionView }
  | { kind: 'level'; dimension: Dimension; levelId: string }
  | { kind: 'statement'; dimension: Dimension; levelId: string; statement: Statement; cited: readonly Entry[] }
  | { kind: 'evidence'; view: DimensionView }
  /** `statement`: the ref it is listed under, when it is listed under a statement rather than the dimension's evidence; `found`: listed by the filter. */
  | { kind: 'entry'; entry: Entry; dimensionId: string; statement?: string; found?: boolean }
  /** With a filter: a dimension and the evidence of the period that holds the filter's text. */
  | { kind: 'found'; dimension: Dimension; entries: Entry[] }
  | { kind: 'older'; dimensionId: string; count: number; firstOlder: Entry }
  | { kind: 'tagHere'; dimension: Dimension }
  | { kind: 'journalError'; dimensionId: string };

const STATUS_ICON = {
  met: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  some: new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('list.warningForeground')),
  none: new vscode.ThemeIcon('circle-large-outline'),
  'not-expected': new vscode.ThemeIcon('dash', new vscode.ThemeColor('disabledForeground')),
} as const;

const KIND_ICON = { commit: 'git-commit', selection: 'code', note: 'note' } as const;

/** The rubric tree: groups, dimensions with coverage, what each level expects, and the evidence. */
export class RubricTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: JournalSnapshot | undefined;
  private view: RubricView | undefined;
  /** The filter's text, and what it found in the view's period (worked out once per rebuild). */
  private filter: { text: string; found: { kind: 'found'; dimension: Dimension; entries: Entry[] }[]; count: number } | undefined;

  constructor(
    private readonly store: JournalStore,
    private period: ViewPeriodKey,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  setPeriod(period: ViewPeriodKey): void {
    this.period = period;
    this.rebuild();
  }


  /** Called with each new snapshot; rebuilds the view model once, not per node. */
  update(snapshot: JournalSnapshot): void {
    this.snapshot = snapshot;
    this.rebuild();
  }

  /** Shows only the evidence holding `text` (plain text, any case), under the dimensions it counts toward; empty shows all. */
  setFilter(text: string | undefined): void {
    this.filter = text?.trim() ? { text: text.trim(), found: [], count: 0 } : undefined;
    this.rebuild();
  }

  current(): { snapshot?: JournalSnapshot; view?: RubricView; filter?: TreeFilter } {
    return { ...(this.snapshot ? { snapshot: this.snapshot } : {}), ...(this.view ? { view: this.view } : {}), ...(this.filter ? { filter: { text: this.filter.text, count: this.filter.count } } : {}) };
  }

  private rebuild(): void {
    const s = this.snapshot;
    // A journal that does not parse leaves the rubric browsable (the view's message says why no evidence shows),
    // and so does no journal yet: the rubric is what a new user comes to see.
    this.view = s?.status === 'ready' || ((s?.status === 'journalError' || s?.status === 'noJournal') && s.rubric) ? rubricViewOf(s, this.period) : undefined;
    if (this.filter) this.filter = { text: this.filter.text, ...this.find(this.filter.text) };
    this.changed.fire(undefined);
  }

  /** The period's evidence holding `text`, per dimension in rubric order, newest first. */
  private find(text: string): { found: { kind: 'found'; dimension: Dimension; entries: Entry[] }[]; count: number } {
    const rubric = this.snapshot?.rubric;
    if (!rubric || !this.view || this.snapshot?.status !== 'ready') return { found: [], count: 0 };
    const range = this.view.period.range;
    const match = evidenceMatcher(rubric, { text });
    const hits = entriesInPeriod(this.snapshot.journal?.entries ?? [], { ...(range ? { range } : {}), includePrivate: true }).filter((e) => match(e) !== undefined);
    const found = allDimensions(rubric)
      .map((dimension) => ({ kind: 'found' as const, dimension, entries: hits.filter((e) => taggedDimensions(e).includes(dimension.id)) }))
      .filter((f) => f.entries.length > 0);
    return { found, count: hits.length };
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    // Before the first read ends the tree stays empty, so the view shows its message, and fills on the change event.
    if (!this.snapshot) return [];
    // The store may have read a newer journal than the last change event brought.
    const latest = await this.store.snapshot();
    if (latest !== this.snapshot) this.update(latest);
    const view = this.view;
    if (!view) return [];
    if (!node) return this.filter ? this.filter.found : view.groups.map((g) => ({ kind: 'group', view: g }));
    switch (node.kind) {
      case 'found':
        return node.entries.map((entry) => ({ kind: 'entry', entry, dimensionId: node.dimension.id, found: true }));
      case 'group':
        return node.view.dimensions.map((d) => ({ kind: 'dimension', view: d }));
      case 'dimension':
        return [{ kind: 'expectations', view: node.view }, { kind: 'evidence', view: node.view }];
      case 'expectations':
        return this.levelsOf(node.view.dimension).map((levelId) => ({ kind: 'level', dimension: node.view.dimension, levelId }));
      case 'level':
        return statementsAt(node.dimension, node.levelId).map((statement) => ({ kind: 'statement', dimension: node.dimension, levelId: node.levelId, statement, cited: this.citedBy().get(statement.ref) ?? [] }));
      case 'statement':
        return node.cited.map((entry) => ({ kind: 'entry', entry, dimensionId: node.dimension.id, statement: node.statement.ref }));
      case 'evidence': {
        const { entries, dimension } = node.view;
        const error: TreeNode[] = this.snapshot.status === 'journalError' ? [{ kind: 'journalError', dimensionId: dimension.id }] : [];
        if (error.length && !this.snapshot.lastGood) return error;
        if (!entries.length && !error.length) return [{ kind: 'tagHere', dimension }];
        const listed: TreeNode[] = [...error, ...entries.slice(0, MAX_LISTED_EVIDENCE).map((entry) => ({ kind: 'entry' as const, entry, dimensionId: dimension.id }))];
        const older = entries.length - MAX_LISTED_EVIDENCE;
        return older > 0 ? [...listed, { kind: 'older', dimensionId: dimension.id, count: older, firstOlder: entries[MAX_LISTED_EVIDENCE] }] : listed;
      }
      default:
        return [];
    }
  }

  private cited: { entries: readonly Entry[]; view: RubricView | undefined; byRef: ReadonlyMap<string, Entry[]> } | undefined;

  /** Entries per statement ref in the view's period, newest first; worked out once per journal read and period. */
  private citedBy(): ReadonlyMap<string, Entry[]> {
    const entries = this.shownJournal()?.entries ?? [];
    if (this.cited?.entries !== entries || this.cited.view !== this.view) {
      const range = this.view?.period.range;
      this.cited = { entries, view: this.view, byRef: citations(entriesInPeriod(entries, { ...(range ? { range } : {}), includePrivate: true })) };
    }
    return this.cited.byRef;
  }

  /** The journal the view shows: the one read, or while it does not parse, the last good read. */
  private shownJournal() {
    return this.snapshot?.journal ?? this.snapshot?.lastGood?.journal;
  }

  /** Whether the counts are from the last good read, the journal now having an error. */
  private fromLastGood(): boolean {
    return this.snapshot?.status === 'journalError' && !!this.snapshot.lastGood;
  }

  private levelsOf(dimension: Dimension): string[] {
    return (this.snapshot?.rubric?.levels ?? []).map((l) => l.id).filter((id) => id in dimension.expectations);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const shown: ShownContext = { rubric: this.snapshot!.rubric!, profile: this.shownJournal()?.profile ?? {}, period: this.view!.period };
    switch (node.kind) {
      case 'group':
        return this.groupItem(node, shown);
      case 'dimension':
        return this.dimensionItem(node, shown);
      case 'expectations':
        return this.expectationsItem(node, shown);
      case 'level':
        return this.levelItem(node, shown);
      case 'statement':
        return this.statementItem(node, shown);
      case 'evidence':
        return this.evidenceItem(node, shown);
      case 'entry':
        return this.entryItem(node, shown);
      case 'found':
        return this.foundItem(node);
      case 'older':
        return this.olderItem(node);
      case 'journalError':
        return this.journalErrorItem(node);
      case 'tagHere':
        return this.tagHereItem(node);
    }
  }

  private groupItem(node: Extract<TreeNode, { kind: 'group' }>, shown: ShownContext): vscode.TreeItem {
    const { rubric, profile } = shown;
    const item = new vscode.TreeItem(node.view.group.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group:${node.view.group.id}`;
    // A group that expects nothing at the target says so, rather than "0 of 0 met".
    if (profile.targetLevel) item.description = node.view.expected ? `${node.view.met} of ${node.view.expected} met at ${levelName(rubric, profile.targetLevel)}` : `nothing expected at ${levelName(rubric, profile.targetLevel)}`;
    item.tooltip = node.view.group.description ?? node.view.group.name;
    item.contextValue = 'group';
    return item;
      
  }

  private dimensionItem(node: Extract<TreeNode, { kind: 'dimension' }>, shown: ShownContext): vscode.TreeItem {
    const { rubric, profile, period } = shown;
    const { dimension, periodCount, allTimeCount, status, highestLevel, statements } = node.view;
    const item = new vscode.TreeItem(dimension.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `dim:${dimension.id}`;
    // Short enough for the default side bar width: the target's statements with evidence (the figure
    // every surface shows), then entries in the period · in total; the words are in the tooltip.
    // No counts while the journal does not parse, unless from its last good read: "0 · 0" would say there is no evidence.
    const entryCounts = period.range ? `${formatCount(periodCount)} · ${formatCount(allTimeCount)}` : formatCount(allTimeCount);
    item.description = this.snapshot?.status === 'journalError' && !this.fromLastGood() ? undefined : statements ? `${coverageFigure(statements)} · ${entryCounts}` : entryCounts;
    item.iconPath = STATUS_ICON[status];
    const counts = `${period.range ? `${formatCount(periodCount)} ${period.long}, ${formatCount(allTimeCount)} in total` : `${formatCount(allTimeCount)} in total`}${this.fromLastGood() ? ' (from the last good read of the journal)' : ''}`;
    const claims = profile.targetLevel ? claimText(rubric, node.view, profile.targetLevel) : undefined;
    const gap = statements && this.snapshot?.status === 'ready' ? `${statementGapText(rubric, dimension, statements)} ${period.phrase}${claims ? `; ${claims}` : ''}` : undefined;
    item.tooltip = dimensionTooltip(rubric, dimension, node.view, profile, period, counts, gap);
    item.contextValue = 'dimension';
    item.accessibilityInformation = { label: `${dimension.name}: ${statusText(rubric, status, highestLevel, profile.targetLevel, period.phrase)}; ${counts}${gap ? `; ${gap}` : ''}` };
    return item;
      
  }

  private expectationsItem(node: Extract<TreeNode, { kind: 'expectations' }>, shown: ShownContext): vscode.TreeItem {
    const { rubric } = shown;
    const item = new vscode.TreeItem('Expectations', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `dim:${node.view.dimension.id}/expectations`;
    item.iconPath = new vscode.ThemeIcon('list-unordered');
    item.description = this.levelsOf(node.view.dimension).map((id) => levelName(rubric, id)).join(' · ');
    return item;
      
  }

  private levelItem(node: Extract<TreeNode, { kind: 'level' }>, shown: ShownContext): vscode.TreeItem {
    const { rubric, profile, period } = shown;
    const isTarget = node.levelId === profile.targetLevel;
    const isCurrent = node.levelId === profile.currentLevel;
    const item = new vscode.TreeItem(levelName(rubric, node.levelId), isTarget ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `dim:${node.dimension.id}/expectations/${node.levelId}`;
    const statements = statementsAt(node.dimension, node.levelId);
    const cited = statements.filter((s) => this.citedBy().has(s.ref)).length;
    const total = statements.length;
    item.description = [isCurrent ? 'current level' : '', isTarget ? 'target level' : '', cited ? `${cited} of ${total} with evidence ${period.phrase}` : ''].filter(Boolean).join(', ');
    item.iconPath = new vscode.ThemeIcon(isTarget ? 'target' : isCurrent ? 'account' : 'circle-small');
    return item;
      
  }

  private statementItem(node: Extract<TreeNode, { kind: 'statement' }>, shown: ShownContext): vscode.TreeItem {
    const { period } = shown;
    const { ref, text, n } = node.statement;
    const item = new vscode.TreeItem(text, node.cited.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `dim:${node.dimension.id}/expectations/${node.levelId}/${n - 1}`;
    item.description = node.cited.length ? formatCount(node.cited.length) : '';
    item.tooltip = `${text}\n\n${ref}: ${node.cited.length ? `cited by ${node.cited.length} ${node.cited.length === 1 ? 'entry' : 'entries'} ${period.phrase}` : `no evidence cites it ${period.phrase}`}`;
    item.iconPath = new vscode.ThemeIcon(node.cited.length ? 'pass' : 'circle-small');
    // A gap offers its way to evidence: Tag Evidence for This Statement… (inline and in the context menu).
    item.contextValue = node.cited.length ? 'statement' : 'statement.gap';
    item.accessibilityInformation = { label: `${node.statement.text}: ${node.cited.length ? `cited by ${formatCount(node.cited.length)} ${node.cited.length === 1 ? 'entry' : 'entries'}` : 'no evidence yet'} ${period.phrase}` };
    return item;
      
  }

  private evidenceItem(node: Extract<TreeNode, { kind: 'evidence' }>, shown: ShownContext): vscode.TreeItem {
    const { period } = shown;
    const item = new vscode.TreeItem('Evidence', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `dim:${node.view.dimension.id}/evidence`;
    item.description = evidenceDescription(node.view, period, this.snapshot?.status === 'journalError', this.fromLastGood());
    item.iconPath = new vscode.ThemeIcon('checklist');
    return item;
      
  }

  private entryItem(node: Extract<TreeNode, { kind: 'entry' }>, shown: ShownContext): vscode.TreeItem {
    const { rubric } = shown;
    const { entry } = node;
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.found ? `found:${node.dimensionId}/${entry.id}` : node.statement ? `statement:${node.statement}/${entry.id}` : `dim:${node.dimensionId}/evidence/${entry.id}`;
    item.description = [entry.date, entry.level ? levelName(rubric, entry.level) : '', entry.private ? 'private' : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(entry.private ? 'lock' : KIND_ICON[entry.kind]);
    item.tooltip = entryTooltip(rubric, entry);
    item.contextValue = `entry.${entry.kind}`;
    item.command = { command: 'growthJournal.openEntry', title: 'Open Evidence', arguments: [entry.id] };
    return item;
      
  }

  private foundItem(node: Extract<TreeNode, { kind: 'found' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(node.dimension.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `found:${node.dimension.id}`;
    item.description = `${formatCount(node.entries.length)} found`;
    item.iconPath = new vscode.ThemeIcon('search');
    item.contextValue = 'foundDimension';
    return item;
      
  }

  private olderItem(node: Extract<TreeNode, { kind: 'older' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(`${formatCount(node.count)} older ${node.count === 1 ? 'entry' : 'entries'}`, vscode.TreeItemCollapsibleState.None);
    item.id = `dim:${node.dimensionId}/evidence/older`;
    item.description = 'in the journal';
    item.tooltip = `Open the journal at the newest of them, from ${node.firstOlder.date}`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: 'growthJournal.openEntryInJournal', title: 'Open in Journal', arguments: [node.firstOlder.id] };
    return item;
      
  }

  private journalErrorItem(node: Extract<TreeNode, { kind: 'journalError' }>): vscode.TreeItem {
    const item = new vscode.TreeItem('The journal has an error: open it there', vscode.TreeItemCollapsibleState.None);
    item.id = `dim:${node.dimensionId}/evidence/journalError`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = this.snapshot?.firstError?.problem.message ?? 'The journal does not parse.';
    item.accessibilityInformation = { label: `The journal has an error: open it there. ${item.tooltip}` };
    item.command = { command: 'growthJournal.openJournalAtFirstError', title: 'Open Journal at First Error' };
    return item;
      
  }

  private tagHereItem(node: Extract<TreeNode, { kind: 'tagHere' }>): vscode.TreeItem {
    const item = new vscode.TreeItem('Tag evidence for this dimension…', vscode.TreeItemCollapsibleState.None);
    item.id = `dim:${node.dimension.id}/evidence/tag`;
    item.iconPath = new vscode.ThemeIcon('add');
    item.command = { command: 'growthJournal.tagForDimension', title: 'Tag Evidence for This Dimension', arguments: [node.dimension.id] };
    return item;
      
  }

}

function statusText(rubric: Rubric, status: DimensionView['status'], highest: string | undefined, target: string | undefined, periodWord: string): string {
  const targetName = target ? levelName(rubric, target) : 'the target level';
  switch (status) {
    case 'met':
      return `every ${targetName} statement in force has evidence ${periodWord}`;
    case 'some':
      return `evidence ${periodWord}${highest ? ` up to ${levelName(rubric, highest)}` : ''}, not yet for every ${targetName} statement`;
    case 'none':
      return `no evidence ${periodWord}`;
    case 'not-expected':
      return `${targetName} says nothing here`;
  }
}

/** How many entries the Evidence row lists, of how many. */
function evidenceDescription(view: DimensionView, period: ViewPeriod, journalError: boolean, fromLastGood: boolean): string {
  if (fromLastGood) return `${evidenceDescription(view, period, false, false)}, as last read`;
  if (journalError) return 'journal has errors';
  const listed = Math.min(view.entries.length, MAX_LISTED_EVIDENCE);
  if (period.range) return view.periodCount ? `${formatCount(listed)} ${period.phrase}, of ${formatCount(view.allTimeCount)}` : `none ${period.phrase}, of ${formatCount(view.allTimeCount)}`;
  if (!view.allTimeCount) return 'none yet';
  return listed < view.allTimeCount ? `newest ${formatCount(listed)} of ${formatCount(view.allTimeCount)}` : `all ${formatCount(view.allTimeCount)}`;
}

function dimensionTooltip(rubric: Rubric, dimension: Dimension, view: DimensionView, profile: { currentLevel?: string; targetLevel?: string }, period: ViewPeriod, counts: string, gap: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${mdText(dimension.name)}**\n\n`);
  if (dimension.description) md.appendMarkdown(`*${mdText(dimension.description)}*\n\n`);
  md.appendMarkdown(`${mdText(`Evidence: ${counts}.`)}\n\n`);
  md.appendMarkdown(`${mdText(statusText(rubric, view.status, view.highestLevel, profile.targetLevel, period.phrase))}\n\n`);
  if (gap) md.appendMarkdown(`${mdText(`${gap}.`)}\n\n`);
  const levels = [...new Set([profile.currentLevel, profile.targetLevel].filter((l): l is string => !!l))];
  for (const levelId of levels.length ? levels : rubric.levels.map((l) => l.id).slice(-1)) {
    const role = levelId === profile.targetLevel ? (levelId === profile.currentLevel ? 'current and target' : 'target') : 'current';
    md.appendMarkdown(`*${mdText(`${levelName(rubric, levelId)} (${role})`)}*\n\n`);
    const statements = dimension.expectations[levelId];
    if (!statements) md.appendText('Not described at this level.').appendMarkdown('\n\n');
    for (const s of statements ?? []) md.appendMarkdown(`- ${mdText(s)}\n`);
    md.appendMarkdown('\n');
  }
  return md;
}

function entryTooltip(rubric: Rubric, entry: Entry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${mdText(entry.title)}**\n\n`);
  md.appendMarkdown(`${mdText([entry.date, entry.kind, entry.level ? `shows ${levelName(rubric, entry.level)}` : '', entry.private ? 'private' : ''].filter(Boolean).join(' · '))}\n\n`);
  if (entry.commit) md.appendMarkdown(`${mdText(`Commit ${entry.commit.sha.slice(0, 7)}${entry.commit.subject ? `: ${entry.commit.subject}` : ''}`)}\n\n`);
  if (entry.selection) md.appendMarkdown(`${mdText(`${entry.selection.file}:${entry.selection.startLine}-${entry.selection.endLine}`)}\n\n`);
  if (entry.note) md.appendMarkdown(entry.note.split(LINE_BREAK).map(mdText).filter(Boolean).join('\n\n'));
  return md;
}
