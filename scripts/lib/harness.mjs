// Shared by the integration, end-to-end and demo scripts: free ports, the
// sandbox, code-server with a throw-away profile, Chromium via playwright-core,
// and stopping every process group they started.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.PATENT_LOOKUP_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_ID = 'patent-lookup.patent-lookup';

// From shared e2e.md: what Debian's Chromium needs to run headless in a container.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function log(tag, message) {
  process.stdout.write(`[${tag}] ${message}\n`);
}

// ---------------------------------------------------------------- cleanup ---

const cleanups = [];
let cleaning;

/** Registers work to undo at exit (run last-in, first-out). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** True once cleanup has begun (after Ctrl+C, for instance). */
export function isStopping() {
  return cleaning !== undefined;
}

export function cleanupAll() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        process.stderr.write(`cleanup: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  })();
  return cleaning;
}

/**
 * Runs a test tier's `main()` (resolving to an exit code) and exits with it. A crash
 * prints its stack, stops what was started, and still ends with the tier's summary
 * line (`NAME: 0 passed, 1 failed`) so .ci/run counts it.
 */
export function runTier(name, main) {
  main().then(
    (code) => process.exit(code),
    async (e) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      await cleanupAll();
      process.stdout.write(`${name}: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}

/** Ctrl+C and SIGTERM stop everything this script started, then exit. */
export function cleanupOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log('harness', `${signal}: stopping what was started`);
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

export function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `patent-lookup-${prefix}-`));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

// -------------------------------------------------------------- processes ---

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

/**
 * Starts a long-running process in its own process group, so that stopping it
 * also stops its children (code-server's extension host, watchers, pty host).
 * Output goes line by line to `onLine` and, when given, to `logFile`.
 */
export function startProcess(name, command, args, { env, cwd = ROOT, logFile, onLine } = {}) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = logFile ? fs.createWriteStream(logFile) : undefined;
  const listeners = new Set(onLine ? [onLine] : []);
  const tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      logStream?.write(chunk);
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 50) tail.shift();
        for (const listener of listeners) listener(line);
      }
    });
  }
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', (e) => resolve(e.message));
  });
  let stopping;
  const proc = {
    name,
    child,
    exited,
    /** The last lines of output, for error messages. */
    tail: () => tail.join('\n'),
    /** Resolves with the first capture group of the first line matching `pattern`. */
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms\n${proc.tail()}`)), timeoutMs);
        const listener = (line) => {
          const m = pattern.exec(line);
          if (m) done(undefined, m[1] ?? m[0]);
        };
        const done = (error, value) => {
          clearTimeout(timer);
          listeners.delete(listener);
          if (error) reject(error);
          else resolve(value);
        };
        listeners.add(listener);
        void exited.then((code) => done(new Error(`${name} exited (${code}) before printing ${pattern}\n${proc.tail()}`)));
      });
    },
    /** SIGTERM to the whole group, SIGKILL if it has not exited in time; waits for the exit. */
    stop(timeoutMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        killGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
        killGroup(child.pid, 'SIGKILL'); // stragglers of the group
        await new Promise((resolve) => (logStream ? logStream.end(resolve) : resolve()));
      })();
      return stopping;
    },
  };
  onCleanup(() => proc.stop());
  return proc;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- sandbox ---

export const SANDBOX_BUNDLE = path.join(ROOT, 'dist', 'sandbox.js');

/** Where a sandbox announces itself for "Use Local Sandbox…" (src/core/sandboxAnnouncement.ts). */
export const SANDBOX_DIR_ENV = 'PATENT_LOOKUP_SANDBOX_DIR';

/**
 * Starts `node dist/sandbox.js --port N` and waits for its "listening" line and its
 * announcement. It announces itself in a folder of its own (`announcedIn`: give it to
 * code-server as PATENT_LOOKUP_SANDBOX_DIR), so tests never see other sandboxes of the
 * machine; `{ announce: 'user' }` (the demo) uses the user's folder, where
 * `npm run sandbox` announces too. Resolves undefined when the sandbox has not been built.
 */
export async function startSandbox({ port = 0, logFile, args = [], announce = 'private' } = {}) {
  if (!fs.existsSync(SANDBOX_BUNDLE)) {
    log('sandbox', `${path.relative(ROOT, SANDBOX_BUNDLE)} not built: running without the sandbox`);
    return undefined;
  }
  const env = { ...process.env };
  if (announce === 'private') env[SANDBOX_DIR_ENV] = makeTempDir('sandboxes');
  const proc = startProcess('sandbox', process.execPath, [SANDBOX_BUNDLE, '--port', String(port), ...args], { env, logFile });
  const [listening, announced] = await Promise.all([
    proc.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 15_000),
    proc.waitForLine(/announced in (.+)\)\.$|(will not find this sandbox)/, 15_000),
  ]);
  const url = listening.replace(/\/$/, '');
  const announcedIn = announced.startsWith('will not') ? undefined : path.dirname(announced);
  log('sandbox', `listening on ${url}${announcedIn ? `, announced in ${announcedIn}` : ''}`);
  return { url, port: Number(new URL(url).port), announcedIn, stop: () => proc.stop(5_000), process: proc };
}

/** The environment that lets code-server's extension host find `sandbox` (and its URL as this window's backend). */
export function sandboxEnv(sandbox) {
  if (!sandbox) return {};
  return { PATENT_LOOKUP_SANDBOX_URL: sandbox.url, ...(sandbox.announcedIn ? { [SANDBOX_DIR_ENV]: sandbox.announcedIn } : {}) };
}

// ------------------------------------------------------------ code-server ---

/** Installs code-server when needed (a fast no-op otherwise) and returns its entry script. */
export function ensureCodeServer() {
  if (process.env.PATENT_LOOKUP_CODE_SERVER) return process.env.PATENT_LOOKUP_CODE_SERVER;
  const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-code-server.sh')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scripts/setup-code-server.sh failed (${result.status ?? result.signal})`);
  const entry = result.stdout.trim().split('\n').pop();
  if (!entry || !fs.existsSync(entry)) throw new Error(`setup-code-server.sh printed no code-server path: ${result.stdout}`);
  return entry;
}

