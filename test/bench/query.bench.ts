// The query language and the notebook format at the sizes a notebook meets: diagnostics
// of a query at PatSnap's length limit (run on every keystroke), how that time grows with
// the query (it should stay linear), and reading, writing and checking a notebook of 200
// cells. Figures are printed next to their targets; nothing is asserted.
import { performance } from 'node:perf_hooks';
import { compareRuns, diagnoseCell, parseNotebook, renderSearchLogHtml, renderSearchLogMarkdown, serializeNotebook, type QueryCell } from '../../src/core/notebook';
import { complete, diagnose, tokenize } from '../../src/core/query';
import { largeNotebook } from '../lib/notebookSamples';

/** Median of `runs` timings of `f`, in ms, after two warm-up calls. */
function median(runs: number, f: () => unknown): number {
  f();
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const verdict = (value: number, target: number): string => (value <= target ? 'met' : 'NOT met');
const line = (label: string, ms: number, target: number, extra = ''): void => console.log(`  ${label.padEnd(52)} ${ms.toFixed(3).padStart(9)} ms   target <= ${String(target).padEnd(5)} ms  ${verdict(ms, target)}${extra}`);

/** A realistic query of about `length` characters: fields, groups, phrases, ranges, positional operators. */
function longQuery(length: number): string {
  const words = ['battery', 'anode', 'separator', 'electrolyte', 'lithium', 'coating', 'sensor', 'charging'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const w = (k: number): string => words[(i + k) % words.length] as string;
    const part = [`TAC:(${w(0)} $W5 ${w(1)})`, `TTL:"${w(2)} ${w(3)}"`, `(ABST:${w(4)}* OR CLMS:(${w(5)} $SEN ${w(6)}))`, `PBD:[20${10 + (i % 10)}0101 TO 20${11 + (i % 10)}1231]`, `IPC:H01M${i % 10}*`][i % 5] as string;
    parts.push(part);
    size += part.length + 5;
  }
  return parts.join(' AND ').slice(0, length);
}

function queryBench(): void {
  console.log('\nQuery at the search limit (1,500 characters), per call:');
  const q = longQuery(1500);
  line('tokenize', median(200, () => tokenize(q)), 0.5);
  line('diagnose (count + search + facets)', median(200, () => diagnose(q, { endpoints: ['count', 'search', 'facets'] })), 1, `  (${diagnose(q, { endpoints: ['count', 'search', 'facets'] }).length} diagnostics)`);
  line('complete at the end', median(200, () => complete(q, q.length)), 1);

  console.log('\nGrowth with the query length (diagnose, per 1,000 characters; linear means flat):');
  const base = median(50, () => diagnose(longQuery(1500), { endpoints: ['export'] })) / 1.5;
  for (const size of [1_500, 15_000, 150_000, 1_500_000]) {
    const text = longQuery(size);
    const runs = size > 100_000 ? 5 : 30;
    const perK = median(runs, () => diagnose(text, { endpoints: ['export'] })) / (size / 1000);
    console.log(`  ${String(size.toLocaleString('en-US')).padStart(9)} characters: ${perK.toFixed(4)} ms per 1,000   ${(perK / base).toFixed(2)}x the 1,500-character rate   target <= 2x  ${verdict(perK / base, 2)}`);
  }
  const hostile = `${'('.repeat(50_000)}${'NOT '.repeat(50_000)}"${'a'.repeat(50_000)}`;
  line('hostile 300 KB (deep nesting, NOT runs, open quote)', median(5, () => diagnose(hostile, { endpoints: ['export'] })), 100);
}

function notebookBench(): void {
  const nb = largeNotebook(100, 10, 20);
  const text = serializeNotebook(nb);
  const queryCells = nb.cells.filter((c): c is QueryCell => c.kind === 'query');
  console.log(`\nNotebook of ${nb.cells.length} cells (${queryCells.length} query cells, 10 runs of 20 patents each): ${(text.length / 1024 / 1024).toFixed(1)} MB, ${text.split('\n').length.toLocaleString('en-US')} lines`);
  line('parse (JSON + zod)', median(10, () => parseNotebook(text)), 150);
  line('serialise', median(10, () => serializeNotebook(nb)), 150);
  line('diagnose every query cell', median(20, () => queryCells.map((c) => diagnoseCell(c))), 20);
  line('compare the last two runs of every query cell', median(20, () => queryCells.map((c) => compareRuns(c.runs[c.runs.length - 2] as never, c.runs[c.runs.length - 1] as never))), 20);
  line('search log, Markdown', median(10, () => renderSearchLogMarkdown(nb)), 200);
  line('search log, HTML', median(10, () => renderSearchLogHtml(nb)), 200);
  const heapBefore = process.memoryUsage().heapUsed;
  const parsed = parseNotebook(text);
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(`  heap held by the parsed notebook (approximate, no GC forced): ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB for ${parsed.cells.length} cells`);
}

queryBench();
notebookBench();
