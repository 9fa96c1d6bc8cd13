/**
 * What a file is, from its first bytes: the few formats the signed links serve
 * (drawings, PDFs). A storage host or a proxy may answer a link with a login page or
 * an error document and a 200: the Content-Type is the server's claim, the magic
 * bytes are the file's. Seven signatures are less code than a dependency for them.
 */
import type { ExpectedContent } from './types';

const SIGNATURES: ReadonlyArray<{ type: string; test: (b: Buffer) => boolean }> = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'image/tiff', test: (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1')) },
  // Readers accept the header anywhere in the first 1024 bytes.
  { type: 'application/pdf', test: (b) => b.subarray(0, 1024).includes('%PDF-') },
];

/** The media type the bytes show, when they are one of the formats above. */
export function sniffMediaType(bytes: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.test(bytes))?.type;
}

export function matchesExpected(mediaType: string | undefined, expected: ExpectedContent): boolean {
  return expected === 'pdf' ? mediaType === 'application/pdf' : mediaType?.startsWith('image/') === true;
}

/** A few words on what the bytes look like instead, for the message. */
export function describeContent(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (bytes.length === 0) return 'it is empty';
  const known = sniffMediaType(bytes);
  if (known) return `it is ${known}`;
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|title)[\s>]/.test(head)) return 'it is an HTML page';
  if (head.startsWith('<')) return 'it is XML or markup';
  if (head.startsWith('{') || head.startsWith('[')) return 'it is JSON';
  return 'its content is not recognised';
}