/** HOME and XDG folders under `home`: code-server and Chromium write there. */
export function isolatedHomeEnv(home) {
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  for (const dir of Object.values(env)) fs.mkdirSync(dir, { recursive: true });
  return env;
}

// User settings that keep the workbench quiet and deterministic for tests.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * A throw-away code-server profile: HOME/XDG dirs, user-data-dir, extensions-dir
 * and config file, all under one temp folder removed at cleanup.
 */
export function createCodeServerProfile(entry, { settings = {} } = {}) {
  const root = makeTempDir('code-server');
  const profile = {
    entry,
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensions, { recursive: true });
  fs.writeFileSync(profile.config, 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(profile.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  // In the remote machine's settings too: code-server's window is a remote one, and the user
  // file's value of a machine-scoped setting (patentLookup.apiBaseUrl) did not always reach
  // the extension (now and then a credentials check went to connect.patsnap.com, as the
  // e2e run's Patent Lookup log showed); the remote machine's settings are where it belongs.
  fs.mkdirSync(path.join(profile.userData, 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(profile.userData, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
  profile.env = { ...process.env, ...isolatedHomeEnv(profile.home) };
  return profile;
}

function profileArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

export async function installExtension(profile, vsix) {
  await run(process.execPath, [profile.entry, ...profileArgs(profile), '--install-extension', vsix, '--force'], {
    env: profile.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Starts code-server on a free loopback port and waits for /healthz.
 * `env` is added to the server's environment; it reaches the extension host.
 * `port` defaults to a free one.
 */
export async function startCodeServer(profile, { env = {}, logFile, port } = {}) {
  port ??= await freePort();
  const args = [
    profile.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...profileArgs(profile),
  ];
  const proc = startProcess('code-server', process.execPath, args, { env: { ...profile.env, ...env }, logFile });
  // Webviews need a secure context: http://127.0.0.1 is one, other host names are not.
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`code-server exited (${proc.child.exitCode})\n${proc.tail()}`);
    try {
      const response = await globalThis.fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server not healthy within 60 s\n${proc.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log('code-server', `healthy on ${url}`);
  return { url, port, stop: () => proc.stop(15_000), process: proc };
}

/** The workbench URL for a folder, optionally with a test payload (extensionDevelopmentPath, ...). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** `vscode-remote://` form of a local path, for payload entries. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

// ---------------------------------------------------------------- browser ---

/** Headless Debian Chromium with a fresh profile; resolves { context, page }. */
export async function launchBrowser({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  const root = makeTempDir('chromium');
  const context = await chromium.launchPersistentContext(path.join(root, 'profile'), {
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...isolatedHomeEnv(path.join(root, 'home')) },
    viewport: { width: 1440, height: 900 },
  });
  onCleanup(() => context.close().catch(() => undefined));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function artifactsDir(tier) {
  const dir = path.join(ROOT, '.test-artifacts', tier);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
