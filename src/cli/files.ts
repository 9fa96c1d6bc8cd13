import { close, open, read } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * A file's text as UTF-8, `size` bytes read at a time, each piece read when the caller asks
 * for it: what `createReadStream(file, { encoding: 'utf8' })` gives, decoded by the same
 * StringDecoder (a character cut between two reads comes whole in the later piece, invalid
 * bytes become U+FFFD, a BOM stays), without loading Node's file streams, which bring
 * fs/promises, its directory and watch code and readline with them. An error (no such file, a folder) rejects the piece
 * being read; the file is closed however the caller stops.
 */
export async function* textPieces(file: string, size: number): AsyncGenerator<string, void, undefined> {
  const fd = await new Promise<number>((resolve, reject) => open(file, 'r', (e, fd) => (e ? reject(e) : resolve(fd))));
  try {
    const decoder = new StringDecoder('utf8');
    const bytes = Buffer.allocUnsafe(size);
    for (;;) {
      const n = await new Promise<number>((resolve, reject) => read(fd, bytes, 0, size, null, (e, n) => (e ? reject(e) : resolve(n))));
      if (n === 0) break;
      // The decoder copies what it keeps of a cut character, so the buffer is read into again.
      const text = decoder.write(bytes.subarray(0, n));
      if (text.length > 0) yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    close(fd, () => undefined);
  }
}

/** Why a file could not be read, in words for the one line on stderr. */
export function readProblem(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
