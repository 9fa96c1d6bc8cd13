/** Errors in the display language: the core's English for the CLI and the log, the extension's table for people. */
import * as assert from 'node:assert/strict';
import { ERROR_CODES, fromErrorCode, PatsnapError } from '../../../../src/core/api/errors';
import { ERROR_ACTIONS } from '../../../../src/extension/common/errorActions.pure';
import { codeMessage, describeError } from '../../../../src/extension/common/errorMessages.pure';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { readJson } from '../localizedManifest';
import { fillArgs } from '../../../../src/core/text/translator';

describe('errors in the display language', () => {
  afterEach(() => useTranslator(fillArgs));

  it('has every error code of the core, with the core\u2019s English', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) assert.equal(codeMessage(Number(code)), info.message, code);
    assert.equal(codeMessage(1), undefined);
  });

  it('in English shows the core\u2019s messages as they are', () => {
    const network = new PatsnapError('network', 'Could not reach connect.patsnap.com (ECONNREFUSED).');
    assert.equal(describeError(network, 'Search')?.message, 'Search failed: Could not reach connect.patsnap.com (ECONNREFUSED).');
    assert.equal(describeError(fromErrorCode(67200005, '/search'))?.message, ERROR_CODES[67200005]?.message);
  });

  it('in Chinese shows the translated sentence of the code or of the kind, and the actions\u2019 labels', () => {
    const zh = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    useTranslator((message, ...args) => fillArgs(zh[message] ?? message, ...args));
    assert.equal(describeError(fromErrorCode(67200005, '/search'), '检索')?.message, '检索失败：PatSnap 账户的余额或调用次数已用完。');
    const network = new PatsnapError('network', 'Could not reach connect.patsnap.com (ECONNREFUSED).');
    assert.equal(describeError(network)?.message, '无法连接 PatSnap API：请检查网络和 API 基础 URL。');
    // PatSnap's own words about a rejected parameter are its data: they stay after our sentence.
    const invalid = fromErrorCode(68300004, '/search', 'limit must be <= 1000');
    assert.ok(describeError(invalid)?.message.startsWith('PatSnap 认为某个参数无效。'), describeError(invalid)?.message);
    assert.ok(describeError(invalid)?.message.includes('limit must be <= 1000'));
    assert.equal(ERROR_ACTIONS.setCredentials.label, '设置 API 凭据');
  });

  it('keeps the core\u2019s sentence for a kind the language has no translation of', () => {
    useTranslator((message, ...args) => fillArgs(message === 'Retry' ? 'Nochmal' : message, ...args));
    const network = new PatsnapError('network', 'Could not reach connect.patsnap.com (ECONNREFUSED).');
    assert.equal(describeError(network)?.message, 'Could not reach connect.patsnap.com (ECONNREFUSED).');
    assert.equal(ERROR_ACTIONS.retry.label, 'Nochmal');
  });
});
