import assert from 'node:assert/strict';
import { generateSampleData, LATER_UNTIL, publishLater, REFERENCE_DATE } from '../../../src/sandbox/data';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { call, ok, pns } from './helpers';

describe('sandbox: later publications (the switch that makes a re-run find something new)', () => {
  describe('the data', () => {
    const data = generateSampleData();

    it('holds them back: all published after the reference date, none in the data until published', () => {
      assert.ok(data.later.length >= 50, `${data.later.length} later publications`);
      for (const p of data.later) {
        assert.ok(p.pbdt > REFERENCE_DATE && p.pbdt <= LATER_UNTIL, `${p.pn} published ${p.pbdt}`);
        assert.equal(data.byPn.get(p.pn), undefined, `${p.pn} is not published yet`);
      }
      assert.equal(data.publishedUntil, undefined);
      assert.ok(data.patents.every((p) => p.pbdt <= REFERENCE_DATE));
    });

    it('has new families and new members of families already published, oldest first', () => {
      const knownFamilies = new Set(data.patents.map((p) => p.docdbFamily));
      const members = data.later.filter((p) => knownFamilies.has(p.docdbFamily));
      const fresh = data.later.filter((p) => !knownFamilies.has(p.docdbFamily));
      assert.ok(members.length >= 5 && fresh.length >= 30, `${members.length} new members, ${fresh.length} in new families`);
      // A new member is the grant of an application already published, under the same application number.
      for (const g of members) assert.ok(g.isd !== undefined && data.patents.some((p) => p.apno === g.apno && p.patentType === 'APPLICATION'), g.pn);
      const dates = data.later.map((p) => p.pbdt);
      assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
    });

    it('are the same on every run, and leave the rest of the data as it was', () => {
      const again = generateSampleData();
      assert.deepEqual(again.later.map((p) => [p.pn, p.patentId, p.pbdt]), data.later.map((p) => [p.pn, p.patentId, p.pbdt]));
      assert.deepEqual(again.patents.map((p) => p.pn), data.patents.map((p) => p.pn));
    });

    it('publishes up to a date, in place, and withdraws them again to exactly the data before', () => {
      const d = generateSampleData();
      const before = structuredClone(d.patents);
      const until = 20250901;
      const shown = publishLater(d, until);
      assert.deepEqual(shown.map((p) => p.pn), d.later.filter((p) => p.pbdt <= until).map((p) => p.pn));
      assert.ok(shown.length > 0 && shown.length < d.later.length);
      assert.equal(d.patents.length, before.length + shown.length);
      for (const p of shown) assert.equal(d.byPn.get(p.pn.toUpperCase()), p);
      assert.equal(d.publishedUntil, until);
      // A published grant makes its pending application Active.
      const grant = shown.find((p) => p.isd !== undefined && before.some((q) => q.apno === p.apno));
      assert.ok(grant, 'a grant of a known application is among them');
      const application = d.patents.find((p) => p.apno === grant.apno && p !== grant);
      assert.deepEqual(application?.legalStatus, ['Active']);
      assert.deepEqual(before.find((q) => q.pn === application?.pn)?.legalStatus, ['Pending']);

      publishLater(d, undefined);
      assert.deepEqual(d.patents, before);
      assert.equal(d.publishedUntil, undefined);
      assert.equal(d.byPn.get(grant.pn.toUpperCase()), undefined);
    });
  });

  describe('over HTTP', () => {
    let sb: SandboxServer;
    const QUERY = 'TTL:(sensor OR device)';
    before(async () => {
      sb = await startSandbox();
    });
    after(() => sb.close());
    afterEach(() => sb.reset());

    const count = async (query: string): Promise<number> =>
      ok<{ total_search_result_count: number }>(await call(sb, '/search/patent/query-search-count', { body: { query_text: query } })).total_search_result_count;

    it('POST /_sandbox/publish adds what a search finds; DELETE and reset take it away', async () => {
      const before = await pns(sb, QUERY);
      const answer = await call(sb, '/_sandbox/publish', { body: { until: LATER_UNTIL }, auth: null });
      assert.equal(answer.status, 200);
      const published = answer.body.published as string[];
      assert.deepEqual(published, sb.data.later.map((p) => p.pn));
      assert.equal(answer.body.until, LATER_UNTIL);

      const after = await pns(sb, QUERY);
      const added = after.filter((pn) => !before.includes(pn));
      assert.ok(added.length > 0, 'the query finds new patents');
      assert.ok(added.every((pn) => published.includes(pn)));
      assert.deepEqual(before.filter((pn) => !after.includes(pn)), [], 'nothing gone');
      assert.equal(await count(QUERY), after.length);
      // Every endpoint answers for them: P011 bibliography of the newest.
      const newest = sb.data.later[sb.data.later.length - 1];
      const bib = ok<Array<{ pn: string }>>(await call(sb, '/basic-patent-data/simple-bibliography', { query: { patent_number: newest?.pn ?? '' } }));
      assert.deepEqual(bib.map((b) => b.pn), [newest?.pn]);

      assert.equal((await call(sb, '/_sandbox/publish', { method: 'DELETE', auth: null })).status, 200);
      assert.deepEqual(await pns(sb, QUERY), before);
      await call(sb, '/_sandbox/publish', { body: {}, auth: null });
      assert.deepEqual(await pns(sb, QUERY), after, '{} publishes them all, the same again');
      sb.reset();
      assert.deepEqual(await pns(sb, QUERY), before, 'reset withdraws them');
    });

    it('publishes up to a date, and says what is published', async () => {
      const until = 20251001;
      const answer = await call(sb, '/_sandbox/publish', { body: { until }, auth: null });
      assert.deepEqual(answer.body.published, sb.data.later.filter((p) => p.pbdt <= until).map((p) => p.pn));
      assert.deepEqual((await call(sb, '/_sandbox/publish', { auth: null })).body, { ok: true, until });
      const latest = ok<{ results: Array<{ pbdt: number }> }>(await call(sb, '/search/patent/query-search-patent/v2', { body: { query_text: 'TTL:(method OR system OR device)', limit: 1, sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }] } }));
      assert.ok((latest.results[0]?.pbdt ?? 0) <= until && (latest.results[0]?.pbdt ?? 0) > REFERENCE_DATE);
    });

    it('refuses a body it cannot read, and changes nothing', async () => {
      for (const body of ['nope', { until: '20251231' }, { until: 2025 }, { date: 20251231 }, []]) {
        const answer = await call(sb, '/_sandbox/publish', { body, auth: null });
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.equal(answer.body.ok, false);
      }
      assert.equal(sb.data.publishedUntil, undefined);
    });

    it('starts with them published when asked (publishedUntil), and reset keeps that', async () => {
      const other = await startSandbox({ publishedUntil: LATER_UNTIL });
      try {
        assert.equal(other.data.patents.length, sb.data.patents.length + sb.data.later.length);
        other.reset();
        assert.equal(other.data.publishedUntil, LATER_UNTIL);
      } finally {
        await other.close();
      }
    });
  });
});
