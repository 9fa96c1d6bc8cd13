import * as assert from 'node:assert/strict';
import type { Bibliography } from '../../../../src/core/api/types';
import { docsPageParams, documentOn, examDocsSupported, pdfFileName, sniffImageType, toDocumentsView, toPatentView } from '../../../../src/extension/patent/patentView.pure';
import { parseToWebview, TEXT_MAX } from '../../../../src/webview/protocol';

const bib: Bibliography = {
  patentId: 'pid',
  pn: 'US11205304B2',
  title: 'Battery',
  titles: { EN: 'Battery' },
  abstract: 'An abstract.',
  assignees: [{ name: 'ACME' }, { name: 'ACME' }, { name: ' ' }],
  applicants: [{ name: 'ACME' }],
  inventors: [{ name: 'Ada' }, { name: 'Bob' }],
  applicationNumber: 'US16/123456',
  applicationDate: 20190301,
  publicationDate: 20211214,
  country: 'US',
  kind: 'B2',
  priorityClaims: [],
};

describe('patent panel view model', () => {
  it('builds the panel view from bibliography and legal status', () => {
    const v = toPatentView(bib, ['Active']);
    assert.equal(v.number, 'US11205304B2');
    assert.deepEqual(v.assignees, ['ACME']);
    assert.deepEqual(v.inventors, ['Ada', 'Bob']);
    assert.equal(v.applicationDate, '2019-03-01');
    assert.equal(v.publicationDate, '2021-12-14');
    assert.deepEqual(v.legalStatus, ['Active']);
    assert.equal(v.examDocsSupported, true);
  });

  it('shortens API text the webview would refuse, so what it gets is what it shows', () => {
    const long = 'x'.repeat(TEXT_MAX + 10);
    const v = toPatentView({ ...bib, title: long, abstract: long, assignees: Array.from({ length: 500 }, (_, i) => ({ name: `A${i} ${long}` })) }, [long]);
    assert.equal(v.title?.length, TEXT_MAX);
    assert.ok(v.title?.endsWith('\u2026'));
    assert.ok(v.assignees.length <= 200);
    assert.ok(parseToWebview({ type: 'patent', patent: v }).ok);
    assert.equal(parseToWebview({ type: 'patent', patent: { ...v, title: long } }).ok, false, 'unshortened, the webview would drop it');
  });

  it('turns impossible document counts into counts the webview takes', () => {
    const view = toDocumentsView({ docCount: -5, detailCount: Number.NaN, documents: [{ docCode: 'CTNF', pageCount: -1 }, { docCode: 'IDS', pageCount: 2.5 }] }, 0, 20, { docCodes: [] });
    assert.ok(parseToWebview({ type: 'documents', documents: view }).ok, JSON.stringify(view));
    assert.equal(view.state === 'page' && view.total, 0);
    assert.deepEqual(view.state === 'page' && view.rows.map((r) => r.pages), [undefined, undefined]);
  });

  it('says CN patents have no examination documents', () => {
    assert.equal(toPatentView({ ...bib, pn: 'CN104169186A', country: 'CN' }, []).examDocsSupported, false);
    assert.equal(examDocsSupported('CN303649457S'), false);
    assert.equal(examDocsSupported('EP1234567B1'), true);
  });

  it('numbers document rows by position and never passes their links on', () => {
    const page = {
      docCount: 9,
      detailCount: 2,
      documents: [
        { date: 20200102, docCode: 'CTNF', description: 'Non-final rejection', pageCount: 12, url: 'https://s3.example/a?X-Amz-Signature=1' },
        { docCode: 'IDS' },
      ],
    };
    const view = toDocumentsView(page, 0, 20, { docCodes: [] });
    assert.equal(view.state, 'page');
    assert.doesNotMatch(JSON.stringify(view), /X-Amz|https:/);
    if (view.state !== 'page') return;
    assert.deepEqual(view.rows[0], { index: 0, date: '2020-01-02', code: 'CTNF', description: 'Non-final rejection', pages: 12, openable: true });
    assert.equal(view.rows[1]?.openable, false);
    assert.equal(view.matching, 2);
    assert.equal(view.total, 9);
  });

  it('offers to open a kept document whose link lapsed (the listing is asked again), not one listed without a link', () => {
    const view = toDocumentsView({ docCount: 2, detailCount: 2, documents: [{ docCode: 'CTNF', urlExpired: true }, { docCode: 'IDS' }] }, 0, 20, { docCodes: [] });
    assert.deepEqual(view.state === 'page' && view.rows.map((r) => r.openable), [true, false]);
  });

  it('finds a listed document again in a new listing of its page: at its index while it is the same, else by date and code', () => {
    const page = { docCount: 3, detailCount: 3, documents: [{ date: 20200102, docCode: 'CTNF' }, { date: 20200301, docCode: 'IDS' }, { date: 20200401, docCode: 'NOA' }] };
    assert.equal(documentOn(page, { index: 1, date: 20200301, code: 'IDS' }), page.documents[1]);
    assert.equal(documentOn(page, { index: 0, date: 20200401, code: 'NOA' }), page.documents[2], 'moved on the page');
    assert.equal(documentOn(page, { index: 0, date: 20210101, code: 'CTNF' }), undefined, 'no longer listed');
    assert.deepEqual(docsPageParams({ number: 'US1B2', patentId: 'id1' }, { docCodes: ['CTNF'], dateFrom: 20200101 }, 20), {
      patentId: 'id1',
      docCodes: ['CTNF'],
      dateFrom: 20200101,
      dateTo: undefined,
      limit: 20,
      offset: 20,
    });
    assert.equal(docsPageParams({ number: 'US1B2' }, { docCodes: [] }, 0).patentNumber, 'US1B2');
  });

  it('recognises raster images by their bytes only', () => {
    assert.equal(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'image/png');
    assert.equal(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
  });

  it('makes safe PDF file names', () => {
    assert.equal(pdfFileName('US14/706838'), 'US14_706838.pdf');
    assert.equal(pdfFileName('US1B2', '-20200102-CTNF-1'), 'US1B2-20200102-CTNF-1.pdf');
  });
});
