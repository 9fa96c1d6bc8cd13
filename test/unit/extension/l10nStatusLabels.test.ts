/**
 * PatSnap's legal statuses (P041, P013), English in every language until now, read in the
 * display language (core/record/statusLabels): each known value with both bundles, and what
 * the panel, the hover card and the citation checks make of them. Unknown or already
 * localised values stay as given; the CLI (no translator) keeps the English.
 */
import * as assert from 'node:assert/strict';
import { lintCitations } from '../../../src/core/citations';
import { findPatentNumbers } from '../../../src/core/numbers';
import { labelIn, statusLabels, statusLabelsOf } from '../../../src/core/record/statusLabels';
import { fillArgs } from '../../../src/core/text/translator';
import { useTranslator } from '../../../src/extension/common/l10n.pure';
import { groupMatches, publicationRow } from '../../../src/extension/patentNumbers/documentPatentsModel.pure';
import { buildCardMarkdown } from '../../../src/extension/patentNumbers/patentCardMarkdown.pure';
import { setStatusLabels, statusText } from '../../../src/webview/patent/strings';
import { bundleTranslator } from './localizedManifest';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A Latin word other than PCT (the treaty's name, kept as CNIPA and the JPO write it). */
const LATIN_WORD = /(?!PCT\b)\b[A-Za-z]{2,}/;

/** The terms chosen (see the report of h37): CNIPA's for zh-cn, the JPO's and J-PlatPat's for ja. */
const EXPECTED = {
  'zh-cn': { Active: '有效', Inactive: '失效', Pending: '审中', Undetermined: '未确认', Granted: '授权', Revoked: '撤销', Expired: '期限届满', 'Non-Payment': '未缴年费', Transfer: '转让', 'Re-examination': '复审' },
  ja: { Active: '有効', Inactive: '失効', Pending: '係属中', Undetermined: '未確定', Granted: '登録', Revoked: '取消', Expired: '存続期間満了', 'Non-Payment': '年金不納', Transfer: '移転', 'Re-examination': '再審査' },
} as const;

describe('Legal statuses in the display language', () => {
  afterEach(() => {
    useTranslator(fillArgs);
    setStatusLabels(undefined);
  });

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: every known status in ${lang}, no two alike (they stand side by side)`, () => {
      const labels = Object.values(statusLabels(bundleTranslator(lang)));
      for (const label of labels) {
        assert.match(label, CJK, label);
        assert.equal(label.match(LATIN_WORD), null, label);
      }
      assert.equal(new Set(labels).size, labels.length, labels.join(' '));
      for (const [english, label] of Object.entries(EXPECTED[lang])) assert.deepEqual(statusLabelsOf([english], bundleTranslator(lang)), [label], english);
    });

    it(`${lang}: the hover card's heading, still escaped`, () => {
      useTranslator(bundleTranslator(lang).t, lang);
      const card = { query: 'US1B2', bibliography: { patentId: 'x', pn: 'US1B2', title: 'T', titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [] }, legalStatus: ['Active', 'Lapsed*'] };
      const heading = buildCardMarkdown({ number: 'US1B2', type: 'publication', lookup: { state: 'found', card } }).split('\n\n')[0];
      assert.equal(heading, `**US1B2** · ${EXPECTED[lang].Active}${bundleTranslator(lang).t('{0}, {1}', '', '')}Lapsed\\*`);
    });

    it(`${lang}: the document view's row and its tooltip`, () => {
      const l10n = bundleTranslator(lang);
      const [group] = groupMatches(findPatentNumbers('See EP 1 234 567 B1.'));
      const card = { query: 'EP1234567B1', bibliography: { patentId: 'x', pn: 'EP1234567B1', title: 'Cooling', titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [] }, legalStatus: ['Inactive'] };
      const row = publicationRow('EP1234567B1', card, group as NonNullable<typeof group>, '1', l10n);
      assert.equal(row.description, `${EXPECTED[lang].Inactive} · Cooling`);
      assert.ok(row.tooltip.split('\n').includes(l10n.t('Legal status: {0}', EXPECTED[lang].Inactive)), row.tooltip);
    });

    it(`${lang}: the panel's badges take the labels the host sends`, () => {
      setStatusLabels(statusLabels(bundleTranslator(lang)));
      assert.equal(statusText('Active'), EXPECTED[lang].Active);
      assert.equal(statusText('INACTIVE'), EXPECTED[lang].Inactive);
      assert.equal(statusText('Granted'), lang === 'zh-cn' ? '授权' : '登録');
    });

    it(`${lang}: a citation no longer in force says how in ${lang}`, () => {
      const l10n = bundleTranslator(lang);
      const legal = { simple: ['Inactive'], detailed: ['Revoked'] };
      const [problem] = lintCitations(findPatentNumbers('EP 1 234 567 B1', { flagImpossible: true }), {
        facts: { publications: new Map([['EP1234567B1', { found: true, pn: 'EP1234567B1', assignees: [], applicants: [], inventors: [], priority: [], legal }]]), applications: new Map() },
        l10n,
      });
      assert.equal(problem?.code, 'inactive');
      assert.ok(problem?.message.includes(EXPECTED[lang].Revoked), problem?.message);
      assert.doesNotMatch(problem?.message ?? '', /Revoked/);
    });
  }

  it('matches the whole value in any case, and gives anything else as it came: unknown, localised, or a key of Object', () => {
    const zh = bundleTranslator('zh-cn');
    assert.deepEqual(statusLabelsOf(['ACTIVE', ' pending ', 'pct DESIGNATED period', 'Non-payment'], zh), ['有效', '审中', 'PCT 指定期内', '未缴年费']);
    for (const given of ['Active patent', 'Inactive (lapsed)', 'Lapsed', '失效', '', 'constructor', '__proto__', 'toString', '<b>Active</b>']) {
      assert.deepEqual(statusLabelsOf([given], zh), [given]);
    }
    assert.equal(labelIn({}, 'Active'), 'Active', 'no labels (the webview before the words): the value');
  });

  it('English without a translator (the CLI), each value as PatSnap writes it', () => {
    for (const [key, label] of Object.entries(statusLabels())) assert.equal(label.toLowerCase(), key);
    assert.deepEqual(statusLabelsOf(['active']), ['Active']);
    assert.equal(statusText('Active'), 'Active', 'the webview with no labels');
  });
});
