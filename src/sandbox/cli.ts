/**
 * `patent-lookup sandbox` and `node dist/sandbox.js`: start the sandbox on a port,
 * print where it listens and its (public, test-only) credentials, and stop on
 * SIGINT or SIGTERM. Kept apart from main.ts so the CLI can import it without
 * starting a server.
 */
import { announceSandbox } from '../core/sandboxAnnouncement';
import { SANDBOX_CREDENTIALS } from '../core/sandboxCredentials';
import { startSandbox, type SandboxOptions } from './server';

export const DEFAULT_SANDBOX_PORT = 8787;

const USAGE = `usage: patent-lookup sandbox [--port N] [--pending-polls N] [--max-rps N] [--synthetic-export-bytes N] [--published-until yyyyMMdd]
  --port N                    port on 127.0.0.1 (default ${DEFAULT_SANDBOX_PORT}; 0 for any free port)
  --pending-polls N           export polls answered PENDING before the result (default 2)
  --max-rps N                 answer 67200002 above N business calls per second (default: no limit)
  --synthetic-export-bytes N  finished exports are a streamed CSV of exactly N bytes
  --published-until yyyyMMdd  start with the later publications (after 20250630) up to this date published
                              (POST /_sandbox/publish {"until": yyyyMMdd} publishes them later; DELETE withdraws)
`;

export interface SandboxCliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves when the sandbox should stop; default: the first SIGINT or SIGTERM. */
  stopSignal?: Promise<void>;
  /** Where it announces itself for "Use Local Sandbox…" (see core/sandboxAnnouncement.ts); default the per-user folder. */
  announceIn?: string;
}

function parseArgs(argv: readonly string[]): SandboxOptions & { port: number } {
  const options: SandboxOptions & { port: number } = { port: DEFAULT_SANDBOX_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): number => {
      const text = inline ?? argv[++i];
      if (text === undefined || !/^\d+$/.test(text)) throw new Error(`${flag} needs a non-negative whole number.`);
      return Number(text);
    };
    switch (flag) {
      case '--port': {
        const port = value();
        if (port > 65535) throw new Error('--port must be 0..65535.');
        options.port = port;
        break;
      }
      case '--pending-polls':
        options.exportPendingPolls = value();
        break;
      case '--max-rps':
        options.maxRequestsPerSecond = value() || undefined;
        break;
      case '--synthetic-export-bytes':
        options.syntheticExportBytes = value();
        break;
      case '--published-until': {
        const until = value();
        if (!/^\d{8}$/.test(String(until))) throw new Error('--published-until takes a date written yyyyMMdd.');
        options.publishedUntil = until;
        break;
      }
      default:
        throw new Error(`unknown argument "${arg}".`);
    }
  }
  return options;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs until stopped; resolves with the exit code (0, or 2 for bad usage, 1 when the port is taken). */
export async function runSandboxCli(argv: readonly string[], io: SandboxCliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (e) {
    io.err(`patent-lookup sandbox: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const stop = io.stopSignal ?? signalled();
  let sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (e) {
    io.err(`patent-lookup sandbox: cannot listen on 127.0.0.1:${options.port}: ${(e as Error).message}\n`);
    return 1;
  }
  io.out(`PatSnap sandbox listening on ${sandbox.url}\n`);
  io.out(`Sandbox credentials (public test values): client id ${SANDBOX_CREDENTIALS.clientId}, client secret ${SANDBOX_CREDENTIALS.clientSecret}, API key ${SANDBOX_CREDENTIALS.apiKey}\n`);
  const announcement = announceSandbox(sandbox.url, { folder: io.announceIn });
  if (announcement.problem) io.err(`patent-lookup sandbox: "Use Local Sandbox\u2026" will not find this sandbox (${announcement.problem}); give it the URL above.\n`);
  else io.out(`VS Code finds it with "Patent: Use Local Sandbox\u2026" (announced in ${announcement.file}).\n`);
  try {
    await stop;
  } finally {
    announcement.remove();
    await sandbox.close();
  }
  return 0;
}
