// Bundles only; type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--tests`: only the in-host integration tests (run() entry + every suite/*.test.ts and test/bench/host/*.bench.ts) to out/test/integration/.
const tests = process.argv.includes('--tests');

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info', legalComments: 'none' };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/sandbox/main.ts'], outfile: 'dist/sandbox.js', platform: 'node', format: 'cjs', target: 'node20' },
  // Webview pages: browser bundles, loaded by the panels from dist/webview/.
  { ...common, entryPoints: { patent: 'src/webview/patent/main.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022' },
];

const filesIn = (dir, suffix) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => `${dir}/${f}`) : []);
const integrationSuites = filesIn('test/integration/suite', '.test.ts');
const hostBenches = filesIn('test/bench/host', '.bench.ts');
const testBuilds = [
  // mocha is bundled in; its parallel mode (the require.resolve warnings) is never used.
  { ...common, sourcemap: false, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } },
  { ...common, sourcemap: 'inline', entryPoints: integrationSuites, outdir: 'out/test/integration/suite', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, sourcemap: 'inline', entryPoints: hostBenches, outdir: 'out/test/integration/bench', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
];

if (tests) {
  fs.rmSync('out/test/integration', { recursive: true, force: true });
  await Promise.all(testBuilds.map((b) => esbuild.build(b)));
} else if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
