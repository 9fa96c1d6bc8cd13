// `npm start`: the extension in a real VS Code against the local sandbox.
// With desktop VS Code (`code` on the PATH) a new window opens with this clone
// as the extension under development; otherwise the packaged extension is
// installed into the cached code-server and its address is printed.
// Ctrl+C stops everything this script started.
//
// Environment: PATENT_LOOKUP_PORT (code-server port, default a free one),
// PATENT_LOOKUP_SANDBOX_PORT (default a free one), PATENT_LOOKUP_DEMO_FOLDER
// (folder to open, default a copy of test/fixtures/workspace).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT,
  cleanupAll,
  cleanupOnSignals,
  createCodeServerProfile,
  ensureCodeServer,
  installExtension,
  isStopping,
  log,
  makeTempDir,
  run,
  sandboxEnv,
  startCodeServer,
  startProcess,
  startSandbox,
  workbenchUrl,
} from './lib/harness.mjs';

const TAG = 'demo';

function hasDesktopCode() {
  if (process.env.PATENT_LOOKUP_DEMO_CODE_SERVER) return false; // force the browser route
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function demoFolder() {
  if (process.env.PATENT_LOOKUP_DEMO_FOLDER) return path.resolve(process.env.PATENT_LOOKUP_DEMO_FOLDER);
  const folder = path.join(makeTempDir('demo'), 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  return folder;
}

async function main() {
  cleanupOnSignals();
  const desktop = hasDesktopCode();
  log(TAG, desktop ? 'building the extension' : 'building and packaging the extension');
  await run('npm', ['run', '--silent', desktop ? 'build' : 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });

  // Announced where `npm run sandbox` announces too: "Use Local Sandbox…" offers both.
  const sandbox = await startSandbox({ port: Number(process.env.PATENT_LOOKUP_SANDBOX_PORT ?? 0), announce: 'user' });
  const env = sandboxEnv(sandbox);
  const folder = demoFolder();

  if (desktop) {
    // `--wait` keeps the launcher alive until the window closes, so the sandbox lives as long as it.
    const code = startProcess('code', 'code', ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, folder], {
      env: { ...process.env, ...env },
      onLine: (line) => process.stdout.write(`[code] ${line}\n`),
    });
    log(TAG, `VS Code window opened on ${folder}${sandbox ? ` with the sandbox at ${sandbox.url}` : ''}. Ctrl+C stops the sandbox.`);
    await code.exited;
    return;
  }

  // The settings show the gateway in use: the sandbox (a throw-away profile, so nothing of the user's changes).
  const profile = createCodeServerProfile(ensureCodeServer(), { settings: sandbox ? { 'patentLookup.apiBaseUrl': sandbox.url } : {} });
  await installExtension(profile, path.join(ROOT, 'dist', 'patent-lookup.vsix'));
  const server = await startCodeServer(profile, { env, port: Number(process.env.PATENT_LOOKUP_PORT ?? 0) || undefined });
  log(TAG, `sandbox: ${sandbox ? sandbox.url : 'not built'}; Ctrl+C stops everything.`);
  process.stdout.write(`Open ${workbenchUrl(server, folder)}\n`);
  await server.process.exited;
  if (!isStopping()) log(TAG, 'code-server exited');
}

main().then(
  async () => {
    if (isStopping()) return; // the signal handler exits
    await cleanupAll();
    process.exit(0);
  },
  async (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await cleanupAll();
    process.exit(1);
  },
);
