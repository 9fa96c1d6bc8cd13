// The integration tier under desktop VS Code, for machines that can download
// it (@vscode/test-electron fetches a build from update.code.visualstudio.com).
// Same run() entry and JSON report as scripts/run-integration.mjs, which is the
// runner used here and in CI.
//
// Environment: PATENT_LOOKUP_VSCODE_VERSION (default 'stable'), plus the
// PATENT_LOOKUP_TEST_GREP / PATENT_LOOKUP_TEST_FILTER of the integration runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, cleanupAll, cleanupOnSignals, runTier, log, makeTempDir, run, sandboxEnv, startSandbox } from './lib/harness.mjs';

const TAG = 'desktop';

async function main() {
  cleanupOnSignals();
  await run('npm', ['run', '--silent', 'build']);
  await run(process.execPath, ['esbuild.mjs', '--tests']);

  const sandbox = await startSandbox();
  const work = makeTempDir('desktop');
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsFile = path.join(work, 'results.json');

  const extensionTestsEnv = { PATENT_LOOKUP_TEST_RESULTS: resultsFile, ...sandboxEnv(sandbox) };
  for (const name of ['PATENT_LOOKUP_TEST_GREP', 'PATENT_LOOKUP_TEST_FILTER']) {
    if (process.env[name]) extensionTestsEnv[name] = process.env[name];
  }

  let exitCode;
  try {
    exitCode = await runTests({
      version: process.env.PATENT_LOOKUP_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (e) {
    log(TAG, e instanceof Error ? e.message : String(e));
    exitCode = 1;
  }

  const report = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  await cleanupAll();
  if (!report) log(TAG, 'no report was written: VS Code did not start or run() never ran');
  const passed = report?.passed ?? 0;
  const failed = report ? report.failed + (report.error ? 1 : 0) : 1;
  process.stdout.write(`desktop: ${passed} passed, ${failed} failed\n`);
  return exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1;
}

runTier('desktop', main);
