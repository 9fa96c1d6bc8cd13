import type { PatsnapApi } from '../core/api/types';
import type { CliIo } from './io';
import { terminalSafeJson, type TerminalOutput } from './terminal';

/** What a command gets: the process's I/O, with outputs that make every string terminal-safe. */
export interface CommandIo extends Omit<CliIo, 'stdout' | 'stderr'> {
  stdout: TerminalOutput;
  stderr: TerminalOutput;
}

export interface CommandContext {
  io: CommandIo;
  /**
   * The API client, built from the environment on first use: offline commands need no
   * credentials, and the HTTP stack loads only for a command that calls the API.
   */
  client(): Promise<PatsnapApi>;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line, without the program name. */
  usage: string;
  /** Options and notes shown by `--help`. */
  details: string;
  /** The command prints its own `--help` (the sandbox, whose flags live with it). */
  ownsHelp?: boolean;
  /** Resolves to the exit code. */
  run(args: string[], context: CommandContext): Promise<number>;
}

/** A command as the command list knows it, before its module is loaded. */
export interface CommandEntry {
  name: string;
  /** One line for the command list; the same as the loaded command's. */
  summary: string;
  load(): Promise<Command>;
}

export const PROGRAM = 'patent-lookup';

export function usageLine(command: Pick<Command, 'usage'>): string {
  return `Usage: ${PROGRAM} ${command.usage}`;
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${terminalSafeJson(value)}\n`);
}

/**
 * Promise.all for calls that share a signal: when one fails, the others are
 * aborted and awaited, so no request is still queued or in flight (and billed)
 * after the command has given up.
 */
export async function allOrNothing<T extends readonly unknown[]>(signal: AbortSignal | undefined, start: (signal: AbortSignal) => { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const local = new AbortController();
  const calls = start(signal ? AbortSignal.any([signal, local.signal]) : local.signal);
  try {
    return (await Promise.all(calls)) as unknown as T;
  } catch (e) {
    local.abort();
    await Promise.allSettled(calls);
    throw e;
  }
}
