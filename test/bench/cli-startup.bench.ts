// Start-up of the built CLI (dist/cli.js) for the work that needs no API, against a
// bare `node -e 0`: the target (#11) is at most 1.5x. Each round runs every case
// once, in turn, so load from other processes hits them alike; medians and the best
// of all rounds are printed, of the wall-clock time and of the process's CPU time
// (user + system, every thread; through bash's `times`, where there is bash), which the
// load of other processes changes less. Twice, printed apart: with this shell's
// environment, and with PATH alone (what Node does at start, e.g. for NODE_EXTRA_CA_CERTS,
// costs the same in every case and so flatters the ratio). Nothing is asserted.
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

/** The CPU time of one run in ms, as bash's `times` reports its child's (getrusage, to the ms); undefined without bash. */
function cpuOnce(args: string[], env: NodeJS.ProcessEnv): number | undefined {
  // bash's own stdin closed: with a pipe there (and PATH alone), its child took 130 ms of CPU for a bare node, where wait4 sees 25.
  const result = spawnSync('bash', ['-c', '"$@" </dev/null >/dev/null 2>&1; times', 'bash', process.execPath, ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  // Two lines: the shell's own user and system time, then its children's ("0m0.021s 0m0.004s").
  const children = result.stdout?.trim().split('\n')[1]?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  if (result.error || !children) return undefined;
  const [, um, us, sm, ss] = children.map(Number);
  return ((um as number) * 60 + (us as number) + (sm as number) * 60 + (ss as number)) * 1000;
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
    const wall = CASES.map(() => [] as number[]);
    const cpu = CASES.map(() => [] as number[]);
    for (const c of CASES) runOnce(c.args, env); // warm the file cache
    for (let round = 0; round < ROUNDS; round++) {
      CASES.forEach((c, i) => {
        wall[i]?.push(runOnce(c.args, env));
        const ms = cpuOnce(c.args, env);
        if (ms !== undefined) cpu[i]?.push(ms);
      });
    }
    report(`CLI start-up with ${label}, ${ROUNDS} interleaved rounds: wall-clock time`, wall);
    if (cpu.every((t) => t.length > 0)) report(`CLI start-up with ${label}, ${ROUNDS} interleaved rounds: CPU time`, cpu);
    else console.log(`  (no CPU time: bash's \`times\` is not available here)`);
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
