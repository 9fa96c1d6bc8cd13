// What a window pays for the extension before anyone uses it: the whole-process time of
// `node` loading dist/extension.js (and running activate()) with a stand-in `vscode`
// module (lib/vscodeStub.cjs), against a bare `node` with the same stand-in. Target:
// +40 ms or less (aim +15). Figures are printed, never asserted.
//
// Also printed: activation with a text editor open (the patent-number feature then loads
// right after activation: its first use), which modules of the bundle's tables each case
// evaluated (from V8's coverage: a table's function is named by its module), and the size
// of each bundle. Builds the production bundles into dist/ first (as `npm run package`
// does); BENCH_SKIP_BUILD=1 measures dist/ as it is. BENCH_ROUNDS (default 30) runs per case.
// Run: node --import tsx test/bench/activation.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const STUB = path.join(__dirname, 'lib', 'vscodeStub.cjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const TARGET_MS = 40;
const AIM_MS = 15;

const extension = JSON.stringify(path.join(ROOT, 'dist', 'extension.js'));

interface Case {
  name: string;
  script: string;
  env?: Record<string, string>;
  /** What the case uses after activation, if anything: its figure is activation plus that first use. */
  firstUse?: string;
}

const cases: Case[] = [
  { name: 'bare node + stub', script: '0' },
  { name: 'require dist/extension.js', script: `require(${extension})` },
  { name: 'require + activate()', script: `require(${extension}).activate(vscodeStubContext())` },
  // Ends when the feature has loaded: its own timers (the prefetch debounce) would keep the process alive.
  { name: 'activate() with an editor open', script: `require(${extension}).activate(vscodeStubContext())`, env: { BENCH_STUB_EDITOR: '1', BENCH_EXIT_ON: 'Patent numbers loaded.' }, firstUse: 'the patent-number feature' },
  // The citation checks load right after the patent numbers, for the same editor.
  { name: '... and the citation checks', script: `require(${extension}).activate(vscodeStubContext())`, env: { BENCH_STUB_EDITOR: '1', BENCH_EXIT_ON: 'Citations loaded.' }, firstUse: 'the patent-number and citation features' },
  // Through the test host's API object (test mode): a feature built, or the HTTP client (axios, schemas) built without a request.
  { name: 'activate(), then the patent panel', script: firstUse('api.panels()'), firstUse: 'the patent panel' },
  { name: 'activate(), then the HTTP client', script: firstUse(`api.session.buildClient({ kind: 'apiKey', apiKey: 'k' }, 'http://127.0.0.1:9')`), firstUse: 'the HTTP client' },
];

/** Activates in test mode, then `use`s one thing through the API object and exits when it is ready. */
function firstUse(use: string): string {
  return `const ctx = vscodeStubContext(); ctx.extensionMode = 3; const api = require(${extension}).activate(ctx); ${use}.then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
}

/** The child's CPU time (user + system, every thread), on stderr as it exits. */
const reportCpu = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu ' + (u.user + u.system) / 1000); });`;

/** One run: its wall-clock time, and its CPU time (which the load of other processes hardly changes). */
function run(c: Case, env: Record<string, string> = {}): { ms: number; cpuMs: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', STUB, '-e', `${reportCpu}${c.script}`], { env: { ...process.env, ...c.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited with ${r.status}: ${r.stderr}`);
  return { ms, cpuMs: Number(/\ncpu (\S+)$/.exec(r.stderr)?.[1]) };
}

interface Coverage {
  result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
}

/** The bundle's modules a run evaluated: the table functions (named by their module, `chunks/x.js`) V8 counted a call of. */
function evaluated(c: Case): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'activation-coverage-'));
  try {
    run(c, { NODE_V8_COVERAGE: dir });
    const scripts = readdirSync(dir).flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Coverage).result);
    return scripts
      .filter((s) => /\/dist\/[^/]+\.js$/.test(s.url))
      .flatMap((s) => s.functions.filter((f) => f.functionName.endsWith('.js') && (f.ranges[0]?.count ?? 0) > 0).map((f) => f.functionName));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const times = new Map(cases.map((c) => [c.name, { ms: [] as number[], cpuMs: [] as number[] }]));
  // Alternating, so that load from other processes hits every case alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const { ms, cpuMs } = run(c);
      times.get(c.name)?.ms.push(ms);
      times.get(c.name)?.cpuMs.push(cpuMs);
    }
  }

  const bare = times.get(cases[0]!.name);
  console.log(`whole-process time, median (p90) of ${ROUNDS} runs each; target +${TARGET_MS} ms or less over bare node, aim +${AIM_MS} ms;`);
  console.log('then the process\'s CPU time (user + system), median, which other processes\' load hardly changes');
  for (const c of cases) {
    const t = times.get(c.name);
    const extra = median(t?.ms ?? []) - median(bare?.ms ?? []);
    const extraCpu = median(t?.cpuMs ?? []) - median(bare?.cpuMs ?? []);
    const verdict = c === cases[0] ? '' : c.firstUse ? ` (first use of ${c.firstUse}, after activation)` : extra <= AIM_MS ? ' met (within the aim)' : extra <= TARGET_MS ? ' met' : ' NOT met';
    const figures = `${median(t?.ms ?? []).toFixed(1).padStart(6)} ms (${p90(t?.ms ?? []).toFixed(1)})${c === cases[0] ? '' : `  +${extra.toFixed(1)} ms`}`;
    const cpu = `CPU ${median(t?.cpuMs ?? []).toFixed(1)} ms${c === cases[0] ? '' : ` +${extraCpu.toFixed(1)}`}`;
    console.log(`  ${c.name.padEnd(34)} ${figures.padEnd(34)} ${cpu.padEnd(20)}${verdict}`);
  }
  console.log('\nwhat each case evaluated of the bundle\'s modules:');
  for (const c of cases.slice(1)) {
    const modules = evaluated(c);
    console.log(`  ${c.name.padEnd(34)} ${modules.length}: ${modules.join(', ')}`);
  }

  console.log('\nbundle sizes (production):');
  const dist = path.join(ROOT, 'dist');
  const files = ['extension.js', 'editor.js', 'chunks.js', ...readdirSync(path.join(dist, 'webview')).map((f) => `webview/${f}`)];
  for (const f of files) console.log(`  ${f.padEnd(46)} ${kb(statSync(path.join(dist, f)).size).padStart(10)}`);
}

main();
