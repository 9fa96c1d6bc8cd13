// The benches of test/bench/host/, by where they run. Most run inside code-server's
// extension host (mocha with the real `vscode` API, scripts/run-integration.mjs --bench);
// one that drives the workbench through the page objects (test/lib/pages: a window reload,
// which ends the extension host it would run in) runs where the e2e specs do
// (scripts/run-e2e.mjs --bench), against the packaged extension.
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIR = 'test/bench/host';
// A value imported from the page objects' index (openVsCode, the page classes): a type alone,
// or a constant of lib/pages/timeouts, runs anywhere.
const DRIVES_THE_WORKBENCH = /^import\s+(?!type\s)[^;]*?\sfrom\s+['"](?:\.\.\/)+lib\/pages(?:\/index)?['"]/m;

/** `{ inHost, workbench }`: paths relative to `root`, only those whose name contains one of `only` when given. */
export function hostBenches(root, only = []) {
  const dir = path.join(root, DIR);
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort()
    .map((f) => `${DIR}/${f}`);
  const drives = (f) => DRIVES_THE_WORKBENCH.test(fs.readFileSync(path.join(root, f), 'utf8'));
  return { inHost: files.filter((f) => !drives(f)), workbench: files.filter(drives) };
}
