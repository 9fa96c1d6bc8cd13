import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../src/cli/main';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { startSandbox } from '../../../src/sandbox/server';
import { runIn } from './harness';

const MAIN = path.join(__dirname, '../../../src/cli/bin.ts');

interface Child {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  waitFor: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<void>;
  interrupt: () => void;
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
  const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const waitFor = async (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout'): Promise<void> => {
    while (!pattern.test(out[stream])) {
      const exited = await Promise.race([new Promise<boolean>((r) => waiters.push(() => r(false))), code.then(() => true)]);
      if (exited && !pattern.test(out[stream])) throw new Error(`exited before ${pattern}: ${out.stderr}`);
    }
  };
  return { code, stdout: () => out.stdout, stderr: () => out.stderr, waitFor, interrupt: () => child.kill('SIGINT') };
}

describe('patent-lookup as a process', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-proc-'));
  });
  afterEach(() => fs.rm(scratch, { recursive: true, force: true }));

  it('sandbox starts the local server in-process and stops when aborted', async () => {
    const controller = new AbortController();
    let stdout = '';
    const running = runCli(['sandbox', '--port', '0'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      stdin: process.stdin,
      env: {},
      cwd: scratch,
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

  it('Ctrl+C during an export download exits 130 and leaves no file behind', async function () {
    this.timeout(30_000);
    const sandbox = await startSandbox({ exportPendingPolls: 0, syntheticExportBytes: 2 * 1024 * 1024 * 1024 });
    try {
      const child = cli(['export', 'TTL:battery', '--fields', 'PN', '--rows', '5', '--out', 'big.csv', '--yes'], { PATSNAP_BASE_URL: sandbox.url, PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey }, scratch);
      await child.waitFor(/Downloading big\.csv/, 'stderr');
      child.interrupt();
      assert.equal(await child.code, 130, child.stderr());
      assert.match(child.stderr(), /cancelled; nothing was saved/i);
      assert.deepEqual(await fs.readdir(scratch), []);
    } finally {
      await sandbox.close();
    }
  });

  it('prints one line, no stack trace and no secret, with the exit code of the error', async () => {
    const sandbox = await startSandbox();
    try {
      const rejected = cli(['search', 'TTL:car'], { PATSNAP_BASE_URL: sandbox.url, PATSNAP_API_KEY: 'sk-secret-value' }, scratch);
      assert.equal(await rejected.code, 3);
      sandbox.faults.add({ errorCode: 67200012 });
      const refused = cli(['search', 'TTL:car'], { PATSNAP_BASE_URL: sandbox.url, PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey }, scratch);
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
