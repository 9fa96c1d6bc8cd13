import type { ClientConfig } from '../core/api/types';
import type { ExportTaskPollerOptions } from '../core/exports';

export interface CliOutput {
  /**
   * Like a Writable's: `false` when the stream is full, and `once('drain')` says when to go on.
   * Bytes are UTF-8, whole characters (only TerminalOutput.trusted writes them).
   */
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** Everything a command touches outside itself, so tests run commands in-process. */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: CliInput;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths resolve against this. */
  cwd: string;
  /** Aborted on Ctrl+C. */
  signal?: AbortSignal;
  /** Client settings beyond the environment (tests shorten retry waits). */
  clientDefaults?: Partial<Omit<ClientConfig, 'baseUrl' | 'credentials'>>;
  /** Export polling pace (tests poll in milliseconds). */
  exportPoll?: ExportTaskPollerOptions;
}

/** Bad flags, missing arguments or unusable input: exit 2, with the command's usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user said no at a prompt. */
export class DeclinedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeclinedError';
  }
}
