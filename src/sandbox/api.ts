/**
 * The business endpoints of the contract (../shared/patsnap-api.md), answering
 * exactly the shapes of PatSnap's published examples, and the files their
 * signed links point to.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { apnoKey, findByNumber, familyOf, type SampleData, type SamplePatent } from './data';
import { drawingPng, buildPdf, patentPdf } from './content';
import { examDocLines, examDocsFor, type ExamDoc } from './examDocs';
import { buildExportFile, SyntheticCsv } from './exportFiles';
import { SearchDoc } from './query';
import { runSearch } from './search';
import type { UrlSigner } from './signing';
import { batchRefs, countRequest, examRequest, exportRequest, searchRequest, InvalidParameter, type ExportRequest } from './validate';

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

interface ExportTask {
  id: string;
  createdAt: number;
  polls: number;
  count: number;
  fail: boolean;
  request: ExportRequest;
  patents: SamplePatent[];
  url?: string;
}

export type Handler = (input: { query: URLSearchParams; body: Record<string, unknown> }) => unknown;

export class SandboxApi {
  readonly routes: ReadonlyMap<string, Handler>;
  private readonly docs: SearchDoc[];
  private readonly tasks = new Map<string, ExportTask>();
  private readonly exportFiles = new Map<string, ServedFile>();
  private readonly drawings = new Map<string, Buffer>();
  private readonly wrappers = new Map<string, { source: SamplePatent; docs: ExamDoc[] }>();

  constructor(
    readonly data: SampleData,
    private readonly signer: UrlSigner,
    private readonly settings: ApiSettings,
  ) {
    this.docs = data.patents.map((p) => new SearchDoc(p));
    const withBody = (f: (body: Record<string, unknown>) => unknown): Handler => ({ body }) => f(body);
    const withQuery = (f: (query: URLSearchParams) => unknown): Handler => ({ query }) => f(query);
    this.routes = new Map<string, Handler>([
      ['POST /search/patent/query-search-patent', withBody((b) => this.search(b, false))],
      ['POST /search/patent/query-search-patent/v2', withBody((b) => this.search(b, true))],
      ['POST /search/patent/query-search-count', withBody((b) => this.count(b))],
      ['GET /basic-patent-data/simple-bibliography', withQuery((q) => this.batch(q, (p) => this.bibliography(p)))],
      ['GET /basic-patent-data/abstract-image', withQuery((q) => this.batch(q, (p) => this.abstractImage(p)))],
      ['GET /basic-patent-data/simple-legal-status', withQuery((q) => this.batch(q, (p) => ({ pn: p.pn, patent_id: p.patentId, simple_legal_status: [...p.legalStatus] })))],
      ['GET /basic-patent-data/pdf-data', withQuery((q) => this.pdfData(q))],
      ['POST /advanced-patent-data/overseas-patent-documents', withBody((b) => this.examDocuments(b))],
      ['POST /patent-search/export/V2', withBody((b) => this.createExport(b))],
      // The older path answers the same (see patsnap-examples/README.md).
      ['POST /patent-search/export', withBody((b) => this.createExport(b))],
      ['GET /patent-search/task', withQuery((q) => this.exportStatus(q))],
    ]);
  }

  /** Export tasks and their files are forgotten; sample data stays. */
  reset(): void {
    this.tasks.clear();
    this.exportFiles.clear();
  }

  // ---- P002 ----------------------------------------------------------------------

  private search(body: Record<string, unknown>, v2: boolean): unknown {
    const req = searchRequest(body);
    const hits = runSearch(this.docs, { query: req.node, sort: req.sort, collapse: req.collapse });
    const page = hits.slice(req.offset, req.offset + req.limit);
    const results = page.map(({ patent: p }) =>
      v2
        ? {
            pn: p.pn,
            patent_id: p.patentId,
            title: p.title,
            apno: p.apno,
            apdt: p.apdt,
            pbdt: p.pbdt,
            inventor: p.inventors.map((i) => i.name).join(' | '),
            current_assignee: p.currentAssignees.map((a) => a.name).join(' | '),
            original_assignee: p.originalAssignees.map((a) => a.name).join(' | '),
          }
        : { pn: p.pn, patent_id: p.patentId },
    );
    return { results, result_count: results.length, total_search_result_count: hits.length };
  }

  // ---- P001 ----------------------------------------------------------------------

  private count(body: Record<string, unknown>): unknown {
    const req = countRequest(body);
    return { total_search_result_count: runSearch(this.docs, { query: req.node, sort: [], collapse: req.collapse }).length };
  }

  // ---- batch endpoints -------------------------------------------------------------

  private resolve(query: URLSearchParams): SamplePatent[] {
    const refs = batchRefs(query);
    const found = 'ids' in refs ? refs.ids.map((id) => this.data.byId.get(id)) : refs.numbers.map((n) => findByNumber(this.data, n));
    // One item per patent found, in input order; unknown numbers are left out, as the service does.
    const unique = new Map<string, SamplePatent>();
    for (const p of found) if (p && !unique.has(p.patentId)) unique.set(p.patentId, p);
    return [...unique.values()];
  }

  private batch(query: URLSearchParams, item: (p: SamplePatent) => unknown): unknown[] {
    return this.resolve(query).map(item);
  }

  private bibliography(p: SamplePatent): unknown {
    const parties = (list: ReadonlyArray<{ name: string; address: string }>): unknown[] =>
      list.map((x, i) => ({ lang: 'EN', name: x.name, address: x.address, sequence: i + 1 }));
    const classification: Record<string, unknown> =
      p.patentType === 'DESIGN'
        ? { classification_loc: [p.loc ?? '99-00'] }
        : {
            classification_cpc: { main: p.cpc.main, further: [...p.cpc.further] },
            classification_gbc: [...p.gbc],
            classification_ipcr: { main: p.ipc.main, further: [...p.ipc.further] },
          };
    const bib: Record<string, unknown> = {
      parties: { assignees: parties(p.currentAssignees), inventors: parties(p.inventors), applicants: parties(p.originalAssignees) },
      abstracts: p.abstracts.map((a) => ({ ...a })),
      patent_type: p.patentType,
      invention_title: p.titles.map((t) => ({ ...t })),
      priority_claims: p.priorityClaims.map((c) => ({ ...c })),
      reference_cited: { cited_others: [...p.citedOthers], cited_patents: [...p.citedPatents] },
      classification_data: classification,
      application_reference: { apno: p.apno, date: p.apdt },
      publication_reference: { date: p.pbdt, kind: p.kind, country: p.office, doc_number: p.docNumber },
    };
    if (p.pct) {
      bib.pct_or_regional_filing_data = { date: p.pct.filingDate, doc_number: p.pct.docNumber, entry_date: p.pct.entryDate };
      bib.pct_or_regional_publishing_data = { date: p.pct.pubDate, number: p.pct.pubNumber };
    }
    if (p.isd !== undefined) bib.dates_of_public_availability = { printed_with_granted: p.isd };
    return { pn: p.pn, patent_id: p.patentId, bibliographic_data: bib };
  }

  private abstractImage(p: SamplePatent): unknown {
    if (!p.hasDrawing) return { pn: p.pn, patent_id: p.patentId };
    return {
      pn: p.pn,
      patent_id: p.patentId,
      abstract_drawing: { num: '0001', path: this.signer.sign(`/_files/abstract-image/${p.pn}/00000001_0001.png`, this.settings.links.image) },
    };
  }

  private pdfData(query: URLSearchParams): unknown[] {
    const replace = query.get('replace_by_related');
    if (replace !== null && !['0', '1', 'true', 'false'].includes(replace)) throw new InvalidParameter('replace_by_related', 'replace_by_related: must be 0 or 1.');
    const related = replace === '1' || replace === 'true';
    return this.resolve(query).map((p) => {
      if (p.hasPdf) return { pn: p.pn, patent_id: p.patentId, pdf: { path: this.pdfLink(p) } };
      const stand = related ? familyOf(this.data, p).find((m) => m !== p && m.hasPdf) : undefined;
      if (!stand) return { pn: p.pn, patent_id: p.patentId };
      return { pn: p.pn, patent_id: p.patentId, pdf: { path: this.pdfLink(stand) }, pn_related: stand.pn };
    });
  }

  private pdfLink(p: SamplePatent): string {
    return this.signer.sign(`/_files/pdf/${p.pn}/${p.pn}.pdf`, this.settings.links.pdf);
  }

  // ---- P048 ----------------------------------------------------------------------

  /** The file wrapper belongs to the application: every publication of one apno shares it. */
  private wrapper(p: SamplePatent): { source: SamplePatent; docs: ExamDoc[] } {
    const key = apnoKey(p.apno);
    let w = this.wrappers.get(key);
    if (!w) {
      const group = this.data.byApno.get(key) ?? [p];
      const source = group.find((g) => g.isd !== undefined) ?? (group[0] as SamplePatent);
      const count = Math.max(...group.map((g) => g.examDocCount));
      w = { source, docs: examDocsFor(source, count) };
      this.wrappers.set(key, w);
    }
    return w;
  }

  private examDocuments(body: Record<string, unknown>): unknown {
    const req = examRequest(body);
    let patent: SamplePatent | undefined;
    if (req.ids) patent = req.ids.map((id) => this.data.byId.get(id)).find((p) => p !== undefined);
    else if (req.numbers) patent = req.numbers.map((n) => findByNumber(this.data, n)).find((p) => p !== undefined);
    else if (req.apno) {
      const group = this.data.byApno.get(apnoKey(req.apno)) ?? [];
      patent = group.find((g) => g.isd !== undefined) ?? group[group.length - 1];
    }
    if (patent?.office === 'CN') throw new InvalidParameter('patent_id', 'patent_id: Chinese (CN) patents are not supported.');
    if (!patent) {
      return { apno: req.apno ?? '', patent_id: req.ids?.[0] ?? '', patent_number: req.numbers?.[0] ?? '', doc_count: 0, doc_detail_count: 0, doc_detail: [] };
    }
    const { docs } = this.wrapper(patent);
    const matching = docs.filter(
      (d) =>
        (!req.docCodes || req.docCodes.includes(d.docCode)) &&
        (req.dateFrom === undefined || d.date >= req.dateFrom) &&
        (req.dateTo === undefined || d.date <= req.dateTo),
    );
    return {
      apno: patent.apno,
      doc_count: docs.length,
      patent_id: patent.patentId,
      doc_detail: matching.slice(req.offset, req.offset + req.limit).map((d) => ({
        date: d.date,
        path: this.signer.sign(`/_files/exam/${patent.pn}/${d.index}.pdf`, this.settings.links.examDoc),
        doc_code: d.docCode,
        description: d.description,
        page_number: d.pageNumber,
      })),
      patent_number: patent.pn,
      doc_detail_count: matching.length,
    };
  }

  // ---- P055 ----------------------------------------------------------------------

  private createExport(body: Record<string, unknown>): unknown {
    const req = exportRequest(body);
    const hits = runSearch(this.docs, {
      query: req.node,
      sort: [],
      collapse: req.collapse,
      stemming: req.stemming,
      filter: (p) => p.apdt >= req.apdt[0] && p.apdt <= req.apdt[1] && p.pbdt >= req.pbdt[0] && p.pbdt <= req.pbdt[1],
    });
    const patents = hits.slice(req.offset, req.offset + req.rows).map((h) => h.patent);
    const id = randomBytes(16).toString('hex');
    this.tasks.set(id, { id, createdAt: this.settings.now(), polls: 0, count: patents.length, fail: req.text.includes('__fail__'), request: req, patents });
    return { count: patents.length, task_id: id };
  }

  private exportStatus(query: URLSearchParams): unknown {
    const id = query.get('task_id') ?? '';
    if (!/^[0-9a-f]{32}$/.test(id)) throw new InvalidParameter('task_id', 'task_id: a task id is 32 hexadecimal characters.');
    const task = this.tasks.get(id);
    if (!task) throw new InvalidParameter('task_id', 'task_id: no such task.');
    if (this.settings.now() - task.createdAt >= this.settings.exportTaskTtlSeconds * 1000) {
      this.tasks.delete(id);
      throw new InvalidParameter('task_id', 'task_id: the task has expired (task ids live 24 hours).');
    }
    task.polls++;
    if (task.polls <= this.settings.exportPendingPolls) return { count: task.count, export_status: 'PENDING' };
    if (task.fail) return { count: task.count, export_status: 'FAIL' };
    if (!task.url) {
      const stamp = new Date(task.createdAt).toISOString().replace(/\D/g, '').slice(0, 17);
      let file: ServedFile;
      const synthetic = this.settings.syntheticExportBytes;
      if (synthetic !== undefined) {
        const csv = new SyntheticCsv(synthetic);
        file = { kind: 'stream', size: synthetic, open: (start, end) => csv.stream(start, end), contentType: 'text/csv; charset=utf-8', fileName: `${stamp}.csv` };
      } else {
        const built = buildExportFile(task.request.type, task.request.fields, task.patents, task.request.lang);
        file = { kind: 'bytes', bytes: built.bytes, contentType: built.contentType, fileName: `${stamp}.${built.extension}` };
      }
      this.exportFiles.set(id, file);
      task.url = this.signer.sign(`/_files/export/${id}/${file.fileName}`, this.settings.links.export);
    }
    return { url: task.url, count: task.count, export_status: 'SUCCESS' };
  }

  // ---- signed files -----------------------------------------------------------------

  /** The file behind a signed path, or undefined. The signature is checked before. */
  file(path: string): ServedFile | undefined {
    const parts = path.split('/').slice(2); // '', '_files', kind, ...
    const [kind, key, name] = parts;
    if (parts.length !== 3 || !kind || !key || !name) return undefined;
    switch (kind) {
      case 'abstract-image': {
        const p = this.data.byPn.get(key);
        if (!p?.hasDrawing || name !== '00000001_0001.png') return undefined;
        let png = this.drawings.get(p.pn);
        if (!png) {
          png = drawingPng(p.seed);
          this.drawings.set(p.pn, png);
        }
        return { kind: 'bytes', bytes: png, contentType: 'image/png', fileName: `${p.pn}_00000001_0001.png` };
      }
      case 'pdf': {
        const p = this.data.byPn.get(key);
        if (!p?.hasPdf || name !== `${p.pn}.pdf`) return undefined;
        return { kind: 'bytes', bytes: patentPdf(p), contentType: 'application/pdf', fileName: name };
      }
      case 'exam': {
        const p = this.data.byPn.get(key);
        const m = /^(\d+)\.pdf$/.exec(name);
        if (!p || !m) return undefined;
        const doc = this.wrapper(p).docs.find((d) => d.index === Number(m[1]));
        if (!doc) return undefined;
        const pages = Array.from({ length: doc.pageNumber }, (_, i) => examDocLines(p, doc, i + 1));
        return { kind: 'bytes', bytes: buildPdf(pages, `${doc.docCode} ${p.apno}`), contentType: 'application/pdf', fileName: `${p.pn}_${doc.date}_${doc.docCode}.pdf` };
      }
      case 'export': {
        const f = this.exportFiles.get(key);
        return f && f.fileName === name ? f : undefined;
      }
      default:
        return undefined;
    }
  }
}
