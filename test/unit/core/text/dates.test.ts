import * as assert from 'node:assert/strict';
import { dateWriter } from '../../../../src/core/text/dates';
import { formatDay } from '../../../../src/extension/common/format.pure';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { fillArgs } from '../../../../src/core/text/translator';

describe('core/text/dates: the API\u2019s dates as a language writes them', () => {
  afterEach(() => useTranslator(fillArgs));

  it('writes a day and a run\u2019s time (in UTC, said) in each display language', () => {
    assert.equal(dateWriter('en').day('2025-02-20'), 'Feb 20, 2025');
    assert.equal(dateWriter('zh-cn').day('2025-02-20'), '2025\u5e742\u670820\u65e5');
    assert.equal(dateWriter('ja').day('2025-02-20'), '2025/02/20');
    assert.match(dateWriter('en').time('2026-12-01T23:30:00.000Z'), /^Dec 1, 2026, 11:30\sPM UTC$/u);
    assert.equal(dateWriter('ja').time('2026-12-01T23:30:00Z'), '2026/12/01 23:30 UTC');
    assert.equal(dateWriter('zh-cn').time('2026-12-01T08:05:00Z'), '2026\u5e7412\u67081\u65e5 08:05 UTC');
  });

  it('gives anything that is not a whole date back as it came: never another day, "Invalid Date" or NaN', () => {
    const en = dateWriter('en');
    for (const odd of ['', '2025-02-00', '2025-02-30', '2025-13-01', '0099-01-01x', '20250220', 'soon']) assert.equal(en.day(odd), odd);
    for (const odd of ['', '2025-02-30T10:00:00Z', '2025-02-20', '2025-02-20T99:99Z', 'later']) assert.equal(en.time(odd), odd);
  });

  it('formatDay follows the display language the extension was given, from the API\u2019s yyyyMMdd too', () => {
    useTranslator(fillArgs, 'ja');
    assert.equal(formatDay(20250220), '2025/02/20');
    useTranslator(fillArgs, 'en');
    assert.equal(formatDay(20250220), 'Feb 20, 2025');
    assert.equal(formatDay('2025-02-20'), 'Feb 20, 2025');
    assert.equal(formatDay(undefined), undefined);
    assert.equal(formatDay(2025022), undefined);
  });
});
