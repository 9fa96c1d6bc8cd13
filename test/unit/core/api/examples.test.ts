import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { createPatsnapClient } from '../../../../src/core/api/client';
import { toAbstractImage, toBibliography, toExamDocsPage, toLegalStatus, toPdfLink, toSearchHit } from '../../../../src/core/api/mapping';
import {
  abstractImageItemSchema,
  batchDataSchema,
  bibliographyItemSchema,
  countDataSchema,
  envelopeSchema,
  examDocsDataSchema,
  exportCreatedSchema,
  exportStatusSchema,
  facetsDataSchema,
  legalStatusItemSchema,
  pdfItemSchema,
  searchDataSchema,
} from '../../../../src/core/api/schemas';
import { KEY_CREDENTIALS } from './helpers';
import { startHostile } from './hostile';
import { toCitations, toCitedBy, toLegalEvents, toLegalStatusDetail, toPatentClaims, toPatentFamily } from '../../../../src/core/api/recordMapping';
import {
  citationsItemSchema,
  citedByItemSchema,
  claimsItemSchema,
  familyItemSchema,
  legalEventsItemSchema,
  legalStatusDetailItemSchema,
} from '../../../../src/core/api/recordSchemas';
import { claimTree, describeCitations, legalTimeline, parseClaims } from '../../../../src/core/record';

// PatSnap's published example answers (from its public OpenAPI description), copied as they are.
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'fixtures', 'patsnap-examples');

function example(name: string): unknown {
  const env = envelopeSchema.parse(JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')));
  assert.equal(env.status, true);
  assert.equal(env.error_code, 0);
  return env.data;
}

describe('PatSnap example answers', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

  it('has a parser for every example file', () => {
    const known = [
      'P001-query-search-count.json', 'P002-query-search.json', 'P003-field-statistics.json', 'P011-simple-bibliography.json', 'P020-pdf.json', 'P021-abstract-image.json', 'P041-simple-legal-status.json',
      'P048-examination-documents.json', 'P055-create-export.json', 'P055-export-results.json',
      'P013-legal-status.json', 'P014-patent-family.json', 'P015-cited-by-patents.json', 'P016-patent-citation.json', 'P018-claims.json', 'P026-legal-events.json',
      'P069-standard-number-search.json',
    ];
    assert.deepEqual([...files].sort(), [...known].sort());
  });

  it('P001 query search count', () => {
    assert.equal(countDataSchema.parse(example('P001-query-search-count.json')).total_search_result_count, 1000);
  });

  it('P003 field statistics', () => {
    assert.deepEqual(facetsDataSchema.parse(example('P003-field-statistics.json')), [{ assignee: [{ name: 'APPLE INC.', count: 2509 }] }]);
  });

  it('P003 field statistics, through the client as the service sends it', async () => {
    const body = readFileSync(path.join(EXAMPLES, 'P003-field-statistics.json'));
    const hostile = await startHostile((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(body);
    });
    try {
      const api = createPatsnapClient({ baseUrl: hostile.url, credentials: KEY_CREDENTIALS });
      assert.deepEqual(await api.facets({ query: 'TTL:phone', fields: ['ASSIGNEE'] }), { ASSIGNEE: [{ name: 'APPLE INC.', count: 2509 }] });
      assert.deepEqual(hostile.requests.map((r) => [r.method, r.url]), [['POST', '/patent-field/query']]);
    } finally {
      await hostile.close();
    }
  });

  it('P002 query search', () => {
    const data = searchDataSchema.parse(example('P002-query-search.json'));
    assert.deepEqual(data.results.map(toSearchHit), [{ pn: 'US11205304B2', patentId: '718ead9c-4f3c-4674-8f5a-24e126827269' }]);
    assert.equal(data.total_search_result_count, 1000);
  });

  it('P011 simple bibliography', () => {
    const [item] = batchDataSchema(bibliographyItemSchema).parse(example('P011-simple-bibliography.json'));
    assert.ok(item);
    const b = toBibliography(item);
    assert.equal(b.pn, 'US11205304B2');
    assert.equal(b.title, 'Systems and methods for rendering user interfaces for augmented or virtual reality');
    assert.deepEqual(Object.keys(b.titles), ['EN']);
    assert.equal(b.assignees[0]?.name, 'MAGIC LEAP, INC.');
    assert.equal(b.applicationNumber, 'CN201510570472.5');
    assert.equal(b.applicationDate, 20211221);
    assert.equal(b.kind, 'B2');
    assert.equal(b.patentType, 'PATENT');
    assert.equal(b.ipcMain, 'G06Q40/025');
    assert.equal(b.cpcMain, 'G06Q40/025');
    assert.deepEqual(b.priorityClaims, [{ country: 'US', docNumber: '11205304', date: 20211221 }]);
  });

  it('P021 abstract image', () => {
    const [item] = batchDataSchema(abstractImageItemSchema).parse(example('P021-abstract-image.json'));
    assert.ok(item);
    const img = toAbstractImage(item);
    assert.equal(img.pn, 'CN104169186A');
    assert.equal(img.num, '0001');
    assert.match(img.url ?? '', /^https:\/\/open\.patsnap\.com\/abstract-image\/.*sign=/);
  });

  it('P041 simple legal status (localised labels)', () => {
    const [item] = batchDataSchema(legalStatusItemSchema).parse(example('P041-simple-legal-status.json'));
    assert.ok(item);
    assert.deepEqual(toLegalStatus(item).statuses, ['审中']);
  });

  it('P020 pdf with a family member standing in', () => {
    const [item] = batchDataSchema(pdfItemSchema).parse(example('P020-pdf.json'));
    assert.ok(item);
    const pdf = toPdfLink(item);
    assert.equal(pdf.pnRelated, 'AU2005202049A1');
    assert.match(pdf.url ?? '', /\.pdf\?sign=/);
  });

  it('P048 examination documents', () => {
    const page = toExamDocsPage(examDocsDataSchema.parse(example('P048-examination-documents.json')));
    assert.equal(page.apno, 'US14/706838');
    assert.equal(page.docCount, 98);
    assert.equal(page.detailCount, 10);
    assert.deepEqual({ ...page.documents[0], url: undefined }, { date: 20180831, docCode: 'CTNF', description: 'Non-Final Rejection', pageCount: 17, url: undefined });
  });

  it('P055 create export and export results', () => {
    assert.deepEqual(exportCreatedSchema.parse(example('P055-create-export.json')), { task_id: 'b4bdae6b4a65432d91f25b5c52bdfd80', count: 24 });
    const state = exportStatusSchema.parse(example('P055-export-results.json'));
    assert.equal(state.export_status, 'SUCCESS');
    assert.match(state.url ?? '', /X-Amz-Signature=/);
  });
});

