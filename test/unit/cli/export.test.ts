import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { fetchRaw } from '../core/exports/harness';
import { lines, runIn, type RunOptions } from './harness';

const CREATE = '/patent-search/export/V2';
const STATUS = '/patent-search/task';
const COUNT = '/search/patent/query-search-count';

describe('patent-lookup export against the sandbox', () => {
  let sandbox: SandboxServer;
  let scratch: string;
  before(async () => {
    sandbox = await startSandbox({ exportPendingPolls: 2 });
  });
  after(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-export-'));
  });
  afterEach(() => fs.rm(scratch, { recursive: true, force: true }));
  const run = (argv: string[], options: RunOptions = {}) => runIn(sandbox.url, argv, { cwd: scratch, ...options });
  const ARGS = ['export', 'TTL:battery', '--format', 'csv', '--fields', 'PN,TTL,AN,PBD', '--rows', '25'];

  it('creates, polls with progress, and saves exactly the file the sandbox served (--yes, --json)', async () => {
    const r = await run([...ARGS, '--out', 'out.csv', '--yes', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const record = JSON.parse(r.stdout) as { id: string; status: string; url: string; destination: string; count: number; createdAt: string; succeededAt: string; params: { exportType: string; fields: string[]; rows: number } };
    assert.equal(record.status, 'downloaded');
    assert.equal(record.destination, path.join(scratch, 'out.csv'));
    assert.deepEqual(record.params, { fields: ['PN', 'TTL', 'AN', 'PBD'], exportType: 'csv', rows: 25 });
    const saved = await fs.readFile(path.join(scratch, 'out.csv'));
    assert.ok(saved.equals(await fetchRaw(record.url)), 'the saved file is byte for byte what the link serves');
    assert.equal(saved.toString('utf8').trim().split('\n').length, record.count + 1, 'a header and one row per patent');
    assert.deepEqual(await fs.readdir(scratch), ['out.csv']);
    assert.match(r.stderr, /^Exporting 25 patents to out\.csv; PatSnap bills each exported patent\.$/m);
    assert.match(r.stderr, new RegExp(`Export task ${record.id} created for 25 patents`));
    assert.match(r.stderr, /: PENDING, 0:00 elapsed/);
    assert.match(r.stderr, /: SUCCESS, /);
    assert.equal(sandbox.stats.calls(CREATE), 1);
    assert.equal(sandbox.stats.calls(STATUS), 3);
    assert.equal(sandbox.stats.calls(COUNT), 1, 'the billed count comes from P001');
    assert.equal(sandbox.stats.calls('/search/patent/query-search-patent'), 0, 'no results are fetched (or billed) to count');
  });

  /** The number of patents the sandbox finds for a query, asked independently of the export command. */
  async function total(query: string): Promise<number> {
    const r = await run(['search', query, '--limit', '1', '--json']);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { total: number }).total;
  }

  it('states the count PatSnap will bill: the matches past the offset, not the rows asked for', async () => {
    const matches = await total('TTL:battery');
    sandbox.reset();
    const offset = String(matches - 3);
    const asked = await run([...ARGS, '--offset', offset, '--out', 'out.csv'], { tty: true, stdin: 'y\n' });
    assert.equal(asked.code, 0, asked.stderr);
    assert.match(asked.stderr, /Export 3 patents to out\.csv\? PatSnap bills each exported patent\./);
    assert.match(asked.stderr, /created for 3 patents/);
    const told = await run([...ARGS, '--offset', offset, '--out', 'again.csv', '--yes']);
    assert.equal(told.code, 0, told.stderr);
    assert.match(told.stderr, /^Exporting 3 patents to again\.csv; PatSnap bills each exported patent\.$/m);
    assert.equal(sandbox.stats.calls(COUNT), 2);
  });

  it('creates no task when nothing matches past the offset', async () => {
    const matches = await total('TTL:battery');
    sandbox.reset();
    const r = await run([...ARGS, '--offset', String(matches), '--out', 'out.csv', '--yes']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`No patents match past offset ${matches.toLocaleString('en-US')} \\(there are ${matches.toLocaleString('en-US')}\\): nothing to export or bill\\.`));
    assert.equal(sandbox.stats.calls(CREATE), 0);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('creates nothing when the count cannot be had (exit 4 on a spent quota)', async () => {
    sandbox.faults.add({ path: COUNT, errorCode: 67200005 });
    const r = await run([...ARGS, '--out', 'out.csv', '--yes']);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(sandbox.stats.calls(CREATE), 0);
  });

  it('refuses without --yes when stdin is not a terminal, before any call (exit 2)', async () => {
    const r = await run([...ARGS, '--out', 'out.csv'], { tty: false });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pass --yes/);
    assert.equal(sandbox.stats.calls(), 0);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('asks on a terminal with the billable count and goes ahead on "y"', async () => {
    const r = await run([...ARGS, '--out', 'out.csv'], { tty: true, stdin: 'y\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Export 25 patents to out\.csv\? PatSnap bills each exported patent\. \[y\/N\] /);
    assert.match(r.stdout, new RegExp(`^Saved 25 patents to ${path.join(scratch, 'out.csv').replace(/[/.]/g, '\\$&')} \\(`));
    assert.equal(sandbox.stats.calls(CREATE), 1);
  });

  it('creates nothing when the answer is no (or stdin ends)', async () => {
    for (const stdin of ['n\n', '']) {
      const r = await run([...ARGS, '--out', 'out.csv'], { tty: true, stdin });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /nothing was created or billed/);
    }
    assert.equal(sandbox.stats.calls(CREATE), 0);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('never overwrites an existing file unless --force, and checks before creating the task', async () => {
    await fs.writeFile(path.join(scratch, 'out.csv'), 'precious');
    const r = await run([...ARGS, '--out', 'out.csv', '--yes']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /out\.csv already exists: pass --force/);
    assert.equal(await fs.readFile(path.join(scratch, 'out.csv'), 'utf8'), 'precious');
    assert.equal(sandbox.stats.calls(), 0);
    const forced = await run([...ARGS, '--out', 'out.csv', '--yes', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.notEqual(await fs.readFile(path.join(scratch, 'out.csv'), 'utf8'), 'precious');
  });

  it('exits 5 and saves nothing when the task fails', async () => {
    const r = await run(['export', 'TTL:battery OR __fail__', '--fields', 'PN', '--rows', '5', '--out', 'out.csv', '--yes']);
    assert.equal(r.code, 5);
    assert.match(lines(r.stderr).at(-1) ?? '', /could not complete export task .*run the export again/);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('exits 5 and leaves no partial or temp file when the download drops mid-body', async () => {
    sandbox.faults.add({ dropMidBody: true });
    const r = await run([...ARGS, '--out', 'out.csv', '--yes']);
    assert.equal(r.code, 5, r.stderr);
    assert.match(lines(r.stderr).at(-1) ?? '', /interrupted .*nothing was saved/);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('exits 4 when the export quota is spent', async () => {
    sandbox.faults.add({ path: CREATE, errorCode: 67200005 });
    const r = await run([...ARGS, '--out', 'out.csv', '--yes']);
    assert.equal(r.code, 4, r.stderr);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('exits 130 and cleans up when cancelled (Ctrl+C) during polling', async () => {
    const controller = new AbortController();
    sandbox.faults.add({ path: STATUS, delayMs: 200 });
    setTimeout(() => controller.abort(), 50);
    const r = await run([...ARGS, '--out', 'out.csv', '--yes'], { signal: controller.signal });
    assert.equal(r.code, 130, r.stderr);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('exits 130 and removes the temp file when cancelled mid-download', async () => {
    const big = await startSandbox({ exportPendingPolls: 0, syntheticExportBytes: 200 * 1024 * 1024 });
    try {
      const controller = new AbortController();
      // Abort once the temp file has bytes in it (the destination check's probe is empty).
      const watcher = setInterval(() => {
        void fs.readdir(scratch).then(async (names) => {
          for (const n of names.filter((n) => n.endsWith('.part'))) {
            const size = await fs.stat(path.join(scratch, n)).then((s) => s.size, () => 0);
            if (size > 0) controller.abort();
          }
        });
      }, 5);
      const r = await runIn(big.url, [...ARGS, '--out', 'big.csv', '--yes'], { cwd: scratch, signal: controller.signal });
      clearInterval(watcher);
      assert.equal(r.code, 130, r.stderr);
      assert.deepEqual(await fs.readdir(scratch), []);
    } finally {
      await big.close();
    }
  });
});
