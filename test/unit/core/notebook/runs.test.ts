import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { L10nArg } from '../../../../src/core/text/translator';
import { compareRuns, describeComparison, keptResult, recordRun, type QueryCell, type Run, type RunHit } from '../../../../src/core/notebook';
import type { SearchHit } from '../../../../src/core/api/types';

const cell = (options: QueryCell['options'] = {}): QueryCell => ({ kind: 'query', source: 'TTL:battery', options, runs: [] });
const hit = (pn: string, family?: string, extra: Partial<RunHit> = {}): RunHit => ({ pn, ...(family ? { familyKey: family } : {}), ...extra });
const at = (iso: string) => () => Date.parse(iso);
const run = (date: string, total: number, results: Array<[number: string, family?: string]>, query = 'TTL:battery'): Run => ({ date: `${date}T10:00:00Z`, query, total, results: results.map(([number, family]) => ({ number, ...(family ? { family } : {}) })) });

describe('notebook runs', () => {
  describe('recordRun', () => {
    it('stores the date to the second, the query and options as run, the hit count and the top results', () => {
      const c = cell({ limit: 2, collapseType: 'DOCDB' });
      const { cell: after, run: r, comparison } = recordRun(c, { total: 57, hits: [hit('US1B2', 'F1'), hit('EP2A1', 'F2'), hit('CN3A', 'F3')] }, { now: at('2026-11-03T09:12:44.987Z') });
      assert.equal(r.date, '2026-11-03T09:12:44Z');
      assert.equal(r.query, 'TTL:battery');
      assert.deepEqual(r.options, { limit: 2, collapseType: 'DOCDB' });
      assert.equal(r.total, 57);
      assert.deepEqual(r.results.map((x) => x.number), ['US1B2', 'EP2A1']);
      assert.equal(comparison, undefined);
      assert.equal(c.runs.length, 0, 'the cell given is left as it was');
      assert.deepEqual(after.runs, [r]);
    });

    it('keeps 20 results when the cell does not say, and its facets up to its facet limit', () => {
      const hits = Array.from({ length: 30 }, (_, i) => hit(`US${i}B2`));
      const r = recordRun(cell({ facetLimit: 2 }), { total: 30, hits, facets: { publication_year: [{ name: '2024', count: 9 }, { name: '2023', count: 7 }, { name: '2022', count: 1 }] } }).run;
      assert.equal(r.results.length, 20);
      assert.deepEqual(r.facets, { PUBLICATION_YEAR: [{ name: '2024', count: 9 }, { name: '2023', count: 7 }] });
    });

    it('takes a SearchHit as the client returns it, with status and family from the other calls', () => {
      const h: SearchHit = { patentId: 'id-1', pn: 'US11205304B2', title: 'Battery', originalAssignee: 'ACME', publicationDate: 20211221 };
      assert.deepEqual(keptResult({ ...h, legalStatus: ['Active', 'Granted'], familyKey: '12345' }), { number: 'US11205304B2', title: 'Battery', assignee: 'ACME', date: '2021-12-21', status: 'Active, Granted', family: '12345', patentId: 'id-1' });
      assert.equal(keptResult({ pn: 'X', currentAssignee: 'Now', originalAssignee: 'Then' }).assignee, 'Now');
    });

    it('cleans API text of control and bidi characters and line breaks, and caps its length', () => {
      const k = keptResult({ pn: 'US1\u202eB2', title: `Evil\u0007 title\n\nwith lines\u200b ${'x'.repeat(600)}`, currentAssignee: '  ' });
      assert.equal(k.number, 'US1B2');
      assert.ok(k.title?.startsWith('Evil title with lines x'));
      assert.ok((k.title?.length ?? 0) <= 500);
      assert.equal(k.assignee, undefined);
    });

    it('keeps at most maxRuns runs, dropping the oldest, and compares with the last', () => {
      let c = cell();
      for (let i = 0; i < 5; i++) c = recordRun(c, { total: i, hits: [] }, { now: at(`2026-0${i + 1}-01T00:00:00Z`), maxRuns: 3 }).cell;
      assert.deepEqual(c.runs.map((r) => r.total), [2, 3, 4]);
      const next = recordRun(c, { total: 9, hits: [] }, { now: at('2026-07-01T00:00:00Z'), maxRuns: 3 });
      assert.equal(next.comparison?.since, '2026-05-01');
    });

    it('refuses a hit count that is not a whole number', () => {
      assert.throws(() => recordRun(cell(), { total: -1, hits: [] }), RangeError);
      assert.throws(() => recordRun(cell(), { total: 1.5, hits: [] }), RangeError);
    });
  });

  describe('compareRuns', () => {
    it('counts new and gone families and says so: "12 new since 2026-11-03, 1 gone"', () => {
      const before = run('2026-11-03', 2, [['A1', 'a'], ['B1', 'b']]);
      const after = run('2026-12-01', 13, [['A1', 'a'], ...Array.from({ length: 12 }, (_, i): [string, string] => [`N${i}`, `n${i}`])]);
      const c = compareRuns(before, after);
      assert.equal(c.added.length, 12);
      assert.deepEqual(c.gone.map((r) => r.number), ['B1']);
      assert.ok(c.exact);
      assert.equal(c.summary, '12 new since 2026-11-03, 1 gone; 13 hits (+11).');
      assert.deepEqual(c.marks, ['seen', ...Array(12).fill('new')]);
    });

    it('counts new families and their publications apart, and says both when they differ: "2 new families (9 publications)"', () => {
      const before = run('2026-11-03', 7, Array.from({ length: 7 }, (_, i): [string, string] => [`S${i}`, `s${i}`]));
      const fresh = [...Array.from({ length: 5 }, (_, i): [string, string] => [`X${i}`, 'x']), ...Array.from({ length: 4 }, (_, i): [string, string] => [`Y${i}`, 'y'])];
      const c = compareRuns(before, run('2026-12-01', 16, [...before.results.map((r): [string, string] => [r.number, r.family as string]), ...fresh]));
      assert.equal(c.added.length, 2);
      assert.equal(c.newPublications, 9);
      assert.equal(c.marks.filter((m) => m === 'new').length, c.newPublications, 'the rows badged new');
      assert.equal(c.summary, '2 new families (9 publications) since 2026-11-03; 16 hits (+9).');
      const one = compareRuns(before, run('2026-12-01', 9, [...before.results.map((r): [string, string] => [r.number, r.family as string]), ['Z1', 'z'], ['Z2', 'z']]));
      assert.equal(one.summary, '1 new family (2 publications) since 2026-11-03; 9 hits (+2).');
      const top = compareRuns(run('2026-11-03', 500, [['A', 'a'], ['B', 'b']]), run('2026-12-01', 510, [['C1', 'c'], ['C2', 'c'], ['D', 'd'], ['A', 'a']]));
      assert.equal(top.summary, '2 new families (3 publications) in the top 2 since 2026-11-03, 1 gone; 510 hits (+10).');
    });

    it('translates its summary through the translator it is given', () => {
      const seen: string[] = [];
      const l10n = { t: (message: string, ...args: L10nArg[]) => (seen.push(message), `<${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}>`) };
      const c = compareRuns(run('2026-11-03', 1, [['A', 'a']]), run('2026-12-01', 3, [['A', 'a'], ['B1', 'b'], ['B2', 'b']], 'TTL:other'));
      // The punctuation between the pieces is translated too (core/text/punctuation): 。 and ； in Chinese and Japanese.
      assert.equal(describeComparison(c, l10n), '<<<<1 new family (2 publications) since 2026-11-03>; <<3 hits> (+2)>>; <the query changed since then>>.>');
      assert.deepEqual(seen, ['1 new family ({0} publications) since {1}', '{0} hits', '{0} ({1})', 'the query changed since then', '{0}; {1}', '{0}; {1}', '{0}.']);
      assert.equal(describeComparison(c), c.summary, 'English without one');
    });

    it('does not call a new member of a known family new', () => {
      const before = run('2026-11-03', 2, [['EP4106045A1', 'f1'], ['US1B2', 'f2']]);
      const after = run('2026-12-01', 2, [['EP4106045B1', 'f1'], ['US1B2', 'f2']]);
      const c = compareRuns(before, after);
      assert.equal(c.added.length, 0);
      assert.equal(c.gone.length, 0);
      assert.deepEqual(c.newMembers.map((r) => r.number), ['EP4106045B1']);
      assert.deepEqual(c.marks, ['newMember', 'seen']);
      assert.equal(c.summary, 'Nothing new since 2026-11-03, 1 new member of known families; 2 hits.');
    });

    it('without family keys, compares publication numbers (case-insensitively)', () => {
      const c = compareRuns(run('2026-11-03', 2, [['us1b2'], ['EP2A1']]), run('2026-12-01', 2, [['US1B2'], ['EP2B1']]));
      assert.deepEqual(c.added.map((r) => r.number), ['EP2B1']);
      assert.deepEqual(c.gone.map((r) => r.number), ['EP2A1']);
    });

    it('counts a family once however many of its members are listed', () => {
      const c = compareRuns(run('2026-11-03', 2, [['X1', 'x'], ['X2', 'x']]), run('2026-12-01', 2, [['Y1', 'y'], ['Y2', 'y']]));
      assert.equal(c.added.length, 1);
      assert.equal(c.gone.length, 1);
      assert.deepEqual(c.marks, ['new', 'new']);
    });

    it('says when only the kept top results were compared', () => {
      const c = compareRuns(run('2026-11-03', 500, [['A', 'a'], ['B', 'b']]), run('2026-12-01', 480, [['C', 'c'], ['A', 'a']]));
      assert.equal(c.exact, false);
      assert.equal(c.window, 2);
      assert.equal(c.summary, '1 new in the top 2 since 2026-11-03, 1 gone; 480 hits (\u221220).');
    });

    it('notes a changed query or changed options, and no change at all', () => {
      const base = run('2026-11-03', 1, [['A', 'a']]);
      assert.match(compareRuns(base, run('2026-12-01', 1, [['A', 'a']], 'TTL:batteries')).summary, /^No change since 2026-11-03; 1 hit; the query changed since then\.$/);
      assert.match(compareRuns({ ...base, options: { limit: 5 } }, { ...run('2026-12-01', 1, [['A', 'a']]), options: { limit: 6 } }).summary, /the options changed since then/);
      assert.equal(compareRuns({ ...base, options: { limit: 5, sort: [{ field: 'SCORE', order: 'DESC' }] } }, { ...base, options: { sort: [{ order: 'DESC', field: 'SCORE' }], limit: 5 } }).optionsChanged, false);
    });

    it('is consistent on any pair of runs: every later family is new or seen, every earlier one kept or gone', () => {
      const results = fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E'), fc.constantFrom('1', '2', '3')), { maxLength: 8 });
      fc.assert(
        fc.property(results, results, (a, b) => {
          const toRun = (rs: Array<[string, string]>, date: string): Run => run(date, rs.length, rs.map(([f, m]) => [`${f}${m}`, f]));
          const before = toRun(a, '2026-01-01');
          const after = toRun(b, '2026-02-01');
          const c = compareRuns(before, after);
          const fa = new Set<string>(a.map(([f]) => f));
          const fb = new Set<string>(b.map(([f]) => f));
          assert.deepEqual(new Set(c.added.map((r) => r.family)), new Set([...fb].filter((f) => !fa.has(f))));
          assert.deepEqual(new Set(c.gone.map((r) => r.family)), new Set([...fa].filter((f) => !fb.has(f))));
          assert.equal(c.marks.length, b.length);
          c.marks.forEach((m, i) => assert.equal(m === 'new', !fa.has((b[i] as [string, string])[0])));
        }),
      );
    });
  });
});
