import * as assert from 'node:assert/strict';
import { lines, runIn } from './harness';
import { useSandbox } from '../core/api/helpers';

describe('patent-lookup claims, family, citations, events and resolve against the sandbox', () => {
  const ctx = useSandbox();
  const run = (argv: string[]) => runIn(ctx.sb.url, argv);
  const json = async <T>(argv: string[]): Promise<T> => {
    const r = await run([...argv, '--json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as T;
  };

  it('--help lists the record commands', async () => {
    const r = await run(['--help']);
    for (const c of ['claims', 'family', 'citations', 'events', 'resolve']) assert.match(r.stdout, new RegExp(`^  ${c}\\s`, 'm'));
  });

  describe('claims', () => {
    it('prints the tree: dependent claims indented under the claim they refer to, paragraphs kept', async () => {
      const r = await run(['claims', 'US 11,205,304 B2']);
      assert.equal(r.code, 0, r.stderr);
      const out = lines(r.stdout);
      assert.match(out[0] ?? '', /^US11205304B2: \d+ claims, 3 independent \(EN\)$/);
      assert.match(out[1] ?? '', /^1\. An augmented reality display system, comprising:$/);
      assert.match(out[2] ?? '', /^ {3}\S/, 'claim 1 goes on over several lines');
      assert.ok(out.some((l) => /^ {4}2\. The augmented reality display system of claim 1,/.test(l)));
      assert.ok(out.some((l) => /^ {8}3\. .* of claim 2,/.test(l)), 'claim 3 under claim 2');
      assert.ok(out.some((l) => /^ {4}4\. .*\[claims 1, 2, 3\]$/.test(l)), 'several parents named');
      assert.ok(!/</.test(r.stdout));
    });

    it('--json gives number, claims with num, independent, parents and plain text; names a stand-in', async () => {
      const cn = await json<{ number: string; lang: string; claims: Array<{ num: number; independent: boolean; parents: number[]; text: string }> }>(['claims', 'CN104169186A']);
      assert.equal(cn.number, 'CN104169186A');
      assert.equal(cn.lang, 'EN');
      assert.deepEqual(Object.keys(cn.claims[0] ?? {}), ['num', 'independent', 'parents', 'text']);
      assert.deepEqual([cn.claims[0]?.independent, cn.claims[1]?.parents], [true, [1]]);
      const stand = await json<{ number: string; pnRelated: string; claims: unknown[] }>(['claims', 'US20050262868A1']);
      assert.equal(stand.pnRelated, 'US7123456B2');
      assert.ok(stand.claims.length > 0);
    });

    it('exits 2 for a patent it cannot find, and for an application number', async () => {
      const r = await run(['claims', 'US9999999B2']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /No patent found for US9999999B2/);
      assert.match((await run(['claims', 'US14/706838'])).stderr, /application number/);
    });
  });

  describe('family', () => {
    it('groups members by office with date and status, marking the patent itself', async () => {
      const r = await run(['family', 'US11205304B2']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^US11205304B2: simple family \d+, 6 members in 6 offices$/m);
      assert.match(r.stdout, /^ {2}\* US11205304B2 +2021-12-21 {2}Active \(Granted\)$/m);
      assert.match(r.stdout, /^WO$/m);
    });

    it('--json gives number, type and members with office, kind and legal status, for each family type', async () => {
      type Family = { number: string; type: string; members: Array<{ number: string; office: string; kind: string; legalStatus: string[] }> };
      const simple = await json<Family>(['family', 'WO2013136789A1']);
      const inpadoc = await json<Family>(['family', 'WO2013136789A1', '--type', 'inpadoc']);
      assert.deepEqual([simple.number, simple.type, inpadoc.type], ['WO2013136789A1', 'simple', 'inpadoc']);
      assert.ok(inpadoc.members.length > simple.members.length);
      for (const m of inpadoc.members) {
        assert.equal(m.number.startsWith(m.office), true);
        assert.ok(m.kind && m.legalStatus.length > 0, m.number);
      }
      assert.equal(ctx.sb.stats.calls('/basic-patent-data/legal-status'), 2, 'one status call per family');
    });

    it('refuses an unknown --type before any call', async () => {
      const r = await run(['family', 'US11205304B2', '--type', 'docdb']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--type is one of simple, inpadoc, patsnap/);
      assert.equal(ctx.sb.stats.calls(), 0);
    });
  });

  describe('citations', () => {
    it('prints both directions with category legends and counts', async () => {
      const citing = ctx.sb.data.patents.find((p) => p.office === 'EP' && p.citedPatents.some((c) => c.category.includes('X')))!;
      const r = await run(['citations', citing.pn]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^${citing.pn} cites ${citing.citedPatents.length} patents?`, 'm'));
      assert.match(r.stdout, /X: particularly relevant taken alone/);
      assert.match(r.stdout, /is cited by \d+ patents? \(\d+ within 3 years/);
    });

    it('counts one of a thing in the singular', async () => {
      const one = ctx.sb.data.patents.find((p) => p.citedPatents.length === 1 && p.citedOthers.length === 1)!;
      const r = await run(['citations', one.pn, '--direction', 'cites']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^${one.pn} cites 1 patent and 1 other document$`, 'm'));
    });

    it('--json gives cites with category and citeType, literature with DOI, and citedBy; one direction when asked', async () => {
      type Out = { number: string; cites?: Array<{ number: string; category: string[]; citeType: string[] }>; nonPatent?: Array<{ title: string; doi: string | null; doiUrl: string | null }>; citedBy?: Array<{ number: string }> };
      const citing = ctx.sb.data.patents.find((p) => p.citedPatents.length > 0 && p.citedOthers.some((o) => o.doi?.startsWith('10.')))!;
      const both = await json<Out>(['citations', citing.pn]);
      assert.deepEqual(both.cites?.map((c) => c.number), citing.citedPatents.map((c) => c.pn));
      assert.deepEqual(both.cites?.map((c) => c.citeType), citing.citedPatents.map((c) => c.citeType));
      assert.ok(both.nonPatent?.some((n) => n.doiUrl?.startsWith('https://doi.org/10.')));
      assert.ok(Array.isArray(both.citedBy));
      const back = await json<Out>(['citations', 'US7123456B2', '--direction', 'cited-by']);
      assert.equal(back.cites, undefined);
      assert.ok((back.citedBy?.length ?? 0) > 0);
      assert.equal(ctx.sb.stats.calls('/advanced-patent-data/forward-citation'), 1, 'cited-by asks no backward citations');
      const bad = await run(['citations', 'US7123456B2', '--direction', 'forward']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--direction is one of cites, cited-by, both/);
    });
  });

  describe('events', () => {
    it('prints the status in detail and the events oldest first, dates yyyy-mm-dd', async () => {
      const r = await run(['events', 'EP1234567B1']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(lines(r.stdout)[0] ?? '', /^EP1234567B1: Inactive \/ Revoked \/ Opposition, as of \d{4}-\d{2}-\d{2}$/);
      const dates = lines(r.stdout).slice(1).map((l) => l.slice(0, 10));
      assert.ok(dates.length > 5 && dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));
      assert.deepEqual(dates, [...dates].sort());
      assert.match(r.stdout, /RDAG {2,}PATENT REVOKED/);
    });

    it('--json gives number, legalStatus and events with date, office, code and description', async () => {
      const out = await json<{ number: string; legalStatus: string[]; detailedStatus: string[]; events: Array<{ date: string; office: string; code: string; description: string }> }>(['events', 'BR102019012345B1']);
      assert.deepEqual([out.number, out.legalStatus, out.detailedStatus], ['BR102019012345B1', ['Active'], ['Granted']]);
      assert.ok(out.events.some((e) => e.code === '16.1' && e.office === 'BR'), 'a numeric event code, as text');
      assert.ok(out.events.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date)));
      assert.deepEqual(Object.keys(out.events[0] ?? {}).slice(0, 4), ['date', 'office', 'code', 'description']);
    });
  });

  describe('resolve', () => {
    it('prints each input with its publications; exits 2 naming what resolved to nothing', async () => {
      const r = await run(['resolve', 'U.S. Appl. No. 10/851,234', 'US99/999999']);
      assert.equal(r.code, 2);
      assert.match(r.stdout, /^U\.S\. Appl\. No\. 10\/851,234\n {2}US20050262868A1 +2005-11-24 {2}\S.*\n {2}US7123456B2 +2006-10-17 {2}\S/);
      assert.equal(r.stderr, 'No publication found for US99/999999.\n');
    });

    it('--json gives an array of {input, publications: [{number, patentId, title}]}', async () => {
      const out = await json<Array<{ input: string; publications: Array<{ number: string; patentId: string; title: string }> }>>(['resolve', 'US14/706838', 'CN201510570472.5', 'US 7,123,456']);
      assert.deepEqual(out.map((r) => [r.input, r.publications.map((p) => p.number)]), [
        ['US14/706838', ['US11205304B2']],
        ['CN201510570472.5', ['CN105161234A', 'CN105161234B']],
        ['US 7,123,456', ['US7123456B2']],
      ]);
      assert.equal(out[0]?.publications[0]?.patentId, '718ead9c-4f3c-4674-8f5a-24e126827269');
    });
  });

  for (const [argv, message] of [
    [['claims'], /Missing NUMBER/],
    [['claims', 'US1B1', 'US2B1'], /claims takes one NUMBER/],
    [['family', 'not-a-number'], /does not look like a patent number/],
    [['events', 'US11205304B2', '--bogus'], /Unknown option '--bogus'/],
    [['resolve'], /Missing NUMBER/],
  ] as const) {
    it(`exits 2 with a usage line: ${argv.join(' ')}`, async () => {
      const r = await run([...argv]);
      assert.equal(r.code, 2, r.stderr);
      const [first, second] = lines(r.stderr);
      assert.match(first ?? '', message);
      assert.match(second ?? '', /^Usage: patent-lookup /);
      assert.equal(ctx.sb.stats.calls(), 0, 'nothing was sent');
    });
  }

  it('maps API errors to the documented exit codes', async () => {
    ctx.sb.faults.add({ path: '/basic-patent-data/claim-data', errorCode: 67200005 });
    assert.equal((await run(['claims', 'US11205304B2'])).code, 4);
    ctx.sb.faults.add({ path: '/advanced-patent-data/legal-data', errorCode: 68300008, times: 0 });
    const r = await run(['events', 'US11205304B2']);
    assert.equal(r.code, 5);
    assert.equal(lines(r.stderr).length, 1);
  });
});
