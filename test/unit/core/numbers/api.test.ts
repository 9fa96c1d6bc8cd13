/** The public helpers other features build on: typed input, matching, formatting, kinds, flagged readings. */
import * as assert from 'node:assert/strict';
import {
  answersNumber,
  BOUNDS_AS_OF,
  compactNumber,
  findPatentNumbers,
  formatPatentNumber,
  isPreGrant,
  kindCode,
  kindCodes,
  parsePatentNumber,
  SERIES_BOUNDS,
  SUPPORTED_OFFICES,
  typedPublicationNumber,
  withoutKind,
} from '../../../../src/core/numbers';
import { readForms } from './table';

describe('typedPublicationNumber: the one normaliser of typed input', () => {
  it('gives the compact publication number for written forms of every office', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['US 11,205,304 B2', 'US11205304B2'],
      ['  cn104169186a ', 'CN104169186A'],
      ['AU 2020/123456 A1', 'AU2020123456A1'],
      ['BR 10-2019-012345', 'BR102019012345'],
      ['DE 10 2019 123 456 A1', 'DE102019123456A1'],
      ['공개특허공보 제10-2016-0012345호', 'KR20160012345'],
      ['JP Hei 7-264711', 'JP1995264711'],
    ];
    for (const [typed, number] of cases) assert.deepEqual(typedPublicationNumber(typed), { ok: true, number, recognised: true }, typed);
  });

  it('passes a plausible unknown number through compacted, and says so', () => {
    assert.deepEqual(typedPublicationNumber('NZ 123 456'), { ok: true, number: 'NZ123456', recognised: false });
  });

  it('refuses empty input, application numbers and what is no number, saying what to type', () => {
    for (const input of ['', '   ']) assert.match((typedPublicationNumber(input) as { problem: string }).problem, /Type a publication number/);
    assert.match((typedPublicationNumber('U.S. Appl. No. 14/706,838') as { problem: string }).problem, /^US14\/706838 is an application number/);
    assert.match((typedPublicationNumber('hello world') as { problem: string }).problem, /does not look like a patent number/);
    assert.equal(typedPublicationNumber('12345').ok, false);
  });
});

describe('answersNumber(pn, requested)', () => {
  it('matches the same number, a kind-less request, and a kind letter the document type implied', () => {
    assert.ok(answersNumber('US11205304B2', 'US11205304B2'));
    assert.ok(answersNumber('US7123456B2', 'US7123456'));
    assert.ok(answersNumber('us 7,123,456 b2', 'US7123456'));
    assert.ok(answersNumber('JP1991041234B2', 'JP1991041234B'));
    assert.ok(answersNumber('USD912345S', 'USD912345'));
  });

  it('does not match another kind, another number, or a longer number', () => {
    assert.ok(!answersNumber('US7123456B1', 'US7123456B2'));
    assert.ok(!answersNumber('US71234567', 'US7123456'));
    assert.ok(!answersNumber('US7123456', 'US7123456B2'), 'the answer first: a kind-less pn does not answer a full request');
    assert.ok(!answersNumber('JP1991041234A', 'JP1991041234B'));
  });

  it('strips kinds and compacts as the lookups need', () => {
    assert.equal(withoutKind('US11205304B2'), 'US11205304');
    assert.equal(withoutKind('USD912345S'), 'USD912345');
    assert.equal(withoutKind('EP20123456.7'), 'EP20123456.7');
    assert.equal(compactNumber(' us 11,205,304 b2 '), 'US11205304B2');
  });
});

describe('formatPatentNumber', () => {
  it('writes each office in its printed style', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['US11205304B2', 'US 11,205,304 B2'],
      ['US20050262868A1', 'US 2005/0262868 A1'],
      ['USD912345S', 'US D912,345 S'],
      ['US14/706838', 'US 14/706,838'],
      ['EP1234567B1', 'EP 1 234 567 B1'],
      ['WO2020123456A1', 'WO 2020/123456 A1'],
      ['JP2020123456A', 'JP 2020-123456 A'],
      ['CN104169186A', 'CN 104169186 A'],
      ['DE102019123456A1', 'DE 10 2019 123 456 A1'],
      ['KR20200012345A', 'KR 10-2020-0012345 A'],
      ['FR2123456A1', 'FR 2 123 456 A1'],
      ['CH690123A5', 'CH 690 123 A5'],
      ['TWI123456B', 'TW I123456 B'],
    ];
    for (const [n, styled] of cases) assert.equal(formatPatentNumber(n), styled, n);
  });

  it('reads every formatted number of the table back to itself, in both styles', () => {
    for (const r of readForms()) {
      for (const n of r.expected) {
        const styled = formatPatentNumber(n);
        assert.ok(styled, n);
        assert.equal(parsePatentNumber(styled)?.number, n, `${n} -> ${styled}`);
        assert.equal(formatPatentNumber(styled, 'compact'), n);
      }
    }
    assert.equal(formatPatentNumber('hello'), undefined);
  });
});

