import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomically } from '../../core/exports/download';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { formatBytes } from '../format';
import { UsageError } from '../io';
import { answersNumber, distinct, toPublicationNumber } from '../patentNumbers';

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp', 'image/tiff': '.tif' };

export interface SavedImage {
  number: string;
  pn?: string;
  file?: string;
  bytes?: number;
  /** Why nothing was saved. */
  problem?: 'notFound' | 'noDrawing';
}

export const imageCommand: Command = {
  name: 'image',
  summary: "save patents' abstract drawings as image files",
  usage: 'image NUMBER... [--out DIR] [--force] [--json]',
  details: [
    '  NUMBER     publication numbers, e.g. US11205304B2',
    '  --out DIR  folder to save into (default: the current folder); files are named by number, e.g. US11205304B2.png',
    '  --force    replace files that already exist',
    '  --json     print an array of {number, pn, file, bytes, problem}',
    '',
    'Exits 2 when a number is not found (the others are still saved).',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'NUMBER', usage);
    const numbers = distinct(positionals.map((p) => toPublicationNumber(p, usage)));
    const folder = path.resolve(io.cwd, values.out ?? '.');
    await mkdir(folder, { recursive: true }).catch((e: unknown) => {
      throw new UsageError(`Cannot create the folder ${folder} (${e instanceof Error && 'code' in e ? String(e.code) : String(e)}).`, usage);
    });

    const api = await client();
    const images = await api.abstractImages({ numbers }, { signal: io.signal });
    const results: SavedImage[] = [];
    for (const number of numbers) {
      const image = images.find((i) => answersNumber(i.pn, number));
      if (!image) {
        results.push({ number, problem: 'notFound' });
        continue;
      }
      if (!image.url) {
        results.push({ number, pn: image.pn, problem: 'noDrawing' });
        continue;
      }
      // Signed links live only hours: fetch each at once rather than collecting links first.
      // `expect` refuses what is not an image (a login page); the bytes, not the host, name the type.
      const { bytes, mediaType } = await api.fetchSignedBytes(image.url, { signal: io.signal, maxBytes: 32 * 1024 * 1024, expect: 'image' });
      const extension = EXTENSIONS[mediaType ?? ''] ?? '.png';
      const file = await writeFileAtomically(path.join(folder, `${fileNameFor(image.pn)}${extension}`), bytes, { overwrite: values.force });
      results.push({ number, pn: image.pn, file, bytes: bytes.length });
      if (!values.json) io.stdout.write(`Saved ${path.relative(io.cwd, file) || file} (${formatBytes(bytes.length)})\n`);
    }

    if (values.json) writeJson(io, results);
    for (const r of results) {
      if (r.problem === 'notFound') io.stderr.write(`No patent found for ${r.number}.\n`);
      if (r.problem === 'noDrawing') io.stderr.write(`${r.pn ?? r.number} has no abstract drawing.\n`);
    }
    return results.some((r) => r.problem === 'notFound') ? 2 : 0;
  },
};

/** The service's `pn` as a file name: it is data, so only letters, digits, '.', '-' and '_' reach the file system. */
function fileNameFor(pn: string): string {
  const name = pn.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return name.length > 0 ? name.slice(0, 100) : 'patent';
}
