import * as assert from 'node:assert/strict';
import { findPatentNumbers, type PatentNumberMatch, SUPPORTED_OFFICES } from '../../../../src/core/numbers';
import { NEGATIVE, POSITIVE } from './cases';

const officeOf = (number: string): string => (number.startsWith('PCT/') ? 'WO' : number.slice(0, 2));
const shape = (m: PatentNumberMatch) => ({ text: m.text, number: m.number, kind: m.kind, type: m.type, office: m.office });

describe('findPatentNumbers: written forms', () => {
  it('has a table of at least 60 positive and 40 negative cases', () => {
    assert.ok(POSITIVE.length >= 60, `${POSITIVE.length} positive`);
    assert.ok(NEGATIVE.length >= 40, `${NEGATIVE.length} negative`);
  });

  for (const [input, expected] of POSITIVE) {
    it(`finds ${JSON.stringify(input)}`, () => {
      const want = expected.map(([text, number, kind, type]) => ({ text, number, kind, type: type ?? 'publication', office: officeOf(number) }));
      assert.deepEqual(findPatentNumbers(input).map(shape), want);
    });
  }

  for (const input of NEGATIVE) {
    it(`finds nothing in ${JSON.stringify(input)}`, () => {
      assert.deepEqual(findPatentNumbers(input).map(shape), []);
    });
  }
});

describe('findPatentNumbers: positions', () => {
  it('reports 0-based index, 1-based line and column, and the text as written', () => {
    const text = 'Re: your response in U.S. Appl. No. 14/706,838.\r\nClaim 1 is anticipated by US 2005/0262868 A1 (Smith).\rSee EP 1 234 567 B1.\n';
    const found = findPatentNumbers(text);
    assert.deepEqual(
      found.map((m) => [m.index, m.line, m.column, m.text]),
      [
        [21, 1, 22, 'U.S. Appl. No. 14/706,838'],
        [75, 2, 27, 'US 2005/0262868 A1'],
        [107, 3, 5, 'EP 1 234 567 B1'],
      ],
    );
    for (const m of found) assert.equal(text.slice(m.index, m.index + m.length), m.text);
  });

  it('counts columns in UTF-16 code units, as VS Code does', () => {
    const text = '😀 émoji 中文 CN104169186A';
    const [m] = findPatentNumbers(text);
    assert.equal(m?.column, text.indexOf('CN') + 1);
    assert.equal(m?.column, 13);
  });

  it('reads the fixture an office action would contain', () => {
    const text = ['Claim 1 is anticipated by US 2005/0262868 A1 (Smith).', 'See also U.S. Pat. No. 7,123,456 at col. 3.', 'Version 2.10.3 released 2024-01-31; call 555-123-4567.'].join('\n');
    assert.deepEqual(
      findPatentNumbers(text).map((m) => [m.line, m.column, m.number]),
      [
        [1, 27, 'US20050262868A1'],
        [2, 10, 'US7123456'],
      ],
    );
  });
});

describe('findPatentNumbers: options.offices', () => {
  const text = 'US 7,123,456 B2, EP 1 234 567 B1, WO 2020/123456 A1, PCT/US2020/012345, CN104169186A, JP 2020-123456 A, KR102355140B1, U.S. Appl. No. 14/706,838';

  it('recognises all supported offices by default', () => {
    assert.deepEqual(SUPPORTED_OFFICES.slice(0, 6), ['US', 'EP', 'WO', 'CN', 'JP', 'KR']);
    assert.ok(SUPPORTED_OFFICES.length >= 20, `${SUPPORTED_OFFICES.length} offices`);
    assert.deepEqual(new Set(findPatentNumbers(text).map((m) => m.office)), new Set(SUPPORTED_OFFICES.slice(0, 6)));
  });

  it('restricts recognition to the offices given', () => {
    assert.deepEqual(
      findPatentNumbers(text, { offices: ['EP', 'kr'] }).map((m) => m.number),
      ['EP1234567B1', 'KR102355140B1'],
    );
    assert.deepEqual(
      findPatentNumbers(text, { offices: ['WO'] }).map((m) => m.number),
      ['WO2020123456A1', 'PCT/US2020/012345'],
    );
    assert.deepEqual(
      findPatentNumbers(text, { offices: ['US'] }).map((m) => m.number),
      ['US7123456B2', 'US14/706838'],
    );
  });

  it('gives each match its fields in one order, and problem only when a number is flagged (absent, not undefined)', () => {
    const fields = ['index', 'length', 'line', 'column', 'text', 'number', 'type', 'office', 'kind'];
    const [good, bad] = findPatentNumbers('US 7,123,456 B2 and EP 12345678 B1', { flagImpossible: true });
    assert.deepEqual(Object.keys(good ?? {}), fields);
    assert.deepEqual(Object.keys(bad ?? {}), [...fields, 'problem']);
    assert.equal(
      JSON.stringify(good),
      '{"index":0,"length":15,"line":1,"column":1,"text":"US 7,123,456 B2","number":"US7123456B2","type":"publication","office":"US","kind":"B2"}',
    );
  });

  it('finds nothing with no offices, and ignores unknown codes', () => {
    assert.deepEqual(findPatentNumbers(text, { offices: [] }), []);
    assert.deepEqual(findPatentNumbers(text, { offices: ['XX', 'QQ'] }), []);
    assert.deepEqual(findPatentNumbers(text, { offices: ['DE', 'GB'] }), []);
  });
});

