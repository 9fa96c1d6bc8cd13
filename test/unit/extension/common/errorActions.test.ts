import * as assert from 'node:assert/strict';
import { PatsnapError } from '../../../../src/core/api/errors';
import { ALL_SETTINGS, ERROR_ACTIONS, errorActionCommand } from '../../../../src/extension/common/errorActions.pure';
import { ConfigurationError, describeError, RefusedLinkError } from '../../../../src/extension/common/errorMessages.pure';
import { ERROR_ACTION_IDS } from '../../../../src/webview/protocol';

describe('the error actions table', () => {
  it('opens the setting the error names, and all settings only when it names none', () => {
    const d = describeError(new ConfigurationError('The API base URL must use https.', 'patentLookup.apiBaseUrl'));
    assert.deepEqual(errorActionCommand('openSettings', { setting: d?.setting }), { command: 'workbench.action.openSettings', arguments: ['patentLookup.apiBaseUrl'] });
    assert.deepEqual(errorActionCommand('openSettings', {}), { command: 'workbench.action.openSettings', arguments: [ALL_SETTINGS] });
  });

  it('names the base URL for failures to reach or to find the API', () => {
    assert.equal(describeError(new PatsnapError('network', 'Could not reach example.invalid.'))?.setting, 'patentLookup.apiBaseUrl');
    assert.equal(describeError(new PatsnapError('notFound', 'Not the PatSnap API.'))?.setting, 'patentLookup.apiBaseUrl');
    assert.equal(describeError(new PatsnapError('quota', 'Spent.'))?.setting, undefined);
  });

  it('retries with the caller\u2019s command, and offers nothing when the caller cannot retry', () => {
    assert.deepEqual(errorActionCommand('retry', { retry: { command: 'patentLookup.results.refresh' } }), { command: 'patentLookup.results.refresh' });
    assert.equal(errorActionCommand('retry', {}), undefined);
  });

  it('runs our own commands for the rest', () => {
    assert.deepEqual(errorActionCommand('setCredentials', {}), { command: 'patentLookup.setCredentials' });
    assert.deepEqual(errorActionCommand('useSandbox', {}), { command: 'patentLookup.useSandbox' });
    assert.deepEqual(errorActionCommand('showLog', {}), { command: 'patentLookup.showLog' });
  });

  it('is the panel\u2019s list of fixes too', () => {
    assert.deepEqual([...ERROR_ACTION_IDS].sort(), Object.keys(ERROR_ACTIONS).sort());
  });

  it('shows a refused link\u2019s reason as it is, with no action', () => {
    assert.deepEqual(describeError(new RefusedLinkError('PatSnap sent a file link; only http(s) links are opened.'), 'Opening the PDF'), {
      message: 'PatSnap sent a file link; only http(s) links are opened.',
      actions: [],
    });
  });
});
