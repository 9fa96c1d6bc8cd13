// npm run bench:host [-- NAME...]: the benches of test/bench/host/, all or those whose
// file name contains a NAME (`npm run bench:host -- restored-panel`), each in its runner
// (scripts/lib/host-benches.mjs): those in the extension host through the integration
// tier's (scripts/run-integration.mjs --bench), those that drive the workbench through
// the e2e tier's (scripts/run-e2e.mjs --bench). Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { hostBenches } from './lib/host-benches.mjs';
import { ROOT, log } from './lib/harness.mjs';

const TAG = 'bench-host';
const names = process.argv.slice(2);
const { inHost, workbench } = hostBenches(ROOT, names);
if (inHost.length + workbench.length === 0) {
  log(TAG, `no bench in test/bench/host/ is named like ${names.join(', ')}`);
  process.exit(1);
}

function runner(script, args, env = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

let ok = true;
// The in-host ones first: the e2e runner's packaging rebuilds dist/ for production.
if (inHost.length) ok = runner('run-integration.mjs', ['--bench'], { PATENT_LOOKUP_TEST_FILTER: inHost.map((f) => path.basename(f, '.ts')).join(',') }) && ok;
if (workbench.length) ok = runner('run-e2e.mjs', ['--bench', ...workbench]) && ok;
process.exitCode = ok ? 0 : 1;
