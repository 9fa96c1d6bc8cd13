/**
 * Notebooks for the notebook tests and query.bench.ts: fast-check arbitraries of any valid
 * notebook, and a deterministic large one built through `recordRun` as a real run would.
 */
import * as fc from 'fast-check';
import { Random } from '../../src/sandbox/random';
import { FACET_FIELDS, recordRun, type KeptResult, type Notebook, type NotebookCell, type QueryCell, type QueryOptions, type Run, type RunHit } from '../../src/core/notebook';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const ymd = fc.date({ min: new Date(Date.UTC(1980, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const compact = (d: string): string => d.replace(/-/g, '');

const dateRange = fc.tuple(ymd, ymd).chain(([a, b]) => {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return fc.record({ from: fc.constantFrom(compact(lo), '*'), to: fc.constantFrom(compact(hi), '*') }, { requiredKeys: [] });
});

export const optionsArb: fc.Arbitrary<QueryOptions> = fc.record(
  {
    sort: fc.array(fc.record({ field: fc.constantFrom('PBDT_YEARMONTHDAY', 'APD_YEARMONTHDAY', 'ISD', 'SCORE' as const), order: fc.constantFrom('ASC', 'DESC' as const) }), { maxLength: 2 }),
    collapseType: fc.constantFrom('ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND' as const),
    collapseBy: fc.constantFrom('APD', 'PBD', 'AUTHORITY', 'SCORE' as const),
    collapseOrder: fc.constantFrom('OLDEST', 'LATEST' as const),
    collapseOrderAuthority: fc.array(fc.constantFrom('CN', 'US', 'EP', 'JP', 'KR'), { minLength: 1, maxLength: 3 }),
    publicationDate: dateRange,
    applicationDate: dateRange,
    limit: fc.integer({ min: 1, max: 1000 }),
    facets: fc.uniqueArray(fc.constantFrom(...FACET_FIELDS), { maxLength: 5 }),
    facetLimit: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: [] },
);

const resultArb: fc.Arbitrary<KeptResult> = fc.record(
  {
    number: fc.stringMatching(/^(US|EP|CN|WO|JP|KR)\d{6,11}[ABUS]\d?$/),
    title: text,
    assignee: text,
    date: ymd,
    status: fc.constantFrom('Active', 'Inactive', 'Pending', '\u6709\u6548'),
    family: fc.stringMatching(/^\d{6,9}$/),
    patentId: fc.uuid(),
  },
  { requiredKeys: ['number'] },
);

const runArb: fc.Arbitrary<Run> = fc.record(
  {
    date: fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2035, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    query: text,
    options: optionsArb,
    total: fc.nat(),
    results: fc.array(resultArb, { maxLength: 4 }),
    facets: fc.dictionary(fc.constantFrom(...FACET_FIELDS), fc.array(fc.record({ name: text, count: fc.nat() }), { maxLength: 3 }), { maxKeys: 2 }),
  },
  { requiredKeys: ['date', 'query', 'total', 'results'] },
);

const cellArb: fc.Arbitrary<NotebookCell> = fc.oneof(
  fc.record({ kind: fc.constant('markdown' as const), source: fc.string({ unit: 'grapheme', maxLength: 80 }) }),
  fc.record({ kind: fc.constant('query' as const), source: fc.string({ unit: 'grapheme', maxLength: 80 }), options: optionsArb, runs: fc.array(runArb, { maxLength: 3 }) }),
);

export const notebookArb: fc.Arbitrary<Notebook> = fc.record(
  { format: fc.constant('patent-search-notebook' as const), version: fc.constant(1 as const), title: text, cells: fc.array(cellArb, { maxLength: 6 }) },
  { requiredKeys: ['format', 'version', 'cells'] },
);

const WORDS = ['battery', 'anode', 'separator', 'electrolyte', 'lithium', 'solid', 'state', 'coating', 'sensor', 'drone', 'charging', 'coil', 'vehicle'];
const ASSIGNEES = ['Samsung SDI Co., Ltd.', 'LG Energy Solution', 'Toyota Motor Corp', 'CATL', 'Panasonic Holdings'];

/** `queryCells` query cells (each with a reasoning cell before it) and `runs` runs each of `kept` results, made by `recordRun`. */
export function largeNotebook(queryCells: number, runs: number, kept: number, seed = 20261103): Notebook {
  const random = new Random(seed); // the sandbox's seeded PRNG: the same notebook every run
  const rand = (): number => random.next();
  const pick = <T>(xs: readonly T[]): T => random.pick(xs);
  const cells: NotebookCell[] = [];
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  for (let c = 0; c < queryCells; c++) {
    cells.push({ kind: 'markdown', source: `## Strategy ${c + 1}\n\nWhy: ${pick(WORDS)} near ${pick(WORDS)}, filed after 2015.` });
    let cell: QueryCell = {
      kind: 'query',
      source: `TAC:(${pick(WORDS)} $W5 ${pick(WORDS)}) AND (${pick(WORDS)} OR ${pick(WORDS)}) AND IPC:H01M*`,
      options: { sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }], collapseType: 'DOCDB', applicationDate: { from: '20150101', to: '*' }, limit: kept, facets: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'] },
      runs: [],
    };
    let serial = c * 1_000_000;
    for (let r = 0; r < runs; r++) {
      const hits: RunHit[] = Array.from({ length: kept }, (_, i) => ({
        pn: `US${11_000_000 + serial + i}B2`,
        patentId: `00000000-0000-4000-8000-${String(serial + i).padStart(12, '0')}`,
        title: `${pick(WORDS)} ${pick(WORDS)} for a ${pick(WORDS)} ${pick(WORDS)}`,
        currentAssignee: pick(ASSIGNEES),
        publicationDate: 20200101 + Math.floor(rand() * 5) * 10000 + Math.floor(rand() * 12) * 100 + 1 + Math.floor(rand() * 27),
        legalStatus: [pick(['Active', 'Pending', 'Inactive'])],
        familyKey: String(500_000 + serial + i),
      }));
      serial += Math.floor(kept / 4); // each run sees a quarter of the results anew
      clock += 7 * 86_400_000;
      const at = clock;
      cell = recordRun(cell, { total: 1000 + r * 7, hits, facets: { PUBLICATION_YEAR: [{ name: '2024', count: 300 }, { name: '2023', count: 280 }], ASSIGNEE: ASSIGNEES.map((name, k) => ({ name, count: 100 - k })) } }, { now: () => at, maxRuns: runs }).cell;
    }
    cells.push(cell);
  }
  return { format: 'patent-search-notebook', version: 1, title: 'Large notebook', cells };
}
