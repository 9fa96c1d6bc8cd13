import * as assert from 'node:assert/strict';
import { parsePatentNumber } from '../../../../src/core/numbers';

describe('parsePatentNumber', () => {
  // The compact forms the sandbox's sample data uses as `pn` (common brief).
  const CANONICAL = [
    'US11205304B2', 'US7123456B2', 'US10123456B1', 'US20050262868A1', 'US20190123456A1', 'USD912345S', 'USRE45678E',
    'EP1234567B1', 'EP2458380B1', 'WO2020123456A1', 'WO1998012345A1', 'CN104169186A', 'CN303649457S', 'JP2020123456A',
    'JP1996179521A', 'KR20200012345A', 'KR102355140B1',
  ];
  for (const pn of CANONICAL) {
    it(`reads the compact publication number ${pn} as itself`, () => {
      const m = parsePatentNumber(pn);
      assert.equal(m?.number, pn);
      assert.equal(m?.type, 'publication');
      assert.equal(m?.text, pn);
      assert.equal(m?.office, pn.slice(0, 2));
    });
  }

  const APPLICATIONS: ReadonlyArray<readonly [string, string]> = [
    ['US14/706838', 'US'], ['CN201510570472.5', 'CN'], ['EP20123456.7', 'EP'], ['PCT/US2020/012345', 'WO'],
    ['PCT/US1997/016543', 'WO'], ['JP2018-234567', 'JP'], ['KR10-2018-0086543', 'KR'],
  ];
  for (const [apno, office] of APPLICATIONS) {
    it(`reads the application number ${apno} as itself`, () => {
      const m = parsePatentNumber(apno);
      assert.deepEqual([m?.number, m?.type, m?.office, m?.kind], [apno, 'application', office, null]);
    });
  }

  it('reads written forms, in any letter case, with surrounding space and a trailing full stop', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['US 11,205,304 B2', 'US11205304B2'],
      ['  us 11,205,304 b2 ', 'US11205304B2'],
      ['U.S. Pat. No. 7,123,456.', 'US7123456'],
      ['u.s. appl. no. 14/706,838', 'US14/706838'],
      ['ep 1 234 567 b1', 'EP1234567B1'],
      ['jp h08-179521 a', 'JP1996179521A'],
      ['wo 98/12345', 'WO1998012345'],
      ['US2005262868A1', 'US20050262868A1'],
      ['KR 10-2020-0012345', 'KR20200012345'],
      ['pct/us97/16543', 'PCT/US1997/016543'],
    ];
    for (const [input, number] of cases) assert.equal(parsePatentNumber(input)?.number, number, input);
  });

  it('reports where the number starts in the input and the text as written', () => {
    const m = parsePatentNumber('  US 11,205,304 B2\n');
    assert.deepEqual([m?.index, m?.length, m?.line, m?.column, m?.text], [2, 16, 1, 3, 'US 11,205,304 B2']);
  });

  it('reads full-width input, as a Japanese or Chinese IME types it, and keeps the text as written', () => {
    const m = parsePatentNumber('\u3000ＵＳ７１２３４５６Ｂ２');
    assert.deepEqual([m?.number, m?.index, m?.text], ['US7123456B2', 1, 'ＵＳ７１２３４５６Ｂ２']);
    assert.equal(parsePatentNumber('ｊｐ２０１８－２３４５６７')?.number, 'JP2018-234567');
  });

  it('reads JP and KR shapes as publications unless written in PatSnap application form', () => {
    assert.equal(parsePatentNumber('JP 2018-234567')?.type, 'publication');
    assert.equal(parsePatentNumber('JP2018-234567')?.type, 'application');
    assert.equal(parsePatentNumber('KR 10-2018-0086543')?.type, 'publication');
  });

  it('gives undefined for anything that is not exactly one number', () => {
    for (const input of ['', '   ', 'hello', '7,123,456', 'US', 'USB 3.0', 'US 7,123,456 and US 8,234,567', 'see US 7,123,456', 'US 7,123,456 is cited', 'x'.repeat(400), '35 U.S.C. 103']) {
      assert.equal(parsePatentNumber(input), undefined, input);
    }
  });
});
