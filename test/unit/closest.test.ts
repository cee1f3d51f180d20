import assert from 'node:assert/strict';
import { closestIds } from '../../src/core/text/closest';
import { allDimensions } from '../../src/core/rubric/rubric';
import { bundledRubric } from './helpers';

describe('closest ids by name as well as spelling', () => {
  const dimensions = allDimensions(bundledRubric());

  it('finds an id from shortened words of its id or name', () => {
    assert.deepEqual(closestIds('vendor-mgmt', dimensions), ['vendor-management']);
    assert.deepEqual(closestIds('tech-depth', dimensions), ['technical-depth']);
    assert.deepEqual(closestIds('incident_resp', dimensions), ['incident-response']);
    assert.deepEqual(closestIds('mentor-lead', dimensions), ['mentorship']);
  });

  it('finds an id from the initials of its name', () => {
    assert.deepEqual(closestIds('td', dimensions), ['technical-depth']);
  });

  it('puts near typos first and still offers nothing for an unrelated word', () => {
    assert.equal(closestIds('technical-dept', dimensions)[0], 'technical-depth');
    assert.deepEqual(closestIds('wizardry', dimensions), []);
  });

  it('offers nothing for an id the candidates hold', () => {
    assert.deepEqual(closestIds('vendor-management', dimensions), []);
  });
});