describe('kind codes', () => {
  it('has a list for every office, and tells grants from pre-grant publications', () => {
    for (const o of SUPPORTED_OFFICES) assert.ok(kindCodes(o).length > 0, o);
    assert.equal(isPreGrant('US', 'A1'), true);
    assert.equal(isPreGrant('US', 'B2'), false);
    assert.equal(isPreGrant('EP', 'A2'), true);
    assert.equal(isPreGrant('CN', 'A'), true);
    assert.equal(isPreGrant('CN', 'B'), false);
    assert.equal(kindCode('WO', 'A1')?.stage, 'pre-grant');
    assert.equal(kindCode('DE', 'U1')?.right, 'utility model');
    assert.equal(kindCode('EP', 'S'), undefined);
  });

  it('every kind the scanner gives is in the table', () => {
    for (const r of readForms()) {
      for (const m of findPatentNumbers(r.input)) if (m.kind) assert.ok(kindCode(m.office, m.kind), `${m.office} ${m.kind} (line ${r.line})`);
    }
  });
});

describe('bounds', () => {
  it('say when they hold and reject what no office has issued', () => {
    assert.match(BOUNDS_AS_OF, /^\d{4}-\d{2}$/);
    assert.ok(SERIES_BOUNDS['US utility'] > 12_000_000);
    assert.deepEqual(findPatentNumbers('US 19,876,543 B2 and EP 6 123 456 B1'), []);
  });
});

describe('findPatentNumbers: flagImpossible', () => {
  const flagged = (text: string) => findPatentNumbers(text, { flagImpossible: true }).map((m) => [m.number, m.problem?.reason ?? null]);

  it('flags wrong digit counts, unused kinds, failed check digits and numbers past their bound', () => {
    assert.deepEqual(flagged('EP 12345678 B1'), [['EP12345678B1', 'digits']]);
    assert.deepEqual(flagged('EP 1 234 567 S'), [['EP1234567', null]], 'a wrong kind after a space: the number stands');
    assert.deepEqual(flagged('EP1234567S'), [['EP1234567S', 'kind']]);
    assert.deepEqual(flagged('CN201510570472.6'), [['CN201510570472.6', 'checkDigit']]);
    assert.deepEqual(flagged('US 19,876,543 B2'), [['US19876543B2', 'range']]);
    for (const m of findPatentNumbers('EP 12345678 B1', { flagImpossible: true })) assert.match(m.problem?.message ?? '', /\S/);
  });

  it('leaves valid numbers unflagged and is off by default', () => {
    assert.deepEqual(flagged('US 11,205,304 B2'), [['US11205304B2', null]]);
    assert.deepEqual(findPatentNumbers('EP 12345678 B1'), []);
  });

  it('does not flag a number that only its kind or label would tell from another document: ambiguous is not impossible', () => {
    // FR: publication 2,123,456 (1972) or application 21 23456 (2021); US: patent 9,054,439 padded or
    // application 09/054,439 without its slash; US 518,364: a patent of 1894 or a figure; AT: also the word.
    for (const text of ['FR 2123456', 'US09054439', 'US 518,364', 'AT 123456']) assert.deepEqual(flagged(text), [], text);
    assert.deepEqual(flagged('FR 2123456 A1'), [['FR2123456A1', null]]);
    assert.deepEqual(flagged('US 518,364 A'), [['US518364A', null]]);
  });

  it('does not flag amounts, counts, order codes or plain text', () => {
    for (const text of ['USD4,210,500', 'USD 6,204,117', 'US-5912345', 'US 6,120,000 units', 'JPY 3,518,240', 'USB 3.0', 'US 2020-01-15']) {
      assert.deepEqual(flagged(text), [], text);
    }
  });
});
