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
    const known = ['P001-query-search-count.json', 'P002-query-search.json', 'P003-field-statistics.json', 'P011-simple-bibliography.json', 'P020-pdf.json', 'P021-abstract-image.json', 'P041-simple-legal-status.json', 'P048-examination-documents.json', 'P055-create-export.json', 'P055-export-results.json'];
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
