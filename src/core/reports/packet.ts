import { claimText, coverageFigure, coverageOfPeriod, entriesInPeriod, type DimensionCoverage } from './coverage';
import { EvidenceWriter, generatedFrom, inDateOrder, plural, section, type Block, type GapItem, type ReportDocument, type Section } from './document';
import { type Entry, type Journal } from '../journal';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';
import { periodTitle, type Period } from '../time/periods';
import { levelName, levelRank, type Dimension, type Rubric } from '../rubric/rubric';
import { citedRef, refKey, type ExpectationInForce, type Statement } from '../rubric/statements';

/**
 * The promotion packet: for one level, every dimension, every statement in force at that level,
 * and the evidence that cites it. It shows coverage, never a score: ladders warn against
 * "tick these boxes, get promoted". Deterministic: the same inputs give the same bytes.
 */
export interface PacketInput {
  rubric: Rubric;
  journal: Journal;
  /** Default: the journal's target level. */
  level?: string;
  /** Leave out for all evidence to date. */
  period?: Period;
  includePrivate?: boolean;
  /** How the journal is named in the footer, e.g. `.growth/journal.yaml`. */
  journalLabel?: string;
  /** The user's words per statement from the period's self-review, keyed by cited ref (`ref@fingerprint`): see reviewWords in review.ts. */
  words?: ReadonlyMap<string, readonly string[]>;
}

interface PacketStatement {
  statement: Statement;
  /** Newest first. */
  evidence: readonly Entry[];
  /** The user's own words on it, from the self-review; lines as written. */
  words?: readonly string[];
}

interface PacketDimension {
  dimension: Dimension;
  /** The one measure of coverage (coverage.ts), at the packet's level. */
  coverage: DimensionCoverage;
  /** Undefined when the dimension expects nothing at this level or below. */
  expectation?: ExpectationInForce;
  statements: PacketStatement[];
  /** Evidence tagged to the dimension that cites none of the statements above, newest first. */
  dimensionOnly: Entry[];
}

export interface PacketModel {
  rubric: Rubric;
  level: string;
  currentLevel?: string;
  period?: Period;
  groups: { id: string; name: string; dimensions: PacketDimension[] }[];
  privateLeftOut: number;
  includePrivate: boolean;
  journalLabel?: string;
}

/** Statements without evidence: once, as a checklist at the end (the default); under each statement; or left out. */
export type GapStyle = 'checklist' | 'inline' | 'none';
export const GAP_STYLES: readonly GapStyle[] = ['checklist', 'inline', 'none'];

export class PacketError extends Error {}

export function packetModel(input: PacketInput): PacketModel {
  const { rubric, journal } = input;
  const level = input.level ?? journal.profile.targetLevel;
  if (level === undefined) throw new PacketError('Say which level the packet is for: set a target level in the profile, or name a level.');
  if (levelRank(rubric, level) < 0) throw new PacketError(`"${level}" is not a level of ${rubric.name}: use one of ${rubric.levels.map((l) => l.id).join(', ')}.`);
  const inPeriod = entriesInPeriod(journal.entries, { ...(input.period ? { range: input.period.range } : {}), includePrivate: true });
  const includePrivate = input.includePrivate ?? false;
  const shown = includePrivate ? inPeriod : inPeriod.filter((e) => !e.private);
  const byId = new Map(coverageOfPeriod(rubric, shown, { targetLevel: level }).map((c) => [c.dimension.id, c]));
  const groups = rubric.groups.map((g) => ({
    id: g.id,
    name: g.name,
    dimensions: g.dimensions.map((dimension): PacketDimension => {
      const c = byId.get(dimension.id)!;
      const expectation = c.statements?.expectation;
      const statements = (c.statements?.statements ?? []).map(({ statement, entries }): PacketStatement => {
        const words = input.words?.get(citedRef(statement));
        return { statement, evidence: entries, ...(words ? { words } : {}) };
      });
      const refs = new Set(statements.map((s) => s.statement.ref));
      const dimensionOnly = c.entries.filter((e) => !e.statements?.some((s) => refs.has(refKey(s))));
      return { dimension, coverage: c, ...(expectation ? { expectation } : {}), statements, dimensionOnly };
    }),
  }));
  return {
    rubric,
    level,
    ...(journal.profile.currentLevel ? { currentLevel: journal.profile.currentLevel } : {}),
    ...(input.period ? { period: input.period } : {}),
    groups,
    privateLeftOut: inPeriod.length - shown.length,
    includePrivate,
    ...(input.journalLabel === undefined ? {} : { journalLabel: input.journalLabel }),
  };
}

const COVERAGE_NOT_SCORE = 'This packet shows which expectations have evidence, not a score: a statement with evidence is a claim a reader can check, and one without is a conversation to have.';

function periodText(model: PacketModel): string {
  return model.period ? periodTitle(model.period) : 'all evidence to date';
}

function privacyText(model: PacketModel): string {
  if (model.privateLeftOut > 0) return `${plural(model.privateLeftOut, 'private entry', 'private entries')} left out.`;
  return model.includePrivate ? 'Private entries included.' : '';
}

/**
 * The packet as a document (document.ts): an overview of coverage, then every group, dimension
 * and statement with the evidence citing it, each entry written out once; statements without
 * evidence as `gaps` says.
 */
