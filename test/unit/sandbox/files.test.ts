import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { call, ok } from './helpers';

describe('sandbox: signed links', () => {
  let sb: SandboxServer;
  let clock = Date.UTC(2024, 5, 1, 12);
  before(async () => {
    sb = await startSandbox({ now: () => clock });
  });
  after(() => sb.close());

  const imageUrl = async (pn: string): Promise<string> =>
    ok<Array<{ abstract_drawing: { path: string } }>>(await call(sb, '/basic-patent-data/abstract-image', { query: { patent_number: pn } }))[0]?.abstract_drawing.path as string;
  const pdfUrl = async (pn: string): Promise<string> => ok<Array<{ pdf: { path: string } }>>(await call(sb, '/basic-patent-data/pdf-data', { query: { patent_number: pn } }))[0]?.pdf.path as string;

  it('serves a PNG drawing that differs per patent and is the same on every server', async () => {
    const url = await imageUrl('US11205304B2');
    assert.match(url, /X-Amz-Signature=[0-9a-f]{64}/);
    assert.match(url, /X-Amz-Expires=32400/);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.match(res.headers.get('content-disposition') ?? '', /filename="/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('content-length')), bytes.length);
    const png = PNG.sync.read(bytes);
    assert.equal(png.width, 320);
    assert.ok(png.data.some((v, i) => i % 4 === 0 && v === 0), 'has black lines');
    const other = Buffer.from(await (await fetch(await imageUrl('EP1234567B1'))).arrayBuffer());
    assert.ok(!other.equals(bytes));
    const second = await startSandbox();
    try {
      const again = ok<Array<{ abstract_drawing: { path: string } }>>(await call(second, '/basic-patent-data/abstract-image', { query: { patent_number: 'US11205304B2' } }));
      assert.ok(Buffer.from(await (await fetch(again[0]?.abstract_drawing.path as string)).arrayBuffer()).equals(bytes));
    } finally {
      await second.close();
    }
  });

  it('serves valid PDFs for patents and examination documents', async () => {
    const res = await fetch(await pdfUrl('EP2458380B1'));
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-1.4'));
    assert.ok(pdf.trimEnd().endsWith('%%EOF'));
    const xref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    assert.ok(pdf.slice(xref).startsWith('xref'), 'startxref points at the xref table');
    // Every xref offset points at its object.
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => assert.ok(pdf.startsWith(`${i + 1} 0 obj`, o), `object ${i + 1}`));
    assert.match(pdf, /EP2458380B1/);

    const docs = ok<{ doc_detail: Array<{ path: string; page_number: number }> }>(
      await call(sb, '/advanced-patent-data/overseas-patent-documents', { body: { patent_number: 'US11205304B2', limit: 1 } }),
    );
    const doc = docs.doc_detail[0];
    assert.match(doc?.path ?? '', /X-Amz-Expires=3600/);
    const exam = Buffer.from(await (await fetch(doc?.path as string)).arrayBuffer()).toString('latin1');
    assert.ok(exam.startsWith('%PDF'));
    assert.equal(Number(/\/Count (\d+)/.exec(exam)?.[1]), doc?.page_number);
  });

  it('links expire by the clock: images after 9 hours, PDFs after 10 days, exam documents after 1 hour', async () => {
    const img = await imageUrl('US7123456B2');
    const pdf = await pdfUrl('US7123456B2');
    const exam = ok<{ doc_detail: Array<{ path: string }> }>(await call(sb, '/advanced-patent-data/overseas-patent-documents', { body: { patent_number: 'US7123456B2', limit: 1 } })).doc_detail[0]?.path as string;
    const start = clock;
    try {
      clock = start + 3599_000;
      assert.equal((await fetch(exam)).status, 200);
      clock = start + 3600_000;
      assert.equal((await fetch(exam)).status, 403);
      assert.equal((await fetch(img)).status, 200);
      clock = start + 9 * 3600_000;
      const expired = await fetch(img);
      assert.equal(expired.status, 403);
      assert.match(await expired.text(), /expired/);
      assert.equal((await fetch(pdf)).status, 200);
      clock = start + 10 * 86400_000;
      assert.equal((await fetch(pdf)).status, 403);
    } finally {
      clock = start;
    }
  });

  it('refuses a tampered signature or path, and a link without signature (403)', async () => {
    const url = new URL(await imageUrl('US11205304B2'));
    const sig = url.searchParams.get('X-Amz-Signature') as string;
    const tampered = new URL(url);
    tampered.searchParams.set('X-Amz-Signature', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1));
    assert.equal((await fetch(tampered)).status, 403);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '999999');
    assert.equal((await fetch(longer)).status, 403);
    const otherPath = new URL(url);
    otherPath.pathname = otherPath.pathname.replace('US11205304B2', 'US7123456B2');
    assert.equal((await fetch(otherPath)).status, 403);
    assert.equal((await fetch(`${url.origin}${url.pathname}`)).status, 403);
  });

  it('refuses a second credential: an Authorization header or an apikey (400)', async () => {
    const url = await imageUrl('US11205304B2');
    const withHeader = await fetch(url, { headers: { authorization: 'Bearer sk-sandbox-demo-key' } });
    assert.equal(withHeader.status, 400);
    assert.match(await withHeader.text(), /Only one auth mechanism/);
    assert.equal((await fetch(`${url}&apikey=sandbox-client`)).status, 400);
  });

  it('answers byte ranges (206) and HEAD', async () => {
    const url = await pdfUrl('US11205304B2');
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 10-19/${whole.length}`);
    assert.ok(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 20)));
    const tail = await fetch(url, { headers: { range: `bytes=${whole.length - 5}-` } });
    assert.ok(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(-5)));
    assert.equal((await fetch(url, { headers: { range: `bytes=${whole.length}-` } })).status, 416);
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(Number(head.headers.get('content-length')), whole.length);
  });

  it('counts downloads under /_files', async () => {
    sb.stats.reset();
    await fetch(await imageUrl('US11205304B2'));
    assert.equal(sb.stats.calls('/_files'), 1);
    assert.equal(sb.stats.calls('/basic-patent-data/abstract-image'), 1);
  });
});
