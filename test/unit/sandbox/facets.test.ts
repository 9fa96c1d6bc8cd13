import assert from 'node:assert/strict';
import { call, ok, pns } from './helpers';
import { useSandbox } from '../core/api/helpers';

const FACETS = '/patent-field/query';

describe('sandbox: P003 field statistics', () => {
  const ctx = useSandbox();

  const facets = (body: Record<string, unknown>) => call(ctx.sb, FACETS, { body });

  it('counts the values of each field over the patents the query finds, one object per field in order', async () => {
    const query = 'TTL:battery OR ABST:vehicle';
    const data = ok<Array<Record<string, Array<{ name: string; count: number }>>>>(await facets({ query, field: 'AUTHORITY,ASSIGNEE,PUBLICATION_YEAR', limit: 100, offset: 0 }));
    assert.deepEqual(data.map((d) => Object.keys(d)), [['authority'], ['assignee'], ['publication_year']]);
    // The same tallies, made from the search results.
    const found = (await pns(ctx.sb, query)).map((pn) => ctx.sb.data.byPn.get(pn.toUpperCase()));
    const tally = (values: (p: NonNullable<(typeof found)[0]>) => string[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const p of found) if (p) for (const v of new Set(values(p))) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    const expectAuthority = tally((p) => [p.office]);
    const expectAssignee = tally((p) => p.currentAssignees.map((a) => a.name));
    assert.deepEqual(new Map(data[0]?.authority?.map((v) => [v.name, v.count])), expectAuthority);
    assert.deepEqual(new Map(data[1]?.assignee?.map((v) => [v.name, v.count])), expectAssignee);
    const years = data[2]?.publication_year ?? [];
    assert.equal(years.reduce((a, v) => a + v.count, 0), found.length);
    // Top values first; ties by name.
    for (const list of [data[0]?.authority ?? [], data[1]?.assignee ?? []]) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]] as [{ name: string; count: number }, { name: string; count: number }];
        assert.ok(a.count > b.count || (a.count === b.count && a.name.localeCompare(b.name) < 0));
      }
    }
  });

  it('pages with limit and offset, limit 50 by default', async () => {
    const all = ok<Array<{ inventor: Array<{ name: string }> }>>(await facets({ query: 'PBD:[19000101 TO 20991231]', field: 'INVENTOR', limit: 100, offset: 0 }))[0]?.inventor ?? [];
    assert.equal(all.length, 100);
    const page = ok<Array<{ inventor: Array<{ name: string }> }>>(await facets({ query: 'PBD:[19000101 TO 20991231]', field: 'INVENTOR', limit: 10, offset: 5 }))[0]?.inventor ?? [];
    assert.deepEqual(page, all.slice(5, 15));
    const byDefault = ok<Array<{ inventor: unknown[] }>>(await facets({ query: 'PBD:[19000101 TO 20991231]', field: 'INVENTOR' }))[0]?.inventor ?? [];
    assert.equal(byDefault.length, 50);
  });

  it('answers 68300004 naming the parameter for what the contract does not allow', async () => {
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ field: 'ASSIGNEE' }, /query/],
      [{ query: 'TTL:battery' }, /field/],
      [{ query: 'TTL:battery', field: 'ASSIGNEE,INVENTOR,AUTHORITY,PATENT_TYPE,ISSUE_YEAR,AGENCY' }, /at most 5/],
      [{ query: 'TTL:battery', field: 'COLOUR' }, /unknown field/],
      [{ query: 'TTL:battery', field: 'ASSIGNEE,ASSIGNEE' }, /twice/],
      [{ query: 'TTL:battery', field: 'ASSIGNEE', limit: 0 }, /limit/],
      [{ query: 'TTL:battery', field: 'ASSIGNEE', limit: 101 }, /limit/],
      [{ query: 'TTL:battery', field: 'ASSIGNEE', limit: 100, offset: 150 }, /offset \+ limit/],
      [{ query: 'TTL:battery', field: 'ASSIGNEE', lang: 'de' }, /lang/],
      [{ query: 'TTL:(battery $W5 cell)', field: 'ASSIGNEE' }, /positional operators/],
      [{ query: 'TTL:(unbalanced', field: 'ASSIGNEE' }, /query/],
    ];
    for (const [body, message] of bad) {
      const a = await facets(body);
      assert.deepEqual([a.body.status, a.body.error_code], [false, 68300004], JSON.stringify(body));
      assert.match(String(a.body.error_msg), message);
    }
  });
});
