/** P048 overseas examination documents: the file wrapper of an application, and its signed PDFs. */
import { buildPdf } from '../content';
import { apnoKey, findByNumber, type SamplePatent } from '../data';
import { examDocLines, examDocsFor, type ExamDoc } from '../examDocs';
import { examRequest, InvalidParameter } from '../validate';
import { type EndpointFamily, type SandboxContext, type ServedFile, withBody } from './family';

export class ExamDocEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];
  readonly files: EndpointFamily['files'];
  private readonly wrappers = new Map<string, { source: SamplePatent; docs: ExamDoc[] }>();

  constructor(private readonly ctx: SandboxContext) {
    this.routes = [['POST /advanced-patent-data/overseas-patent-documents', withBody((b) => this.examDocuments(b))]];
    this.files = { exam: (key, name) => this.examFile(key, name) };
  }

  /** The file wrapper belongs to the application: every publication of one apno shares it. */
  private wrapper(p: SamplePatent): { source: SamplePatent; docs: ExamDoc[] } {
    const key = apnoKey(p.apno);
    let w = this.wrappers.get(key);
    if (!w) {
      const group = this.ctx.data.byApno.get(key) ?? [p];
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
    if (req.ids) patent = req.ids.map((id) => this.ctx.data.byId.get(id)).find((p) => p !== undefined);
    else if (req.numbers) patent = req.numbers.map((n) => findByNumber(this.ctx.data, n)).find((p) => p !== undefined);
    else if (req.apno) {
      const group = this.ctx.data.byApno.get(apnoKey(req.apno)) ?? [];
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
        path: this.ctx.signer.sign(`/_files/exam/${patent.pn}/${d.index}.pdf`, this.ctx.settings.links.examDoc),
        doc_code: d.docCode,
        description: d.description,
        page_number: d.pageNumber,
      })),
      patent_number: patent.pn,
      doc_detail_count: matching.length,
    };
  }

  private examFile(key: string, name: string): ServedFile | undefined {
    const p = this.ctx.data.byPn.get(key);
    const m = /^(\d+)\.pdf$/.exec(name);
    if (!p || !m) return undefined;
    const doc = this.wrapper(p).docs.find((d) => d.index === Number(m[1]));
    if (!doc) return undefined;
    const pages = Array.from({ length: doc.pageNumber }, (_, i) => examDocLines(p, doc, i + 1));
    return { kind: 'bytes', bytes: buildPdf(pages, `${doc.docCode} ${p.apno}`), contentType: 'application/pdf', fileName: `${p.pn}_${doc.date}_${doc.docCode}.pdf` };
  }
}
