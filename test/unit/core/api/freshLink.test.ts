import * as assert from 'node:assert/strict';
import { withFreshLink } from '../../../../src/core/api/freshLink';
import { client, KEY_CREDENTIALS, rejectsWith, useSandbox } from './helpers';

describe('withFreshLink (a kept signed link, else one asked for again)', () => {
  const clock = { t: Date.now() };
  const ctx = useSandbox({ now: () => clock.t });
  /** Past the sandbox's ten days for a PDF link. */
  const LATER = 11 * 86_400_000;
  const start = clock.t;
  afterEach(() => {
    clock.t = start;
  });
  const api = () => client(ctx.sb, { credentials: KEY_CREDENTIALS });

  /** A PDF link as the sandbox signs it at the clock's time. */
  async function pdfLink(): Promise<{ url: string }> {
    const withPdf = ctx.sb.data.patents.find((p) => p.hasPdf);
    const [pdf] = await api().pdfs({ numbers: [withPdf?.pn ?? ''] });
    assert.ok(pdf?.url);
    return { url: pdf.url };
  }

  it('downloads with a kept link that has expired by asking for a fresh one, once, and forgets the kept one', async () => {
    const kept = await pdfLink();
    clock.t += LATER;
    const asked: boolean[] = [];
    let forgotten = 0;
    const { mediaType } = await withFreshLink(
      async (again) => (asked.push(again), again ? pdfLink() : kept),
      (link) => api().fetchSignedBytes(link.url, { expect: 'pdf' }),
      async () => void forgotten++,
    );
    assert.equal(mediaType, 'application/pdf');
    assert.deepEqual(asked, [false, true]);
    assert.equal(forgotten, 1);
    assert.equal(ctx.sb.stats.calls('/_files'), 2, 'the refused link, then the fresh one');
  });

  it('fails with the second refusal: a fresh link is asked for once, not in a loop', async () => {
    const kept = await pdfLink();
    clock.t += LATER;
    const asked: boolean[] = [];
    await rejectsWith(
      withFreshLink(async (again) => (asked.push(again), kept), (link) => api().fetchSignedBytes(link.url)),
      'forbidden',
      /link has expired/,
    );
    assert.deepEqual(asked, [false, true]);
  });

  it('does not ask again when the link opened but its content is wrong', async () => {
    const kept = await pdfLink();
    const asked: boolean[] = [];
    await rejectsWith(
      withFreshLink(async (again) => (asked.push(again), kept), (link) => api().fetchSignedBytes(link.url, { expect: 'image' })),
      'unexpectedResponse',
      /is not an image/,
    );
    assert.deepEqual(asked, [false]);
    assert.equal(ctx.sb.stats.calls('/_files'), 1);
  });
});
