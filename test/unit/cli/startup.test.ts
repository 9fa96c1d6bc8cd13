import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../../../src/cli/commands';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { startSandbox } from '../../../src/sandbox/server';

const ROOT = path.join(__dirname, '../../..');
const BIN = path.join(ROOT, 'src/cli/bin.ts');
const FIXTURES = path.join(__dirname, 'fixtures');

/** What must stay unloaded until a command calls the API (#11: their import alone costs more than Node's start). */
const HEAVY = [/node_modules\/axios\//, /node_modules\/zod\//, /node_modules\/bottleneck\//, /src\/core\/api\/(client|transport|schemas|signed)\.ts$/, /src\/sandbox\//, /src\/core\/exports\/recordSchema\.ts$/];

/** Runs the CLI from source as a process and resolves to the files it loaded, and Node's own modules ('NativeModule readline'). */
async function loadedBy(args: string[], env: Record<string, string> = {}): Promise<{ code: number; files: string[]; builtins: string[] }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-startup-'));
  const out = path.join(dir, 'loaded.json');
  try {
    const code = await new Promise<number>((resolve) => {
      const child = execFile(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, '--import', pathToFileURL(path.join(FIXTURES, 'loaded-modules.mjs')).href, BIN, ...args], {
        cwd: FIXTURES,
        env: { PATH: process.env.PATH ?? '', LOADED_MODULES_FILE: out, ...env },
      });
      child.once('exit', (c) => resolve(c ?? -1));
    });
    const loaded = JSON.parse(await fs.readFile(out, 'utf8')) as { files: string[]; builtins: string[] };
    return { code, files: loaded.files.map((f) => f.split(path.sep).join('/')), builtins: loaded.builtins };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('patent-lookup start-up: offline work loads no HTTP stack, and no command until it runs', function () {
  this.timeout(60_000);

  for (const args of [['--help'], ['--version'], [], ['find', 'notes.md'], ['find', 'notes.md', '--json'], ['export', '--help'], ['help', 'search'], ['search'], ['serch'], ['lookup', 'US14/706838'], ['claims'], ['family', '--help'], ['citations', 'US1', 'US2'], ['events'], ['resolve'], ['count'], ['facets', 'TTL:car'], ['notebook', '--help'], ['notebook'], ['lint', '--help'], ['lint', 'notes.md', '--offline'], ['cite', 'notes.md'], ['export', 'TTL:car', '--fields', 'PN', '--rows', '5']]) {
    it(`patent-lookup ${args.join(' ')}`, async () => {
      const { files } = await loadedBy(args, { PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey, PATSNAP_BASE_URL: 'http://127.0.0.1:9' });
      assert.ok(files.some((f) => f.endsWith('src/cli/main.ts')), 'the probe sees the CLI itself');
      const heavy = files.filter((f) => HEAVY.some((h) => h.test(f)));
      assert.deepEqual(heavy, []);
    });
  }

  for (const args of [['export', '--help'], ['help', 'export']]) {
    it(`patent-lookup ${args.join(' ')} loads neither the download and polling code nor readline`, async () => {
      const { code, files, builtins } = await loadedBy(args);
      assert.equal(code, 0);
      assert.deepEqual(
        files.filter((f) => /src\/core\/exports\/(download|poller|fileSink|tempFiles)\.ts$|src\/cli\/commands\/exportRun\.ts$/.test(f)),
        [],
      );
      // node:readline itself: tsx, which runs the source here, loads readline's internals and crypto on its own.
      assert.ok(!builtins.includes('NativeModule readline'), 'readline is loaded');
    });
  }

  it('a command that calls the API loads it (so the probe can see it)', async () => {
    const sandbox = await startSandbox();
    try {
      const { code, files } = await loadedBy(['search', 'TTL:battery', '--limit', '1'], { PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey, PATSNAP_BASE_URL: sandbox.url });
      assert.equal(code, 0);
      for (const h of [/node_modules\/axios\//, /node_modules\/zod\//, /src\/core\/api\/client\.ts$/]) assert.ok(files.some((f) => h.test(f)), String(h));
    } finally {
      await sandbox.close();
    }
  });

  // process.stdin is a getter that opens the stream: fs streams, fs/promises and readline, a good part of Node's own start.
  describe('stdin is opened only by a command that reads it', () => {
    async function stdinReads(argv: string[]): Promise<{ code: number; reads: number }> {
      let reads = 0;
      const io = {
        stdout: { write: () => true },
        stderr: { write: () => true },
        get stdin(): CliIo['stdin'] {
          reads++;
          return Object.assign(Readable.from([]), { isTTY: false });
        },
        env: {},
        cwd: FIXTURES,
      };
      return { code: await runCli(argv, io), reads };
    }

    for (const argv of [['--help'], ['--version'], [], ['find', 'notes.md'], ['find', 'notes.md', '--json'], ['export', '--help'], ['search'], ['serch']]) {
      it(`patent-lookup ${argv.join(' ')}`, async () => {
        assert.equal((await stdinReads(argv)).reads, 0);
      });
    }

    it('export without --yes asks whether stdin is a terminal (and, as it is not, stops)', async () => {
      const { code, reads } = await stdinReads(['export', 'TTL:car', '--fields', 'PN', '--rows', '5', '--out', 'x.csv']);
      assert.equal(code, 2);
      assert.ok(reads > 0);
    });
  });

  it('lists each command with the summary its own module gives', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      assert.equal(command.name, entry.name);
      assert.equal(command.summary, entry.summary, entry.name);
    }
  });
});
