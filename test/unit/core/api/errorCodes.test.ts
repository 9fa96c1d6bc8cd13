import * as assert from 'node:assert/strict';
import { ERROR_CODES, fromErrorCode } from '../../../../src/core/api/errors';

describe('error-code table', () => {
  it('maps every code of the contract to a kind', () => {
    const contract = [67200000, 67200001, 67200002, 67200003, 67200004, 67200005, 67200006, 67200007, 67200008, 67200009, 67200012, 67200100, 67200101, 68300004, 68300005, 68300006, 68300007, 68300008, 68300010];
    assert.deepEqual(Object.keys(ERROR_CODES).map(Number).sort(), contract.sort());
  });
  it('keeps quota codes apart from transient ones', () => {
    assert.equal(fromErrorCode(67200005, '/x').kind, 'quota');
    assert.equal(fromErrorCode(67200002, '/x').retryable, true);
    assert.equal(fromErrorCode(67200007, '/x').retryable, false);
  });
  it('names an unknown code instead of guessing', () => {
    const e = fromErrorCode(12345, '/x', 'odd');
    assert.match(e.message, /12345/);
  });
});
