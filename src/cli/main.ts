import { isPatsnapError, type PatsnapError } from '../core/api/errors';
import type { PatsnapApi } from '../core/api/types';
import { isDownloadError, type DownloadError } from '../core/exports/downloadError';
import { type Command, type CommandEntry, type CommandIo, PROGRAM, usageLine } from './command';
import { COMMANDS } from './commands';
import { baseUrlFromEnv, clientConfigFromEnv, MAX_RPS, secretsIn, TIMEOUT_MS } from './config';
import { type CliIo, DeclinedError, UsageError } from './io';
import { terminalOutput } from './terminal';
import { version as VERSION } from '../../package.json';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, credentials: 3, quota: 4, api: 5, cancelled: 130 } as const;

/**
 * Signals that stop the CLI as Ctrl+C does, with their numbers: the process then exits 128 +
 * the number. POSIX fixes these three (Linux, macOS and the BSDs agree; Node on Windows uses
 * them too), so they are written out rather than read from node:os, which nothing else in
 * an offline command's start-up loads.
 */
export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;

/** Runs one command line (without the program name) and resolves to its exit code; never throws. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // The one place output is made terminal-safe: every command, the help and every error go through these.
  // The other properties are copied as they are defined, not read (as `{ ...rawIo }` would):
  // process.stdin is a getter that opens the stream, which costs fs streams, fs/promises and
  // readline, so only a command that reads stdin may touch it.
  const io = Object.defineProperties({}, {
    ...Object.getOwnPropertyDescriptors(rawIo),
    stdout: { value: terminalOutput(rawIo.stdout), enumerable: true },
    stderr: { value: terminalOutput(rawIo.stderr), enumerable: true },
  }) as CommandIo;
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(overview());
    return EXIT.usage;
  }
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
      io.stdout.write(topic ? commandHelp(await topic.load()) : overview());
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const entry: CommandEntry | undefined = COMMANDS.find((c) => c.name === name);
    if (!entry) throw new UsageError(`Unknown command "${name}".`, `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See ${PROGRAM} --help.`);
    const command = await entry.load();
    if (!command.ownsHelp && wantsHelp(rest)) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    let client: Promise<PatsnapApi> | undefined;
    return await command.run([...rest], {
      io,
      // The HTTP stack (axios, zod schemas, the rate limiter) loads here, once a command needs it.
      client: () => (client ??= import('../core/api/client').then(({ createPatsnapClient }) => createPatsnapClient(clientConfigFromEnv(io.env, io.clientDefaults)))),
    });
  } catch (e) {
    return report(io, e);
  }
}

/** The one place errors become an exit code and one line on stderr. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (e instanceof DeclinedError) return EXIT.unexpected;
  if (isPatsnapError(e)) {
    switch (e.kind) {
      case 'invalidParameter':
        return EXIT.usage;
      case 'credentials':
        return EXIT.credentials;
      case 'quota':
        return EXIT.quota;
      case 'cancelled':
        return EXIT.cancelled;
      default:
        return EXIT.api;
    }
  }
  if (isDownloadError(e)) {
    switch (e.kind) {
      case 'exists':
      case 'permission':
      case 'noFolder':
        return EXIT.usage;
      case 'cancelled':
        return EXIT.cancelled;
      case 'interrupted':
      case 'refused':
        return EXIT.api;
      default:
        return EXIT.unexpected;
    }
  }
  return EXIT.unexpected;
}

function report(io: CommandIo, e: unknown): number {
  const code = exitCodeFor(e);
  let message: string;
  if (e instanceof UsageError || e instanceof DeclinedError) message = e.message;
  else if (isPatsnapError(e)) message = patsnapMessage(e, io);
  else if (isDownloadError(e)) message = downloadMessage(e);
  else message = `Unexpected error: ${e instanceof Error ? e.message : String(e)}`;
  io.stderr.write(`${PROGRAM}: ${oneLine(redact(message, secretsIn(io.env)))}\n`);
  if (e instanceof UsageError && e.usage) io.stderr.write(`${e.usage}\n`);
  return code;
}

/** The client's messages say what happened; add what to do about it. */
function patsnapMessage(e: PatsnapError, io: CommandIo): string {
  const where = (): string => {
    try {
      return baseUrlFromEnv(io.env);
    } catch {
      return 'PATSNAP_BASE_URL';
    }
  };
  switch (e.kind) {
    case 'credentials':
      return `${e.message} Check PATSNAP_API_KEY, or PATSNAP_CLIENT_ID and PATSNAP_CLIENT_SECRET.`;
    case 'invalidParameter':
      return e.parameter && !e.message.includes(e.parameter) ? `${e.message} (${e.parameter})` : e.message;
    case 'network':
      return `${e.message} Could not reach ${where()}: check PATSNAP_BASE_URL and the network.`;
    case 'notFound':
      return `${e.message} (${where()})`;
    case 'rateLimited':
    case 'serviceUnavailable':
      return /again/i.test(e.message) ? e.message : `${e.message} Try again later.`;
    case 'cancelled':
      return 'Cancelled.';
    default:
      return e.message;
  }
}

