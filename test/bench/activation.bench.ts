// What a window pays for the extension before anyone uses it: the whole-process time of
// `node` loading dist/extension.js (and running activate()) with a stand-in `vscode`
// module (lib/vscodeStub.cjs), against a bare `node` with the same stand-in. Target:
// +40 ms or less (aim +15). Figures are printed, never asserted.
//
// Also printed: activation with a text editor open (the patent-number feature then loads
// right after activation: its first use), which chunks each case evaluated, and the size
// of each bundle. Builds the production bundles into dist/ first (as `npm run package`
// does); BENCH_SKIP_BUILD=1 measures dist/ as it is. BENCH_ROUNDS (default 30) runs per case.
// Run: node --import tsx test/bench/activation.bench.ts
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const STUB = path.join(__dirname, 'lib', 'vscodeStub.cjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const TARGET_MS = 40;
const AIM_MS = 15;

const extension = JSON.stringify(path.join(ROOT, 'dist', 'extension.js'));
/** Lists the dist/ files a run evaluated, on stderr, when it ends. */
const listLoaded = `process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('/dist/')).map((f) => f.slice(f.indexOf('/dist/') + 1)))));`;

interface Case {
  name: string;
  script: string;
  env?: Record<string, string>;
}

const cases: Case[] = [
  { name: 'bare node + stub', script: '0' },
  { name: 'require dist/extension.js', script: `require(${extension})` },
  { name: 'require + activate()', script: `require(${extension}).activate(vscodeStubContext())` },
  // Ends when the feature has loaded: its own timers (the prefetch debounce) would keep the process alive.
  { name: 'activate() with an editor open', script: `require(${extension}).activate(vscodeStubContext())`, env: { BENCH_STUB_EDITOR: '1', BENCH_EXIT_ON: 'Patent numbers loaded.' } },
  // The citation checks load right after the patent numbers, for the same editor.
  { name: '... and the citation checks', script: `require(${extension}).activate(vscodeStubContext())`, env: { BENCH_STUB_EDITOR: '1', BENCH_EXIT_ON: 'Citations loaded.' } },
];

function run(c: Case, list = false): { ms: number; loaded?: string[] } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', STUB, '-e', list ? `${listLoaded}${c.script}` : c.script], { env: { ...process.env, ...c.env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited with ${r.status}: ${r.stderr}`);
  return { ms, loaded: list ? (JSON.parse(r.stderr || '[]') as string[]) : undefined };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] ?? NaN;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function main(): void {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the production build failed: ${build.stderr}`);
  }
  for (const c of cases) run(c); // warm the page cache
  const times = new Map(cases.map((c) => [c.name, [] as number[]]));
  // Alternating, so that load from other processes hits every case alike.
  for (let round = 0; round < ROUNDS; round++) for (const c of cases) times.get(c.name)?.push(run(c).ms);

  const bare = median(times.get(cases[0]!.name) ?? []);
  console.log(`whole-process time, median (p90) of ${ROUNDS} runs each; target +${TARGET_MS} ms or less over bare node, aim +${AIM_MS} ms`);
  for (const c of cases) {
    const t = times.get(c.name) ?? [];
    const extra = median(t) - bare;
    const verdict = c === cases[0] ? '' : c.env ? ' (first use of the patent-number and citation features, after activation)' : extra <= AIM_MS ? ' met (within the aim)' : extra <= TARGET_MS ? ' met' : ' NOT met';
    console.log(`  ${c.name.padEnd(34)} ${median(t).toFixed(1).padStart(6)} ms (${p90(t).toFixed(1)})${c === cases[0] ? '' : `  +${extra.toFixed(1)} ms${verdict}`}`);
  }
  console.log('\nwhat each case evaluated from dist/:');
  for (const c of cases.slice(1)) console.log(`  ${c.name.padEnd(34)} ${run(c, true).loaded?.join(', ')}`);

  console.log('\nbundle sizes (production):');
  const dist = path.join(ROOT, 'dist');
  const files = ['extension.js', ...readdirSync(path.join(dist, 'chunks')).map((f) => `chunks/${f}`), ...readdirSync(path.join(dist, 'webview')).map((f) => `webview/${f}`)];
  for (const f of files) console.log(`  ${f.padEnd(46)} ${kb(statSync(path.join(dist, f)).size).padStart(10)}`);
}

main();
