import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { type Entry, type Journal } from '../../src/core/journal';
import { mdCode, mdFileLink, mdLink, mdText } from '../../src/core/reports/markdown';
import { parsePeriod } from '../../src/core/time/periods';
import { type Rubric } from '../../src/core/rubric/rubric';
import { renderSummary } from '../../src/core/reports/summary';
import { workspacePath } from '../../src/core/text/workspacePath';
import { random } from './helpers';

/**
 * Summaries are inert text: for random hostile strings in every journal and rubric field, the
 * summary renders (with a real CommonMark parser, raw HTML and bare-URL linking on, any link
 * scheme allowed) to exactly the structure it has with harmless stand-ins, and each field's text
 * comes back as written (one line, its spaces collapsed).
 */

const SEEDS = Number(process.env.GROWTH_FUZZ_SEEDS ?? 150);
const SUMMARY_FOLDER = '.growth/summaries';
const TO_WORKSPACE = '../../';
/** The one piece of HTML the template writes: the comment that tells an edited summary from ours. */
const FINGERPRINT = /^<!-- growth-journal summary [0-9a-f]+ -->\n$/;

/** Pieces of text that are, or were, markup somewhere. */
const PIECES = [
  '#', '# ', '## x', '### ', ' ##', '\n', '\r', '\r\n', '\n\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\t', '    ', '  ', ' ',
  '\u00a0', '\u3000', '\ufeff', '\u200b', '\u202e', '\u0000', '\u0007', '\u009b', '\ud800', '\udc00', '😀', 'é', 'ß',
  '<', '>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<!--', '-->', '<https://evil.example>', '<a@b.co>', '</p>', '<br>',
  'https://evil.example/x', 'http://evil.example', 'www.evil.example', 'evil.example', 'evil.com', 'a@evil.example', '//localhost', '//evil.example',
  'mailto:a@b.co', 'javascript:alert(1)', 'file:///etc/passwd', 'xn--80ak6aa92e.com', 'evil.ком',
  '[', ']', '](', ')', '(', '![x](https://evil.example/i.png)', '[x](https://evil.example)', '[x]: https://evil.example', '[x][y]', '[^1]',
  '*', '**', '_', '__', '`', '```', '~~~', '~', '~~', '|', '| --- |', '|-|', '-', '---', '- ', '+ ', '* ', '1. ', '1) ', '10.', '> ', '>', '=', '===',
  '\\', '\\\\', '&amp;', '&lt;', '&#x3C;', '&#60;', '&#0;', '&nbsp;', '&', '$', '$x$', '$$', '{', '}', '{#id}', '^', '@user', ':smile:', '#123',
  'x', 'word', 'Two words', '.', ':', ',', ';', '"', "'", '%', '%2F', '%zz', '?', '!', '...', '0', '42',
];

/** Workspace-path-like and URL-like pieces, for the fields that become link targets. */
const PATH_PIECES = ['../', '..', './', '/', 'C:', 'c:/', 'src/', 'a.ts', 'a b.ts', '#', '#L1', '?', '%', '%2e%2e/', '(', ')', 'https://', '\\', '~/', ' '];
const URL_STARTS = ['https://github.com/acme/app/blob/abc/', 'http://x.example/', 'https://evil.example/', 'HTTPS://X.EXAMPLE/', 'https://user:pw@x.example/', 'javascript:', 'data:text/html,', 'ftp://x.example/', '//evil.example/', 'vscode://file/', ''];
const REMOTES = ['https://github.com/acme/app.git', 'git@github.com:acme/', 'https://gitlab.com/acme/', 'ssh://git@bitbucket.org/acme/', 'https://dev.azure.com/o/p/_git/'];

type Rand = ReturnType<typeof random>;

function hostile(r: Rand, pieces: readonly string[] = PIECES, min = 1): string {
  let s = '';
  for (let n = min + r.int(6); n > 0; n--) s += r.pick(pieces);
  return inline(s) === '' ? `${s}x` : s;
}

/** What a field shows as: one line, control characters and line breaks as spaces, runs of spaces as one, no space at the ends. */
function inline(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/ +/g, ' ')
    .replace(/^ | $/g, '');
}

