/** The URIs the PDF viewer opens PatSnap's documents by: round trips, and what they refuse. */
import * as assert from 'node:assert/strict';
import { parsePdfUri, pdfUriParts, PDF_SCHEME, type PdfTarget } from '../../../../src/extension/pdf/pdfUris.pure';

const uri = (target: PdfTarget) => ({ scheme: PDF_SCHEME, ...pdfUriParts(target) });

describe('PDF viewer URIs', () => {
  it('name a patent\u2019s PDF by number and id, as a .pdf file', () => {
    const target: PdfTarget = { kind: 'patent', number: 'US11205304B2', patentId: '718ead9c-4f3c-4674-8f5a-24e126827269' };
    assert.deepEqual(pdfUriParts(target), { path: '/US11205304B2/US11205304B2.pdf', query: 'id=718ead9c-4f3c-4674-8f5a-24e126827269' });
    assert.deepEqual(parsePdfUri(uri(target)), target);
  });

  it('name an office action by its listing, never by its signed link', () => {
    const target: PdfTarget = { kind: 'document', number: 'US11205304B2', docCodes: ['CTNF', 'NOA'], dateFrom: 20180101, offset: 20, index: 3, date: 20180831, code: 'CTNF' };
    const parts = pdfUriParts(target);
    assert.equal(parts.path, '/US11205304B2/US11205304B2-20180831-CTNF-24.pdf');
    assert.doesNotMatch(parts.query, /sign|http/);
    assert.deepEqual(parsePdfUri(uri(target)), target);
  });

  it('refuse what they did not make', () => {
    for (const bad of [
      { scheme: 'file', path: '/US1/US1.pdf', query: '' },
      { scheme: PDF_SCHEME, path: '/US1/../../etc/passwd', query: '' },
      { scheme: PDF_SCHEME, path: '/US1/US1.txt', query: '' },
      { scheme: PDF_SCHEME, path: '/US1/a.pdf', query: 'doc=1&offset=x&index=0' },
    ]) {
      assert.equal(parsePdfUri(bad), undefined, JSON.stringify(bad));
    }
    const odd = parsePdfUri({ scheme: PDF_SCHEME, path: '/US1/a.pdf', query: 'id=<script>&doc=1&offset=0&index=0&codes=CTNF,"><b>' });
    assert.deepEqual(odd, { kind: 'document', number: 'US1', docCodes: ['CTNF'], offset: 0, index: 0 });
  });
});
