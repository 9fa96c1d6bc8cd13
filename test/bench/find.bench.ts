// `patent-lookup find --json` as users run it (the built CLI, a process of its own), against
// `rg -on` with a simple pattern on the same file, both writing into a pipe this process drains:
// 8 MB of one-number-a-line prose (wall time and peak memory, issue #12's targets), and 50 MB
// of dense citations (it must finish; it used to fail with "Invalid string length").
// Figures are printed; nothing is asserted. Run: node --import tsx test/bench/find.bench.ts
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { rng } from './lib/rng';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const MB = 1024 * 1024;
const PROSE_BYTES = Number(process.env.BENCH_FIND_BYTES ?? 8 * MB);
const DENSE_BYTES = Number(process.env.BENCH_FIND_DENSE_BYTES ?? 50 * MB);
// KEEP=1 keeps the generated files and prints where they are.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** A simple pattern of about the same reach: an office code, then digits with separators. */
const RG_PATTERN = '\\b(US|EP|WO|CN|JP|KR|DE|GB|FR)[ -]?[0-9][0-9, /.-]*[0-9]';

const rand = rng(12);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const d = (n: number): string => Array.from({ length: n }, () => int(0, 9)).join('');
const grouped = (n: number): string => n.toLocaleString('en-US');

const NUMBERS: ReadonlyArray<() => string> = [
  () => `US ${grouped(int(5_000_000, 11_900_000))} B2`,
  () => `U.S. Pat. No. ${grouped(int(4_000_000, 9_999_999))}`,
  () => `US 20${int(10, 23)}/0${d(6)} A1`,
  () => `EP ${int(1, 3)} ${d(3)} ${d(3)} B1`,
  () => `WO 20${int(10, 23)}/${int(100000, 299999)} A1`,
  () => `CN 1${int(10, 15)}${d(6)} A`,
  () => `JP 20${int(10, 23)}-${d(6)} A`,
  () => `KR 10-20${int(10, 23)}-0${d(6)}`,
  () => `DE 10 20${int(10, 23)} ${d(3)} ${d(3)} A1`,
];
const OPENERS = ['Claim 1 is rejected as anticipated by', 'See also', 'The examiner relies on', 'This is disclosed in', 'Compare the seal of', 'As taught in'];
const CLOSERS = ['(Smith).', 'at col. 3, lines 12-40.', 'in view of the cited art.', ', fig. 2.', 'and is withdrawn.', '.'];

function build(bytes: number, line: () => string): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const l = line();
    parts.push(l);
    size += l.length + 1;
  }
  return parts.join('\n') + '\n';
}

interface Run {
  ms: number;
  /** CPU time, user and system, of every thread of the process: what the work cost, whatever else the machine runs. */
  cpuMs: number;
  peakMb: number;
  lines: number;
}

/** Runs `cmd` under /usr/bin/time for its CPU time and peak RSS, draining its stdout here and counting lines. */
function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      const [user, system, kb] = (/([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr.trim()) ?? []).slice(1).map(Number);
      if (code !== 0 && code !== 1) reject(new Error(`${cmd} exited ${code}: ${stderr}`));
      else resolve({ ms, cpuMs: ((user ?? NaN) + (system ?? NaN)) * 1000, peakMb: (kb ?? NaN) / 1024, lines });
    });
  });
}

/** The fastest of `rounds` runs, with the least CPU time and the highest peak of any of them. */
async function best(rounds: number, f: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await f());
  const fastest = runs.reduce((x, y) => (y.ms < x.ms ? y : x));
  return { ...fastest, cpuMs: Math.min(...runs.map((r) => r.cpuMs)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  if (!existsSync(CLI) || process.env.BENCH_BUILD !== '0') spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'find-bench-'));
  try {
    const prose = path.join(dir, 'prose.txt');
    await fs.writeFile(prose, build(PROSE_BYTES, () => `${pick(OPENERS)} ${pick(NUMBERS)()} ${pick(CLOSERS)}`));
    const inputMb = (await fs.stat(prose)).size / MB;
    const ours = await best(ROUNDS, () => run(process.execPath, [CLI, 'find', '--json', prose]));
    const rg = await best(ROUNDS, () => run('rg', ['-on', RG_PATTERN, prose]));
    const ratio = ours.ms / rg.ms;
    const memTarget = 3 * inputMb + 64;
    console.log(`\none number a line: ${inputMb.toFixed(1)} MB, ${ours.lines - 2} numbers found (rg: ${rg.lines} matches), best of ${ROUNDS}`);
    console.log(`  find --json : ${ours.ms.toFixed(0).padStart(5)} ms, ${ours.cpuMs.toFixed(0).padStart(4)} ms CPU, peak ${ours.peakMb.toFixed(0)} MB`);
    console.log(`  rg -on      : ${rg.ms.toFixed(0).padStart(5)} ms, ${rg.cpuMs.toFixed(0).padStart(4)} ms CPU, peak ${rg.peakMb.toFixed(0)} MB`);
    console.log(`  time ${ratio.toFixed(2)}x rg (target <= 3x: ${verdict(ratio <= 3)}; CPU time ${(ours.cpuMs / rg.cpuMs).toFixed(2)}x); memory ${ours.peakMb.toFixed(0)} MB (target <= 3 x input + 64 = ${memTarget.toFixed(0)} MB: ${verdict(ours.peakMb <= memTarget)})`);
    const node = await best(ROUNDS, () => run(process.execPath, ['-e', '0']));
    const empty = path.join(dir, 'empty.txt');
    await fs.writeFile(empty, '\n');
    const startup = await best(ROUNDS, () => run(process.execPath, [CLI, 'find', '--json', empty]));
    console.log(`  of which starting: find --json on an empty file ${startup.ms.toFixed(0)} ms, ${startup.cpuMs.toFixed(0)} ms CPU, ${startup.peakMb.toFixed(0)} MB (a bare node -e 0: ${node.ms.toFixed(0)} ms, ${node.cpuMs.toFixed(0)} ms CPU, ${node.peakMb.toFixed(0)} MB)`);
    const work = ours.ms - startup.ms;
    console.log(`  the work itself (read, scan, JSON out): ${work.toFixed(0)} ms = ${(work / rg.ms).toFixed(2)}x rg's whole run; ${(ours.cpuMs - startup.cpuMs).toFixed(0)} ms CPU = ${((ours.cpuMs - startup.cpuMs) / rg.cpuMs).toFixed(2)}x; ${(ours.peakMb - startup.peakMb).toFixed(0)} MB over the start`);

    if (process.env.KEEP) console.log(`  (kept in ${prose})`);
    else await fs.rm(prose);
    const dense = path.join(dir, 'dense.txt');
    await fs.writeFile(dense, build(DENSE_BYTES, () => Array.from({ length: 6 }, () => pick(NUMBERS)()).join('; ')));
    const denseMb = (await fs.stat(dense)).size / MB;
    const big = await run(process.execPath, [CLI, 'find', '--json', dense]);
    console.log(`\ndense citations: ${denseMb.toFixed(1)} MB -> ${big.lines - 2} numbers in ${(big.ms / 1000).toFixed(1)} s (${(big.cpuMs / 1000).toFixed(1)} s CPU), peak ${big.peakMb.toFixed(0)} MB (completes: ${verdict(big.lines > 1_000_000)}; memory target ${(3 * denseMb + 64).toFixed(0)} MB: ${verdict(big.peakMb <= 3 * denseMb + 64)})`);
  } finally {
    if (!process.env.KEEP) await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
