/** What `lint` and `cite` share: the citations written in files, and their facts from one batched lookup. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isPatsnapError } from '../../core/api/errors';
import type { Citation, CitationFacts } from '../../core/citations';
import { findPatentNumbers } from '../../core/numbers';
import type { CommandContext } from '../command';
import { readProblem } from '../files';

/** A draft larger than this is not a document anyone cites patents in. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface FileCitations {
  file: string;
  citations: Citation[];
}

/** Each readable file's citations (impossible numbers flagged); an unreadable one is named on stderr and counted. */
export async function readCitations(files: readonly string[], { io }: Pick<CommandContext, 'io'>): Promise<{ read: FileCitations[]; unreadable: number }> {
  const read: FileCitations[] = [];
  let unreadable = 0;
  for (const file of files) {
    try {
      const full = path.resolve(io.cwd, file);
      const stat = await fs.stat(full);
      if (stat.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
      if (stat.size > MAX_FILE_BYTES) throw new Error(`it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      const text = await fs.readFile(full, 'utf8');
      read.push({ file, citations: findPatentNumbers(text, { flagImpossible: true }) });
    } catch (e) {
      unreadable++;
      io.stderr.write(`Cannot read ${file}: ${readProblem(e)}.\n`);
    }
  }
  return { read, unreadable };
}

export interface FactsResult {
  facts?: CitationFacts;
  /** Set when some numbers could not be looked up: they were checked offline only. */
  failure?: unknown;
}

/** The facts of every citation in every file, in one batched lookup (nothing is sent when `offline`). */
export async function lookUpFacts(read: readonly FileCitations[], offline: boolean, { io, client }: CommandContext): Promise<FactsResult> {
  const all = read.flatMap((f) => f.citations);
  if (offline || all.every((c) => c.problem)) return {};
  // The lookup code (and through it the HTTP stack) loads only when numbers are to be looked up.
  const { CitationFactsLookup } = await import('../../core/citations/facts');
  const api = await client();
  const { facts, failure } = await new CitationFactsLookup(() => api).lookUp(all, { signal: io.signal });
  if (failure === undefined) return { facts };
  // Reported after the results, as the failure (its exit code and advice), saying what it cost.
  return { facts, failure: isPatsnapError(failure) ? failure.with(`${failure.message} Some numbers could not be looked up and were checked offline only.`) : failure };
}
