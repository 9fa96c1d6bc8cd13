import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { lines, useCliSandbox } from './harness';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('patent-lookup search, lookup, image and exam-docs against the sandbox', () => {
  const cli = useCliSandbox('patent-cli-');
  const run = (argv: string[]) => cli.run(argv);

  describe('search', () => {
    it('prints a table of number, title, assignee and date with an "N of TOTAL" footer', async () => {
      const r = await run(['search', 'TTL:battery', '--limit', '5']);
      assert.equal(r.code, 0, r.stderr);
      const out = lines(r.stdout);
      assert.match(out[0] ?? '', /^Number\s+Title\s+Assignee\s+Published$/);
      assert.match(out[1] ?? '', /^-+\s+-+\s+-+\s+-+$/);
      const rows = out.slice(2, -1);
      assert.equal(rows.length, 5);
      for (const row of rows) assert.match(row, /^[A-Z]{2}\S+\s{2,}\S.*\s{2,}\S.*\s{2,}\d{4}-\d{2}-\d{2}$/);
      assert.match(out.at(-1) ?? '', /^5 of [\d,]+$/);
      assert.equal(r.stderr, '');
    });

    it('--json prints one document with the page and the filled-in hits', async () => {
      const r = await run(['search', 'TTL:battery', '--limit', '3', '--offset', '1', '--sort', 'pbdt_yearmonthday:asc', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const page = JSON.parse(r.stdout) as { hits: Array<Record<string, unknown>>; total: number; offset: number; limit: number; resultCount: number };
      assert.equal(page.hits.length, 3);
      assert.equal(page.offset, 1);
      assert.equal(page.limit, 3);
      assert.ok(page.total >= 4);
      for (const hit of page.hits) {
        assert.equal(typeof hit.pn, 'string');
        assert.equal(typeof hit.patentId, 'string');
        assert.equal(typeof hit.title, 'string');
        assert.equal(typeof hit.publicationDate, 'number');
      }
      const dates = page.hits.map((h) => h.publicationDate as number);
      assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
    });

    it('says so when nothing matches', async () => {
      const r = await run(['search', 'TTL:zzzyxnotaword']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'No patents match.\n');
    });
  });

  describe('lookup', () => {
    it('prints bibliography and legal status for numbers as people write them', async () => {
      const r = await run(['lookup', 'US 11,205,304 B2', 'EP2458380B1']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^US11205304B2 {2}Systems and methods for rendering user interfaces/m);
      assert.match(r.stdout, /Assignee: +MAGIC LEAP, INC\./);
      assert.match(r.stdout, /Application: +US14\/706838, filed 2015-05-07/);
      assert.match(r.stdout, /Published: +2021-12-21/);
      assert.match(r.stdout, /Legal status: +Active/);
      assert.match(r.stdout, /^EP2458380B1 {2}/m);
      assert.match(r.stdout, /ROBERT BOSCH GMBH/);
    });

    it('--json gives one entry per number, in order, and exits 2 naming a number not found', async () => {
      const r = await run(['lookup', 'EP1234567B1', 'US9999999B2', 'US11205304B2', '--json']);
      assert.equal(r.code, 2);
      const entries = JSON.parse(r.stdout) as Array<{ number: string; found: boolean; bibliography?: { pn: string; title?: string }; legalStatus?: string[] }>;
      assert.deepEqual(
        entries.map((e) => [e.number, e.found]),
        [
          ['EP1234567B1', true],
          ['US9999999B2', false],
          ['US11205304B2', true],
        ],
      );
      assert.equal(entries[0]?.bibliography?.pn, 'EP1234567B1');
      assert.deepEqual(entries[0]?.legalStatus, ['Inactive']);
      assert.deepEqual(lines(r.stderr), ['No patent found for US9999999B2.']);
    });

    it('batches more than 100 numbers', async () => {
      const numbers = cli.sandbox.data.patents.slice(0, 130).map((p) => p.pn);
      const r = await run(['lookup', ...numbers, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as unknown[]).length, 130);
      assert.equal(cli.sandbox.stats.calls('/basic-patent-data/simple-bibliography'), 2);
      assert.equal(cli.sandbox.stats.calls('/basic-patent-data/simple-legal-status'), 2);
    });
  });

  describe('image', () => {
    it('saves each drawing as NUMBER.png in --out', async () => {
      const r = await run(['image', 'US11205304B2', 'EP 2458380 B1', '--out', 'drawings']);
      assert.equal(r.code, 0, r.stderr);
      const files = (await fs.readdir(path.join(cli.scratch, 'drawings'))).sort();
      assert.deepEqual(files, ['EP2458380B1.png', 'US11205304B2.png']);
      for (const f of files) assert.ok((await fs.readFile(path.join(cli.scratch, 'drawings', f))).subarray(0, 8).equals(PNG_MAGIC));
      assert.match(r.stdout, /^Saved drawings\/US11205304B2\.png \(/m);
    });

    it('refuses to overwrite without --force (exit 2), replaces with it, and prints JSON', async () => {
      assert.equal((await run(['image', 'US11205304B2'])).code, 0);
      const again = await run(['image', 'US11205304B2']);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already exists: pass --force/);
      const forced = await run(['image', 'US11205304B2', '--force', '--json']);
      assert.equal(forced.code, 0, forced.stderr);
      const [saved] = JSON.parse(forced.stdout) as Array<{ number: string; pn: string; file: string; bytes: number }>;
      assert.equal(saved?.pn, 'US11205304B2');
      assert.equal(saved?.file, path.join(cli.scratch, 'US11205304B2.png'));
      assert.equal(saved?.bytes, (await fs.stat(path.join(cli.scratch, 'US11205304B2.png'))).size);
    });

    it('exits 2 for a number not found, still saving the others', async () => {
      const r = await run(['image', 'US9999999B2', 'US7123456B2']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /No patent found for US9999999B2/);
      assert.deepEqual(await fs.readdir(cli.scratch), ['US7123456B2.png']);
    });
  });

  describe('exam-docs', () => {
    it('lists documents of a publication number with date, code, pages and link', async () => {
      const r = await run(['exam-docs', 'US11205304B2', '--limit', '5']);
      assert.equal(r.code, 0, r.stderr);
      const out = lines(r.stdout);
      assert.match(out[0] ?? '', /^US14\/706838 \/ US11205304B2: 98 documents in the file wrapper, \d+ matching$/);
      const docs = out.slice(1).filter((l) => /^\d{4}-\d{2}-\d{2}/.test(l));
      assert.equal(docs.length, 5);
      assert.ok(out.some((l) => /^ {12}http:\/\/127\.0\.0\.1:\d+\/_files\//.test(l)));
    });

    it('takes an application number, filters by code and date, and prints JSON', async () => {
      const r = await run(['exam-docs', 'US14/706838', '--doc-code', 'ctnf', '--from', '20150101', '--to', '20301231', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const page = JSON.parse(r.stdout) as { apno: string; docCount: number; detailCount: number; documents: Array<{ docCode: string; date: number }> };
      assert.equal(page.apno, 'US14/706838');
      assert.ok(page.documents.length > 0);
      assert.ok(page.documents.every((d) => d.docCode === 'CTNF' && d.date >= 20150101));
    });

    it('exits 2 for a CN patent (not covered) without calling', async () => {
      const r = await run(['exam-docs', 'CN104169186A']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(cli.sandbox.stats.calls('/advanced-patent-data/overseas-patent-documents'), 0);
    });
  });
});