describe('PatSnap example answers: the patent record (P013-P069)', () => {
  const one = <T>(schema: Parameters<typeof batchDataSchema>[0], file: string): T => {
    const items = batchDataSchema(schema).parse(example(file)) as T[];
    assert.equal(items.length, 1);
    return items[0] as T;
  };

  it('P013 legal status: simple, detailed and event status with the legal date', () => {
    const d = toLegalStatusDetail(one(legalStatusDetailItemSchema, 'P013-legal-status.json'));
    assert.deepEqual(d, { patentId: '718ead9c-4f3c-4674-8f5a-24e126827269', pn: 'US11205304B2', legalDate: 20151027, simple: ['Pending'], detailed: ['Examining'], events: ['Transfer'] });
  });

  it('P014 family: members composed as country + doc_number + kind, family ids as text', () => {
    const f = toPatentFamily(one(familyItemSchema, 'P014-patent-family.json'));
    const member = { number: 'US20130033085A1', country: 'US', docNumber: '20130033085', kind: 'A1', sequence: 1 };
    assert.deepEqual(f.simple, [member]);
    assert.deepEqual(f.inpadoc, [member]);
    assert.deepEqual(f.patsnap, [member]);
    assert.equal(f.simpleFamilyId, '331537782');
    assert.equal(f.inpadocFamilyId, '459115956');
  });

  it('P015 cited by (path "backward-citation"): the citing patents and every count', () => {
    const c = toCitedBy(one(citedByItemSchema, 'P015-cited-by-patents.json'));
    assert.deepEqual(c.patents.map((p) => p.number), ['US20130033085A1']);
    assert.deepEqual(c.counts, { threeYears: 0, fiveYears: 2, simpleFamily: 2, inpadocFamily: 2, patsnapFamily: 2 });
  });

  it('P016 citations (path "forward-citation"): category, cite type, and literature with a Japanese author and a DOI', () => {
    const c = toCitations(one(citationsItemSchema, 'P016-patent-citation.json'));
    assert.deepEqual(c.patents, [{ number: 'US20130033085A1', country: 'US', docNumber: '20130033085', kind: 'A1', num: '0001', categories: ['A'], citeTypes: ['EXA'] }]);
    assert.equal(c.others[0]?.authors[0], 'トヨタ自動車株式会社');
    const view = describeCitations(c, undefined);
    assert.deepEqual(view.cites[0]?.categories, [{ code: 'A', label: 'technological background' }]);
    assert.deepEqual(view.cites[0]?.citeTypes, [{ code: 'EXA', label: 'examiner' }]);
    assert.equal(view.nonPatent[0]?.title, 'Discrimination of agonists versus antagonists of nicotinic ligands based on docking onto AChBP structures');
    assert.equal(view.nonPatent[0]?.doiUrl, 'https://doi.org/10.1016/J.JMGM.2011.06.008');
  });

  it('P018 claims: Chinese text over several divs per claim, parents, and whose claims they are', () => {
    const c = toPatentClaims(one(claimsItemSchema, 'P018-claims.json'));
    assert.equal(c.pn, 'CN108977442B');
    assert.equal(c.pnRelated, 'CN103106923A');
    assert.equal(c.claimCount, 3);
    assert.equal(c.texts[0]?.lang, 'EN');
    assert.equal(c.texts[0]?.independentCount, 3);
    const claims = parseClaims(c.texts[0]?.html ?? '');
    assert.deepEqual(claims.map((x) => [x.num, x.independent, x.parents, x.paragraphs.length]), [
      [1, true, [], 3],
      [2, false, [1], 7],
      [3, false, [2], 1],
      [4, false, [2], 1],
      [5, true, [], 1],
    ]);
    assert.equal(claims[0]?.paragraphs[0], '用于VEGFA基因编辑的系统，包括下述N1）和N2）：');
    assert.equal(claims[1]?.paragraphs[0], '根据权利要求1所述的系统，其特征在于：所述系统还包括Cas9核酸酶或与Cas9核酸酶相关的生物材料；');
    assert.ok(claims.every((x) => !/[<>]/.test(x.text)), 'no markup left');
    assert.deepEqual(claimTree(claims).map((n) => [n.num, n.children.map((k) => [k.num, k.children.map((g) => g.num)])]), [[1, [[2, [3, 4]]]], [5, []]]);
  });

  it('P026 legal events: a numeric event code read as text, one timeline oldest first, dates yyyy-mm-dd', () => {
    const e = toLegalEvents(one(legalEventsItemSchema, 'P026-legal-events.json'));
    assert.equal(e.official[0]?.code, '1.3');
    assert.equal(e.official[0]?.legalStatus, '专利权的终止');
    assert.deepEqual(legalTimeline(e).map((t) => [t.date, t.source, t.office, t.code]), [
      ['2020-12-08', 'office', 'US', '1.3'],
      ['2021-12-07', 'inpadoc', 'BR', 'B350'],
    ]);
  });

  it('P069 standard number search: the same result shape as P002 v2', () => {
    const data = searchDataSchema.parse(example('P069-standard-number-search.json'));
    const [hit] = data.results.map(toSearchHit);
    assert.equal(hit?.applicationNumber, 'US17/521392');
    assert.deepEqual(hit?.inventors, ['ELSHAFIE, AHMED', 'YANG, WEI', 'HOSSEINI, SEYEDKIANOUSH']);
    assert.equal(data.total_search_result_count, 1000);
  });
});

