import * as assert from 'node:assert/strict';
import { isPatsnapError } from '../../../../src/core/api/errors';
import { ENDPOINTS } from '../../../../src/core/api/client';
import { fetchRun, isRunProblemError, planRun, recordRun, type QueryCell } from '../../../../src/core/notebook';
import { LATER_UNTIL } from '../../../../src/sandbox/data';
import { apiCalls, client, useSandbox } from '../api/helpers';

const cell = (source: string, options: QueryCell['options'] = {}): QueryCell => ({ kind: 'query', source, options, runs: [] });

describe('notebook: running a query cell against PatSnap', () => {
  describe('planRun', () => {
    it('counts the calls of one run before any is made', () => {
      assert.equal(planRun(cell('TTL:battery')).calls, 5, 'P001, P002, and P011, P041, P014 for up to 100 results');
      assert.equal(planRun(cell('TTL:battery', { facets: ['ASSIGNEE'] })).calls, 6, 'and P003');
      assert.equal(planRun(cell('TTL:battery', { limit: 250, facets: ['ASSIGNEE', 'AUTHORITY'] })).calls, 2 + 9 + 1, 'three look-ups per 100 results');
    });

    it('says what stops a run, with where it is in the query', () => {
      const unbalanced = planRun(cell('TTL:(battery OR cell'));
      assert.ok(unbalanced.problems.length > 0);
      assert.equal(typeof unbalanced.problems[0]?.start, 'number');
      const positional = planRun(cell('TTL:battery $W2 cell', { facets: ['ASSIGNEE'] }));
      assert.ok(positional.problems.some((p) => /positional|\$W/i.test(p.message)), JSON.stringify(positional.problems));
      assert.deepEqual(planRun(cell('TTL:battery $W2 cell')).problems, [], 'search and count take positional operators');
      // The date range the options add counts against the 1,500 characters.
      const long = `TTL:${'a'.repeat(1480)}`;
      assert.deepEqual(planRun(cell(long)).problems, []);
      assert.ok(planRun(cell(long, { publicationDate: { from: '20200101' } })).problems.some((p) => /1,?500/.test(p.message)));
    });
  });

  describe('fetchRun against the sandbox', () => {
    const ctx = useSandbox();
    afterEach(() => ctx.sb.publish(null));

    it('fetches the count, the top results with status and family, and the facets', async () => {
      const api = client(ctx.sb);
      let counted: number | undefined;
      const c = cell('TTL:(sensor OR device)', { limit: 5, facets: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'], facetLimit: 4 });
      const input = await fetchRun(api, c, { onCount: (t) => (counted = t) });
      assert.equal(input.total, 139);
      assert.equal(counted, 139);
      assert.equal(input.hits.length, 5);
      for (const h of input.hits) {
        assert.ok(h.title && h.publicationDate, `${h.pn} has its details`);
        assert.ok(h.legalStatus && h.legalStatus.length > 0, `${h.pn} has a status`);
        assert.match(h.familyKey ?? '', /^\d+$/, `${h.pn} carries its simple family id`);
      }
      // Members of one simple family share the key; other families do not.
      const family = (pn: string): string | undefined => ctx.sb.data.byPn.get(pn)?.docdbFamily;
      for (const a of input.hits) for (const b of input.hits) assert.equal(a.familyKey === b.familyKey, family(a.pn) === family(b.pn), `${a.pn} and ${b.pn}`);
      assert.deepEqual(Object.keys(input.facets ?? {}), ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY']);
      assert.equal(input.facets?.AUTHORITY?.length, 4);
      const calls = [ENDPOINTS.count, ENDPOINTS.search, ENDPOINTS.bibliography, ENDPOINTS.legalStatus, ENDPOINTS.family, ENDPOINTS.facets].map((p) => ctx.sb.stats.calls(p));
      assert.deepEqual(calls, [1, 1, 1, 1, 1, 1]);
      assert.equal(apiCalls(ctx.sb), planRun(c).calls, 'as many calls as planned');
    });

    it('sends nothing when the cell cannot be sent, or when cancelled first', async () => {
      const api = client(ctx.sb);
      await assert.rejects(fetchRun(api, cell('TTL:(battery')), (e: unknown) => isRunProblemError(e) && e.problems.length > 0);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(fetchRun(api, cell('TTL:battery'), { signal: controller.signal }), (e: unknown) => isPatsnapError(e) && e.kind === 'cancelled');
      assert.equal(ctx.sb.stats.calls(), 0);
    });

    it('asks for nothing more when nothing matches', async () => {
      const input = await fetchRun(client(ctx.sb), cell('TTL:zzzqqqxxx', { facets: ['ASSIGNEE'] }));
      assert.deepEqual(input, { total: 0, hits: [], facets: { ASSIGNEE: [] } });
      assert.equal(apiCalls(ctx.sb), 1, 'P001 only');
    });

    it('fails the run when a call fails, and leaves no chart request running', async () => {
      ctx.sb.faults.add({ path: ENDPOINTS.search, errorCode: 67200005 });
      await assert.rejects(fetchRun(client(ctx.sb), cell('TTL:battery', { facets: ['ASSIGNEE'] })), (e: unknown) => isPatsnapError(e) && e.kind === 'quota');
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.legalStatus) + ctx.sb.stats.calls(ENDPOINTS.family), 0);
    });

    it('finds what the sandbox published since, and a new grant of a known application is a new family member, not new', async () => {
      const api = client(ctx.sb);
      const grant = ctx.sb.data.later.find((p) => p.isd !== undefined && ctx.sb.data.patents.some((q) => q.apno === p.apno));
      assert.ok(grant);
      const c = cell(`TTL:(sensor OR device) OR APNO:"${grant.apno}"`, { limit: 1000 });
      const first = recordRun(c, await fetchRun(api, c), { now: () => Date.UTC(2026, 10, 3) });
      ctx.sb.publish(LATER_UNTIL);
      const second = recordRun(first.cell, await fetchRun(api, first.cell), { now: () => Date.UTC(2026, 11, 1) });
      const comparison = second.comparison;
      assert.ok(comparison?.exact, 'every hit kept both times');
      assert.ok(comparison.added.length > 0, 'something new');
      assert.deepEqual(comparison.gone, []);
      assert.ok(comparison.newMembers.some((r) => r.number === grant.pn), `${grant.pn} is a new member`);
      assert.ok(!comparison.added.some((r) => r.number === grant.pn));
      for (const r of comparison.added) assert.ok(ctx.sb.data.later.some((p) => p.pn === r.number), `${r.number} is a later publication`);
      assert.ok(comparison.newPublications > comparison.added.length, 'a new family with several members among the results');
      assert.match(comparison.summary, new RegExp(`^${comparison.added.length} new families \\(${comparison.newPublications} publications\\) since 2026-11-03`));
    });
  });
});
