import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../src/cli/main';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { runIn } from './harness';
import { useScratchDir } from '../scratchDir';

const MAIN = path.join(__dirname, '../../../src/cli/bin.ts');

interface Child {
  pid: number;
  /** The exit code, or the signal that ended the process. */
  code: Promise<number | NodeJS.Signals | null>;
  stdout: () => string;
  stderr: () => string;
  waitFor: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
  /** Closes our end of its stderr, as a closed terminal window does: its next write fails. */
  closeStderr: () => void;
}

/** The CLI as a real process (the same entry esbuild bundles), to see signals and exit codes end to end. */
function cli(args: string[], env: Record<string, string>, cwd: string): Child {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, MAIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  const waiters: Array<() => void> = [];
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (c: Buffer) => {
      out[name] += c.toString('utf8');
      for (const w of waiters.splice(0)) w();
    });
  }
  const code = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (c, signal) => resolve(c ?? signal)));
  const waitFor = async (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout'): Promise<void> => {
    while (!pattern.test(out[stream])) {
      const exited = await Promise.race([new Promise<boolean>((r) => waiters.push(() => r(false))), code.then(() => true)]);
      if (exited && !pattern.test(out[stream])) throw new Error(`exited before ${pattern}: ${out.stderr}`);
    }
  };
  return {
    pid: child.pid as number,
    code,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    waitFor,
    kill: (signal) => child.kill(signal),
    closeStderr: () => child.stderr.destroy(),
  };
}

describe('patent-lookup as a process', () => {
  const scratch = useScratchDir('patent-proc-');

  it('sandbox starts the local server in-process and stops when aborted', async () => {
    const controller = new AbortController();
    let stdout = '';
    const running = runCli(['sandbox', '--port', '0'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      stdin: process.stdin,
      env: {},
      cwd: scratch.path,
      signal: controller.signal,
    });
    while (!/listening on/.test(stdout)) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    assert.ok(url, stdout);
    const search = await runIn(url, ['search', 'TTL:battery', '--limit', '1', '--json']);
    assert.equal(search.code, 0, search.stderr);
    controller.abort();
    assert.equal(await running, 0);
  });

  it('sandbox --help is the sandbox\'s own usage', async () => {
    const r = await runIn(undefined, ['sandbox', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--port N/);
  });

  describe('a download stopped mid-way', () => {
    let sandbox: SandboxServer;
    before(async () => {
      sandbox = await startSandbox({ exportPendingPolls: 0 });
    });
    after(() => sandbox.close());
    beforeEach(() => {
      sandbox.reset();
      // The file's first half arrives, then nothing: the child is mid-download for as long as the test needs.
      sandbox.faults.add({ stallMidBody: true });
    });
    const EXPORT = ['export', 'TTL:battery', '--fields', 'PN,TTL', '--rows', '20', '--out', 'big.csv', '--yes'];
    const exporting = (): Child => cli(EXPORT, { PATSNAP_BASE_URL: sandbox.url, PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey }, scratch.path);
    const temps = async (): Promise<string[]> => (await fs.readdir(scratch.path)).filter((n) => n.endsWith('.part'));

    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      it(`${signal} stops it, exits ${code} and leaves no file behind`, async () => {
        const child = exporting();
        await child.waitFor(/Downloading big\.csv/, 'stderr');
        assert.equal((await temps()).length, 1, 'the download is under way in its temp file');
        child.kill(signal);
        assert.equal(await child.code, code, child.stderr());
        assert.match(child.stderr(), /cancelled; nothing was saved/i);
        assert.deepEqual(await fs.readdir(scratch.path), []);
      });
    }

    it('a closed terminal (SIGHUP, and stderr gone) still cleans up and exits 129', async () => {
      const child = exporting();
      await child.waitFor(/Downloading big\.csv/, 'stderr');
      child.closeStderr();
      child.kill('SIGHUP');
      assert.equal(await child.code, 129);
      assert.deepEqual(await fs.readdir(scratch.path), []);
    });

    it('kill -9 leaves its temp file, and the next download of the same file sweeps it', async () => {
      const child = exporting();
      await child.waitFor(/Downloading big\.csv/, 'stderr');
      child.kill('SIGKILL');
      assert.equal(await child.code, 'SIGKILL');
      const [litter] = await temps();
      assert.ok(litter && (await fs.stat(path.join(scratch.path, litter))).size > 0, 'a killed process cannot clean up');
      const again = await runIn(sandbox.url, EXPORT, { cwd: scratch.path });
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(await fs.readdir(scratch.path), ['big.csv']);
    });

    it('keeps the temp file of a download that is still running, until it stops by itself', async () => {
      const child = exporting();
      await child.waitFor(/Downloading big\.csv/, 'stderr');
      const [running] = await temps();
      assert.match(running ?? '', new RegExp(`^\\.big\\.csv\\.${child.pid}-`));
      const meanwhile = await runIn(sandbox.url, [...EXPORT, '--force'], { cwd: scratch.path });
      assert.equal(meanwhile.code, 0, meanwhile.stderr);
      assert.deepEqual((await fs.readdir(scratch.path)).sort(), ['big.csv', running].sort(), 'the running download keeps its file');
      child.kill('SIGTERM');
      assert.equal(await child.code, 143);
      assert.deepEqual(await fs.readdir(scratch.path), ['big.csv']);
    });
  });

  it('prints one line, no stack trace and no secret, with the exit code of the error', async () => {
    const sandbox = await startSandbox();
    try {
      const rejected = cli(['search', 'TTL:car'], { PATSNAP_BASE_URL: sandbox.url, PATSNAP_API_KEY: 'sk-secret-value' }, scratch.path);
      assert.equal(await rejected.code, 3);
      sandbox.faults.add({ errorCode: 67200012 });
      const refused = cli(['search', 'TTL:car'], { PATSNAP_BASE_URL: sandbox.url, PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey }, scratch.path);
      assert.equal(await refused.code, 5);
      for (const child of [rejected, refused]) {
        assert.equal(child.stderr().trim().split('\n').length, 1, child.stderr());
        assert.doesNotMatch(child.stderr(), /\bat .*:\d+:\d+|sk-secret-value/);
        assert.equal(child.stdout(), '');
      }
    } finally {
      await sandbox.close();
    }
  });
});
