import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { announceSandbox, announcementFolder, findSandboxes, parseAnnouncement, processExists, SANDBOX_DIR_ENV } from '../../../src/core/sandboxAnnouncement';

/** The pid of a process that has exited (the OS may reuse it later, but not within a test). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('sandbox announcements', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'patent-lookup-announce-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lives in a per-user folder, or the one the environment names', () => {
    assert.equal(announcementFolder({ [SANDBOX_DIR_ENV]: '/tmp/x' }, 'linux', '/home/a'), path.resolve('/tmp/x'));
    assert.equal(announcementFolder({ XDG_RUNTIME_DIR: '/run/user/1000' }, 'linux', '/home/a'), '/run/user/1000/patent-lookup/sandboxes');
    assert.equal(announcementFolder({ XDG_CACHE_HOME: '/home/a/.c' }, 'linux', '/home/a'), '/home/a/.c/patent-lookup/sandboxes');
    assert.equal(announcementFolder({}, 'linux', '/home/a'), '/home/a/.cache/patent-lookup/sandboxes');
    assert.equal(announcementFolder({}, 'darwin', '/Users/a'), '/Users/a/Library/Caches/patent-lookup/sandboxes');
    assert.equal(announcementFolder({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a'), 'C:\\Users\\a\\AppData\\Local\\patent-lookup\\sandboxes');
  });

  it('is found while the sandbox runs and gone once it stops', async () => {
    const a = announceSandbox('http://127.0.0.1:43123/', { folder });
    assert.equal(a.problem, undefined);
    const found = await findSandboxes({ folder });
    assert.deepEqual(
      found.map((s) => [s.url, s.pid]),
      [['http://127.0.0.1:43123', process.pid]],
    );
    if (process.platform !== 'win32') assert.equal(fs.statSync(a.file).mode & 0o777, 0o600, 'only this user reads it');
    a.remove();
    a.remove();
    assert.deepEqual(await findSandboxes({ folder }), []);
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('ignores sandboxes whose process is gone, and the next sandbox sweeps them', async () => {
    const dead = deadPid();
    assert.equal(processExists(dead), false);
    assert.equal(processExists(process.pid), true);
    announceSandbox('http://127.0.0.1:40001', { folder, pid: dead, now: () => 1 });
    assert.deepEqual(await findSandboxes({ folder }), [], 'a killed sandbox is not offered');
    assert.equal(fs.readdirSync(folder).length, 1);
    const live = announceSandbox('http://127.0.0.1:40002', { folder });
    assert.deepEqual(fs.readdirSync(folder), [path.basename(live.file)], 'the stale one was swept');
    live.remove();
  });

  it('offers the most recently started first', async () => {
    const alive = (): boolean => true;
    announceSandbox('http://127.0.0.1:40001', { folder, pid: 101, now: () => 1_000, isAlive: alive });
    announceSandbox('http://127.0.0.1:40002', { folder, pid: 102, now: () => 3_000, isAlive: alive });
    announceSandbox('http://localhost:40003', { folder, pid: 103, now: () => 2_000, isAlive: alive });
    assert.deepEqual(
      (await findSandboxes({ folder, isAlive: alive })).map((s) => s.url),
      ['http://127.0.0.1:40002', 'http://localhost:40003', 'http://127.0.0.1:40001'],
    );
  });

  it('believes only small files with a loopback http URL and a pid', async () => {
    const write = (name: string, text: string): void => fs.writeFileSync(path.join(folder, name), text);
    write('sandbox-1.json', JSON.stringify({ url: 'https://evil.example:443', pid: process.pid, startedAt: 1 }));
    write('sandbox-2.json', JSON.stringify({ url: 'http://10.0.0.5:8787', pid: process.pid, startedAt: 1 }));
    write('sandbox-3.json', JSON.stringify({ url: 'http://127.0.0.1:8787/path', pid: process.pid, startedAt: 1 }));
    write('sandbox-4.json', JSON.stringify({ url: 'http://127.0.0.1:8787', pid: -1, startedAt: 1 }));
    write('sandbox-5.json', '{"url": "http://127.0.0.1:8787", "pid": ');
    write('sandbox-6.json', JSON.stringify({ url: 'http://127.0.0.1:8787', pid: process.pid, startedAt: 1, pad: 'x'.repeat(5000) }));
    write('other.json', JSON.stringify({ url: 'http://127.0.0.1:8788', pid: process.pid, startedAt: 1 }));
    write('sandbox-7.json', JSON.stringify({ url: 'http://127.0.0.1:8789', pid: process.pid, startedAt: 1 }));
    assert.deepEqual(
      (await findSandboxes({ folder })).map((s) => s.url),
      ['http://127.0.0.1:8789'],
    );
    assert.equal(parseAnnouncement('null'), undefined);
    assert.equal(parseAnnouncement('"http://127.0.0.1:1"'), undefined);
  });

  it('finds nothing, quietly, where there is no folder', async () => {
    assert.deepEqual(await findSandboxes({ folder: path.join(folder, 'missing') }), []);
  });

  it('says why when the folder cannot be written, and the sandbox runs on', () => {
    const blocked = path.join(folder, 'file');
    fs.writeFileSync(blocked, '');
    const a = announceSandbox('http://127.0.0.1:40001', { folder: blocked });
    assert.match(a.problem ?? '', /EEXIST|ENOTDIR/);
    a.remove();
  });
});
