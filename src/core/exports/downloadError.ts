// Apart from download.ts so that what only tells errors apart (the CLI's exit codes) loads no file or stream code.

export type DownloadErrorKind =
  | 'exists' // the destination is there and overwriting was not allowed
  | 'permission' // the folder (or file) may not be written
  | 'noSpace' // the disk or quota is full
  | 'noFolder' // the destination's folder does not exist
  | 'interrupted' // the connection dropped or the body came short
  | 'refused' // the storage host refused the link (expired or invalid)
  | 'cancelled'
  | 'failed'; // anything else

export class DownloadError extends Error {
  readonly kind: DownloadErrorKind;
  readonly destination: string;

  constructor(kind: DownloadErrorKind, message: string, destination: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DownloadError';
    this.kind = kind;
    this.destination = destination;
  }
}

export function isDownloadError(e: unknown, kind?: DownloadErrorKind): e is DownloadError {
  return e instanceof DownloadError && (kind === undefined || e.kind === kind);
}
