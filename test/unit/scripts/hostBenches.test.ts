/**
 * Which runner a bench of test/bench/host/ goes to (scripts/lib/host-benches.mjs): the one
 * that drives the workbench from outside (scripts/run-e2e.mjs --bench) for a bench that uses
 * the page objects of test/lib/pages, the extension host (scripts/run-integration.mjs
 * --bench, bundled by esbuild.mjs --tests) for the others. A bench sent to the wrong one
 * fails to load there, or is bundled for a host whose window it reloads.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { useScratchDir } from '../scratchDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');

type HostBenches = (root: string, only?: string[]) => { inHost: string[]; workbench: string[] };

async function hostBenches(): Promise<HostBenches> {
  return ((await import(path.join(ROOT, 'scripts', 'lib', 'host-benches.mjs'))) as { hostBenches: HostBenches }).hostBenches;
}

describe('scripts: host benches by runner', () => {
  const scratch = useScratchDir('patent-host-benches-');

  async function bench(name: string, source: string): Promise<void> {
    const dir = path.join(scratch.path, 'test', 'bench', 'host');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, name), source);
  }

  beforeEach(async () => {
    await bench(
      'reload.bench.ts',
      ["import * as assert from 'assert';", 'import {', '  openVsCode,', '  type VsCode,', "} from '../../lib/pages';", "import { WORKBENCH_READY_MS } from '../../lib/pages/timeouts';", ''].join('\n'),
    );
    await bench(
      'download.bench.ts',
      [
        "import * as vscode from 'vscode';",
        "import { exportsDriver } from '../../lib/extensionHarness';",
        "import type { VsCode } from '../../lib/pages';",
        "import { UI_MS } from '../../lib/pages/timeouts';",
        "// (not from '../../lib/pages': a comment)",
        '',
      ].join('\n'),
    );
    await bench('helpers.ts', "import { openVsCode } from '../../lib/pages';\n");
  });

  it('sends a bench that imports the page objects to the workbench runner, the others to the extension host', async () => {
    assert.deepEqual((await hostBenches())(scratch.path), { inHost: ['test/bench/host/download.bench.ts'], workbench: ['test/bench/host/reload.bench.ts'] });
  });

  it('keeps only the benches whose name contains one of the names asked for', async () => {
    const classify = await hostBenches();
    assert.deepEqual(classify(scratch.path, ['reload']), { inHost: [], workbench: ['test/bench/host/reload.bench.ts'] });
    assert.deepEqual(classify(scratch.path, ['down', 'nothing']), { inHost: ['test/bench/host/download.bench.ts'], workbench: [] });
    assert.deepEqual(classify(scratch.path, ['nothing-matches']), { inHost: [], workbench: [] });
  });

  it('classifies the real benches: the restored panel reloads the window, the download runs in the host', async () => {
    const { inHost, workbench } = (await hostBenches())(ROOT);
    assert.ok(workbench.includes('test/bench/host/restored-panel.bench.ts'), `workbench: ${workbench.join(', ')}`);
    assert.ok(inHost.includes('test/bench/host/download.bench.ts'), `in the host: ${inHost.join(', ')}`);
  });
});
