// End-to-end tier: the packaged extension (.vsix) installed into code-server,
// driven through headless Chromium as a user would. The specs
// (test/e2e/**/*.e2e.ts, mocha + tsx in this process) use the page objects in
// test/lib/pages/; this script owns the servers, the browser and the cleanup.
//
// `--bench FILE...` runs those benches of test/bench/host/ instead (the ones that drive
// the workbench, scripts/lib/host-benches.mjs; npm run bench:host): figures, printed.
//
// Environment: PATENT_LOOKUP_TEST_GREP (mocha grep), PATENT_LOOKUP_SKIP_BUILD
// (reuse dist/patent-lookup.vsix as packaged), PATENT_LOOKUP_E2E_HEADED=1 (show the browser).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { register } from 'tsx/cjs/api';
import {
  EXTENSION_ID,
  ROOT,
  artifactsDir,
  cleanupAll,
  runTier,
  cleanupOnSignals,
  sandboxEnv,
  createCodeServerProfile,
  ensureCodeServer,
  installExtension,
  launchBrowser,
  log,
  makeTempDir,
  run,
  startCodeServer,
  startSandbox,
  workbenchUrl,
} from './lib/harness.mjs';

const BENCH = process.argv.indexOf('--bench');
const BENCH_FILES = BENCH < 0 ? [] : process.argv.slice(BENCH + 1).map((f) => path.resolve(ROOT, f));
const TAG = BENCH < 0 ? 'e2e' : 'bench-workbench';
const VSIX = path.join(ROOT, 'dist', 'patent-lookup.vsix');
const ENV_KEY = Symbol.for('patent-lookup.e2e'); // read by test/lib/e2eEnvironment.ts

function specFiles(dir = path.join(ROOT, 'test', 'e2e')) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? specFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
}

async function main() {
  cleanupOnSignals();
  const artifacts = artifactsDir(TAG);

  if (process.env.PATENT_LOOKUP_SKIP_BUILD && fs.existsSync(VSIX)) log(TAG, `PATENT_LOOKUP_SKIP_BUILD set: using ${path.relative(ROOT, VSIX)}`);
  else {
    log(TAG, 'packaging the extension');
    await run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }

  const sandbox = await startSandbox({ logFile: path.join(artifacts, 'sandbox.log') });
  const entry = ensureCodeServer();
  // The gateway stored credentials go to (user settings): "Set API Credentials…" checks the sandbox's key there.
  const profile = createCodeServerProfile(entry, { settings: sandbox ? { 'patentLookup.apiBaseUrl': sandbox.url } : {} });
  log(TAG, `installing ${path.relative(ROOT, VSIX)} into code-server`);
  await installExtension(profile, VSIX);

  const work = makeTempDir('e2e');
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

  const env = sandboxEnv(sandbox);
  const server = await startCodeServer(profile, { env, logFile: path.join(artifacts, 'code-server.log') });
  const { context } = await launchBrowser({ headless: !process.env.PATENT_LOOKUP_E2E_HEADED });

  const pages = new Set();
  const globalStorage = path.join(profile.userData, 'User', 'globalStorage', EXTENSION_ID);
  globalThis[ENV_KEY] = { context, workbenchUrl: workbenchUrl(server, workspace), workspace, artifacts, sandboxUrl: sandbox?.url, globalStorage, pages };

  register(); // TypeScript specs and page objects, loaded by mocha's require
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 120_000,
    slow: 10_000,
    rootHooks: {
      async afterEach() {
        if (this.currentTest?.state !== 'failed') return;
        const name = this.currentTest.fullTitle().replace(/[^\w.-]+/g, '-').slice(0, 100);
        let i = 0;
        for (const page of pages) {
          const file = path.join(artifacts, `FAILED-${name}${i++ ? `-${i}` : ''}.png`);
          await page.screenshot({ path: file }).catch(() => undefined);
          log(TAG, `screenshot: ${path.relative(ROOT, file)}`);
        }
      },
    },
  });
  if (process.env.PATENT_LOOKUP_TEST_GREP) mocha.grep(process.env.PATENT_LOOKUP_TEST_GREP);
  const files = BENCH < 0 ? specFiles() : BENCH_FILES;
  for (const f of files) mocha.addFile(f);
  log(TAG, `running ${files.length} spec file(s); screenshots in ${path.relative(ROOT, artifacts)}/`);

  const counts = await new Promise((resolve) => {
    const c = { passed: 0, failed: 0, pending: 0 };
    const runner = mocha.run(() => resolve(c));
    runner.on('pass', () => c.passed++);
    runner.on('fail', () => c.failed++);
    runner.on('pending', () => c.pending++);
  });

  // The workbench's and the extension hosts' logs (the extension's own "Patent Lookup" log among
  // them) say what a failed test's screenshot cannot; the profile is removed at cleanup.
  if (counts.failed > 0) {
    try {
      fs.cpSync(path.join(profile.userData, 'logs'), path.join(artifacts, 'logs'), { recursive: true });
      log(TAG, `logs of the failed run in ${path.relative(ROOT, path.join(artifacts, 'logs'))}/`);
    } catch (e) {
      log(TAG, `could not keep the logs: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await cleanupAll();
  if (counts.passed + counts.failed === 0) {
    log(TAG, 'no test ran');
    counts.failed = 1;
  }
  process.stdout.write(`${TAG}: ${counts.passed} passed, ${counts.failed} failed\n`);
  return counts.failed ? 1 : 0;
}

runTier(TAG, main);
