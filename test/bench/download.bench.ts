// Streaming download of a 300 MB export in a plain Node process: peak memory growth
// (target < 32 MB) and throughput against curl fetching the same signed link into a file
// on the same disk (target >= 80 %). Figures are printed with met / not met; nothing is
// asserted. `npm run bench:host` measures the same in a real extension host.
//
// Fairness: downloadToFile writes a file and fsyncs it before moving it into place, so the
// reference is `curl -o FILE` into the same folder followed by an fsync of that file, timed
// as one. The transfer alone (without the final fsync on either side) and curl into
// /dev/null (what loopback and the sandbox can deliver) are printed for context. The
// sandbox runs in a child process so its memory is not counted here; the contenders
// alternate within each round so load from other processes hits them alike, the first
// round warms up (JIT, sockets, page cache) and is reported apart, and medians are
// reported.
//
// Memory: rss and arrayBuffers are sampled every BENCH_SAMPLE_MS and their peak
// growth over the start of the download reported, with the major (mark-compact) GCs that
// ran meanwhile. No GC is forced before the counted rounds: a forced GC resets V8's limits
// so that the Buffers Node allocates per socket read (one for the read, one the HTTP
// parser copies the body into) then trigger a full GC every few MB, which no extension
// host would see. Those Buffers are garbage V8 frees at its next GC, so the peak depends
// on V8's timing; a bare http.get drained to nowhere shows that floor, and a last download
// sampled shortly after forced GCs shows what the downloader itself holds.
//
// V8's GC work and timing depend on the heap: this process holds ~15 MB, an extension
// host 100 MB or more. BENCH_HOST_HEAP_MB holds that much to stand in for a host.
// BENCH_EXPORT_BYTES, BENCH_ROUNDS, BENCH_SAMPLE_MS and BENCH_DIR (default the OS temp
// folder) change the size, the counted rounds, the sampling period and the disk.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPatsnapClient } from '../../src/core/api/client';
import { downloadToFile, ExportTaskPoller } from '../../src/core/exports';
import { SANDBOX_CREDENTIALS } from '../../src/core/sandboxCredentials';
import { curl, drain, fsyncFile, MB, mb, median, MEMORY_TARGET_MB, peakGrowth, peakLine, peaksLine, seconds, SPEED_TARGET, verdict, type MemoryPeak } from './lib/download';

const BYTES = Number(process.env.BENCH_EXPORT_BYTES ?? 300 * 1024 * 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_MS ?? 20);
const HOST_HEAP_MB = Number(process.env.BENCH_HOST_HEAP_MB ?? 0);

const gc = (globalThis as { gc?: () => void }).gc;

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

const mbps = (s: number): string => `${(BYTES / MB / s).toFixed(0).padStart(4)} MB/s`;
const rateLine = (xs: readonly number[]): string => `${mbps(median(xs))} median (${(median(xs)).toFixed(2)} s), ${mbps(Math.min(...xs))} best`;
const cpuLine = (xs: ReadonlyArray<number | undefined>): string => {
  const known = xs.filter((x): x is number => x !== undefined);
  return known.length ? `${median(known).toFixed(2)} s CPU` : 'CPU n/a';
};

/** Live JS objects standing in for the rest of an extension host: each GC then has that much to mark. */
function occupyHeap(mb: number): unknown[] {
  const held: unknown[] = [];
  // 610 entries of 16 small objects with a string each come to about 1 MB of heap.
  for (let i = 0; i < mb * 610; i++) held.push(Array.from({ length: 16 }, (_, j) => ({ i, j, s: `item ${i}.${j}` })));
  return held;
}

