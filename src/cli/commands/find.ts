import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findPatentNumbers } from '../../core/numbers';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';

/** One occurrence, in the shape design.md fixes for `find --json`. */
export interface FoundNumber {
  file: string;
  line: number;
  column: number;
  text: string;
  number: string;
  type: 'publication' | 'application';
  office: string;
  kind: string | null;
}

export const findCommand: Command = {
  name: 'find',
  summary: 'list the patent numbers written in files, normalised (offline)',
  usage: 'find FILE... [--json]',
  details: [
    '  FILE     text files to scan (any format: source, Markdown, e-mail, ...)',
    '  --json   print an array of {file, line, column, text, number, type, office, kind}',
    '',
    'Runs offline: no credentials needed. Exits 2 when a file cannot be read (the others are still scanned).',
  ].join('\n'),
  async run(args, { io }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'FILE', usage);

    const found: FoundNumber[] = [];
    let unreadable = 0;
    for (const file of positionals) {
      let text: string;
      try {
        text = await fs.readFile(path.resolve(io.cwd, file), 'utf8');
      } catch (e) {
        unreadable++;
        io.stderr.write(`Cannot read ${file}: ${readProblem(e)}.\n`);
        continue;
      }
      for (const m of findPatentNumbers(text)) {
        found.push({ file, line: m.line, column: m.column, text: m.text, number: m.number, type: m.type, office: m.office, kind: m.kind });
      }
    }

    if (values.json) writeJson(io, found);
    else for (const f of found) io.stdout.write(`${f.file}:${f.line}:${f.column}  ${f.text} -> ${f.number}\n`);
    return unreadable > 0 ? 2 : 0;
  },
};

function readProblem(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
