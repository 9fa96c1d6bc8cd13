import * as assert from 'node:assert/strict';
import { ENDPOINTS } from '../../../../src/core/api/client';
import type { LegalEvents, PatentFamily } from '../../../../src/core/api/recordTypes';
import { buildFamilyView, doiLink, isoDate, legalSummary, legalTimeline, loadFamily, numberQuery, resolveNumbers } from '../../../../src/core/record';
import { client, useSandbox } from '../api/helpers';

describe('record: citations', () => {
  it('links only syntactically valid DOIs, to doi.org, percent-encoding the unsafe', () => {
    assert.equal(doiLink('10.1038/nature14539'), 'https://doi.org/10.1038/nature14539');
    assert.equal(doiLink(' doi:10.1162/pres.1997.6.4.355 '), 'https://doi.org/10.1162/pres.1997.6.4.355');
    assert.equal(doiLink('https://dx.doi.org/10.1002/pip.3102'), 'https://doi.org/10.1002/pip.3102');
    assert.equal(doiLink('10.1002/(SICI)1097-4636(199706)35:4<513::AID-JBM12>3.0.CO;2-N'), 'https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C513::AID-JBM12%3E3.0.CO;2-N');
    assert.equal(doiLink('10.1000/a#b?c'), 'https://doi.org/10.1000/a%23b%3Fc');
    for (const bad of ['ISSN 0378-7753', 'javascript:alert(1)', '10.12/short-registrant', '10.1000/with space', '10.1000/', '11.1000/x', `10.1000/${'x'.repeat(300)}`, '10.1000/\u00e9', undefined]) {
      assert.equal(doiLink(bad), undefined, String(bad));
    }
  });
});

describe('record: legal status and events', () => {
  it('reads yyyyMMdd as yyyy-mm-dd, and nothing else', () => {
    assert.equal(isoDate(20211207), '2021-12-07');
    for (const bad of [20210229, 2021127, 202112070, 20211300, undefined, 1.5]) assert.equal(isoDate(bad), undefined, String(bad));
    assert.deepEqual(legalSummary({ patentId: 'x', pn: 'US1', legalDate: 20200101, simple: ['Active'], detailed: ['Granted'], events: [] }), { simple: ['Active'], detailed: ['Granted'], events: [], date: '2020-01-01' });
  });

  it('puts INPADOC and office events in one list oldest first, ties in the service\u2019s order, undated last', () => {
    const events: LegalEvents = {
      patentId: 'x',
      pn: 'CN1A',
      inpadoc: [{ code: 'GR01', date: 20200301, country: 'CN' }, { code: 'PB01', date: 20180101, country: 'CN' }, { code: 'XX', country: 'CN' }],
      official: [{ code: 'C14', date: 20200301, description: '授权' }, { code: '1.3', date: 20190231 }],
    };
    assert.deepEqual(legalTimeline(events).map((e) => [e.date, e.source, e.code, e.office]), [
      ['2018-01-01', 'inpadoc', 'PB01', 'CN'],
      ['2020-03-01', 'inpadoc', 'GR01', 'CN'],
      ['2020-03-01', 'office', 'C14', 'CN'],
      [undefined, 'inpadoc', 'XX', 'CN'],
      [undefined, 'office', '1.3', 'CN'],
    ]);
  });
});