async function main(): Promise<void> {
  const hostHeap = occupyHeap(HOST_HEAP_MB);
  if (!gc) console.log('note: run with --expose-gc (test/bench/run.ts does) for the live (GC\'d) figure');
  const sandbox = await startSandboxProcess();
  const scratch = await fs.mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'patent-bench-'));
  try {
    const api = createPatsnapClient({ baseUrl: sandbox.url, credentials: { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey } });
    const { taskId } = await api.createExport({ query: 'TTL:battery', fields: ['PN', 'TTL'], exportType: 'csv', rows: 100 });
    const outcome = await new ExportTaskPoller(api, { initialIntervalMs: 50 }).poll({ taskId, createdAt: new Date() });
    if (outcome.status !== 'SUCCESS') throw new Error(`export ended ${outcome.status}`);
    const url = outcome.url;

    const ours = { total: [] as number[], transfer: [] as number[], finish: [] as number[], cpu: [] as number[], peaks: [] as MemoryPeak[] };
    let cold: MemoryPeak | undefined;
    const curlFile = { total: [] as number[], transfer: [] as number[], fsync: [] as number[], cpu: [] as Array<number | undefined> };
    const curlNull: number[] = [];
    const floor: MemoryPeak[] = [];
    const oursFile = path.join(scratch, 'export.csv');
    const curlOut = path.join(scratch, 'curl.csv');

    for (let round = 0; round <= ROUNDS; round++) {
      const counted = round > 0;

      // downloadToFile: to a file, fsynced and renamed into place.
      await fs.rm(oursFile, { force: true });
      let cpu = { user: 0, system: 0 };
      let started = process.hrtime.bigint();
      let lastByte = started;
      let total = 0;
      const { result, peak } = await peakGrowth(async () => {
        const cpuBefore = process.cpuUsage();
        started = process.hrtime.bigint();
        const saved = await downloadToFile(api, url, oursFile, { onProgress: (bytes) => (bytes === BYTES ? (lastByte = process.hrtime.bigint()) : undefined) });
        total = seconds(started);
        cpu = process.cpuUsage(cpuBefore);
        return saved;
      }, { sampleMs: SAMPLE_MS });
      if (result.bytes !== BYTES) throw new Error(`downloaded ${result.bytes} bytes, expected ${BYTES}`);
      await fs.rm(oursFile, { force: true });

      // curl into a file in the same folder, then the same fsync.
      const c = await curl(url, curlOut);
      if ((await fs.stat(curlOut)).size !== BYTES) throw new Error('curl saved a different size');
      const sync = await fsyncFile(curlOut);
      await fs.rm(curlOut, { force: true });

      const nul = await curl(url, '/dev/null');
      const drained = await peakGrowth(() => drain(url), { sampleMs: SAMPLE_MS });
      if (drained.result !== BYTES) throw new Error(`drained ${drained.result} bytes, expected ${BYTES}`);

      if (!counted) {
        cold = peak;
        continue;
      }
      ours.total.push(total);
      const transfer = Number(lastByte - started) / 1e9;
      ours.transfer.push(transfer);
      ours.finish.push(total - transfer);
      ours.cpu.push((cpu.user + cpu.system) / 1e6);
      ours.peaks.push(peak);
      curlFile.transfer.push(c.seconds);
      curlFile.fsync.push(sync);
      curlFile.total.push(c.seconds + sync);
      curlFile.cpu.push(c.cpu);
      curlNull.push(nul.seconds);
      floor.push(drained.peak);
    }
    await fs.rm(oursFile, { force: true });
    const live = await peakGrowth(() => downloadToFile(api, url, oursFile), { sampleMs: SAMPLE_MS, gc });
    await fs.rm(oursFile, { force: true });

    const speed = median(curlFile.total) / median(ours.total);
    const transferSpeed = median(curlFile.transfer) / median(ours.transfer);
    const peakRss = Math.max(...ours.peaks.map((p) => p.rss));
    const peakBuffers = Math.max(...ours.peaks.map((p) => p.arrayBuffers));
    const livePeak = Math.max(live.peak.rss, live.peak.arrayBuffers);
    console.log(`export file: ${(BYTES / MB).toFixed(0)} MB from the sandbox in a child process, to ${scratch}; ${ROUNDS} rounds after a warm-up, memory sampled every ${SAMPLE_MS} ms`);
    console.log(`heap of this process before the downloads: ${mb(process.memoryUsage().heapUsed)}${hostHeap.length ? ` (BENCH_HOST_HEAP_MB=${HOST_HEAP_MB} held to stand in for an extension host)` : ''}`);
    console.log('');
    console.log('memory: peak growth over the start of each download, max (median) over the counted rounds');
    console.log(`  downloadToFile:                      ${peaksLine(ours.peaks)}`);
    console.log(`  downloadToFile, first (cold) round:  ${cold ? peakLine(cold) : 'n/a'}`);
    console.log(`  floor, bare http.get drained:        ${peaksLine(floor)}`);
    console.log(`  downloadToFile, live (GC'd samples): rss ${mb(live.peak.rss)}, arrayBuffers ${mb(live.peak.arrayBuffers)}`);
    console.log(`  target < ${MEMORY_TARGET_MB} MB: rss ${verdict(peakRss < MEMORY_TARGET_MB * MB)}, arrayBuffers ${verdict(peakBuffers < MEMORY_TARGET_MB * MB)}; live ${verdict(livePeak < MEMORY_TARGET_MB * MB)}`);
    console.log('');
    console.log('throughput (wall time; CPU is this process for ours, the curl process for curl):');
    console.log(`  downloadToFile, to file + fsync + rename: ${rateLine(ours.total)}, ${cpuLine(ours.cpu)}`);
    console.log(`    transfer (to last byte written):        ${rateLine(ours.transfer)}; then fsync, rename: ${(median(ours.finish) * 1000).toFixed(0)} ms median`);
    console.log(`  curl -o FILE + fsync (same folder):       ${rateLine(curlFile.total)}, ${cpuLine(curlFile.cpu)}`);
    console.log(`    transfer (curl -o FILE):                ${rateLine(curlFile.transfer)}; then fsync: ${(median(curlFile.fsync) * 1000).toFixed(0)} ms median`);
    console.log(`  curl -o /dev/null (loopback ceiling):     ${rateLine(curlNull)}`);
    console.log(`  target >= ${SPEED_TARGET * 100} % of curl -o FILE + fsync: ${(speed * 100).toFixed(0)} % of median, ${verdict(speed >= SPEED_TARGET)}; transfer alone ${(transferSpeed * 100).toFixed(0)} %; against /dev/null ${((median(curlNull) / median(ours.total)) * 100).toFixed(0)} %`);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
    await sandbox.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
