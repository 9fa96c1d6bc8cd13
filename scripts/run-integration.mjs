// Integration tier: mocha inside a real VS Code extension host (code-server),
// driven by headless Chromium. The workbench loads this clone as the extension
// under development and runs out/test/integration/index.js's run(); the host's
// console (mocha's reporter) is streamed here, and the JSON report it writes
// decides the outcome.
//
// `--bench` runs the benches of test/bench/host/ that run in the extension host
// instead (npm run bench:host, scripts/run-host-benches.mjs): the same host, the sandbox serving every export as a synthetic CSV of
// BENCH_EXPORT_BYTES (default 300 MB).
//
// Environment: PATENT_LOOKUP_TEST_GREP (mocha grep), PATENT_LOOKUP_TEST_FILTER
// (suite file name substrings, comma-separated), PATENT_LOOKUP_TEST_TIMEOUT_MS (overall, default 10 min),
// PATENT_LOOKUP_SKIP_BUILD (reuse dist/ as built).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import {
  ROOT,
  artifactsDir,
  cleanupAll,
  runTier,
  cleanupOnSignals,
  createCodeServerProfile,
  ensureCodeServer,
  launchBrowser,
  log,
  makeTempDir,
  remoteUri,
  run,
  startCodeServer,
  sandboxEnv,
  startSandbox,
  workbenchUrl,
} from './lib/harness.mjs';

const BENCH = process.argv.includes('--bench');
const TAG = BENCH ? 'bench-host' : 'integration';
// First line run() logs in the host (test/integration/index.ts).
const RUN_MARKER = 'patent-lookup integration:';
const OVERALL_TIMEOUT_MS = Number(process.env.PATENT_LOOKUP_TEST_TIMEOUT_MS ?? 10 * 60_000);

async function main() {
  cleanupOnSignals();
  const artifacts = artifactsDir(TAG);

  log(TAG, 'building the extension and the test bundles');
  if (process.env.PATENT_LOOKUP_SKIP_BUILD) log(TAG, 'PATENT_LOOKUP_SKIP_BUILD set: using the dist/ already built');
  else await run('npm', ['run', '--silent', 'build']);
  await run(process.execPath, ['esbuild.mjs', '--tests']);
  const testsEntry = path.join(ROOT, 'out', 'test', 'integration', 'index.js');

  const entry = ensureCodeServer();
  const benchBytes = process.env.BENCH_EXPORT_BYTES ?? String(300 * 1024 * 1024);
  const sandbox = await startSandbox({ logFile: path.join(artifacts, 'sandbox.log'), args: BENCH ? ['--synthetic-export-bytes', benchBytes] : [] });

  const work = makeTempDir('integration');
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsFile = path.join(work, 'results.json');

  const profile = createCodeServerProfile(entry);
  const env = { PATENT_LOOKUP_TEST_RESULTS: resultsFile, ...sandboxEnv(sandbox) };
  if (BENCH) Object.assign(env, { PATENT_LOOKUP_TEST_DIR: 'bench', BENCH_EXPORT_BYTES: benchBytes, BENCH_ROUNDS: process.env.BENCH_ROUNDS ?? '5' });
  for (const name of ['PATENT_LOOKUP_TEST_GREP', 'PATENT_LOOKUP_TEST_FILTER']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  const server = await startCodeServer(profile, { env, logFile: path.join(artifacts, 'code-server.log') });

  const { page } = await launchBrowser();
  let exitCode;
  const exited = new Promise((resolve) => {
    // Called by the workbench with 0 or 1 when run() resolves or rejects.
    void page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  // The workbench's and the extension host's console, mocha's reporter included.
  // Everything goes to host.log; the console gets what follows run()'s first line.
  const hostLog = fs.createWriteStream(path.join(artifacts, 'host.log'));
  let streaming = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    hostLog.write(`${type}: ${text}\n`);
    if (text.startsWith(RUN_MARKER)) streaming = true;
    if (streaming) process.stdout.write(type === 'error' ? `  ! ${text}\n` : `${text}\n`);
  });
  page.on('pageerror', (e) => log(TAG, `page error: ${e.message}`));

  const url = workbenchUrl(server, workspace, [
    ['extensionDevelopmentPath', remoteUri(server, ROOT)],
    ['extensionTestsPath', remoteUri(server, testsEntry)],
  ]);
  log(TAG, 'opening the workbench with the test payload');
  await page.goto(url);

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), OVERALL_TIMEOUT_MS);
  });
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);

  const problems = [];
  let report;
  if (outcome === 'timeout') problems.push(`no result within ${OVERALL_TIMEOUT_MS / 1000} s`);
  if (fs.existsSync(resultsFile)) {
    report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } else {
    problems.push('the extension host wrote no report (did run() start?)');
  }
  if (report?.error) problems.push(`the suites did not load: ${report.error}`);
  if (report && report.passed + report.failed === 0 && !report.error) problems.push('no test ran');
  if (report?.failed) {
    for (const f of report.failures) problems.push(`failed: ${f.title}\n      ${f.message.split('\n').join('\n      ')}`);
  }
  if (exitCode !== undefined && exitCode !== 0 && !report?.failed && !report?.error) problems.push(`run() rejected (exit ${exitCode})`);

  if (problems.length) {
    const shot = path.join(artifacts, 'failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    if (!streaming) log(TAG, `run() never started; see ${path.relative(ROOT, path.join(artifacts, 'host.log'))}`);
    for (const p of problems) log(TAG, p);
    log(TAG, `screenshot: ${path.relative(ROOT, shot)}; logs in ${path.relative(ROOT, artifacts)}/`);
  }
  await cleanupAll();
  await new Promise((resolve) => hostLog.end(resolve));

  const passed = report?.passed ?? 0;
  const failed = (report?.failed ?? 0) + (problems.length && !report?.failed ? 1 : 0);
  if (report?.pending) log(TAG, `${report.pending} pending`);
  process.stdout.write(`${TAG}: ${passed} passed, ${failed} failed\n`);
  return problems.length ? 1 : 0;
}

runTier(TAG, main);
