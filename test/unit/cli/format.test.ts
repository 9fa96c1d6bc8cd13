import * as assert from 'node:assert/strict';
import { counted } from '../../../src/cli/format';

describe('CLI human output: counts', () => {
  it('writes one of a thing in the singular and grouped counts in the plural', () => {
    assert.equal(counted(1, 'patent', 'patents'), '1 patent');
    assert.equal(counted(0, 'patent', 'patents'), '0 patents');
    assert.equal(counted(1204, 'query', 'queries'), '1,204 queries');
  });
});
