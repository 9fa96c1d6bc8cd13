/**
 * What activation evaluates and returns, in a fresh node process with a stand-in
 * `vscode` (test/bench/lib/vscodeStub.cjs): the module graph, not a timing. Activation
 * loads no HTTP, validation, export or panel code; the patent-number feature, loaded
 * once an editor shows, loads none either; `activate()` hands its internals only to
 * the test host.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const STUB = path.join(ROOT, 'test', 'bench', 'lib', 'vscodeStub.cjs');

interface Activation {
  /** What activate() returned: its keys, or null for undefined. */
  returned: string[] | null;
  /** Modules loaded, relative to the repository (node_modules/<package> for dependencies). */
  loaded: string[];
}

/** Runs activate() in a child process and reports, once `exitOn` is logged (or at once), what it loaded. */
function activate(options: { mode: 'production' | 'test'; editor?: boolean; query?: boolean; exitOn?: string }): Activation {
  const script = `
    const ctx = vscodeStubContext();
    ctx.extensionMode = ${options.mode === 'test' ? 3 : 1};
    const report = () => {
      const root = ${JSON.stringify(ROOT + path.sep)};
      const loaded = Object.keys(require.cache).filter((f) => f.startsWith(root)).map((f) => f.slice(root.length).replace(/^(node_modules\\/(@[^/]+\\/)?[^/]+).*/, '$1'));
      process.stdout.write(JSON.stringify({ returned: returned === undefined ? null : Object.keys(returned), loaded: [...new Set(loaded)] }));
    };
    process.on('exit', report);
    const returned = require('./src/extension/extension.ts').activate(ctx);
    ${options.exitOn ? '' : 'setImmediate(() => process.exit(0));'}
  `;
  const env = { ...process.env, BENCH_STUB_EDITOR: options.editor ? '1' : '0', BENCH_STUB_QUERY: options.query ? '1' : '0', BENCH_EXIT_ON: options.exitOn ?? '' };
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-r', STUB, '-e', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Activation;
}

/**
 * What must wait for first use: the HTTP stack, schemas and validation, exports, the
 * panel (but for patentPage.ts: a restored panel's page, set before any await).
 */
const HEAVY = [
  /^node_modules\/(axios|bottleneck|zod|follow-redirects|form-data|lru-cache)$/,
  /^src\/core\/api\/(client|transport|signed|schemas|validation|mapping|batch)\.ts$/,
  /^src\/core\/(auth|exports|cache)\//,
  /^src\/extension\/(exports|patent|search|notebook|query)\/(?!.*\.pure\.ts$)(?!patentPage\.ts$)/,
  /^src\/core\/(notebook|query)\//,
  /^src\/webview\/protocol\.ts$/,
];

const heavyIn = (loaded: string[]): string[] => loaded.filter((m) => HEAVY.some((h) => h.test(m)));

describe('activation', function () {
  // Each case compiles the extension's sources afresh in a child process.
  this.timeout(60_000);

  it('loads none of the HTTP, validation, export or panel code', () => {
    const { loaded } = activate({ mode: 'production' });
    assert.ok(loaded.includes('src/extension/extension.ts'), loaded.join(', '));
    assert.deepEqual(heavyIn(loaded), []);
  });

  it('loads the patent-number feature once an editor shows, still without the HTTP stack', () => {
    const { loaded } = activate({ mode: 'production', editor: true, exitOn: 'Patent numbers loaded.' });
    assert.ok(loaded.includes('src/extension/patentNumbers/index.ts'), 'the feature loaded');
    assert.ok(loaded.includes('src/core/numbers/index.ts'));
    // The lookup cache (src/core/cache) comes with it; its client and the HTTP code come with the first lookup.
    assert.deepEqual(heavyIn(loaded).filter((m) => !/lru-cache|src\/core\/cache\//.test(m)), []);
  });

  it('loads the query language support once a query document is open, still without the HTTP stack', () => {
    const { loaded } = activate({ mode: 'production', query: true, exitOn: 'Query language loaded.' });
    assert.ok(loaded.includes('src/extension/query/queryLanguageFeature.ts'), 'the feature loaded');
    assert.ok(loaded.includes('src/core/query/diagnose.ts'));
    // The notebook's schema (zod) comes with it, to read a cell's options; nothing that sends.
    assert.deepEqual(heavyIn(loaded).filter((m) => !/zod|src\/core\/(notebook|query)\/|src\/core\/api\/validation|src\/extension\/(query|notebook)\//.test(m)), []);
    assert.ok(!loaded.some((m) => /src\/extension\/notebook\/notebook(Controller|Feature)/.test(m)), 'the notebook itself waits for a notebook');
  });

  it('loads the citation checks once an editor shows, on the same scan, still without the HTTP stack', () => {
    const { loaded } = activate({ mode: 'production', editor: true, exitOn: 'Citations loaded.' });
    assert.ok(loaded.includes('src/extension/citations/citationsFeature.ts'), 'the feature loaded');
    assert.ok(loaded.includes('src/core/citations/lint.ts'));
    // Their lookups (and the HTTP code) come with the first number to look up, in a visible document.
    assert.ok(!loaded.includes('src/core/citations/facts.ts'), 'the lookups are not loaded yet');
    assert.deepEqual(heavyIn(loaded).filter((m) => !/lru-cache|src\/core\/cache\//.test(m)), []);
  });

  it('returns its internals only to the test host', () => {
    assert.equal(activate({ mode: 'production' }).returned, null);
    assert.deepEqual(activate({ mode: 'test' }).returned?.sort(), ['citations', 'credentials', 'exports', 'notebooks', 'numbers', 'panels', 'pdfs', 'queryLanguage', 'search', 'session', 'settings', 'state', 'statusBar', 'workspaceState']);
  });
});