describe('record schemas: one odd member never fails the batch', () => {
  it('drops family members without a country or serial and reads a missing family as empty', () => {
    const [f, g] = batchDataSchema(familyItemSchema).parse([
      { pn: 'US1A', patent_id: 'x', patent_family: { simple_family: [{ country: 'EP', doc_number: 1234567, kind: 'B1' }, { doc_number: '5' }, 'junk', null], inpadoc_family: 'odd', simple_family_id: { a: 1 } } },
      { pn: 'US2A', patent_id: 'y', patent_family: null },
    ]).map(toPatentFamily);
    assert.deepEqual(f?.simple.map((m) => m.number), ['EP1234567B1']);
    assert.deepEqual(f?.inpadoc, []);
    assert.equal(f?.simpleFamilyId, undefined);
    assert.deepEqual([g?.simple, g?.inpadoc, g?.patsnap], [[], [], []]);
  });

  it('reads bare labels, numeric codes and missing sections of P013, P016 and P026', () => {
    const [d] = batchDataSchema(legalStatusDetailItemSchema).parse([{ pn: 'CN1A', patent_id: 'x', legal_date: '20200101', patent_legal: { simple_legal_status: '有效', legal_status: [1, '授权'], event_status: null } }]).map(toLegalStatusDetail);
    assert.deepEqual(d, { pn: 'CN1A', patentId: 'x', legalDate: 20200101, simple: ['有效'], detailed: ['授权'], events: [] });
    const [c] = batchDataSchema(citationsItemSchema).parse([{ pn: 'EP1A', patent_id: 'x', patsnap_reference_cited: { cited_patents: [{ country: 'US', doc_number: '1', category: 'X', cite_type: ['exa'], num: 1 }], cited_others: [{ title: 7, author: ['Smith', { name: '' }] }] } }]).map(toCitations);
    assert.deepEqual(c?.patents[0], { number: 'US1', country: 'US', docNumber: '1', num: '1', categories: ['X'], citeTypes: ['EXA'] });
    assert.deepEqual(c?.others[0], { authors: ['Smith'] });
    const [e] = batchDataSchema(legalEventsItemSchema).parse([{ pn: 'EP1A', patent_id: 'x', patsnap_legal_data: { inpadoc_legal_data: [{ event_code: 17, event_date: 'soon' }, 5] } }]).map(toLegalEvents);
    assert.deepEqual(e?.inpadoc, [{ code: '17' }]);
    assert.deepEqual(e?.official, []);
  });

  it('still refuses an item without pn or patent_id, and a list that is not a list', () => {
    assert.equal(batchDataSchema(claimsItemSchema).safeParse([{ pn: 'US1A', claims: [] }]).success, false);
    assert.equal(batchDataSchema(citedByItemSchema).safeParse({ pn: 'US1A' }).success, false);
  });
});

