import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSandboxes } from '../../../src/core/sandboxAnnouncement';
import { runSandboxCli } from '../../../src/sandbox/cli';

describe('sandbox: command line', () => {
  it('prints where it listens and the sandbox credentials, announces itself, serves, and stops on the signal', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'patent-lookup-cli-announce-'));
    try {
      let out = '';
      let stop: () => void = () => undefined;
      const stopSignal = new Promise<void>((r) => (stop = r));
      const running = runSandboxCli(['--port', '0', '--pending-polls', '1', '--published-until', '20250901'], { out: (t) => (out += t), err: (t) => (out += t), stopSignal, announceIn: folder });
      while (!out.includes('announced in')) await new Promise((r) => setTimeout(r, 10));
      const url = /^PatSnap sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
      assert.ok(url, out);
      assert.match(out, /sk-sandbox-demo-key/);
      assert.deepEqual(
        (await findSandboxes({ folder })).map((s) => s.url),
        [url],
        '"Use Local Sandbox…" finds it',
      );
      const res = await fetch(`${url}/_sandbox/health`);
      assert.equal(res.status, 200);
      assert.deepEqual(await (await fetch(`${url}/_sandbox/publish`)).json(), { ok: true, until: 20250901 }, 'later publications up to the date given');
      stop();
      assert.equal(await running, 0);
      await assert.rejects(fetch(`${url}/_sandbox/health`));
      assert.deepEqual(await findSandboxes({ folder }), [], 'the announcement went with it');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers bad usage with exit code 2', async () => {
    let err = '';
    const io = { out: () => undefined, err: (t: string) => (err += t) };
    assert.equal(await runSandboxCli(['--port', 'abc'], io), 2);
    assert.equal(await runSandboxCli(['--port', '70000'], io), 2);
    assert.equal(await runSandboxCli(['--frobnicate'], io), 2);
    assert.equal(await runSandboxCli(['--published-until', '2025'], io), 2);
    assert.match(err, /usage:/);
  });
});
