import * as assert from 'node:assert/strict';
import { parseFromWebview, parsePanelState, parseToWebview, type ToWebview } from '../../../src/webview/protocol';

describe('webview message protocol', () => {
  it('accepts every message the webview sends', () => {
    const messages = [
      { type: 'ready' },
      { type: 'errorAction', about: 'patent', action: 'retry' },
      { type: 'errorAction', about: 'documents', action: 'openSettings' },
      { type: 'errorAction', about: 'patent', action: 'setCredentials' },
      { type: 'copyNumber' },
      { type: 'pdf', mode: 'save' },
      { type: 'loadDocuments', filter: { docCodes: ['CTNF', 'IDS'], dateFrom: 20200101, dateTo: 20231231 }, offset: 20 },
      { type: 'document', index: 3, mode: 'open' },
      { type: 'section', section: 'claims' },
      { type: 'section', section: 'documents' },
      { type: 'errorAction', about: 'citations', action: 'retry' },
      { type: 'familyType', familyType: 'inpadoc' },
      { type: 'claimsLanguage', language: 'CN' },
      { type: 'copyClaims' },
      { type: 'copyClaims', num: 3 },
      { type: 'openPatent', number: 'US20130033085A1' },
      { type: 'openDoi', index: 0 },
    ];
    for (const m of messages) assert.equal(parseFromWebview(m).ok, true, JSON.stringify(m));
  });

  it('rejects malformed messages from the webview', () => {
    const bad = [
      null,
      'ready',
      { type: 'nope' },
      { type: 'pdf', mode: 'delete' },
      { type: 'retry' },
      { type: 'errorAction', about: 'patent', action: 'runTerminal' },
      { type: 'errorAction', about: 'elsewhere', action: 'retry' },
      { type: 'document', index: -1, mode: 'open' },
      { type: 'document', index: 1.5, mode: 'open' },
      { type: 'loadDocuments', filter: { docCodes: ['CTNF"><script>'] }, offset: 0 },
      { type: 'loadDocuments', filter: { docCodes: [], dateFrom: 2020 }, offset: 0 },
      { type: 'loadDocuments', filter: { docCodes: [] }, offset: -20 },
      { type: 'section', section: 'settings' },
      { type: 'familyType', familyType: 'all' },
      { type: 'claimsLanguage', language: 'en"><script>' },
      { type: 'copyClaims', num: -1 },
      { type: 'openPatent', number: '' },
      { type: 'openPatent', number: 'x'.repeat(65) },
      { type: 'openDoi', index: 'https://evil.example' },
    ];
    for (const m of bad) {
      const r = parseFromWebview(m);
      assert.equal(r.ok, false, JSON.stringify(m));
      assert.ok(!r.ok && r.problem.length > 0);
    }
  });

  it('accepts a whole patent view and rejects images that are not raster data URIs', () => {
    const patent: ToWebview = {
      type: 'patent',
      patent: { patentId: 'id', number: 'US1B2', assignees: ['<img src=x onerror=alert(1)>'], applicants: [], inventors: [], legalStatus: ['Active'], examDocsSupported: true },
    };
    assert.equal(parseToWebview(patent).ok, true);
    assert.equal(parseToWebview({ type: 'image', image: { state: 'loaded', dataUri: 'data:image/png;base64,iVBORw0KGgo=', alt: 'a' } }).ok, true);
    for (const dataUri of ['data:image/svg+xml;base64,PHN2Zz4=', 'https://example.com/x.png', 'data:image/png;base64,"><script>']) {
      assert.equal(parseToWebview({ type: 'image', image: { state: 'loaded', dataUri, alt: 'a' } }).ok, false, dataUri);
    }
  });

  it('restores panel state only when it names a patent', () => {
    assert.deepEqual(parsePanelState({ ref: { number: 'US1B2', patentId: 'x' }, section: 'documents' }), { ref: { number: 'US1B2', patentId: 'x' }, section: 'documents' });
    for (const s of [undefined, {}, { ref: {} }, { ref: { number: '' } }, { ref: { number: 'US1' }, section: 'elsewhere' }]) assert.equal(parsePanelState(s), undefined, JSON.stringify(s));
  });
});