describe('schemas: lenient on descriptive fields, strict on what the client needs', () => {
  it('reads a bibliography item with every optional part missing or null', () => {
    const [item] = batchDataSchema(bibliographyItemSchema).parse([{ pn: 'US1A', patent_id: 'x', bibliographic_data: { invention_title: null, parties: 'odd', patent_type: 7 } }]);
    assert.ok(item);
    const b = toBibliography(item);
    assert.deepEqual(b, { pn: 'US1A', patentId: 'x', titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [] });
  });

  it('refuses an item without pn or patent_id', () => {
    assert.equal(batchDataSchema(legalStatusItemSchema).safeParse([{ pn: 'US1A', simple_legal_status: [] }]).success, false);
    assert.equal(searchDataSchema.safeParse({ results: [{ patent_id: 'x' }] }).success, false);
  });

  it('refuses a list that is not a list, reads null as empty', () => {
    assert.equal(searchDataSchema.safeParse({ results: 'x' }).success, false);
    assert.deepEqual(batchDataSchema(pdfItemSchema).parse(null), []);
  });

  it('reads dates and counts sent as strings', () => {
    const data = examDocsDataSchema.parse({ doc_count: '3', doc_detail: [{ date: '20200101', page_number: '2' }] });
    assert.equal(data.doc_count, 3);
    assert.equal(data.doc_detail[0]?.date, 20200101);
  });

  it('picks the title in the configured language, else English, else the first', () => {
    const item = batchDataSchema(bibliographyItemSchema).parse([
      {
        pn: 'CN1A',
        patent_id: 'x',
        bibliographic_data: {
          invention_title: [
            { lang: 'CN', text: '电池' },
            { lang: 'EN', text: 'Battery' },
          ],
          parties: { assignees: [{ lang: 'CN', name: '比亚迪' }, { lang: 'EN', name: 'BYD' }] },
        },
      },
    ])[0];
    assert.ok(item);
    assert.equal(toBibliography(item, 'cn').title, '电池');
    assert.deepEqual(toBibliography(item, 'cn').assignees.map((a) => a.name), ['比亚迪']);
    assert.equal(toBibliography(item, 'jp').title, 'Battery');
    assert.equal(toBibliography(item).title, 'Battery');
    assert.deepEqual(toBibliography(item).titles, { CN: '电池', EN: 'Battery' });
  });
});