export function packetDocument(model: PacketModel, gaps: GapStyle = 'checklist'): ReportDocument {
  const { rubric } = model;
  const levelText = levelName(rubric, model.level);
  const dimensions = model.groups.flatMap((g) => g.dimensions);
  const claims = dimensions.flatMap((d) => {
    const text = claimText(rubric, d.coverage, model.level);
    return text ? [[`${d.dimension.name}: ${text}.`]] : [];
  });
  const overview = section('Overview', [
    { kind: 'paragraph', text: [COVERAGE_NOT_SCORE] },
    { kind: 'coverageChart', title: `Statements with evidence per dimension at ${levelText}; the table below gives the same numbers.`, rows: dimensions.filter((d) => d.statements.length > 0).map((d) => ({ label: d.dimension.name, covered: d.coverage.statements!.covered, total: d.statements.length })) },
    {
      kind: 'table',
      columns: [{ label: 'Dimension' }, { label: `${levelText} statements with evidence` }, { label: 'Evidence', numeric: true }],
      rows: dimensions.map((d) => [[d.dimension.name], [d.coverage.statements ? coverageFigure(d.coverage.statements) : 'not expected at this level'], [String(d.coverage.entries.length)]]),
    },
    ...(claims.length ? [{ kind: 'paragraph', text: [`Levels named without a ${levelText} statement cited are claims, not coverage:`] } as Block, { kind: 'list', items: claims } as Block] : []),
  ]);
  const writer = new EvidenceWriter(rubric);
  const open: GapItem[] = [];
  const groups = model.groups.flatMap((g) => {
    const dimensionSections = g.dimensions.flatMap((d) => {
        const blocks: Block[] = [];
        if (!d.expectation) blocks.push({ kind: 'paragraph', tone: 'none', text: [`${rubric.name} expects nothing of this dimension at ${levelText} or below.`] });
        else if (d.expectation.statedAt !== model.level) blocks.push({ kind: 'paragraph', tone: 'meta', text: [`${levelText} states nothing here; the expectation in force is ${levelName(rubric, d.expectation.statedAt)}'s, the nearest level below that states something.`] });
        const statements: Section[] = [];
        const uncited = d.statements.filter((s) => s.evidence.length === 0).map((s) => s.statement.text);
        if (uncited.length) open.push({ dimension: d.dimension.name, statements: uncited });
        for (const s of d.statements) {
          // A statement without evidence stands in the checklist, unless the user wrote about it.
          if (s.evidence.length === 0 && !s.words && gaps !== 'inline') continue;
          const evidence: Block = s.evidence.length ? { kind: 'evidence', items: writer.items(inDateOrder(s.evidence), d.dimension.name, s.statement.text) } : { kind: 'paragraph', tone: 'none', text: ['No evidence yet.'] };
          const words: Block[] = s.words ? [{ kind: 'quote', lead: 'In my words (from my self-review):', lines: s.words }] : [];
          statements.push(section(s.statement.text, [evidence, ...words], [], { anchor: s.statement.ref, role: s.evidence.length ? 'statement covered' : 'statement' }));
        }
        if (d.dimensionOnly.length > 0) statements.push(section(`Evidence for ${d.dimension.name} without a statement`, [{ kind: 'evidence', items: writer.items(inDateOrder(d.dimensionOnly), d.dimension.name) }]));
        // Where gaps are not inline, a dimension without evidence is told once: in the overview and the checklist.
        if (statements.length === 0 && gaps !== 'inline') return [];
        if (statements.length === 0) blocks.push({ kind: 'paragraph', tone: 'none', text: ['No evidence yet.'] });
        return [section(d.dimension.name, blocks, statements, { anchor: d.dimension.id })];
    });
    return dimensionSections.length ? [section(g.name, [], dimensionSections, { role: 'group' })] : [];
  });
  const checklist =
    gaps === 'checklist' && open.length
      ? [section('Statements without evidence yet', [{ kind: 'paragraph', text: [`The ${plural(open.reduce((n, g) => n + g.statements.length, 0), 'statement')} in force at ${levelText} that no evidence in this packet cites, by dimension: a list to talk through.`] }, { kind: 'gaps', items: open }], [], { anchor: 'gaps' })]
      : [];
  const privacy = privacyText(model);
  return {
    title: `Promotion packet: ${levelText}`,
    facts: [
      { label: 'Period', value: [periodText(model)] },
      { label: 'Level', value: [`${model.currentLevel ? levelName(rubric, model.currentLevel) : 'not set'}, making the case for `, { kind: 'strong', text: levelText }] },
      { label: 'Rubric', value: [`${rubric.name} (`, { kind: 'code', text: rubric.id }, `, version ${rubric.version}, fingerprint `, { kind: 'code', text: rubric.hash }, ')'] },
    ],
    sections: [overview, ...groups, ...checklist],
    footer: generatedFrom(rubric, model.journalLabel, `version ${rubric.version} (fingerprint ${rubric.hash}).${privacy ? ` ${privacy}` : ''}`),
  };
}

export function renderPacketMarkdown(model: PacketModel, options: { gaps?: GapStyle } = {}): string {
  return renderMarkdown(packetDocument(model, options.gaps));
}

/** One self-contained HTML file (renderHtml.ts); `nonce` for a webview's Content Security Policy. */
export function renderPacketHtml(model: PacketModel, options: { nonce?: string; gaps?: GapStyle } = {}): string {
  return renderHtml(packetDocument(model, options.gaps), options.nonce === undefined ? {} : { nonce: options.nonce });
}
