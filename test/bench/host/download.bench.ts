/**
 * The 300 MB export download measured where it runs for users: in the extension
 * host (code-server's here), through the extension's own tracker and downloader and
 * the http module as VS Code patches it for proxies. Run with `npm run bench:host`;
 * the runner's sandbox serves every export as a synthetic CSV of BENCH_EXPORT_BYTES.
 *
 * Memory is this process's: the host's, with VS Code's own heap and the extension
 * loaded. Each round removes the file and downloads it again ("Download Again"),
 * then fetches the same link with curl into the same folder plus an fsync, and drains
 * it with a bare http.get for the floor. The first download is the one the finished
 * task starts by itself and is printed apart (cold). Figures only; the test fails
 * only if a download saves the wrong number of bytes.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportTaskRecord } from '../../../src/core/exports/types';
import { exportsDriver, sandboxedApi } from '../../lib/extensionHarness';
import { curl, drain, fsyncFile, MB, mb, median, MEMORY_TARGET_MB, peakGrowth, peakLine, peaksLine, SPEED_TARGET, verdict, type MemoryPeak } from '../lib/download';

const SANDBOX = process.env.PATENT_LOOKUP_SANDBOX_URL;
const BYTES = Number(process.env.BENCH_EXPORT_BYTES ?? 300 * MB);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAMPLE_MS = 20;

describe('Bench: a 300 MB export downloaded in the extension host', () => {
  let scratch: string;
  let exports: Awaited<ReturnType<typeof exportsDriver>>;

  before(async () => {
    assert.ok(SANDBOX, 'PATENT_LOOKUP_SANDBOX_URL is not set: run this with npm run bench:host');
    exports = await exportsDriver(await sandboxedApi());
    exports.fastPolling();
    await exports.clear();
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-host-bench-'));
  });

  after(async () => {
    await exports.clear();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('prints memory growth, major GCs and speed against curl + fsync', async function () {
    this.timeout(15 * 60_000);
    const destination = path.join(scratch, 'export.csv');
    const sizeOf = async (file: string): Promise<number> => (await fs.stat(file)).size;

    // Cold: the finished task downloads by itself; polling is part of this one.
    const cold = await peakGrowth(async () => {
      const created = await exports.create({ query: 'TTL:battery', fields: ['PN', 'TTL'], exportType: 'csv', rows: 100 }, destination);
      return (await exports.settled(created.id)) as ExportTaskRecord;
    }, { sampleMs: SAMPLE_MS });
    assert.strictEqual(cold.result.status, 'downloaded', cold.result.error);
    assert.strictEqual(await sizeOf(destination), BYTES);
    const { id, url } = cold.result;
    assert.ok(url);

    const ours: Array<{ seconds: number; peak: MemoryPeak }> = [];
    const floor: MemoryPeak[] = [];
    const reference: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await fs.rm(destination, { force: true });
      const started = Date.now();
      const { peak, result } = await peakGrowth(async () => (await exports.download(id)) as ExportTaskRecord, { sampleMs: SAMPLE_MS });
      const elapsed = (Date.now() - started) / 1000;
      assert.strictEqual(result.status, 'downloaded', result.error);
      assert.strictEqual(await sizeOf(destination), BYTES);
      ours.push({ seconds: elapsed, peak });

      const curlOut = path.join(scratch, 'curl.csv');
      const c = await curl(url, curlOut);
      assert.strictEqual(await sizeOf(curlOut), BYTES);
      reference.push(c.seconds + (await fsyncFile(curlOut)));
      await fs.rm(curlOut, { force: true });

      const drained: { result: number; peak: MemoryPeak } = await peakGrowth(() => drain(url), { sampleMs: SAMPLE_MS });
      assert.strictEqual(drained.result, BYTES);
      floor.push(drained.peak);
    }

    const rate = (s: number): string => `${(BYTES / MB / s).toFixed(0)} MB/s`;
    const oursSeconds = median(ours.map((o) => o.seconds));
    const speed = median(reference) / oursSeconds;
    const warmRss = Math.max(...ours.map((o) => o.peak.rss));
    const memory = process.memoryUsage();
    console.log(`host: ${vscode.env.appName} ${vscode.version}, heap ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, rss ${mb(memory.rss)}; ${(BYTES / MB).toFixed(0)} MB export, ${ROUNDS} rounds`);
    console.log('memory: peak growth over the start of each download, max (median)');
    console.log(`  Download Again (tracker + downloadToFile): ${peaksLine(ours.map((o) => o.peak))}`);
    console.log(`  first download, with polling (cold):       ${peakLine(cold.peak)}`);
    console.log(`  floor, bare http.get drained in the host:  ${peaksLine(floor)}`);
    console.log(`  target < ${MEMORY_TARGET_MB} MB rss: ${verdict(warmRss < MEMORY_TARGET_MB * MB)} (counted rounds), ${verdict(cold.peak.rss < MEMORY_TARGET_MB * MB)} (cold)`);
    console.log('throughput (wall time, medians):');
    console.log(`  Download Again, to file + fsync + rename: ${rate(oursSeconds)} (${oursSeconds.toFixed(2)} s, includes the progress notification)`);
    console.log(`  curl -o FILE + fsync (same folder):       ${rate(median(reference))} (${median(reference).toFixed(2)} s)`);
    console.log(`  target >= ${SPEED_TARGET * 100} % of curl + fsync: ${(speed * 100).toFixed(0)} %, ${verdict(speed >= SPEED_TARGET)}`);
  });
});
