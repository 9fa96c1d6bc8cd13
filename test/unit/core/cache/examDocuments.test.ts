/**
 * Examination documents and the patent's PDF link kept like the record's sections,
 * against the real sandbox over loopback, with the lookups' clock the test's: a listing
 * kept fresh costs no call, past its lifetime it is handed out stale; a signed link is
 * handed out only while it opens, never read back from disk, and asked for afresh.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExamDocsParams, PatsnapApi } from '../../../../src/core/api/types';
import { LINK_MARGIN_MS, linkKeptUntil } from '../../../../src/core/cache/examDocuments';
import { RecordLookup } from '../../../../src/core/cache/recordLookup';
import { LIFETIMES, RecordStore } from '../../../../src/core/cache/recordStore';
import { client, useSandbox } from '../api/helpers';

const DOCS = '/advanced-patent-data/overseas-patent-documents';
const PDF = '/basic-patent-data/pdf-data';
const PARAMS: ExamDocsParams = { patentNumber: 'US11205304B2', docCodes: [], limit: 20, offset: 0 };

describe('RecordLookup: examination documents and PDF links (sandbox, a fake clock)', () => {
  // The sandbox signs by the test's clock too (a link signed by the wall clock in the next
  // second would outlive the test's reckoning by that second); links live an hour
  // (documents) and ten minutes (PDFs) here; a token outlives the days the tests move on.
  let clock = Date.now();
  const ctx = useSandbox({ now: () => clock, tokenTtlSeconds: 30 * 86_400, linkTtlSeconds: { examDoc: 3600, pdf: 600 } });
  let folder: string;
  let api: PatsnapApi;
  let opened: RecordLookup[];
  const now = (): number => clock;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'exam-docs-'));
    api = client(ctx.sb);
    clock = Date.now();
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((o) => o.idle()));
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** A window on the same disk, as after a reload; the clock is the test's. */
  function windowAt(): RecordLookup {
    const store = RecordStore.open({ folder, now });
    const lookups = new RecordLookup(() => api, { store: () => store, batchWindowMs: 5, now });
    opened.push(lookups);
    return lookups;
  }

  it('keeps a listing: fresh costs no call, a reload lists it from disk, past a day it is stale', async () => {
    const first = windowAt();
    const page = await first.examDocuments(PARAMS);
    assert.ok(page.documents.length > 1 && page.documents.every((d) => d.url), 'listed with links');
    assert.equal(ctx.sb.stats.calls(DOCS), 1);
    assert.deepEqual(await first.examDocuments({ ...PARAMS, docCodes: [] }), page, 'from memory, links and all');
    assert.equal(ctx.sb.stats.calls(DOCS), 1, 'a fresh listing costs no call');
    await first.idle();
    const answeredAt = clock;

    const reloaded = windowAt();
    const kept = await reloaded.keptExamDocuments(PARAMS);
    assert.equal(kept?.stale, false);
    assert.equal(kept?.storedAt, answeredAt);
    assert.deepEqual(
      kept?.value.documents,
      page.documents.map(({ url: _url, ...rest }) => ({ ...rest, urlExpired: true })),
      'from disk: what each document is, no link',
    );
    assert.equal(ctx.sb.stats.calls(DOCS), 1, 'no call after the reload');
    const other = await reloaded.keptExamDocuments({ ...PARAMS, docCodes: ['CTNF'] });
    assert.equal(other, undefined, 'another filter is another listing');

    const onDisk = (await fs.readdir(path.join(folder, 'exam-docs-v1'))).map((f) => path.join(folder, 'exam-docs-v1', f));
    const bytes = (await Promise.all(onDisk.map((f) => fs.readFile(f, 'utf8')))).join('\n');
    assert.ok(!/X-Amz|https?:/.test(bytes), 'no signed link on disk');

    clock += LIFETIMES.examDocuments;
    const stale = await windowAt().keptExamDocuments(PARAMS);
    assert.equal(stale?.stale, true, 'past its lifetime: stale, still shown');
    assert.equal(ctx.sb.stats.calls(DOCS), 1);
    const again = await windowAt().examDocuments(PARAMS);
    assert.equal(ctx.sb.stats.calls(DOCS), 2, 'a stale listing is asked for again');
    assert.deepEqual(again.documents.map((d) => [d.date, d.docCode]), page.documents.map((d) => [d.date, d.docCode]));
  });

  it('hands out a document link only while it opens; a lapsed or unkept one is asked for afresh, and opens', async () => {
    const first = windowAt();
    const page = await first.examDocuments(PARAMS);
    const second = page.documents[1];
    const pick = (p: { documents: typeof page.documents }): (typeof page.documents)[number] | undefined => p.documents.find((d) => d.date === second?.date && d.docCode === second?.docCode);
    assert.equal((await first.examDocumentLink(PARAMS, pick))?.url, second?.url, 'the kept link, no call');
    assert.equal(ctx.sb.stats.calls(DOCS), 1);

    // The sandbox's links say they live an hour: within the margin of that they are not handed out.
    clock += 3600_000 - LINK_MARGIN_MS;
    const lapsed = await first.keptExamDocuments(PARAMS);
    assert.equal(lapsed?.stale, false, 'the listing is fresh');
    assert.deepEqual([lapsed?.value.documents[1]?.url, lapsed?.value.documents[1]?.urlExpired], [undefined, true], 'its link is not');
    // The sandbox judges links by the wall clock, which the test's clock ran ahead of: the fresh link still opens.
    clock = Date.now();
    await first.idle();
    const reloaded = windowAt();
    const fresh = await reloaded.examDocumentLink(PARAMS, pick);
    assert.ok(fresh?.url, 'a fresh link');
    assert.equal(ctx.sb.stats.calls(DOCS), 2, 'one call for it: the disk kept no link');
    const { bytes } = await api.fetchSignedBytes(fresh.url, { expect: 'pdf' });
    assert.ok(bytes.length > 0);
    assert.equal((await reloaded.examDocumentLink(PARAMS, pick))?.url, fresh.url, 'kept again, no call');
    assert.equal(ctx.sb.stats.calls(DOCS), 2);
    await reloaded.examDocumentLink(PARAMS, pick, undefined, true);
    assert.equal(ctx.sb.stats.calls(DOCS), 3, 'again: whatever is kept');
    assert.equal(await reloaded.examDocumentLink(PARAMS, () => undefined), undefined, 'no longer listed');
  });

  it('keeps the patent PDF link until shortly before its signature says it lapses, not for its nine days', async () => {
    const key = { number: 'US11205304B2' };
    const first = windowAt();
    const link = await first.pdfLink(key);
    assert.ok(link?.url);
    assert.equal(ctx.sb.stats.calls(PDF), 1);
    assert.equal((await first.pdfLink(key))?.url, link.url, 'kept');
    await first.idle();
    assert.equal((await windowAt().pdfLink(key))?.url, link.url, 'kept on disk');
    assert.equal(ctx.sb.stats.calls(PDF), 1);

    // Ten minutes' link, five minutes' margin: from then on it is not handed out again, in memory or from disk.
    clock += 600_000 - LINK_MARGIN_MS;
    const again = await first.pdfLink(key);
    assert.ok(again?.url);
    assert.equal(ctx.sb.stats.calls(PDF), 2, 'asked again in this window');
    await first.idle();
    clock += 600_000 - LINK_MARGIN_MS;
    await windowAt().pdfLink(key);
    assert.equal(ctx.sb.stats.calls(PDF), 3, 'and after a reload');
  });

  it('removes a PDF link found past its time on disk at once, and never hands it out', async () => {
    const key = { number: 'US11205304B2' };
    const dir = path.join(folder, 'pdf-link-v1');
    const first = windowAt();
    assert.ok((await first.pdfLink(key))?.url);
    await first.idle();
    assert.equal((await fs.readdir(dir)).length, 1, 'kept on disk');

    clock += 600_000 - LINK_MARGIN_MS;
    assert.equal(await windowAt().kept('pdfLink', key), undefined, 'not shown stale: it opens nothing');
    assert.deepEqual(await fs.readdir(dir), [], 'removed by the read, not left for a sweep');

    // The same when a lookup finds it, and its call fails: nothing of it is left.
    const second = windowAt();
    assert.ok((await second.pdfLink(key))?.url);
    await second.idle();
    assert.equal((await fs.readdir(dir)).length, 1);
    clock += 600_000 - LINK_MARGIN_MS;
    ctx.sb.faults.add({ path: PDF, errorCode: 67200004, times: 0 });
    await assert.rejects(windowAt().pdfLink(key));
    assert.deepEqual(await fs.readdir(dir), [], 'removed though no new link replaced it');
  });

  it('judges a link by its signature, capped, and by the fallback when it says nothing', () => {
    const at = Date.UTC(2026, 0, 1);
    const amz = (seconds: number): string => `https://s/x.pdf?X-Amz-Date=20260101T000000Z&X-Amz-Expires=${seconds}&X-Amz-Signature=ab`;
    assert.equal(linkKeptUntil(amz(3600), at, 10, LIFETIMES.pdfLink), at + 3600_000 - LINK_MARGIN_MS);
    assert.equal(linkKeptUntil(amz(30 * 86400), at, 10, LIFETIMES.pdfLink), at + LIFETIMES.pdfLink, 'at most the cap');
    assert.equal(linkKeptUntil('https://s/x.pdf?sign=ab', at, 10, LIFETIMES.pdfLink), at + 10, 'says nothing: the fallback');
    assert.equal(linkKeptUntil('not a url', at, 10, LIFETIMES.pdfLink), at + 10);
    assert.ok(linkKeptUntil(amz(60), at, 10, LIFETIMES.pdfLink) < at, 'a link about to lapse is not kept at all');
  });
});
