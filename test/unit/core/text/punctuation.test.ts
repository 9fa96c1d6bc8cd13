import * as assert from 'node:assert/strict';
import { clausesOf, labelled, listOf, sentenceOf, withAside } from '../../../../src/core/text/punctuation';
import { bundleTranslator } from '../../extension/localizedManifest';
import { ENGLISH } from '../../../../src/core/text/translator';

describe('core/text/punctuation: sentences from translated pieces', () => {
  it('writes English as it always was', () => {
    assert.equal(listOf(ENGLISH, []), '');
    assert.equal(listOf(ENGLISH, ['year']), 'year');
    assert.equal(listOf(ENGLISH, ['year', 'assignee', 'office']), 'year, assignee, office');
    assert.equal(clausesOf(ENGLISH, ['12 new', '13 hits']), '12 new; 13 hits');
    assert.equal(withAside(ENGLISH, '13 hits', '+11'), '13 hits (+11)');
    assert.equal(labelled(ENGLISH, '2 problems', 'not found'), '2 problems: not found');
    assert.equal(sentenceOf(ENGLISH, clausesOf(ENGLISH, [listOf(ENGLISH, ['12 new', '1 gone']), withAside(ENGLISH, '13 hits', '+11')])), '12 new, 1 gone; 13 hits (+11).');
  });

  it('uses the display language\u2019s marks: ，；（）。 in Chinese, 、；（）。 in Japanese', () => {
    const zh = bundleTranslator('zh-cn');
    const ja = bundleTranslator('ja');
    const sentence = (l10n: typeof zh) => sentenceOf(l10n, clausesOf(l10n, [listOf(l10n, ['甲', '乙', '丙']), withAside(l10n, '丁', '+11')]));
    assert.equal(sentence(zh), '甲，乙，丙；丁（+11）。');
    assert.equal(sentence(ja), '甲、乙、丙；丁（+11）。');
    assert.equal(labelled(zh, '2 个问题', '未找到'), '2 个问题：未找到');
  });

  it('leaves the pieces as they are: numbers, patent numbers, codes', () => {
    const zh = bundleTranslator('zh-cn');
    assert.equal(listOf(zh, ['US 11,205,304 B2', 'EP 1 234 567 B1', '1,234']), 'US 11,205,304 B2，EP 1 234 567 B1，1,234');
    assert.equal(withAside(zh, '中文', 'cn'), '中文（cn）');
  });
});
