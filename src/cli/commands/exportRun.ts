import * as path from 'node:path';
import * as readline from 'node:readline';
import { exportFieldProblem, EXPORT_ROW_LIMITS } from '../../core/api/exportFields';
import { PatsnapError } from '../../core/api/errors';
import type { ExportParams, ExportType } from '../../core/api/types';
// The modules themselves, not the folder's index: the CLI loads no zod schema it does not use.
import { checkDestination, downloadToFile } from '../../core/exports/download';
import { ExportTaskPoller } from '../../core/exports/poller';
import { newExportTaskRecord, type ExportTaskRecord } from '../../core/exports/types';
import { integerOption, listOption, parseCommandArgs, requirePositionals } from '../args';
import { type CommandContext, writeJson } from '../command';
import { counted, formatBytes, formatCount, formatElapsed } from '../format';
import { type CliIo, DeclinedError, UsageError } from '../io';
import type { TerminalOutput } from '../terminal';
import { EXPORT_TYPES } from './export';

/** `export`: count, confirm, create the task, poll it and download the file (exportCommand loads this when it runs). */
export async function runExport(args: string[], { io, client }: CommandContext, usage: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      fields: { type: 'string' },
      rows: { type: 'string' },
      offset: { type: 'string' },
      out: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    usage,
  );
  requirePositionals(positionals, 'QUERY', usage);
  const params = exportParams(positionals.join(' '), values, usage);
  if (values.out === undefined) throw new UsageError('Missing --out FILE.', usage);
  // Every check that can fail locally runs before anything is billed.
  if (!values.yes && !io.stdin.isTTY) throw new UsageError('Exports are billed per patent and there is no terminal to confirm on: pass --yes to go ahead.', usage);
  const destination = await checkDestination(path.resolve(io.cwd, values.out), { overwrite: values.force });

  const api = await client();
  const signal = io.signal;
  // What PatSnap will bill: the matches past the offset, at most the rows asked for (the CLI sets no date filter).
  const { query, collapseType, collapseBy, collapseOrder, collapseOrderAuthority } = params;
  const total = await api.count({ query, collapseType, collapseBy, collapseOrder, collapseOrderAuthority }, { signal });
  const billable = Math.max(0, Math.min(params.rows, total - (params.offset ?? 0)));
  const name = path.basename(destination);
  if (billable === 0) {
    io.stderr.write(`No patents match${params.offset ? ` past offset ${formatCount(params.offset)} (there are ${formatCount(total)})` : ''}: nothing to export or bill.\n`);
    return 0;
  }
  const what = counted(billable, 'patent', 'patents');
  if (values.yes) io.stderr.write(`Exporting ${what} to ${name}; PatSnap bills each exported patent.\n`);
  else {
    const answer = await ask(io, `Export ${what} to ${name}? PatSnap bills each exported patent. [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new DeclinedError('Export not confirmed; nothing was created or billed.');
  }

  const created = await api.createExport(params, { signal });
  const record: ExportTaskRecord = newExportTaskRecord(params, created);
  io.stderr.write(`Export task ${created.taskId} created for ${counted(created.count, 'patent', 'patents')}.\n`);

  const progress = new ProgressLine(io.stderr);
  const outcome = await new ExportTaskPoller(api, io.exportPoll).poll({
    taskId: created.taskId,
    createdAt: record.createdAt,
    signal,
    onProgress: (p) => progress.show(`Export task ${p.taskId}: ${p.status}, ${formatElapsed(p.elapsedMs)} elapsed`),
  });
  progress.done();
  if (outcome.status === 'FAIL') {
    throw new PatsnapError('serviceUnavailable', `PatSnap could not complete export task ${created.taskId}; run the export again.`, { endpoint: '/patent-search/task' });
  }
  if (outcome.status === 'expired') {
    throw new PatsnapError('serviceUnavailable', `Export task ${created.taskId} expired before it finished (task ids live 24 hours); run the export again.`, { endpoint: '/patent-search/task' });
  }

  let shownAt = 0;
  const saved = await downloadToFile(api, outcome.url, destination, {
    signal,
    overwrite: values.force,
    onProgress: (bytes, total) => {
      const now = Date.now();
      if (now - shownAt < 250) return; // a progress line per chunk would cost more than the download
      shownAt = now;
      progress.show(`Downloading ${name}: ${formatBytes(bytes)}${total ? ` of ${formatBytes(total)} (${Math.floor((bytes / total) * 100)}%)` : ''}`);
    },
  });
  progress.done();

  const finished: ExportTaskRecord = { ...record, count: outcome.count ?? record.count, status: 'downloaded', url: outcome.url, succeededAt: outcome.succeededAt.toISOString(), destination: saved.path };
  if (values.json) writeJson(io, finished);
  else io.stdout.write(`Saved ${counted(finished.count, 'patent', 'patents')} to ${saved.path} (${formatBytes(saved.bytes)}).\n`);
  return 0;
}

function exportParams(query: string, values: { format?: string; fields?: string; rows?: string; offset?: string }, usage: string): ExportParams {
  const exportType = (values.format ?? 'csv').toLowerCase() as ExportType;
  if (!EXPORT_TYPES.includes(exportType)) throw new UsageError(`--format takes one of ${EXPORT_TYPES.join(', ')}, not "${values.format}".`, usage);
  const fields = listOption(values.fields)?.map((f) => f.toUpperCase());
  if (!fields || fields.length === 0) throw new UsageError('Missing --fields, e.g. --fields PN,TTL.', usage);
  for (const field of fields) {
    const problem = exportFieldProblem(field, exportType);
    if (problem) throw new UsageError(problem, usage);
  }
  if (values.rows === undefined) throw new UsageError('Missing --rows N: how many patents to export (each is billed).', usage);
  const rows = integerOption(values.rows, '--rows', usage, { min: 1, max: EXPORT_ROW_LIMITS[exportType] }) as number;
  const offset = integerOption(values.offset, '--offset', usage);
  return { query, fields, exportType, rows, offset };
}

/** One line of text from stdin after a prompt on stderr; empty when stdin ends. */
async function ask(io: CliIo, prompt: string): Promise<string> {
  io.stderr.write(prompt);
  const rl = readline.createInterface({ input: io.stdin, terminal: false });
  const onAbort = (): void => {
    rl.close();
  };
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const line = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
      if (io.signal?.aborted) rl.close();
    });
    if (io.signal?.aborted) throw new PatsnapError('cancelled', 'Cancelled; nothing was created or billed.');
    return line;
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    rl.close();
  }
}

/** A status line that rewrites itself on a terminal and prints only changes elsewhere (logs stay short). */
class ProgressLine {
  private last = '';
  private open = false;

  constructor(private readonly out: TerminalOutput) {}

  show(text: string): void {
    if (this.out.isTTY) {
      this.out.control('\r\x1b[2K'); // back to the line's start and clear it
      this.out.write(text);
      this.open = true;
    } else if (stripNumbers(text) !== stripNumbers(this.last)) {
      this.out.write(`${text}\n`);
    }
    this.last = text;
  }

  done(): void {
    if (this.open) this.out.write('\n');
    this.open = false;
    this.last = '';
  }
}

/** Elapsed times and byte counts change every call; the words are what matters off a terminal. */
function stripNumbers(text: string): string {
  return text.replace(/[\d.:,%]+/g, '#');
}
