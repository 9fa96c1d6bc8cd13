/** The display formats of src/extension/common/format.pure.ts: a date is written as given or as the day it is, never another day. */
import * as assert from 'node:assert/strict';
import { dateRangeWords } from '../../../../src/extension/common/format.pure';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { fillArgs } from '../../../../src/core/text/translator';

describe('dateRangeWords', () => {
  const english = { t: fillArgs };
  beforeEach(() => useTranslator(fillArgs, 'en'));

  it('writes a calendar date in the display language, as the patent panel does', () => {
    assert.equal(dateRangeWords('20230228', '*', english), 'from Feb 28, 2023');
    assert.equal(dateRangeWords('*', '20240229', english), 'until Feb 29, 2024', 'a leap day');
    useTranslator(fillArgs, 'ja');
    assert.equal(dateRangeWords('20231231', undefined, english), 'from 2023/12/31');
  });

  it('gives an impossible date as it stands, never the day it would roll over to', () => {
    for (const ymd of ['20230231', '20230229', '20231301', '20230000', '20230100', '20230431', '00991231']) assert.equal(dateRangeWords(ymd, '*', english), `from ${ymd}`, ymd);
  });

  it('gives an end that is not yyyyMMdd as it stands', () => {
    for (const text of ['2023-02-28', '2023022', '202302281', ' 20230228']) assert.equal(dateRangeWords(undefined, text, english), `until ${text}`, JSON.stringify(text));
  });

  it('says which dates the range limits in the same words when asked', () => {
    assert.equal(dateRangeWords('20200101', '*', english, 'published'), 'published from Jan 1, 2020');
    assert.equal(dateRangeWords(undefined, '20231231', english, 'filed'), 'filed until Dec 31, 2023');
    assert.equal(dateRangeWords('20200101', '20231231', english, 'filed'), 'filed Jan 1, 2020 to Dec 31, 2023');
    assert.equal(dateRangeWords('*', '*', english, 'published'), '');
  });
});
