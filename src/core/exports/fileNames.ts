/** Names for downloaded export files. */
import * as path from 'node:path';
import type { ExportType } from '../api/types';

/** pdf and full_text exports arrive as ZIP archives (one file per patent). */
export const EXPORT_FILE_EXTENSIONS: Readonly<Record<ExportType, string>> = {
  csv: 'csv',
  xls: 'xls',
  json: 'json',
  xml: 'xml',
  pdf: 'zip',
  full_text: 'zip',
};

/** A file-name-safe, readable short form of a query: `TTL:"solid state" AND AN:Acme` -> `ttl-solid-state-and-an-acme`. */
export function querySlug(query: string, max = 40): string {
  const slug = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, max).join('').replace(/-+$/, '');
  return cut || 'export';
}

/** `<query>-<first 8 of task id>.<ext>`: readable, and unique per task. */
export function defaultExportFileName(query: string, taskId: string, type: ExportType): string {
  const id = taskId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 8);
  return `${querySlug(query)}${id ? `-${id}` : ''}.${EXPORT_FILE_EXTENSIONS[type]}`;
}

/** Before a task id exists (a save dialog shown before creating): `<query>.<ext>`. */
export function suggestedExportFileName(query: string, type: ExportType): string {
  return `${querySlug(query)}.${EXPORT_FILE_EXTENSIONS[type]}`;
}

/** "Keep both": `name (2).ext`, `name (3).ext`, ... the first that `isTaken` says is free. */
export function keepBothPath(file: string, isTaken: (candidate: string) => boolean): string {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const stem = path.basename(file, ext).replace(/ \(\d+\)$/, '');
  for (let n = 2; n < 10_000; n++) {
    const candidate = path.join(dir, `${stem} (${n})${ext}`);
    if (!isTaken(candidate)) return candidate;
  }
  throw new Error(`No free name next to ${file}.`);
}
