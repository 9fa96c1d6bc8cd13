/** The display formats of src/extension/common/format.pure.ts: a date is written as given or as the day it is, never another day. */
import * as assert from 'node:assert/strict';
import { dateRangeWords, formatYmdDate } from '../../../../src/extension/common/format.pure';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { fillArgs } from '../../../../src/core/text/translator';

describe('formatYmdDate', () => {
  beforeEach(() => useTranslator(fillArgs, 'en'));

  it('writes a calendar date in the display language', () => {
    assert.equal(formatYmdDate('20230228'), 'Feb 28, 2023');
    assert.equal(formatYmdDate('20240229'), 'Feb 29, 2024', 'a leap day');
    useTranslator(fillArgs, 'ja');
    assert.equal(formatYmdDate('20231231'), '2023\u5e7412\u670831\u65e5');
  });

  it('gives an impossible date as it stands, never the day it would roll over to', () => {
    for (const ymd of ['20230231', '20230229', '20231301', '20230000', '20230100', '20230431', '00991231']) assert.equal(formatYmdDate(ymd), ymd, ymd);
    assert.equal(dateRangeWords('20230231', '*', { t: fillArgs }), 'from 20230231');
  });

  it('gives anything that is not yyyyMMdd as it stands', () => {
    for (const text of ['', '*', '2023-02-28', '2023022', '202302281', ' 20230228']) assert.equal(formatYmdDate(text), text, JSON.stringify(text));
  });
});
