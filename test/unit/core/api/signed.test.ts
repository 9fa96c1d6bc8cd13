import * as assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { fileNameFromDisposition, linkExpiry } from '../../../../src/core/api/signed';
import { describeContent, sniffMediaType } from '../../../../src/core/api/sniff';
import { client, KEY_CREDENTIALS, rejectsWith, until, useSandbox } from './helpers';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as Readable) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe('signed links', () => {
  const clock = { t: Date.now() };
  const ctx = useSandbox({ now: () => clock.t, exportPendingPolls: 0 });

  async function imageUrl(): Promise<string> {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const [img] = await api.abstractImages({ numbers: ['US11205304B2'] });
    assert.ok(img?.url);
    return img.url;
  }

  it('fetches bytes without our credentials (the storage host refuses a second one)', async () => {
    for (const credentials of [KEY_CREDENTIALS, undefined]) {
      const api = client(ctx.sb, credentials ? { credentials } : {});
      const [img] = await api.abstractImages({ numbers: ['US11205304B2'] });
      const { bytes, contentType } = await api.fetchSignedBytes(img?.url ?? '');
      assert.equal(contentType, 'image/png');
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    }
    assert.equal(ctx.sb.stats.calls('/_files'), 2);
  });

  it('an expired link is a forbidden error that says so', async () => {
    const url = await imageUrl();
    clock.t += 10 * 3600_000;
    try {
      await rejectsWith(client(ctx.sb).fetchSignedBytes(url), 'forbidden', /link has expired/);
      await rejectsWith(client(ctx.sb).openSignedStream(url), 'forbidden', /link has expired/);
    } finally {
      clock.t -= 10 * 3600_000;
    }
  });

  it('a tampered link is forbidden, not retried', async () => {
    const url = (await imageUrl()).replace(/X-Amz-Signature=[0-9a-f]/, 'X-Amz-Signature=z');
    await rejectsWith(client(ctx.sb).fetchSignedBytes(url), 'forbidden', /refused the link/);
    assert.equal(ctx.sb.stats.calls('/_files'), 1);
  });

  it('with `expect`, checks the bytes: a drawing is an image, a PDF a PDF, and one for the other is refused', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const drawing = await api.fetchSignedBytes(await imageUrl(), { expect: 'image' });
    assert.equal(drawing.mediaType, 'image/png');
    const withPdf = ctx.sb.data.patents.find((p) => p.hasPdf);
    const [pdf] = await api.pdfs({ numbers: [withPdf?.pn ?? ''] });
    assert.ok(pdf?.url);
    assert.equal((await api.fetchSignedBytes(pdf.url, { expect: 'pdf' })).mediaType, 'application/pdf');
    ctx.sb.stats.reset();
    const e = await rejectsWith(api.fetchSignedBytes(pdf.url, { expect: 'image' }), 'unexpectedResponse', /is not an image: it is application\/pdf/);
    assert.equal(e.reason, 'wrongContent');
    assert.equal(ctx.sb.stats.calls('/_files'), 1, 'not retried');
  });

  it('tells the formats apart by their first bytes', () => {
    const b = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
    const cases: Array<[Buffer, string | undefined]> = [
      [b([0x89], 'PNG\r\n\u001a\n', 'rest'), 'image/png'],
      [b([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
      [b('GIF89a...'), 'image/gif'],
      [b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
      [b('II*', [0]), 'image/tiff'],
      [b('MM', [0], '*'), 'image/tiff'],
      [b('%PDF-1.7\n'), 'application/pdf'],
      [b('\r\n\r\n   junk before %PDF-1.4'), 'application/pdf'],
      [b('<!DOCTYPE html><html>'), undefined],
      [b('PNG but not really'), undefined],
      [Buffer.alloc(0), undefined],
    ];
    for (const [bytes, type] of cases) assert.equal(sniffMediaType(bytes), type, bytes.toString('latin1'));
    assert.equal(describeContent(b('  <!doctype html><title>Sign in</title>')), 'it is an HTML page');
    assert.equal(describeContent(b('<?xml version="1.0"?><Error/>')), 'it is XML or markup');
    assert.equal(describeContent(b('{"error":"denied"}')), 'it is JSON');
    assert.equal(describeContent(Buffer.alloc(0)), 'it is empty');
  });

  it('refuses a file over maxBytes', async () => {
    await rejectsWith(client(ctx.sb).fetchSignedBytes(await imageUrl(), { maxBytes: 100 }), 'unexpectedResponse', /larger than/);
  });

  it('retries a download cut off mid-body', async () => {
    const url = await imageUrl();
    ctx.sb.faults.add({ dropMidBody: true });
    const { bytes } = await client(ctx.sb).fetchSignedBytes(url);
    assert.ok(bytes.length > 100);
    assert.equal(ctx.sb.stats.calls('/_files'), 2);
  });

  it('a link that is not an http(s) URL is refused without a request, as an answer that cannot be used', async () => {
    await rejectsWith(client(ctx.sb).fetchSignedBytes('file:///etc/passwd'), 'unexpectedResponse');
    await rejectsWith(client(ctx.sb).openSignedStream('not a url'), 'unexpectedResponse');
  });

  it('streams an export file with its length, type and file name', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const task = await api.createExport({ query: 'TTL:battery', fields: ['PN', 'TTL'], exportType: 'csv', rows: 5 });
    const done = await api.exportStatus(task.taskId);
    const opened = await api.openSignedStream(done.url ?? '');
    assert.match(opened.fileName ?? '', /^\d+\.csv$/);
    assert.match(opened.contentType ?? '', /text\/csv/);
    const bytes = await readAll(opened.stream);
    assert.equal(bytes.length, opened.contentLength);
  });

  it('a stream cut off mid-body errors for its reader', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const url = await imageUrl();
    ctx.sb.faults.add({ dropMidBody: true });
    const opened = await api.openSignedStream(url);
    await assert.rejects(readAll(opened.stream));
  });

  it('aborting a download rejects with cancelled', async () => {
    const url = await imageUrl();
    ctx.sb.faults.add({ path: '/_files', delayMs: 3000 });
    const ac = new AbortController();
    const call = client(ctx.sb).fetchSignedBytes(url, { signal: ac.signal });
    await until(() => ctx.sb.stats.calls('/_files') === 1);
    ac.abort();
    await rejectsWith(call, 'cancelled');
  });

  it('reads file names and expiry from headers and links', () => {
    assert.equal(fileNameFromDisposition('attachment; filename="a b.csv"'), 'a b.csv');
    assert.equal(fileNameFromDisposition("attachment; filename*=UTF-8''%E5%AF%BC%E5%87%BA.json"), '导出.json');
    assert.equal(fileNameFromDisposition('attachment; filename="../../etc/passwd"'), 'passwd');
    assert.equal(fileNameFromDisposition('inline'), undefined);
    assert.equal(linkExpiry(new URL('https://x/y?X-Amz-Date=20180607T020740Z&X-Amz-Expires=604800')), Date.UTC(2018, 5, 14, 2, 7, 40));
    assert.equal(linkExpiry(new URL('https://x/y?response-expires=Tue%2C%2022%20Oct%202024%2003%3A40%3A54%20GMT')), Date.UTC(2024, 9, 22, 3, 40, 54));
  });
});
