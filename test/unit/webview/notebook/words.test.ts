/**
 * The search notebook renderer's text in each display language, with the labels the host sends
 * (`labels()` over the zh-cn and ja bundles): the bundle's marks between the pieces and dates as
 * the patent panel writes them.
 */
import * as assert from 'node:assert/strict';
import { labels } from '../../../../src/extension/notebook/searchRunView.pure';
import { LABEL_KEYS } from '../../../../src/webview/notebook/protocol';
import { RunWords } from '../../../../src/webview/notebook/words';
import { displayDate, setDateLocale } from '../../../../src/webview/patent/words';
import { asciiPunctuation, bundleTranslator } from '../../extension/localizedManifest';
import { ENGLISH } from '../../../../src/core/text/translator';

const RAN_AT = '2026-12-01T08:30:00Z';

function words(lang: 'en' | 'zh-cn' | 'ja'): RunWords {
  return new RunWords(labels(lang === 'en' ? ENGLISH : bundleTranslator(lang)), lang);
}

describe('search notebook renderer: its text in the display language', () => {
  afterEach(() => setDateLocale(undefined));

  it('reads in English as a sentence: the count, when it ran in an aside, the table\u2019s name', () => {
    const en = words('en');
    const { hits, rest } = en.heading(7, RAN_AT);
    assert.equal(hits, '7 hits');
    assert.match(rest, /^ \(run of Dec 1, 2026, 8:30\s?AM UTC\)$/u);
    assert.equal(en.caption(16, 16), 'Top results (all 16 kept)');
    assert.equal(en.caption(50, 1857), 'Top results (50 of 1,857 kept)');
    assert.equal(en.gone('2026-11-03', 2), 'Gone since the run of Nov 3, 2026 (2)');
    assert.equal(en.chartCount('2025', 9), '2025: 9');
    assert.equal(en.heading(1, RAN_AT).hits, '1 hit');
  });

  for (const [lang, expected] of [
    ['zh-cn', { hits: '7 \u6761\u547d\u4e2d', rest: '\uff082026\u5e7412\u67081\u65e5 08:30 UTC \u7684\u8fd0\u884c\uff09', caption: '\u6392\u540d\u9760\u524d\u7684\u7ed3\u679c\uff08\u5168\u90e8 16 \u6761\u5df2\u4fdd\u5b58\uff09', gone: '\u81ea 2026\u5e7411\u67083\u65e5 \u7684\u8fd0\u884c\u540e\u5df2\u6d88\u5931\uff082\uff09' }],
    ['ja', { hits: '7 \u4ef6\u30d2\u30c3\u30c8', rest: '\uff082026/12/01 8:30 UTC \u306e\u5b9f\u884c\uff09', caption: '\u4e0a\u4f4d\u306e\u7d50\u679c\uff0816 \u4ef6\u3059\u3079\u3066\u4fdd\u5b58\u6e08\u307f\uff09', gone: '2026/11/03 \u306e\u5b9f\u884c\u4ee5\u964d\u306a\u304f\u306a\u3063\u305f\u3082\u306e\uff082\uff09' }],
  ] as const) {
    it(`${lang}: the bundle\u2019s marks between the pieces, dates as the patent panel writes them`, () => {
      const w = words(lang);
      const heading = w.heading(7, RAN_AT);
      assert.deepEqual(heading, { hits: expected.hits, rest: expected.rest });
      assert.equal(w.caption(16, 16), expected.caption);
      assert.equal(w.gone('2026-11-03', 2), expected.gone);
      for (const text of [heading.hits + heading.rest, w.caption(16, 16), w.gone('2026-11-03', 2), w.cached(RAN_AT)]) assert.deepEqual(asciiPunctuation(text), [], text);
      // The very date the patent panel shows for that day.
      setDateLocale(lang);
      assert.ok(expected.gone.includes(displayDate('2026-11-03')), expected.gone);
    });
  }

  it('gets every mark it uses from the host, and reads an output without one (another version\u2019s) in English marks', () => {
    assert.ok(LABEL_KEYS.includes('joinAside'));
    const { joinAside: _dropped, ...older } = labels(bundleTranslator('ja'));
    const w = new RunWords({ ...older, joinAside: undefined as unknown as string }, 'ja');
    assert.equal(w.caption(3, 3), '\u4e0a\u4f4d\u306e\u7d50\u679c (3 \u4ef6\u3059\u3079\u3066\u4fdd\u5b58\u6e08\u307f)');
  });

  it('shows a date or time that is not whole as given, and a locale Intl does not know in the runtime\u2019s', () => {
    const w = words('en');
    assert.equal(w.dates.day('2025-02-00'), '2025-02-00');
    assert.equal(w.dates.day('2025-02-30'), '2025-02-30');
    assert.equal(w.dates.time('yesterday'), 'yesterday');
    assert.equal(w.dates.time('2026-13-01T08:30:00Z'), '2026-13-01T08:30:00Z');
    assert.doesNotThrow(() => new RunWords(labels(ENGLISH), 'not a locale!').dates.day('2025-02-20'));
  });
});