/** A code span shows its text as written, each run of line breaks and control characters as a space. */
function literal(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** The first line of a note, as the summary takes it. */
function firstLine(s: string): string {
  return s.trim().split(/\r\n?|[\n\u0085\u2028\u2029]/)[0];
}

interface Fields {
  rubricName: string;
  rubricId: string;
  levels: [string, string, string];
  groups: [string, string];
  dimensions: [string, string, string, string];
  statements: string[];
  titles: [string, string, string, string, string];
  notes: [string, string];
  strayLevel: string;
  file: string;
  linkedFile: string;
  link: string;
  remote: string;
  journalLabel: string;
}

function hostileFields(r: Rand): Fields {
  const note = () => {
    const s = hostile(r);
    return inline(firstLine(s)) === '' ? `x${s}` : s;
  };
  return {
    rubricName: hostile(r),
    rubricId: hostile(r),
    levels: [hostile(r), hostile(r), hostile(r)],
    groups: [hostile(r), hostile(r)],
    dimensions: [hostile(r), hostile(r), hostile(r), hostile(r)],
    statements: Array.from({ length: 4 * 3 * 2 }, () => hostile(r)),
    titles: [hostile(r), hostile(r), hostile(r), hostile(r), hostile(r)],
    notes: [note(), note()],
    strayLevel: hostile(r),
    file: hostile(r, [...PATH_PIECES, ...PIECES]),
    linkedFile: hostile(r, [...PATH_PIECES, ...PIECES]),
    link: r.pick(URL_STARTS) + hostile(r, [...PATH_PIECES, ...PIECES], 0),
    remote: r.pick(REMOTES) + hostile(r, [...PATH_PIECES, ...PIECES], 0),
    journalLabel: hostile(r),
  };
}

/**
 * Harmless stand-ins for the same fields: each a word of its own, so it can be found in the
 * rendering and replaced by what the hostile field should show. Link targets stay the same (they
 * are not shown as text); a file keeps whether it can be linked to.
 */
function standIns(h: Fields): { fields: Fields; shows: Map<string, string> } {
  const shows = new Map<string, string>();
  let n = 0;
  const word = (value: string, as: (s: string) => string = inline) => {
    const w = `zq${(n++).toString(36)}zq`;
    shows.set(w, as(value));
    return w;
  };
  // A file starts its label (`file:line`), so only its leading space goes.
  const asLabelStart = (value: string) => inline(`${value}\uE000`).slice(0, -1);
  const fileWord = (value: string) => {
    const w = word(value, asLabelStart);
    return workspacePath(value).ok ? w : `/${w}`;
  };
  return {
    fields: {
      rubricName: word(h.rubricName),
      rubricId: word(h.rubricId, literal),
      levels: h.levels.map((l) => word(l)) as Fields['levels'],
      groups: h.groups.map((g) => word(g)) as Fields['groups'],
      dimensions: h.dimensions.map((d) => word(d)) as Fields['dimensions'],
      statements: h.statements.map((s) => word(s)),
      titles: h.titles.map((t) => word(t)) as Fields['titles'],
      notes: h.notes.map((s) => word(firstLine(s))) as Fields['notes'],
      strayLevel: word(h.strayLevel),
      file: fileWord(h.file),
      linkedFile: word(h.linkedFile, asLabelStart),
      link: h.link,
      remote: h.remote,
      journalLabel: word(h.journalLabel, literal),
    },
    shows,
  };
}

function build(f: Fields): { rubric: Rubric; journal: Journal } {
  const levelIds = ['l1', 'l2', 'l3'];
  let s = 0;
  const dimension = (i: number, groupId: string) => ({
    id: `d${i}`,
    name: f.dimensions[i],
    groupId,
    expectations: Object.fromEntries(levelIds.map((l) => [l, [f.statements[s++], f.statements[s++]]])),
  });
  const rubric: Rubric = {
    id: f.rubricId,
    name: f.rubricName,
    version: 1,
    levels: levelIds.map((id, i) => ({ id, name: f.levels[i] })),
    groups: [
      { id: 'g1', name: f.groups[0], dimensions: [dimension(0, 'g1'), dimension(1, 'g1')] },
      { id: 'g2', name: f.groups[1], dimensions: [dimension(2, 'g2'), dimension(3, 'g2')] },
    ],
    hash: '0123456789abcd',
  };
  const entry = (i: number, e: Partial<Entry>): Entry => ({ id: `ev-${i}`, date: `2026-10-0${i + 1}`, kind: 'note', title: f.titles[i], dimensions: ['d0'], line: 1, ...e });
  const journal: Journal = {
    version: 1,
    profile: { currentLevel: 'l1', targetLevel: 'l3' },
    entries: [
      entry(0, { kind: 'commit', level: 'l3', note: f.notes[0], commit: { sha: '9c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', repo: f.remote, subject: f.titles[0] } }),
      entry(1, { kind: 'selection', dimensions: ['d1'], level: 'l2', selection: { file: f.file, startLine: 3, endLine: 9 } }),
      entry(2, { kind: 'selection', dimensions: ['d1'], level: 'l1', selection: { file: f.linkedFile, startLine: 1, endLine: 1, link: f.link } }),
      entry(3, { dimensions: ['d3'], level: 'l3', note: f.notes[1] }),
      entry(4, { dimensions: ['d3'], level: f.strayLevel }),
    ],
  };
  return { rubric, journal };
}

function render(f: Fields): string {
  const { rubric, journal } = build(f);
  return renderSummary({ rubric, journal, period: parsePeriod('2026-Q4')!, journalLabel: f.journalLabel, summaryFolder: SUMMARY_FOLDER });
}

/** The strictest reader: raw HTML on, bare URLs linked, and every link scheme let through to the output. */
function reader(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  return md;
}

/** A rendering's structure and text, one line per token; link targets are checked on their own. */
function outline(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type === 'inline') out.push(...outline(t.children ?? []).map((l) => `  ${l}`));
    else if (t.type === 'text') out.push(`text ${JSON.stringify(t.content)}`);
    else if (t.type === 'code_inline') out.push(`code ${JSON.stringify(t.content)}`);
    else if (t.type === 'html_block' && FINGERPRINT.test(t.content)) out.push('fingerprint');
    else if (t.type === 'html_inline' || t.type === 'html_block') out.push(`${t.type} ${JSON.stringify(t.content)}`);
    else out.push(t.type + (t.tag === 'a' || t.tag === 'img' ? ` ${t.tag}` : ''));
  }
  return out;
}

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

