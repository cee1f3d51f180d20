import assert from 'node:assert/strict';
import { runSteps } from '../../src/core/steps';
import { JournalSession } from '../../src/core/journal';
import { WorkerState } from '../../src/host/journal/workerState';
import { bundledRubric, fixture } from './helpers';

describe('the journal worker state', () => {
  const bytes = Buffer.from(fixture('journals/sample.yaml'));

  it('answers an unchanged file and starts a write from the read the host holds, until a write begins', () => {
    const session = new JournalSession();
    const state = new WorkerState(session);
    assert.equal(state.sentBytes, undefined, 'nothing is known at first');
    runSteps(session.readBytes(bytes));
    state.sent(bytes, true);
    assert.deepEqual(state.sentBytes, [bytes]);
    const write = state.beginWrite();
    assert.equal(write.hostRead, session.lastRead);
    assert.deepEqual(write.known, { bytes: [bytes], text: bytes.toString('utf8') });
    assert.equal(state.sentBytes, undefined, 'a write under way: the next read sends all');
    assert.deepEqual(state.beginWrite(), { hostRead: undefined, known: undefined }, 'a write that failed leaves nothing to start from');
  });

  it('keeps what a write left: the host updated, or only the session', () => {
    const session = new JournalSession();
    const state = new WorkerState(session);
    runSteps(session.read(bytes.toString('utf8')));
    state.written([bytes], true);
    assert.deepEqual(state.sentBytes, [bytes]);
    state.beginWrite();
    state.written([bytes], false);
    assert.equal(state.sentBytes, undefined, 'the host holds nothing it could keep');
    const write = state.beginWrite();
    assert.equal(write.hostRead, undefined);
    assert.deepEqual(write.known?.bytes, [bytes], 'the next write still starts from the text written');
  });

  it('forgets on another text, and keeps a read whose bytes were not text from standing in for a write', () => {
    const session = new JournalSession();
    const state = new WorkerState(session);
    state.sent(bytes, false);
    assert.deepEqual(state.sentBytes, [bytes], 'the same invalid bytes are answered "unchanged"');
    assert.deepEqual(state.beginWrite(), { hostRead: undefined, known: undefined });
    state.sent(bytes, false);
    state.forget();
    assert.equal(state.sentBytes, undefined);
  });

  it('checks against the rubric sent last, and refuses a check before any', () => {
    const state = new WorkerState(new JournalSession());
    assert.throws(() => state.rubricFor(undefined), /before it was sent a rubric/);
    const rubric = bundledRubric();
    assert.equal(state.rubricFor(rubric), rubric);
    assert.equal(state.rubricFor(undefined), rubric);
  });
});
