// Start-up of the built CLI (dist/cli.js) for the work that needs no API, against a
// bare `node -e 0`: the target (#11) is at most 1.5x. Each round runs every case
// once, in turn, so load from other processes hits them alike; medians and the best
// of all rounds are printed. Twice: with this shell's environment, and with PATH
// alone (what Node does at start, e.g. for NODE_EXTRA_CA_CERTS, costs the same in
// every case and so flatters the ratio). Figures are printed; nothing is asserted.
// Run: node --import tsx test/bench/cli-startup.bench.ts   (BENCH_ROUNDS, default 40)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIND_FILE = path.join(ROOT, 'test/unit/cli/fixtures/notes.md');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const TARGET = 1.5;

const CASES: Array<{ label: string; args: string[] }> = [
  { label: 'node -e 0 (the reference)', args: ['-e', '0'] },
  { label: 'patent-lookup --version', args: [CLI, '--version'] },
  { label: 'patent-lookup --help', args: [CLI, '--help'] },
  { label: 'patent-lookup find notes.md', args: [CLI, 'find', FIND_FILE] },
  { label: 'patent-lookup find notes.md --json', args: [CLI, 'find', FIND_FILE, '--json'] },
  { label: 'patent-lookup search (usage error)', args: [CLI, 'search'] },
  { label: 'patent-lookup export --help', args: [CLI, 'export', '--help'] },
  { label: 'patent-lookup serch (unknown command)', args: [CLI, 'serch'] },
];

function build(): boolean {
  // The bench measures what `npm run build` makes; build it rather than trust a stale dist/.
  const result = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return result.status === 0 && existsSync(CLI);
}

function runOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function main(): void {
  if (!build()) {
    console.log('skipped: the build (node esbuild.mjs) failed, so there is no dist/cli.js to measure');
    process.exitCode = 1;
    return;
  }
  for (const [label, env] of [
    ["this shell's environment", process.env],
    ['PATH alone', { PATH: process.env.PATH ?? '' }],
  ] as const) {
    const times = CASES.map(() => [] as number[]);
    for (const c of CASES) runOnce(c.args, env); // warm the file cache
    for (let round = 0; round < ROUNDS; round++) CASES.forEach((c, i) => times[i]?.push(runOnce(c.args, env)));
    report(`CLI start-up with ${label}, ${ROUNDS} interleaved rounds`, times);
  }
}

function report(title: string, times: number[][]): void {
  const reference = median(times[0] as number[]);
  const bestReference = Math.min(...(times[0] as number[]));
  console.log(`${title}; target <= ${TARGET}x node -e 0 (median ${reference.toFixed(1)} ms, best ${bestReference.toFixed(1)} ms)`);
  const width = Math.max(...CASES.map((c) => c.label.length));
  for (const [i, c] of CASES.entries()) {
    if (i === 0) continue;
    const m = median(times[i] as number[]);
    const best = Math.min(...(times[i] as number[]));
    const ratio = m / reference;
    console.log(`  ${c.label.padEnd(width)}  median ${m.toFixed(1).padStart(6)} ms = ${ratio.toFixed(2)}x  best ${best.toFixed(1).padStart(6)} ms = ${(best / bestReference).toFixed(2)}x  ${ratio <= TARGET ? 'met' : 'NOT met'}`);
  }
}

main();
