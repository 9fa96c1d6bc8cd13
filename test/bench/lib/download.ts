// What the download benchmarks measure, shared by the one in a plain Node process
// (test/bench/download.bench.ts) and the one in an extension host
// (test/bench/host/download.bench.ts).
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as http from 'node:http';
import { PerformanceObserver, constants as perfConstants, type PerformanceEntry } from 'node:perf_hooks';

export const MB = 1024 * 1024;
export const MEMORY_TARGET_MB = 32;
export const SPEED_TARGET = 0.8;

/** CPU seconds (user + system) of this process's waited-for children; Linux only. */
function childrenCpu(): number | undefined {
  try {
    // Fields after the command name; cutime and cstime are the 16th and 17th of the whole line, in clock ticks (100 Hz).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

export const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

export interface Timing {
  seconds: number;
  cpu?: number;
}

export function curl(url: string, out: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const cpu = childrenCpu();
    const started = process.hrtime.bigint();
    const child = spawn('curl', ['-s', '-f', '-o', out, url], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`curl exited ${code}`));
      const elapsed = seconds(started);
      const after = childrenCpu();
      resolve({ seconds: elapsed, cpu: cpu === undefined || after === undefined ? undefined : after - cpu });
    });
  });
}

export async function fsyncFile(file: string): Promise<number> {
  const started = process.hrtime.bigint();
  const handle = await fs.open(file, 'r+');
  await handle.sync();
  await handle.close();
  return seconds(started);
}

/** The floor for memory: Node's own http client, the body drained and dropped. */
export function drain(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.once('end', () => resolve(n));
        res.once('error', reject);
      })
      .once('error', reject);
  });
}

export interface MemoryPeak {
  rss: number;
  arrayBuffers: number;
  /** Mark-compact GCs while the work ran. */
  majorGcs: number;
}

let majorGcs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++;
}).observe({ entryTypes: ['gc'] });

/**
 * Peak growth over the memory at the start while `work` runs, sampled every `sampleMs`. With `gc`, the baseline and
 * each sample are taken shortly after a forced GC, so they show what is still referenced (and
 * slow the work down); the short wait lets V8 finish freeing the ArrayBuffers it found dead,
 * which it does in the background after the GC returns.
 */
export async function peakGrowth<T>(work: () => Promise<T>, options: { sampleMs: number; gc?: () => void }): Promise<{ result: T; peak: MemoryPeak }> {
  const { sampleMs, gc } = options;
  if (gc) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = process.memoryUsage();
  const gcsBefore = majorGcs;
  const peak: MemoryPeak = { rss: 0, arrayBuffers: 0, majorGcs: 0 };
  const sample = (): void => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss - base.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers - base.arrayBuffers);
  };
  let running = true;
  const sampler = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, sampleMs));
      if (gc) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      sample();
    }
  })();
  try {
    return { result: await work(), peak };
  } finally {
    running = false;
    await sampler;
    // GC entries are delivered asynchronously.
    await new Promise((resolve) => setImmediate(resolve));
    peak.majorGcs = majorGcs - gcsBefore;
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
export const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
export const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');

/** One download's peak growth: `rss 12.3 MB, arrayBuffers 4.5 MB, major GCs 0`. */
export const peakLine = (p: MemoryPeak): string => `rss ${mb(p.rss)}, arrayBuffers ${mb(p.arrayBuffers)}, major GCs ${p.majorGcs}`;

/** Several rounds' peaks, each figure as max (median). */
export function peaksLine(peaks: readonly MemoryPeak[]): string {
  const of = (k: keyof MemoryPeak): number[] => peaks.map((p) => p[k]);
  return `rss ${mb(Math.max(...of('rss')))} (${mb(median(of('rss')))}), arrayBuffers ${mb(Math.max(...of('arrayBuffers')))} (${mb(median(of('arrayBuffers')))}), major GCs ${Math.max(...of('majorGcs'))} (${median(of('majorGcs'))})`;
}
