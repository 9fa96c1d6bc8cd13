import { Readable } from 'node:stream';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import type { SandboxServer } from '../../../src/sandbox/server';
import { useSandbox } from '../core/api/helpers';
import { useScratchDir } from '../scratchDir';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Text on stdin; default none. */
  stdin?: string;
  /** Whether stdin is a terminal; default false (as under CI). */
  tty?: boolean;
  cwd?: string;
  signal?: AbortSignal;
}

/** Runs the CLI in-process with captured streams, fast retries and millisecond export polling. */
export async function runIn(baseUrl: string | undefined, argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  // `find --json` writes UTF-8 bytes: decoded as a stream, so a character cut between writes stays whole.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as CliIo['stdin'];
  stdin.isTTY = options.tty ?? false;
  const env = options.env ?? { PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey };
  const io: CliIo = {
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : utf8.decode(s, { stream: true })) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin,
    env: baseUrl === undefined ? env : { PATSNAP_BASE_URL: baseUrl, ...env },
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal,
    clientDefaults: { retryBaseDelayMs: 1, maxRequestsPerSecond: 1000 },
    exportPoll: { initialIntervalMs: 1, maxIntervalMs: 5 },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

/**
 * One sandbox for the enclosing describe block (reset before each test) and a scratch
 * folder per test, removed after it; `run` runs the CLI there against the sandbox.
 */
export function useCliSandbox(prefix: string): { readonly sandbox: SandboxServer; readonly scratch: string; run(argv: string[]): Promise<CliRun> } {
  const ctx = useSandbox();
  const scratch = useScratchDir(prefix);
  return {
    get sandbox() {
      return ctx.sb;
    },
    get scratch() {
      return scratch.path;
    },
    run: (argv) => runIn(ctx.sb.url, argv, { cwd: scratch.path }),
  };
}
