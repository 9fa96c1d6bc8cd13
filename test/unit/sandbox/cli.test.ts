import assert from 'node:assert/strict';
import { runSandboxCli } from '../../../src/sandbox/cli';

describe('sandbox: command line', () => {
  it('prints where it listens and the sandbox credentials, serves, and stops on the signal', async () => {
    let out = '';
    let stop: () => void = () => undefined;
    const stopSignal = new Promise<void>((r) => (stop = r));
    const running = runSandboxCli(['--port', '0', '--pending-polls', '1', '--published-until', '20250901'], { out: (t) => (out += t), err: (t) => (out += t), stopSignal });
    while (!out.includes('\n')) await new Promise((r) => setTimeout(r, 10));
    const url = /^PatSnap sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
    assert.ok(url, out);
    assert.match(out, /sk-sandbox-demo-key/);
    const res = await fetch(`${url}/_sandbox/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await (await fetch(`${url}/_sandbox/publish`)).json(), { ok: true, until: 20250901 }, 'later publications up to the date given');
    stop();
    assert.equal(await running, 0);
    await assert.rejects(fetch(`${url}/_sandbox/health`));
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
