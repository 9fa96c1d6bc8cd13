import * as assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { fileNameFromDisposition, linkExpiry } from '../../../../src/core/api/signed';
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

  it('a link that is not an http(s) URL is refused without a request', async () => {
    await rejectsWith(client(ctx.sb).fetchSignedBytes('file:///etc/passwd'), 'invalidParameter');
    await rejectsWith(client(ctx.sb).openSignedStream('not a url'), 'invalidParameter');
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
