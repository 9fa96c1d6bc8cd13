/**
 * The business endpoints of the contract (../shared/patsnap-api.md), answering
 * exactly the shapes of PatSnap's published examples, and the files their
 * signed links point to.
 */
import { publishLater, type SampleData, type SamplePatent } from './data';
import { BasicDataEndpoints } from './endpoints/basicData';
import { ExamDocEndpoints } from './endpoints/examDocs';
import { ExportEndpoints } from './endpoints/exports';
import { FacetEndpoints } from './endpoints/facets';
import { RecordEndpoints } from './endpoints/record';
import { StandardNumberEndpoints } from './endpoints/standardNumber';
import type { ApiSettings, EndpointFamily, Handler, SandboxContext, ServedFile } from './endpoints/family';
import { SearchEndpoints } from './endpoints/search';
import { SearchDoc } from './query';
import type { UrlSigner } from './signing';

export type { ApiSettings, Handler, LinkLifetimes, ServedFile } from './endpoints/family';

/** The service's own messages, as the seeds give them. */
export const SERVICE_MESSAGES: Readonly<Record<number, string>> = {
  67200000: 'API call exceeds the total limit set by the platform!',
  67200001: 'API call exceeds the total limit set by the platform!',
  67200002: 'The current call rate is too fast, exceeding the current configuration limit QPS!',
  67200003: 'The key and secret parameters for applying for the token are incorrect or the client has been disabled!',
  67200004: 'The requested api does not have permission. Please contact our support personnel!',
  67200005: 'Insufficient account balance/number of calls!',
  67200006: 'The client has exceeded the activation validity period!',
  67200007: 'The current call exceeds the configured usage limit of the day!',
  67200008: 'Please check if the required apikey in the query parameter has been transmitted!',
  67200009: 'The apikey does not match the passed bearerToken. Please check if a valid token is being used!',
  67200012: 'The request is illegal!',
  67200100: 'The current server status is busy, request response timeout!',
  67200101: 'The API requested currently does not exist. Please check the request path!',
  68300004: 'Invalid parameter!',
  68300005: 'Search api failure!',
  68300006: 'Analytic basic access error!',
  68300007: 'Bad request!',
  68300008: 'Service error, please try again later!',
  68300010: 'The file does not comply with upload specifications!',
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    detail?: string,
  ) {
    const base = SERVICE_MESSAGES[code] ?? 'Error!';
    super(detail ? `${base} ${detail}` : base);
    this.name = 'ApiError';
  }
}

/** HTTP status that goes with an error code: most business errors come with 200. */
export function httpStatusFor(code: number): number {
  if (code === 67200003) return 401;
  if (code === 67200101) return 404;
  return 200;
}

/**
 * Every endpoint family (one file each in ./endpoints), their routes in one map and
 * the signed files they serve. A new endpoint goes into its family's file, or a new
 * family is added to the list below.
 */
export class SandboxApi {
  readonly routes: ReadonlyMap<string, Handler>;
  private readonly families: readonly EndpointFamily[];

  /** The search index over `data.patents`, kept in step with it when later publications come and go. */
  private readonly docs: SearchDoc[];
  private readonly docOf = new Map<SamplePatent, SearchDoc>();

  constructor(
    readonly data: SampleData,
    signer: UrlSigner,
    settings: ApiSettings,
  ) {
    this.docs = [];
    this.indexDocs();
    const ctx: SandboxContext = { data, docs: this.docs, signer, settings };
    this.families = [
      new SearchEndpoints(ctx),
      new StandardNumberEndpoints(ctx),
      new BasicDataEndpoints(ctx),
      new RecordEndpoints(ctx),
      new ExamDocEndpoints(ctx),
      new ExportEndpoints(ctx),
      new FacetEndpoints(ctx),
    ];
    const routes = new Map<string, Handler>();
    for (const family of this.families) {
      for (const [route, handler] of family.routes) {
        if (routes.has(route)) throw new Error(`Two sandbox endpoint families answer ${route}.`);
        routes.set(route, handler);
      }
    }
    this.routes = routes;
  }

  /** Export tasks and their files are forgotten; sample data stays (later publications are withdrawn by the server's reset). */
  reset(): void {
    for (const family of this.families) family.reset?.();
  }

  /**
   * Publishes the later publications up to `until` (yyyyMMdd), or withdraws them
   * (undefined): the switch that makes a search run again find something new.
   */
  publish(until: number | undefined): readonly SamplePatent[] {
    const shown = publishLater(this.data, until);
    this.indexDocs();
    return shown;
  }

  private indexDocs(): void {
    const docs = this.data.patents.map((p) => this.docOf.get(p) ?? new SearchDoc(p));
    for (const d of docs) this.docOf.set(d.patent, d);
    this.docs.splice(0, this.docs.length, ...docs);
  }

  /** The file behind a signed path (`/_files/<kind>/<key>/<name>`), or undefined. The signature is checked before. */
  file(path: string): ServedFile | undefined {
    const parts = path.split('/').slice(2); // '', '_files', kind, ...
    const [kind, key, name] = parts;
    if (parts.length !== 3 || !kind || !key || !name) return undefined;
    for (const family of this.families) {
      const serve = family.files && Object.hasOwn(family.files, kind) ? family.files[kind] : undefined;
      if (serve) return serve(key, name);
    }
    return undefined;
  }
}
