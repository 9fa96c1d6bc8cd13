import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { KeptResult, Notebook, QueryCell, RunComparison } from '../../core/notebook';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { counted } from '../format';
import { UsageError } from '../io';
import { oneLineQuery } from './query';

interface QueryReport {
  index: number;
  query: string;
  /** The new run's date (UTC, to the second) and hit count. */
  date: string;
  total: number;
  /** The stored run compared with, or null for a first run. */
  since: string | null;
  totalBefore: number | null;
  summary: string;
  /** Families not seen before, and their results (every member of each, as in `new`): they differ when a new family has several members. */
  newFamilies: number;
  newPublications: number;
  /** Results of families not seen before (every member of each). */
  new: KeptResult[];
  /** Results of families seen before under a number not seen: new family members, not new. */
  newMembers: KeptResult[];
  /** Families of the run before that are not among these results. */
  gone: KeptResult[];
}

export const notebookCommand: Command = {
  name: 'notebook',
  summary: 're-run every query of a search notebook and print what is new since its stored run',
  usage: 'notebook FILE.patentsearch [--write] [--json]',
  details: [
    '  FILE.patentsearch  a search notebook (VS Code\u2019s "New Search Notebook\u2026" writes them)',
    '  --write            store the new runs in the file (the oldest beyond ten per query go);',
    '                     without it the file is left as it is',
    '  --json             print {"file", "written", "queries": [{"index", "query", "date", "total", "since",',
    '                     "totalBefore", "summary", "newFamilies", "newPublications", "new",',
    '                     "newMembers", "gone"}]}',
    '',
    'Every query is checked before anything is sent, and what the runs cost goes to stderr first:',
    'each query makes up to 6 calls (hit count, results, their details, status and family, charts).',
    'Results are compared by family, so a new member of a family seen before is not "new".',
    'Suits a scheduled watch: run it from cron or CI and read what is new.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { write: { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'FILE.patentsearch', usage);
    if (positionals.length > 1) throw new UsageError('One notebook at a time.', usage);
    const file = path.resolve(io.cwd, positionals[0] as string);
    // Loaded here, not at the top: the notebook's file schema is zod's, which `--help` and a usage error need not load (#11).
    const { fetchRun, planRun, recordRun, serializeNotebook, ...format } = await import('../../core/notebook');
    const notebook = await readNotebook(file, format);

    const cells = notebook.cells.map((c, i) => ({ cell: c, i })).filter((x): x is { cell: QueryCell; i: number } => x.cell.kind === 'query');
    if (cells.length === 0) throw new UsageError(`${path.basename(file)} has no query cells to run.`);
    // Nothing is sent while any query cannot be.
    let calls = 0;
    for (const [n, { cell }] of cells.entries()) {
      const plan = planRun(cell);
      const problem = plan.problems[0];
      if (problem) throw new UsageError(`Query ${n + 1} (${oneLineQuery(cell.source, 60)}) cannot be sent: ${problem.message}${problem.start === undefined ? '' : ` (at character ${problem.start + 1})`}`);
      calls += plan.calls;
    }
    io.stderr.write(`${path.basename(file)}: ${counted(cells.length, 'query', 'queries')}, up to ${counted(calls, 'call', 'calls')} to PatSnap.\n`);

    const api = await client();
    const reports: QueryReport[] = [];
    const updated: Notebook = { ...notebook, cells: [...notebook.cells] };
    for (const [n, { cell, i }] of cells.entries()) {
      const recorded = recordRun(cell, await fetchRun(api, cell, { signal: io.signal }));
      updated.cells[i] = recorded.cell;
      reports.push(report(n + 1, cell.source, recorded.run, recorded.comparison));
    }
    if (values.write) await writeAtomically(file, serializeNotebook(updated));

    if (values.json) writeJson(io, { file: positionals[0], written: values.write === true, queries: reports });
    else io.stdout.write(reports.map(text).join('\n'));
    if (!values.write) io.stderr.write('Not written: run with --write to store these runs in the notebook.\n');
    return 0;
  },
};

async function readNotebook(file: string, { parseNotebook, NotebookFormatError }: Pick<typeof import('../../core/notebook'), 'parseNotebook' | 'NotebookFormatError'>): Promise<Notebook> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file} does not exist.` : code === 'EISDIR' ? `${file} is a folder, not a notebook.` : `${file} cannot be read (${code ?? 'error'}).`);
  }
  try {
    return parseNotebook(text);
  } catch (e) {
    if (e instanceof NotebookFormatError) throw new UsageError(`${path.basename(file)}: ${e.message}`);
    throw e;
  }
}

function report(index: number, query: string, run: { date: string; total: number; results: readonly KeptResult[] }, c: RunComparison | undefined): QueryReport {
  const marked = (mark: 'new' | 'newMember'): KeptResult[] => run.results.filter((_, k) => c?.marks[k] === mark);
  return {
    index,
    query,
    date: run.date,
    total: run.total,
    since: c?.since ?? null,
    totalBefore: c?.totalBefore ?? null,
    summary: c?.summary ?? `First run: ${counted(run.total, 'hit', 'hits')}.`,
    newFamilies: c?.added.length ?? 0,
    newPublications: c?.newPublications ?? 0,
    new: marked('new'),
    newMembers: marked('newMember'),
    gone: [...(c?.gone ?? [])],
  };
}

function text(r: QueryReport): string {
  const lines = [`Query ${r.index}  ${oneLineQuery(r.query, 100)}`, `  ${r.summary}`];
  const row = (label: string, k: KeptResult): string => `  ${label.padEnd(10)} ${k.number.padEnd(16)} ${(k.date ?? '').padEnd(10)} ${oneLineQuery(k.title ?? '', 80)}`.trimEnd();
  for (const k of r.new) lines.push(row('new', k));
  for (const k of r.newMembers) lines.push(row('new member', k));
  for (const k of r.gone) lines.push(row('gone', k));
  return `${lines.join('\n')}\n`;
}

/** Beside the file, then renamed over it: a reader never sees half a notebook. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, content, 'utf8');
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new UsageError(`${file} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}); it is as it was.`);
  }
}
