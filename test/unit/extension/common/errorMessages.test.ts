import * as assert from 'node:assert/strict';
import { PatsnapError, fromErrorCode } from '../../../../src/core/api/errors';
import { ConfigurationError, describeError, errorDetail, isCancellation, MissingCredentialsError, UserInputError } from '../../../../src/extension/common/errorMessages.pure';

describe('extension error messages', () => {
  it('is quiet about cancellation from every layer', () => {
    const vscodeCancel = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (const e of [new PatsnapError('cancelled', 'x'), vscodeCancel, abort]) {
      assert.equal(isCancellation(e), true);
      assert.equal(describeError(e), undefined);
    }
  });

  it('offers "Set API Credentials" for rejected credentials', () => {
    const d = describeError(fromErrorCode(67200003, '/search/patent/query-search-patent'), 'Search');
    assert.deepEqual(d?.actions, ['setCredentials']);
    assert.match(d?.message ?? '', /^Search failed: PatSnap rejected the credentials/);
  });

  it('offers Retry for transient failures and Open Settings where the base URL may be wrong', () => {
    assert.deepEqual(describeError(fromErrorCode(67200100, '/x'))?.actions, ['retry']);
    assert.deepEqual(describeError(new PatsnapError('network', 'Could not reach example.invalid.'))?.actions, ['retry', 'openSettings']);
    assert.deepEqual(describeError(fromErrorCode(67200101, '/x'))?.actions, ['openSettings']);
  });

  it('offers no action where none helps (quota spent)', () => {
    const d = describeError(fromErrorCode(67200007, '/x'));
    assert.deepEqual(d?.actions, []);
    assert.match(d?.message ?? '', /daily call limit/);
  });

  it('maps missing credentials, settings and input problems to their fix', () => {
    assert.deepEqual(describeError(new MissingCredentialsError())?.actions, ['setCredentials']);
    assert.deepEqual(describeError(new ConfigurationError('bad url', 'patentLookup.apiBaseUrl'))?.actions, ['openSettings']);
    assert.deepEqual(describeError(new UserInputError('"x" is not a number')), { message: '"x" is not a number', actions: [] });
  });

  it('never puts an unexpected error\u2019s text or stack in the message', () => {
    const e = new TypeError('secret-token-123 at foo.ts:1');
    const d = describeError(e, 'Search');
    assert.ok(d);
    assert.doesNotMatch(d.message, /secret-token|foo\.ts/);
    assert.deepEqual(d.actions, ['showLog']);
    // The log gets the detail.
    assert.match(errorDetail(e), /TypeError/);
  });

  it('logs kind, code, status and endpoint of API errors', () => {
    const detail = errorDetail(new PatsnapError('quota', 'Quota spent.', { code: 67200005, httpStatus: 200, endpoint: '/x' }));
    assert.equal(detail, 'Quota spent. (kind=quota, code=67200005, http=200, endpoint=/x)');
  });
});
