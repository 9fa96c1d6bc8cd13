import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into a usage error naming the command's usage. */
export function parseCommandArgs<T extends OptionsConfig>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Node appends a paragraph on how to pass a positional starting with '-'; the first sentence is the point.
    const first = /^[^.]*'[^']*'[^.]*\./.exec(message)?.[0] ?? message.split('\n')[0] ?? message;
    throw new UsageError(first, usage);
  }
}

export function integerOption(value: string | undefined, flag: string, usage: string, range: { min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const bounds = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min} to ${max}`;
    throw new UsageError(`${flag} takes a whole number ${bounds}, not "${value}".`, usage);
  }
  return n;
}

/** yyyyMMdd as an integer, as the API takes dates. */
export function dateOption(value: string | undefined, flag: string, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw new UsageError(`${flag} takes a date as yyyyMMdd (e.g. 20240131), not "${value}".`, usage);
  }
  return Number(`${m[1]}${m[2]}${m[3]}`);
}

export function listOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function requirePositionals(positionals: string[], what: string, usage: string): void {
  if (positionals.length === 0) throw new UsageError(`Missing ${what}.`, usage);
}
