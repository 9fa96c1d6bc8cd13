/**
 * Labels that were English in every language, found by the e2e walk in zh-cn and ja
 * (test/e2e/display-language-walk.e2e.ts): the citations' search-report categories and who
 * cited a document, in the patent panel. Each is read with both bundles: in Chinese or
 * Japanese, none is left in English. The CLI (no translator) keeps the English.
 */
import * as assert from 'node:assert/strict';
import { categoryLabels, citeTypeLabels, describeCitations } from '../../../src/core/record/citations';
import { fillArgs } from '../../../src/core/text/translator';
import { useTranslator } from '../../../src/extension/common/l10n.pure';
import { toCitationsSection } from '../../../src/extension/patent/recordViews.pure';
import { bundleTranslator } from './localizedManifest';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

describe('Citation labels in the display language', () => {
  afterEach(() => useTranslator(fillArgs));

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: every search-report category and citer in ${lang}`, () => {
      const l10n = bundleTranslator(lang);
      for (const label of [...Object.values(categoryLabels(l10n)), ...Object.values(citeTypeLabels(l10n))]) {
        assert.match(label, CJK, label);
        assert.equal(label.match(LATIN_WORD), null, label);
      }
    });

    it(`${lang}: the panel's citations take them`, () => {
      useTranslator(bundleTranslator(lang).t);
      const { view } = toCitationsSection({ patentId: 'x', pn: 'US1', patents: [{ number: 'US2', country: 'US', docNumber: '2', categories: ['X'], citeTypes: ['APP'] }], others: [] }, null);
      assert.equal(view.state, 'loaded');
      if (view.state !== 'loaded') return;
      assert.match(view.cites[0]?.categories[0]?.label ?? '', CJK);
      assert.match(view.cites[0]?.citeTypes[0]?.label ?? '', CJK);
    });
  }

  it('English without a translator (the CLI), and an unknown code as itself', () => {
    const view = describeCitations({ patentId: 'x', pn: 'US1', patents: [{ number: 'US2', country: 'US', docNumber: '2', categories: ['Y', 'Q'], citeTypes: ['EXA'] }], others: [] }, undefined);
    assert.deepEqual(view.cites[0]?.categories, [
      { code: 'Y', label: 'particularly relevant in combination with another document of the same category' },
      { code: 'Q', label: 'Q' },
    ]);
    assert.deepEqual(view.cites[0]?.citeTypes, [{ code: 'EXA', label: 'examiner' }]);
  });
});
