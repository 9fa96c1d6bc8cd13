import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseNotebook, serializeNotebook, type Notebook } from '../../../src/core/notebook';
import { LATER_UNTIL } from '../../../src/sandbox/data';
import { lines, useCliSandbox } from './harness';

const BUSINESS = ['/search/patent/query-search-count', '/search/patent/query-search-patent', '/basic-patent-data', '/patent-field/query'];

describe('patent-lookup count, facets and notebook against the sandbox', () => {
  const cli = useCliSandbox('patent-cli-nb-');
  const run = (argv: string[]) => cli.run(argv);
  const calls = (): number => BUSINESS.reduce((n, p) => n + cli.sandbox.stats.calls(p), 0);

  describe('count', () => {
    it('prints COUNT<TAB>QUERY for each query, one call each', async () => {
      const r = await run(['count', 'TACD:"lidar sensor"', 'TTL:battery', 'TTL:zzzqqq']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(lines(r.stdout), ['7\tTACD:"lidar sensor"', '42\tTTL:battery', '0\tTTL:zzzqqq']);
      assert.equal(cli.sandbox.stats.calls('/search/patent/query-search-count'), 3);
      assert.equal(r.stderr, '');
    });

    it('checks every query before sending any (exit 2), and keeps each on one line', async () => {
      const r = await run(['count', 'TTL:battery', 'TTL:(lidar OR radar']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^patent-lookup: Query 2 \(TTL:\(lidar OR radar\): This \( is never closed: .* \(at character 5\)\n/);
      assert.equal(calls(), 0);
      const multi = await run(['count', 'TTL:battery\nAND PBD:[20200101 TO *]']);
      assert.equal(multi.code, 0, multi.stderr);
      assert.match(multi.stdout, /^\d+\tTTL:battery AND PBD:\[20200101 TO \*\]\n$/);
    });
  });

  describe('facets', () => {
    it('--json prints {"query", "fields": {"FIELD": [{"name", "count"}]}}', async () => {
      const r = await run(['facets', 'TTL:battery', '--field', 'authority,PUBLICATION_YEAR', '--limit', '3', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as { query: string; fields: Record<string, Array<{ name: string; count: number }>> };
      assert.equal(doc.query, 'TTL:battery');
      assert.deepEqual(Object.keys(doc.fields), ['AUTHORITY', 'PUBLICATION_YEAR']);
      assert.equal(doc.fields.AUTHORITY?.length, 3);
      for (const v of doc.fields.AUTHORITY ?? []) assert.ok(typeof v.name === 'string' && Number.isInteger(v.count));
    });

    it('prints a table per field', async () => {
      const r = await run(['facets', 'TTL:battery', '--field', 'ASSIGNEE', '--limit', '2']);
      assert.equal(r.code, 0, r.stderr);
      const out = lines(r.stdout);
      assert.equal(out[0], 'ASSIGNEE');
      assert.match(out[1] ?? '', /^Value\s+Count$/);
      assert.equal(out.length, 5);
    });

    it('refuses what P003 does not take before any call: positional operators, six fields, no field', async () => {
      for (const argv of [
        ['facets', 'TTL:battery $W2 cell', '--field', 'ASSIGNEE'],
        ['facets', 'TTL:battery', '--field', 'ASSIGNEE,INVENTOR,AUTHORITY,PUBLICATION_YEAR,APPLICATION_YEAR,PATENT_TYPE'],
        ['facets', 'TTL:battery'],
        ['facets', 'TTL:battery', '--field', 'ASSIGNEE', '--limit', '101'],
      ]) {
        const r = await run(argv);
        assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      }
      assert.equal(calls(), 0);
    });
  });

  describe('notebook', () => {
    const NOTEBOOK: Notebook = {
      format: 'patent-search-notebook',
      version: 1,
      title: 'Watch',
      cells: [
        { kind: 'markdown', source: 'Why these queries.' },
        { kind: 'query', source: 'TACD:"lidar sensor"', options: { limit: 20, facets: ['AUTHORITY'] }, runs: [] },
        { kind: 'query', source: 'TACD:(battery AND "cycle life")', options: { limit: 50 }, runs: [] },
      ],
    };
    const file = (): string => path.join(cli.scratch, 'watch.patentsearch');
    const write = (nb: Notebook): Promise<void> => fs.writeFile(file(), serializeNotebook(nb));
    const read = async (): Promise<Notebook> => parseNotebook(await fs.readFile(file(), 'utf8'));

    it('re-runs every query, says what it costs first, and leaves the file alone without --write', async () => {
      await write(NOTEBOOK);
      const before = await fs.readFile(file(), 'utf8');
      const r = await run(['notebook', 'watch.patentsearch']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^watch\.patentsearch: 2 queries, up to 11 calls to PatSnap\.\n/);
      assert.match(r.stderr, /Not written: run with --write/);
      assert.match(r.stdout, /^Query 1 {2}TACD:"lidar sensor"\n {2}First run: 7 hits\.\n/);
      assert.equal(await fs.readFile(file(), 'utf8'), before, 'the file as it was');
      assert.ok(calls() <= 11);
    });

    it('--write stores the run; after the sandbox published more, prints what is new since then', async () => {
      await write(NOTEBOOK);
      const first = await run(['notebook', file(), '--write']);
      assert.equal(first.code, 0, first.stderr);
      assert.doesNotMatch(first.stderr, /Not written/);
      const stored = await read();
      assert.deepEqual(stored.cells.map((c) => (c.kind === 'query' ? c.runs.length : -1)), [-1, 1, 1]);
      assert.equal(stored.title, 'Watch');

      cli.sandbox.publish(LATER_UNTIL);
      const second = await run(['notebook', file(), '--write', '--json']);
      assert.equal(second.code, 0, second.stderr);
      const doc = JSON.parse(second.stdout) as { file: string; written: boolean; queries: Array<{ index: number; total: number; totalBefore: number; since: string; summary: string; newFamilies: number; newPublications: number; new: Array<{ number: string }>; newMembers: Array<{ number: string }>; gone: unknown[] }> };
      assert.equal(doc.written, true);
      const [lidar, cycle] = doc.queries;
      assert.equal(lidar?.total, 16);
      assert.equal(lidar?.totalBefore, 7);
      assert.equal(lidar?.since, stored.cells[1]?.kind === 'query' ? stored.cells[1].runs[0]?.date.slice(0, 10) : '');
      assert.match(lidar?.summary ?? '', /^2 new families \(9 publications\) since \d{4}-\d{2}-\d{2}; 16 hits \(\+9\)\.$/);
      assert.equal(lidar?.new.length, 9);
      assert.deepEqual([lidar?.newFamilies, lidar?.newPublications], [2, 9]);
      for (const k of lidar?.new ?? []) assert.ok(cli.sandbox.data.later.some((p) => p.pn === k.number), `${k.number} was published later`);
      assert.ok((cycle?.newMembers.length ?? 0) > 0, 'a grant of a known application is a new family member');
      assert.deepEqual((await read()).cells.map((c) => (c.kind === 'query' ? c.runs.map((r) => r.total) : null)), [null, [7, 16], [cycle?.totalBefore, cycle?.total]]);

      // In words: the new ones, the new members, what is gone.
      cli.sandbox.publish(null);
      const third = await run(['notebook', file()]);
      assert.equal(third.code, 0, third.stderr);
      assert.match(third.stdout, /Nothing new since \d{4}-\d{2}-\d{2}, 2 gone.*; 7 hits \(\u22129\)\./);
      assert.match(third.stdout, /\n {2}gone {7}(MX2025008573A|US2025\d+A1)/);
    });

    it('refuses a file that is not a notebook, or a query that cannot be sent, before any call', async () => {
      await fs.writeFile(file(), '{ "cells": [ { "kind": "query" } ] }');
      let r = await run(['notebook', file()]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /watch\.patentsearch: The search notebook has a value it cannot read: cells\[0\]\.source/);
      await write({ ...NOTEBOOK, cells: [...NOTEBOOK.cells, { kind: 'query', source: 'TTL:(lidar', options: {}, runs: [] }] });
      r = await run(['notebook', file()]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Query 3 \(TTL:\(lidar\) cannot be sent: /);
      r = await run(['notebook', path.join(cli.scratch, 'missing.patentsearch')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /does not exist/);
      assert.equal(calls(), 0);
    });
  });
});
