/** The signed files behind the links in answers: drawings, PDFs, examination documents, export files. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxApi, ServedFile } from '../api';
import type { Fault } from '../faults';
import { sendStorageError } from '../http';
import type { UrlSigner } from '../signing';

/** GET/HEAD of a signed link: the signature is the only credential, as with pre-signed object-storage URLs. */
export function handleSignedFile(api: SandboxApi, signer: UrlSigner, req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendStorageError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    return;
  }
  // Like object storage: a pre-signed URL is the credential; a second one is an error.
  if (req.headers.authorization !== undefined || url.searchParams.has('apikey')) {
    sendStorageError(res, 400, 'InvalidArgument', 'Only one auth mechanism allowed.');
    return;
  }
  const check = signer.check(url.pathname, url.searchParams);
  if (check === 'unsigned') return sendStorageError(res, 403, 'AccessDenied', 'Access Denied');
  if (check === 'badSignature') return sendStorageError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  if (check === 'expired') return sendStorageError(res, 403, 'AccessDenied', 'Request has expired');
  const file = api.file(url.pathname);
  if (!file) return sendStorageError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  serveFile(req, res, file, fault);
}

/** A file as object storage serves it: ranges, HEAD, Content-Disposition; `dropMidBody` cuts it halfway, `stallMidBody` stops there. */
function serveFile(req: IncomingMessage, res: ServerResponse, file: ServedFile, fault?: Fault): void {
  const size = file.kind === 'bytes' ? file.bytes.length : file.size;
  let start = 0;
  let end = size; // exclusive
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  const headers: Record<string, string | number> = {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Accept-Ranges': 'bytes',
  };
  let status = 200;
  if (req.headers.range !== undefined) {
    const from = range?.[1] ?? '';
    const to = range?.[2] ?? '';
    if (!range || (from === '' && to === '')) return sendStorageError(res, 416, 'InvalidRange', 'The requested range is not satisfiable');
    if (from === '') start = Math.max(0, size - Number(to));
    else {
      start = Number(from);
      end = to === '' ? size : Math.min(size, Number(to) + 1);
    }
    if (start >= size || start >= end) {
      res.setHeader('Content-Range', `bytes */${size}`);
      return sendStorageError(res, 416, 'InvalidRange', 'The requested range is not satisfiable');
    }
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end - 1}/${size}`;
  }
  headers['Content-Length'] = end - start;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const cut = fault?.dropMidBody === true || fault?.stallMidBody === true;
  const stop = cut ? start + Math.floor((end - start) / 2) : end;
  // After the cut: drop the connection, or hold it open, sending nothing, until the client closes it.
  const afterCut = (): void => {
    if (fault?.dropMidBody) res.destroy();
  };
  if (file.kind === 'bytes') {
    const chunk = file.bytes.subarray(start, stop);
    if (cut) res.write(chunk, afterCut);
    else res.end(chunk);
    return;
  }
  const stream = file.open(start, stop);
  res.on('close', () => stream.destroy());
  if (cut) {
    stream.pipe(res, { end: false });
    stream.on('end', () => res.write(Buffer.alloc(0), afterCut));
  } else {
    stream.pipe(res);
  }
}
