import assert from 'node:assert/strict';
import { parseJournal, loadJournal, type LoaderIo, type RubricRead } from '../../src/core/journal';
import { parseRubric } from '../../src/core/rubric/rubric';
import { type RubricRef } from '../../src/core/rubric/rubricRef';
import { fixture } from './helpers';

/** File access from a table, recording which rubrics were asked for. */
function io(journalText: string | undefined, rubrics: Record<string, RubricRead<string>>) {
  const asked: RubricRef[] = [];
  const parse = journalText === undefined ? undefined : parseJournal(journalText);
  const access: LoaderIo<string> = {
    readJournal: async () => (parse ? { kind: 'text', ...(parse.journal ? { journal: parse.journal } : {}), problems: parse.problems } : { kind: 'missing' }),
    readRubric: async (ref) => {
      asked.push(ref);
      return rubrics[ref.kind === 'bundled' ? ref.id : ref.path] ?? { kind: 'missing', where: 'nowhere' };
    },
    parseRubric: async (text) => parseRubric(text),
    check: async () => [{ severity: 'warning', code: 'checked', message: 'checked' }],
  };
  return { access, asked };
}

const bundled = { 'product-security': { kind: 'text', where: 'bundled', text: fixture('../../rubric/product-security.yaml') } as RubricRead<string> };

describe('the one loader (extension and CLI)', () => {
  it('loads the journal, the rubric it names and the checks between them', async () => {
    const { access } = io(fixture('journals/sample.yaml'), bundled);
    const loaded = await loadJournal(access);
    assert.equal(loaded.journal?.entries.length, 5);
    assert.equal(loaded.rubric?.id, 'product-security');
    assert.equal(loaded.rubricAt, 'bundled');
    assert.deepEqual(loaded.problems.map((p) => [p.in, p.problem.code]), [['journal', 'checked']]);
  });

  it('never asks for a rubric whose path is not inside the workspace, from the journal or a setting', async () => {
    const fromJournal = io('version: 1\nrubric: ../../etc/passwd\nentries: []\n', bundled);
    const a = await loadJournal(fromJournal.access);
    assert.deepEqual(fromJournal.asked, []);
    assert.deepEqual(a.problems.map((p) => p.problem.code), ['rubric-outside']);
    const fromSetting = io('version: 1\nentries: []\n', bundled);
    const b = await loadJournal(fromSetting.access, { fallbackRubric: '/etc/passwd' });
    assert.deepEqual(fromSetting.asked, []);
    assert.deepEqual(b.problems.map((p) => [p.problem.code, p.problem.severity]), [['rubric-outside', 'error']]);
  });

  it('reports a refused, missing or unknown rubric on the journal, and a missing journal loads the rubric alone', async () => {
    const refused = io('version: 1\nrubric: .growth/r.yaml\nentries: []\n', { '.growth/r.yaml': { kind: 'refused', code: 'rubric-outside', message: 'leads outside' } });
    assert.deepEqual((await loadJournal(refused.access)).problems.map((p) => [p.in, p.problem.message]), [['journal', 'leads outside']]);
    const missing = io('version: 1\nrubric: .growth/none.yaml\nentries: []\n', {});
    assert.match((await loadJournal(missing.access)).problems[0].problem.message, /"\.growth\/none\.yaml" was not found/);
    const unknown = io('version: 1\nrubric: made-up\nentries: []\n', {});
    assert.equal((await loadJournal(unknown.access)).problems[0].problem.code, 'rubric-unknown');
    const none = io(undefined, bundled);
    const loaded = await loadJournal(none.access);
    assert.deepEqual([loaded.journalRead.kind, loaded.rubric?.id, loaded.problems.length], ['missing', 'product-security', 0]);
  });
});