describe('findPatentNumbers: anchors and line counting', () => {
  it('counts CRLF, LF and lone CR once each, also at the very start and between matches on one line', () => {
    const text = '\r\n\rUS 7,123,456 B2 EP1234567B1\n\n\r\r\nWO 2020/123456 A1\rCN104169186A';
    assert.deepEqual(
      findPatentNumbers(text).map((m) => [m.line, m.column, m.number]),
      [
        [3, 1, 'US7123456B2'],
        [3, 17, 'EP1234567B1'],
        [7, 1, 'WO2020123456A1'],
        [8, 1, 'CN104169186A'],
      ],
    );
  });

  it('finds an anchor that starts inside a word that only looks like one (Ker, Cer, Aer)', () => {
    assert.deepEqual(
      findPatentNumbers('KerUS 7,123,456 x CerEuropean Patent No. 1 234 567 x AerJP 2020-123456 A').map((m) => m.number),
      [],
      'glued to letters: still no word boundary',
    );
    assert.deepEqual(
      findPatentNumbers('Ker-US 7,123,456; Cer European Patent No. 1 234 567; Aer (JP 2020-123456 A)').map((m) => m.number),
      ['US7123456', 'EP1234567', 'JP2020123456A'],
    );
  });

  it('recognises the word anchors of each office alone', () => {
    const text = 'United States Patent No. 7,123,456; European Patent No. 1 234 567; International Publication No. WO 2020/123456; Chinese Patent Application No. 201510570472.5; Japanese Patent Laid-Open No. 2005-123456; Korean Patent Application No. 10-2018-0086543; Serial No. 15/458,123';
    const all = findPatentNumbers(text).map((m) => m.number);
    assert.deepEqual(all, ['US7123456', 'EP1234567', 'WO2020123456', 'CN201510570472.5', 'JP2005123456', 'KR10-2018-0086543', 'US15/458123']);
    for (const office of ['US', 'EP', 'WO', 'CN', 'JP', 'KR']) {
      assert.deepEqual(findPatentNumbers(text, { offices: [office] }).map((m) => m.office), all.filter((n) => n.startsWith(office)).map(() => office), office);
    }
  });

  it('reads an Espacenet link as it reads a Google Patents or Lens link: a URL-encoded query, and the office, number and kind as parameters', () => {
    const found = (text: string): Array<[string, string]> => findPatentNumbers(text).map((m) => [m.number, m.text]);
    assert.deepEqual(found('https://worldwide.espacenet.com/patent/search?q=pn%3DEP1234567A1'), [['EP1234567A1', 'EP1234567A1']]);
    assert.deepEqual(found('q=pn%3DCN112345678A%20OR%20pn%3dJP2006256783A'), [['CN112345678A', 'CN112345678A'], ['JP2006256783A', 'JP2006256783A']], 'either case of hex digit');
    assert.deepEqual(found('https://worldwide.espacenet.com/publicationDetails/biblio?CC=EP&NR=1234567A1&KC=A1&FT=D'), [['EP1234567A1', 'EP&NR=1234567A1']]);
    assert.deepEqual(found('biblio?CC=WO&NR=2016144528&KC=A1&FT=D'), [['WO2016144528A1', 'WO&NR=2016144528&KC=A1']], 'the kind from its own parameter');
    // An escaped letter or digit glues as the character does; the parameters only with Espacenet's names.
    assert.deepEqual(found('q=%41EP1234567A1 %35US7123456B2 x=EP&NR=1234567A1 CC=EP&N=1234567A1'), []);
  });
});
