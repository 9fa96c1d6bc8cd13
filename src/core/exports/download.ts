import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isPatsnapError } from '../api/errors';
import type { PatsnapApi } from '../api/types';
import { DownloadError } from './downloadError';
import { FileSink } from './fileSink';
import { sweepStaleTemps, tempPathFor } from './tempFiles';

export { DownloadError, isDownloadError, type DownloadErrorKind } from './downloadError';

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Called as bytes reach the file; `total` is the Content-Length when the host sent one. */
  onProgress?: (bytes: number, total: number | undefined) => void;
  /** Replace an existing destination; default false. */
  overwrite?: boolean;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  contentType?: string;
  /** The name the host suggested (Content-Disposition), if any. */
  fileName?: string;
}

/**
 * Streams a signed link to `destination` atomically: the bytes go to a hidden
 * temp file in the same folder, which is synced and moved into place only when
 * complete (and, when the host gave a Content-Length, of exactly that size). On any failure the
 * temp file is removed and the destination is left as it was; temp files that killed
 * earlier attempts left behind are swept (tempFiles.ts). Memory stays flat: the
 * body is written as it arrives, at most the sink's 2 MB buffer behind the socket.
 */
export async function downloadToFile(
  api: Pick<PatsnapApi, 'openSignedStream'>,
  url: string,
  destination: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const { signal, onProgress, overwrite = false } = options;
  const target = path.resolve(destination);
  const temp = tempPathFor(target);
  let handle: fs.FileHandle | undefined;
  let sink: FileSink | undefined;
  let total: number | undefined;
  const written = (): number => sink?.bytesWritten ?? 0;
  try {
    if (signal?.aborted) throw new DownloadError('cancelled', 'The download was cancelled; nothing was saved.', target);
    if (!overwrite && (await exists(target))) throw existsError(target);
    // What a killed earlier attempt left goes first: it holds disk space this download may need.
    await sweepStaleTemps(target);

    // The temp file first: a folder we cannot write fails before any network work.
    handle = await fs.open(temp, 'wx', 0o666);
    const opened = await api.openSignedStream(url, { signal });
    total = opened.contentLength;
    // The sink owns the handle from here, syncs as it goes and closes the file when done or destroyed.
    sink = new FileSink(handle, { onWritten: onProgress && ((bytes) => onProgress(bytes, total)) });
    handle = undefined;
    await pipeline(opened.stream, sink, { signal });
    await closed(sink);
    if (total !== undefined && written() !== total) {
      throw new DownloadError('interrupted', `The download of ${path.basename(target)} stopped after ${written()} of ${total} bytes; nothing was saved. Try again.`, target);
    }
    await moveIntoPlace(temp, target, overwrite);
    await syncFolder(path.dirname(target));
    await sweepStaleTemps(target); // and what another attempt left while this one ran
    return { path: target, bytes: written(), contentType: opened.contentType, fileName: opened.fileName };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    // Windows cannot delete a file that is still open: let the destroyed sink close it first.
    if (sink) await closed(sink.destroyed ? sink : sink.destroy());
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw toDownloadError(e, target, signal, written(), total);
  }
}

function closed(sink: FileSink): Promise<void> {
  return sink.closed ? Promise.resolve() : new Promise((resolve) => sink.once('close', () => resolve()));
}

/** Saves bytes already in memory (a drawing, a PDF) with the same guarantees as `downloadToFile`. */
export async function writeFileAtomically(destination: string, bytes: Uint8Array, options: { overwrite?: boolean } = {}): Promise<string> {
  const target = path.resolve(destination);
  const temp = tempPathFor(target);
  let handle: fs.FileHandle | undefined;
  try {
    if (!options.overwrite && (await exists(target))) throw existsError(target);
    await sweepStaleTemps(target);
    handle = await fs.open(temp, 'wx', 0o666);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await moveIntoPlace(temp, target, options.overwrite ?? false);
    return target;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw toDownloadError(e, target, undefined, 0, undefined);
  }
}

/**
 * The checks `downloadToFile` makes first, for callers that must know before
 * anything billable happens (creating an export): the destination is free (or
 * may be replaced) and its folder takes a new file.
 */
export async function checkDestination(destination: string, options: { overwrite?: boolean } = {}): Promise<string> {
  const target = path.resolve(destination);
  const probe = tempPathFor(target);
  try {
    if (!options.overwrite && (await exists(target))) throw existsError(target);
    await (await fs.open(probe, 'wx', 0o666)).close();
    await fs.rm(probe, { force: true });
    return target;
  } catch (e) {
    await fs.rm(probe, { force: true }).catch(() => undefined);
    throw toDownloadError(e, target, undefined, 0, undefined);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Without overwrite, a hard link claims the name only if it is still free, so a
 * file that appeared during the download is never clobbered. File systems
 * without hard links fall back to check-then-rename.
 */
async function moveIntoPlace(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await fs.rename(temp, target);
    return;
  }
  try {
    await fs.link(temp, target);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') throw existsError(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (await exists(target)) throw existsError(target);
    await fs.rename(temp, target);
    return;
  }
  await fs.unlink(temp);
}

/** Makes the rename itself durable; not every platform can open a folder. */
async function syncFolder(folder: string): Promise<void> {
  const dir = await fs.open(folder, 'r').catch(() => undefined);
  if (!dir) return;
  await dir.sync().catch(() => undefined);
  await dir.close().catch(() => undefined);
}

function existsError(target: string): DownloadError {
  return new DownloadError('exists', `${target} already exists; choose another name or allow overwriting.`, target);
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function toDownloadError(e: unknown, target: string, signal: AbortSignal | undefined, bytes: number, total: number | undefined): DownloadError {
  if (e instanceof DownloadError) return e;
  const name = path.basename(target);
  const folder = path.dirname(target);
  if (signal?.aborted || isPatsnapError(e, 'cancelled') || (e instanceof Error && e.name === 'AbortError')) {
    return new DownloadError('cancelled', 'The download was cancelled; nothing was saved.', target, e);
  }
  switch (errnoCode(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DownloadError('noSpace', `Not enough disk space in ${folder} to save ${name}; nothing was saved.`, target, e);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DownloadError('permission', `No permission to write ${name} in ${folder}.`, target, e);
    case 'ENOENT':
    case 'ENOTDIR':
      return new DownloadError('noFolder', `The folder ${folder} does not exist.`, target, e);
    case 'EEXIST':
      return existsError(target);
  }
  if (isPatsnapError(e)) {
    if (e.kind === 'network') return interrupted(target, bytes, total, e);
    return new DownloadError('refused', `Could not download ${name}: ${e.message}`, target, e);
  }
  // A socket that dies mid-body surfaces as a stream error ("aborted" with ECONNRESET, premature close).
  const code = errnoCode(e);
  if (code === undefined ? e instanceof Error : NETWORK_CODES.has(code)) return interrupted(target, bytes, total, e);
  const detail = code ? ` (${code})` : '';
  return new DownloadError('failed', `Saving ${name} failed${detail}; nothing was saved.`, target, e);
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_BAD_RESPONSE']);

function interrupted(target: string, bytes: number, total: number | undefined, cause: unknown): DownloadError {
  const of = total === undefined ? `${bytes} bytes` : `${bytes} of ${total} bytes`;
  return new DownloadError('interrupted', `The download of ${path.basename(target)} was interrupted after ${of}; nothing was saved. Try again.`, target, cause);
}
