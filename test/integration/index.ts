/**
 * Entry of the in-host integration tests: VS Code (code-server here, desktop
 * VS Code under @vscode/test-electron) loads the bundled file given as
 * `extensionTestsPath` inside the extension host and awaits `run()`.
 *
 * Every bundled `suite/*.test.js` beside this file is run with mocha (BDD), or
 * with PATENT_LOOKUP_TEST_DIR=bench every `bench/*.bench.js` (figures, printed).
 * When PATENT_LOOKUP_TEST_RESULTS names a file, a JSON report is written there
 * so the runner outside the host does not have to parse reporter output.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface IntegrationReport {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  failures: Array<{ title: string; message: string; stack?: string }>;
  /** Set when the run could not start (a suite file failed to load). */
  error?: string;
}

function suiteFiles(): string[] {
  const bench = process.env.PATENT_LOOKUP_TEST_DIR === 'bench';
  const dir = path.join(__dirname, bench ? 'bench' : 'suite');
  const suffix = bench ? '.bench.js' : '.test.js';
  // Substrings of file names, comma-separated: local runs, and npm run bench:host NAME.
  const filters = (process.env.PATENT_LOOKUP_TEST_FILTER ?? '').split(',').filter(Boolean);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && (filters.length === 0 || filters.some((s) => f.includes(s))))
    .sort()
    .map((f) => path.join(dir, f));
}

function writeReport(report: IntegrationReport): void {
  const file = process.env.PATENT_LOOKUP_TEST_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

export async function run(): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, slow: 2_000 });
  const grep = process.env.PATENT_LOOKUP_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = suiteFiles();
  // The runner outside streams the host's console from this line on.
  console.log(`patent-lookup integration: ${files.length} suite file(s) in ${vscode.env.appHost} (${vscode.env.remoteName ?? 'local'})`);
  try {
    // What mocha.loadFiles() does, without its module loader: the bundles are
    // plain CommonJS and `require` is what the extension host provides.
    for (const file of files) {
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
      mocha.suite.emit('require', require(file), file, mocha);
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
  } catch (e) {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    writeReport({ passed: 0, failed: 0, pending: 0, durationMs: Date.now() - started, failures: [], error });
    throw e;
  }

  const report: IntegrationReport = { passed: 0, failed: 0, pending: 0, durationMs: 0, failures: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => report.passed++);
    runner.on('pending', () => report.pending++);
    runner.on('fail', (test: Mocha.Runnable, err: unknown) => {
      report.failed++;
      const error = err instanceof Error ? err : new Error(String(err));
      report.failures.push({ title: test.fullTitle(), message: error.message, stack: error.stack });
    });
  });
  report.durationMs = Date.now() - started;
  writeReport(report);

  if (report.failed > 0) throw new Error(`${report.failed} integration test(s) failed.`);
}
