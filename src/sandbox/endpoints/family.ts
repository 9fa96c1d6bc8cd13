/**
 * What every endpoint family of the sandbox shares: the sample data, the URL signer
 * and the settings, and the shape of what a family offers the server (its routes and
 * the signed files it serves). One family per file in this folder.
 */
import type { Readable } from 'node:stream';
import type { SampleData } from '../data';
import type { SearchDoc } from '../query';
import type { UrlSigner } from '../signing';

export interface LinkLifetimes {
  image: number;
  pdf: number;
  examDoc: number;
  export: number;
}

export interface ApiSettings {
  now: () => number;
  links: LinkLifetimes;
  exportPendingPolls: number;
  exportTaskTtlSeconds: number;
  syntheticExportBytes?: number;
}

export type ServedFile =
  | { kind: 'bytes'; bytes: Buffer; contentType: string; fileName: string }
  | { kind: 'stream'; size: number; open: (start: number, end: number) => Readable; contentType: string; fileName: string };

/** One business call, its query string and JSON body already read; answers `data` or throws. */
export type Handler = (input: { query: URLSearchParams; body: Record<string, unknown> }) => unknown;

export interface SandboxContext {
  readonly data: SampleData;
  /** The sample patents indexed for the query evaluator, shared by search and export. */
  readonly docs: readonly SearchDoc[];
  readonly signer: UrlSigner;
  readonly settings: ApiSettings;
}

export interface EndpointFamily {
  /** `METHOD /path` -> handler. */
  readonly routes: ReadonlyArray<readonly [string, Handler]>;
  /** Signed files by the kind in `/_files/<kind>/<key>/<name>`; the signature is checked before. */
  readonly files?: Readonly<Record<string, (key: string, name: string) => ServedFile | undefined>>;
  /** Forgets what calls created (export tasks); sample data stays. */
  reset?(): void;
}

export const withBody =
  (f: (body: Record<string, unknown>) => unknown): Handler =>
  ({ body }) =>
    f(body);

export const withQuery =
  (f: (query: URLSearchParams) => unknown): Handler =>
  ({ query }) =>
    f(query);
