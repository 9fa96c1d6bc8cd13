import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDestination, downloadToFile, isDownloadError, writeFileAtomically, type DownloadErrorKind } from '../../../../src/core/exports';
import { CSV_EXPORT, fetchRaw, startHarness, type Harness } from './harness';
import { useScratchDir } from '../../scratchDir';

function rejectsWith(kind: DownloadErrorKind): (e: unknown) => boolean {
  return (e) => {
    assert.ok(isDownloadError(e), `expected a DownloadError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    return true;
  };
}

/**
 * A folder this process really cannot create files in. As root, permission bits
 * do not stop us, so use sysfs, whose root refuses new files (EACCES) to every
 * user; otherwise a folder chmod'ed read-only.
 */
async function unwritableFolder(scratch: string): Promise<string> {
  if (process.getuid?.() === 0) return '/sys';
  const dir = path.join(scratch, 'read-only');
  await fs.mkdir(dir, { mode: 0o555 });
  return dir;
}

describe('downloadToFile against the sandbox', () => {
  let h: Harness;
  let scratch: string;
  /** The signed link of a finished export of SIZE synthetic bytes. */
  let url: string;
  const SIZE = 3 * 1024 * 1024 + 17;

  async function finishedExport(harness: Harness): Promise<string> {
    const { taskId } = await harness.api.createExport(CSV_EXPORT);
    for (;;) {
      const state = await harness.api.exportStatus(taskId);
      if (state.status === 'SUCCESS' && state.url) return state.url;
      assert.equal(state.status, 'PENDING');
    }
  }

  before(async () => {
    h = await startHarness({ exportPendingPolls: 0, syntheticExportBytes: SIZE });
    url = await finishedExport(h);
  });
  after(() => h.close());
  beforeEach(async () => {
    h.sandbox.faults.clear();
    h.sandbox.stats.reset();
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-dl-'));
  });
  afterEach(async () => {
    await fs.chmod(path.join(scratch, 'read-only'), 0o755).catch(() => undefined);
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('saves exactly the bytes the sandbox serves, reporting progress up to the total', async () => {
    const destination = path.join(scratch, 'export.csv');
    const progress: Array<[number, number | undefined]> = [];
    const result = await downloadToFile(h.api, url, destination, { onProgress: (b, t) => progress.push([b, t]) });
    const served = await fetchRaw(url);
    assert.equal(served.length, SIZE);
    assert.ok((await fs.readFile(destination)).equals(served));
    assert.deepEqual({ path: result.path, bytes: result.bytes }, { path: destination, bytes: SIZE });
    assert.match(result.fileName ?? '', /\.csv$/i);
    assert.deepEqual(progress.at(-1), [SIZE, SIZE]);
    assert.ok(progress.every(([b], i) => i === 0 || b > (progress[i - 1] as [number, number])[0]));
    assert.deepEqual(await fs.readdir(scratch), ['export.csv']);
  });

  it('saves a real (non-synthetic) CSV export byte for byte', async () => {
    const plain = await startHarness({ exportPendingPolls: 0 });
    try {
      const link = await finishedExport(plain);
      const destination = path.join(scratch, 'real.csv');
      await downloadToFile(plain.api, link, destination);
      const saved = await fs.readFile(destination);
      assert.ok(saved.equals(await fetchRaw(link)));
      assert.match(saved.toString('utf8'), /PN/);
    } finally {
      await plain.close();
    }
  });

  it('leaves nothing behind when the connection drops mid-body', async () => {
    h.sandbox.faults.add({ dropMidBody: true });
    const destination = path.join(scratch, 'export.csv');
    let received = 0;
    await assert.rejects(downloadToFile(h.api, url, destination, { onProgress: (b) => (received = b) }), rejectsWith('interrupted'));
    assert.ok(received > 0 && received < SIZE, `part of the body arrived (${received} bytes)`);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('refuses to overwrite an existing file, before any download', async () => {
    const destination = path.join(scratch, 'export.csv');
    await fs.writeFile(destination, 'keep me');
    await assert.rejects(downloadToFile(h.api, url, destination), rejectsWith('exists'));
    assert.equal(await fs.readFile(destination, 'utf8'), 'keep me');
    assert.equal(h.sandbox.stats.calls('/_files'), 0);
    assert.deepEqual(await fs.readdir(scratch), ['export.csv']);
  });

  it('replaces an existing file when overwrite is set', async () => {
    const destination = path.join(scratch, 'export.csv');
    await fs.writeFile(destination, 'old');
    await downloadToFile(h.api, url, destination, { overwrite: true });
    assert.equal((await fs.stat(destination)).size, SIZE);
    assert.deepEqual(await fs.readdir(scratch), ['export.csv']);
  });

  it('does not clobber a file that appears at the destination during the download', async () => {
    const destination = path.join(scratch, 'export.csv');
    let wrote = false;
    const onProgress = (): void => {
      if (wrote) return;
      wrote = true;
      writeFileSync(destination, 'someone else');
    };
    await assert.rejects(downloadToFile(h.api, url, destination, { onProgress }), rejectsWith('exists'));
    assert.equal(await fs.readFile(destination, 'utf8'), 'someone else');
    assert.deepEqual(await fs.readdir(scratch), ['export.csv']);
  });

  it('fails with a permission error in a folder it may not write, before any download', async () => {
    const folder = await unwritableFolder(scratch);
    const destination = path.join(folder, 'export.csv');
    await assert.rejects(downloadToFile(h.api, url, destination), rejectsWith('permission'));
    await assert.rejects(fs.lstat(destination), { code: 'ENOENT' });
    assert.equal(h.sandbox.stats.calls('/_files'), 0);
    if (folder.startsWith(scratch)) assert.deepEqual(await fs.readdir(folder), []);
  });

  it('says so when the folder does not exist', async () => {
    await assert.rejects(downloadToFile(h.api, url, path.join(scratch, 'missing', 'export.csv')), rejectsWith('noFolder'));
  });

  it('fails with noSpace on a full disk and removes the partial file (a 1 MB tmpfs, where mounting is allowed)', async function () {
    const mountPoint = path.join(scratch, 'tiny');
    await fs.mkdir(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      this.skip(); // needs CAP_SYS_ADMIN; the mapping of ENOSPC is the same code path as the others
    }
    try {
      await assert.rejects(downloadToFile(h.api, url, path.join(mountPoint, 'export.csv')), rejectsWith('noSpace'));
      assert.deepEqual(await fs.readdir(mountPoint), []);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });

  it('cancels mid-body on abort and leaves nothing', async () => {
    const controller = new AbortController();
    const destination = path.join(scratch, 'export.csv');
    const download = downloadToFile(h.api, url, destination, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(download, rejectsWith('cancelled'));
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('does nothing at all when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(downloadToFile(h.api, url, path.join(scratch, 'x.csv'), { signal: controller.signal }), rejectsWith('cancelled'));
    assert.equal(h.sandbox.stats.calls('/_files'), 0);
    assert.deepEqual(await fs.readdir(scratch), []);
  });

  it('reports a link the storage host refuses, and leaves nothing', async () => {
    const tampered = url.replace(/(X-Amz-Signature=)([0-9a-f])/, (_m, k: string, c: string) => k + (c === '0' ? '1' : '0'));
    assert.notEqual(tampered, url);
    await assert.rejects(downloadToFile(h.api, tampered, path.join(scratch, 'x.csv')), rejectsWith('refused'));
    assert.deepEqual(await fs.readdir(scratch), []);
  });
});

describe('checkDestination and writeFileAtomically', () => {
  const scratch = useScratchDir('patent-dest-');

  it('accepts a free name in a writable folder and leaves no probe behind', async () => {
    assert.equal(await checkDestination(path.join(scratch.path, 'a.csv')), path.join(scratch.path, 'a.csv'));
    assert.deepEqual(await fs.readdir(scratch.path), []);
  });

  it('refuses an existing file unless overwriting, a missing folder and an unwritable one', async () => {
    await fs.writeFile(path.join(scratch.path, 'a.csv'), 'x');
    await assert.rejects(checkDestination(path.join(scratch.path, 'a.csv')), rejectsWith('exists'));
    await checkDestination(path.join(scratch.path, 'a.csv'), { overwrite: true });
    await assert.rejects(checkDestination(path.join(scratch.path, 'no', 'a.csv')), rejectsWith('noFolder'));
    await assert.rejects(checkDestination(path.join(await unwritableFolder(scratch.path), 'a.csv')), rejectsWith('permission'));
  });

  it('writes bytes in one step and keeps an existing file unless told otherwise', async () => {
    const target = path.join(scratch.path, 'img.png');
    await writeFileAtomically(target, Buffer.from('one'));
    await assert.rejects(writeFileAtomically(target, Buffer.from('two')), rejectsWith('exists'));
    assert.equal(await fs.readFile(target, 'utf8'), 'one');
    await writeFileAtomically(target, Buffer.from('three'), { overwrite: true });
    assert.equal(await fs.readFile(target, 'utf8'), 'three');
    assert.deepEqual(await fs.readdir(scratch.path), ['img.png']);
  });
});