describe('record: family', () => {
  const family: PatentFamily = {
    patentId: 'id-wo',
    pn: 'WO2020123456A1',
    simple: [
      { number: 'US2021000001A1', country: 'US', docNumber: '2021000001', kind: 'A1' },
      { number: 'WO2020123456A1', country: 'WO', docNumber: '2020123456', kind: 'A1' },
      { number: 'US11000000B2', country: 'US', docNumber: '11000000', kind: 'B2' },
      { number: 'EP3900000', country: 'EP', docNumber: '3900000' },
    ],
    inpadoc: [],
    patsnap: [],
    simpleFamilyId: '7',
  };

  it('groups members by office in order of first publication, each with its status, date and kind', () => {
    const view = buildFamilyView(
      family,
      'simple',
      [
        { patentId: 'u1', pn: 'US2021000001A1', simple: ['Active'], detailed: ['Granted'], events: [] },
        { patentId: 'e1', pn: 'EP3900000A1', simple: ['Pending'], detailed: ['Examining'], events: [] },
      ],
      [
        { patentId: 'w', pn: 'WO2020123456A1', publicationDate: 20200618, titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [] },
        { patentId: 'u1', pn: 'US2021000001A1', publicationDate: 20210107, titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [], title: 'T' },
        { patentId: 'u2', pn: 'US11000000B2', publicationDate: 20230101, titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [] },
      ],
    );
    assert.deepEqual(view.offices.map((o) => [o.office, o.members.map((m) => m.number)]), [
      ['WO', ['WO2020123456A1']],
      ['US', ['US2021000001A1', 'US11000000B2']],
      ['EP', ['EP3900000']],
    ]);
    const us = view.offices[1]?.members[0];
    assert.deepEqual([us?.legalStatus, us?.detailedStatus, us?.date, us?.kind, us?.title, us?.patentId], [['Active'], ['Granted'], '2021-01-07', 'A1', 'T', 'u1']);
    assert.deepEqual(view.offices[2]?.members[0]?.legalStatus, ['Pending'], 'a kind-less member matches its only answer');
    assert.equal(view.members.find((m) => m.self)?.number, 'WO2020123456A1');
    assert.deepEqual([view.familyId, view.sizes], ['7', { simple: 4, inpadoc: 0, patsnap: 0 }]);
    assert.deepEqual(view.members.find((m) => m.number === 'US11000000B2')?.legalStatus, [], 'no status given: none shown, nothing invented');
  });

  describe('against the sandbox', () => {
    const ctx = useSandbox();

    it('loads a 99-member INPADOC family with one status call and one bibliography call', async () => {
      const api = client(ctx.sb);
      const view = await loadFamily(api, { numbers: ['WO2013136789A1'] }, { type: 'inpadoc' });
      assert.ok(view);
      assert.equal(view.members.length, 99);
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.family), 1);
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.legalStatusDetail), 1);
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.bibliography), 1);
      assert.ok(view.members.every((m) => m.legalStatus.length > 0 && m.date && m.patentId), 'every member has its status and date');
      assert.ok(view.offices.length >= 15);
      const firsts = view.offices.map((o) => o.members[0]?.date ?? '');
      assert.deepEqual(firsts, [...firsts].sort(), 'offices in order of their first publication');
      assert.equal(await loadFamily(api, { numbers: ['US0000001B1'] }), undefined);
    });

    it('without details asks no bibliography', async () => {
      const view = await loadFamily(client(ctx.sb), { numbers: ['US11205304B2'] }, { details: false });
      assert.ok(view && view.members.length >= 6 && view.members.every((m) => m.date === undefined));
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.bibliography), 0);
    });
  });
});

describe('record: resolution', () => {
  it('asks for an application as apno and a publication as pn, as written or normalised', () => {
    assert.deepEqual(numberQuery('U.S. Appl. No. 17/521,392'), { type: 'application', value: 'US17/521392' });
    assert.deepEqual(numberQuery('ZL 2015 1 0570472.5'), { type: 'application', value: 'CN201510570472.5' });
    assert.deepEqual(numberQuery('US 7,123,456'), { type: 'publication', value: 'US7123456' });
    assert.deepEqual(numberQuery('DE 10 2019 123 456 A1'), { type: 'publication', value: 'DE102019123456A1' });
    assert.deepEqual(numberQuery('201510570472.5'), { type: 'application', value: '201510570472.5' });
  });

  describe('against the sandbox', () => {
    const ctx = useSandbox();

    it('resolves application and loosely written numbers, one call per distinct number', async () => {
      const inputs = ['US14/706838', 'U.S. Appl. No. 10/851,234', 'CN201510570472.5', 'US 7,123,456', 'US7123456', 'GB 2512345', 'US99/999999'];
      const out = await resolveNumbers(client(ctx.sb), inputs);
      assert.deepEqual(out.map((r) => [r.input, r.publications.map((p) => p.pn)]), [
        ['US14/706838', ['US11205304B2']],
        ['U.S. Appl. No. 10/851,234', ['US20050262868A1', 'US7123456B2']],
        ['CN201510570472.5', ['CN105161234A', 'CN105161234B']],
        ['US 7,123,456', ['US7123456B2']],
        ['US7123456', ['US7123456B2']],
        ['GB 2512345', ['GB2512345A', 'GB2512345B']],
        ['US99/999999', []],
      ]);
      assert.equal(out[0]?.publications[0]?.title, 'Systems and methods for rendering user interfaces for augmented or virtual reality');
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.standardNumber), 6, 'US 7,123,456 and US7123456 are one query');
    });
  });
});