function downloadMessage(e: DownloadError): string {
  return e.kind === 'exists' ? `${e.destination} already exists: pass --force to replace it, or choose another name.` : e.message;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => t.split(s).join('***'), text);
}

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${PROGRAM}: PatSnap patent data from the command line`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Environment:',
    '  PATSNAP_API_KEY                              a self-service key (sk-...), or',
    '  PATSNAP_CLIENT_ID and PATSNAP_CLIENT_SECRET  client credentials',
    `  PATSNAP_BASE_URL                             API gateway (default https://connect.patsnap.com)`,
    `  PATSNAP_TIMEOUT_MS                           time limit per request, ${TIMEOUT_MS.min}-${TIMEOUT_MS.max} ms (default ${TIMEOUT_MS.default})`,
    `  PATSNAP_MAX_RPS                              most API requests per second, ${MAX_RPS.min}-${MAX_RPS.max} (default ${MAX_RPS.default})`,
    '',
    'Exit codes: 0 ok, 2 bad usage or input, 3 credentials rejected, 4 quota or licence exhausted,',
    '            5 other API error, 6 lint found problems, 1 unexpected; stopped by Ctrl+C 130, by SIGTERM 143, by SIGHUP 129.',
    '',
    `Run "${PROGRAM} COMMAND --help" for a command's options.`,
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `${usageLine(command)}\n\n${command.summary}\n\n${command.details}\n`;
}

/**
 * The process entry (dist/cli.js): real streams, the exit code, and SIGINT, SIGTERM
 * and SIGHUP (a closed terminal) as an AbortSignal, so the command stops and cleans up
 * (temp files) and the process exits 128 + the signal's number, as if the signal had
 * ended it. A second signal does not wait.
 */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let stoppedBy: StopSignal | undefined;
  let stdoutClosed = false;
  const signalExit = (signal: StopSignal): number => 128 + STOP_SIGNALS[signal];
  for (const signal of Object.keys(STOP_SIGNALS) as StopSignal[]) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(signalExit(signal));
      stoppedBy = signal;
      controller.abort();
    });
  }
  // `| head` closed the pipe: not an error; stop the command (which cleans up) and exit as if it had finished.
  process.stdout.on('error', () => {
    stdoutClosed = true;
    controller.abort();
  });
  // A closed terminal (EIO) or pipe: nothing can be told any more, and the command must still clean up.
  process.stderr.on('error', () => undefined);
  let code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin; // opened on first use (see runCli)
    },
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
  if (code === EXIT.cancelled && stoppedBy) code = signalExit(stoppedBy);
  else if (code === EXIT.cancelled && stdoutClosed) code = EXIT.ok;
  // Exit once the output is flushed: idle keep-alive sockets or a paused stdin must not hold the process open.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
