// Export + streaming download of a 300 MB file: peak memory growth of this process
// (target < 32 MB) and throughput against curl fetching the same signed link
// (target >= 80 % of `curl -s -o /dev/null`). Printed only; nothing is asserted.
// The sandbox runs in a child process so its memory and CPU are not counted here.
// BENCH_EXPORT_BYTES and BENCH_DIR (default the OS temp folder) change the size and the disk.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPatsnapClient } from '../../src/core/api/client';
import { downloadToFile, ExportTaskPoller } from '../../src/core/exports';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

const BYTES = Number(process.env.BENCH_EXPORT_BYTES ?? 300 * 1024 * 1024);
const MB = 1024 * 1024;

async function startSandboxProcess(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/sandbox/main.ts'), '--port', '0', '--pending-polls', '1', '--synthetic-export-bytes', String(BYTES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

function curl(url: string, out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('curl', ['-s', '-f', '-o', out, url], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e9) : reject(new Error(`curl exited ${code}`))));
  });
}

const rate = (seconds: number): string => `${(BYTES / MB / seconds).toFixed(0)} MB/s (${seconds.toFixed(2)} s)`;

async function main(): Promise<void> {
  const sandbox = await startSandboxProcess();
  const scratch = await fs.mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'patent-bench-'));
  try {
    const api = createPatsnapClient({ baseUrl: sandbox.url, credentials: { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey } });
    const { taskId } = await api.createExport({ query: 'TTL:battery', fields: ['PN', 'TTL'], exportType: 'csv', rows: 100 });
    const outcome = await new ExportTaskPoller(api, { initialIntervalMs: 50 }).poll({ taskId, createdAt: new Date() });
    if (outcome.status !== 'SUCCESS') throw new Error(`export ended ${outcome.status}`);

    const destination = path.join(scratch, 'export.csv');
    const ours: number[] = [];
    const curlNull: number[] = [];
    const curlFile: number[] = [];
    /** From the last byte received to the file in place: mostly the fsync curl does not do. */
    const syncing: number[] = [];
    let baseRss = 0;
    let baseArrayBuffers = 0;
    let peakRss = 0;
    let peakArrayBuffers = 0;
    // Rounds interleave the contenders so that load from other processes on the machine hits both alike;
    // the first round warms up (JIT, sockets, page cache) and is not counted.
    for (let round = 0; round < 4; round++) {
      const counted = round > 0;
      await fs.rm(destination, { force: true });
      (globalThis as { gc?: () => void }).gc?.();
      if (round === 1) {
        const base = process.memoryUsage();
        baseRss = peakRss = base.rss;
        baseArrayBuffers = peakArrayBuffers = base.arrayBuffers;
      }
      const sampler = setInterval(() => {
        if (!counted) return;
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakArrayBuffers = Math.max(peakArrayBuffers, m.arrayBuffers);
      }, 10);
      const started = process.hrtime.bigint();
      let lastByte = started;
      const result = await downloadToFile(api, outcome.url, destination, { onProgress: (bytes) => (bytes === BYTES ? (lastByte = process.hrtime.bigint()) : undefined) });
      const done = process.hrtime.bigint();
      const seconds = Number(done - started) / 1e9;
      clearInterval(sampler);
      if (result.bytes !== BYTES) throw new Error(`downloaded ${result.bytes} bytes, expected ${BYTES}`);
      await fs.rm(destination, { force: true });
      const nul = await curl(outcome.url, '/dev/null');
      const file = await curl(outcome.url, destination);
      if (counted) {
        ours.push(seconds);
        syncing.push(Number(done - lastByte) / 1e9);
        curlNull.push(nul);
        curlFile.push(file);
      }
    }
    await fs.rm(destination, { force: true });

    const best = (xs: number[]): number => Math.min(...xs);
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(`export file: ${(BYTES / MB).toFixed(0)} MB, streamed from the sandbox in another process; ${ours.length} rounds, best (median)`);
    console.log(`peak growth during download: rss ${((peakRss - baseRss) / MB).toFixed(1)} MB, arrayBuffers ${((peakArrayBuffers - baseArrayBuffers) / MB).toFixed(1)} MB (target < 32 MB)`);
    console.log(`downloadToFile (to disk, fsync): ${rate(best(ours))}  (${rate(median(ours))})`);
    console.log(`  of which last byte -> renamed (fsync, rename): median ${(median(syncing) * 1000).toFixed(0)} ms`);
    console.log(`curl -s -o /dev/null:            ${rate(best(curlNull))}  (${rate(median(curlNull))})`);
    console.log(`curl -s -o FILE (reference):     ${rate(best(curlFile))}  (${rate(median(curlFile))})`);
    console.log(`downloadToFile / curl -o /dev/null: ${((best(curlNull) / best(ours)) * 100).toFixed(0)} % best, ${((median(curlNull) / median(ours)) * 100).toFixed(0)} % median (target >= 80 %)`);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
    await sandbox.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