function replaceWords(lines: string[], shows: Map<string, string>): string[] {
  return lines.map((line) => {
    const m = /^(\s*)(text|code) (".*")$/.exec(line);
    if (!m) return line;
    let text = JSON.parse(m[3]) as string;
    for (const [word, value] of shows) text = text.split(`/${word}`).join(value).split(word).join(value);
    return `${m[1]}${m[2]} ${JSON.stringify(text)}`;
  });
}

describe('summaries are inert text', () => {
  const md = reader();

  it(`hostile strings in every field render as their text and nothing else (${SEEDS} random journals and rubrics)`, function () {
    // Many renderings in one test: bounded by work, not by the machine's speed.
    this.timeout(0);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = random(seed);
      const h = hostileFields(r);
      const { fields, shows } = standIns(h);
      const hostileTokens = md.parse(render(h), {});
      const expected = replaceWords(outline(md.parse(render(fields), {})), shows);
      const actual = outline(hostileTokens);
      const diff = actual.findIndex((l, i) => l !== expected[i]);
      assert.ok(diff < 0 && actual.length === expected.length, `seed ${seed}: at token ${diff}\n  got      ${actual[diff]}\n  expected ${expected[diff]}\n${JSON.stringify(h, null, 1)}`);

      walk(hostileTokens, (t) => {
        assert.ok(!['image', 'html_inline', 'html_block'].includes(t.type) || FINGERPRINT.test(t.content), `seed ${seed}: ${t.type} ${t.content}`);
        if (t.type !== 'link_open') return;
        const href = t.attrGet('href') ?? '';
        assert.match(href, /^[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]*$/, `seed ${seed}: ${href}`);
        if (/^https?:/.test(href)) {
          const url = new URL(href);
          assert.equal(url.username + url.password, '', `seed ${seed}: no credentials in ${href}`);
        } else {
          assert.ok(href.startsWith(TO_WORKSPACE), `seed ${seed}: ${href}`);
          const [path, fragment] = href.slice(TO_WORKSPACE.length).split('#');
          assert.match(fragment, /^L\d+$/);
          for (const segment of path.split('/')) assert.ok(!['', '.', '..'].includes(decodeURIComponent(segment)), `seed ${seed}: ${href}`);
        }
      });
    }
  });

  it('writes a link only to an http(s) URL, percent-encoded, and otherwise the label as text', () => {
    assert.equal(mdLink('x', 'https://a.example/p(1) q?r=<s>&t=1#f'), '[x](https://a.example/p%281%29%20q?r=%3Cs%3E&t=1#f)');
    assert.equal(mdLink('x', 'https://a.example/?q=&amp;'), '[x](https://a.example/?q=\\&amp;)');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', 'vscode://x', '//evil.example', 'evil.example', 'https://user:pw@a.example/', 'https://a.example/\n# x', 'https://a.example/\\x', ' https://a.example/', 'https://']) {
      assert.equal(mdLink('label', bad), 'label', bad);
    }
    assert.equal(mdLink('a [b](c)', undefined), 'a \\[b\\](c)');
  });

  it('links a workspace file only for a workspace-relative path, each segment percent-encoded', () => {
    assert.equal(mdFileLink('f', 'src/a b#(1)?.ts', 3, '../../'), '[f](../../src/a%20b%23%281%29%3F.ts#L3)');
    assert.equal(mdFileLink('f', 'javascript:alert(1)', 3, '../../'), 'f');
    assert.equal(mdFileLink('f', '../../../etc/passwd', 3, '../../'), 'f');
    assert.equal(mdFileLink('f', '/etc/passwd', 3, '../../'), 'f');
  });

  it('keeps plain prose readable: only what could be markup is escaped', () => {
    assert.equal(mdText('Problem Solving & Initiative: done (mostly), etc.'), 'Problem Solving & Initiative: done (mostly), etc.');
    assert.equal(mdText('see evil.example/x or https://evil.example'), 'see evil\\.example/x or https\\:\\//evil\\.example');
    assert.equal(mdText('1. first\r# second\u2028third'), '1\\. first \\# second third');
    assert.equal(mdText('- a'), '\\- a');
    assert.equal(mdText('&amp; & &#60;'), '\\&amp; & \\&\\#60;');
    assert.equal(mdText('\u00a0a\u3000'), '&#xA0;a&#x3000;');
    assert.equal(mdCode('a ``b` c'), '```a ``b` c```');
    assert.equal(mdCode('`x'), '`` `x ``');
  });
});
