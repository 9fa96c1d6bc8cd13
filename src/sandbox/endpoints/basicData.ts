/** The batch endpoints of a patent's front page: P011 bibliography, P021 drawing, P041 legal status, P020 PDF. */
import { drawingPng, patentPdf } from '../content';
import { familyOf, findByNumber, type SamplePatent } from '../data';
import { batchRefs, replaceByRelated } from '../validate';
import { type EndpointFamily, type SandboxContext, type ServedFile, withQuery } from './family';

/** The patents a batch call names, one per patent found, in input order; unknown numbers are left out, as the service does. */
export function resolveBatch(ctx: SandboxContext, query: URLSearchParams): SamplePatent[] {
  const refs = batchRefs(query);
  const found = 'ids' in refs ? refs.ids.map((id) => ctx.data.byId.get(id)) : refs.numbers.map((n) => findByNumber(ctx.data, n));
  const unique = new Map<string, SamplePatent>();
  for (const p of found) if (p && !unique.has(p.patentId)) unique.set(p.patentId, p);
  return [...unique.values()];
}

export class BasicDataEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];
  readonly files: EndpointFamily['files'];
  private readonly drawings = new Map<string, Buffer>();

  constructor(private readonly ctx: SandboxContext) {
    const batch = (item: (p: SamplePatent) => unknown) => withQuery((q) => resolveBatch(ctx, q).map(item));
    this.routes = [
      ['GET /basic-patent-data/simple-bibliography', batch((p) => this.bibliography(p))],
      ['GET /basic-patent-data/abstract-image', batch((p) => this.abstractImage(p))],
      ['GET /basic-patent-data/simple-legal-status', batch((p) => ({ pn: p.pn, patent_id: p.patentId, simple_legal_status: [...p.legalStatus] }))],
      ['GET /basic-patent-data/pdf-data', withQuery((q) => this.pdfData(q))],
    ];
    this.files = { 'abstract-image': (key, name) => this.drawingFile(key, name), pdf: (key, name) => this.pdfFile(key, name) };
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
      reference_cited: { cited_others: p.citedOthers.map((o) => o.text), cited_patents: p.citedPatents.map((c) => c.pn) },
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
      abstract_drawing: { num: '0001', path: this.ctx.signer.sign(`/_files/abstract-image/${p.pn}/00000001_0001.png`, this.ctx.settings.links.image) },
    };
  }

  private pdfData(query: URLSearchParams): unknown[] {
    const related = replaceByRelated(query);
    return resolveBatch(this.ctx, query).map((p) => {
      if (p.hasPdf) return { pn: p.pn, patent_id: p.patentId, pdf: { path: this.pdfLink(p) } };
      const stand = related ? familyOf(this.ctx.data, p).find((m) => m !== p && m.hasPdf) : undefined;
      if (!stand) return { pn: p.pn, patent_id: p.patentId };
      return { pn: p.pn, patent_id: p.patentId, pdf: { path: this.pdfLink(stand) }, pn_related: stand.pn };
    });
  }

  private pdfLink(p: SamplePatent): string {
    return this.ctx.signer.sign(`/_files/pdf/${p.pn}/${p.pn}.pdf`, this.ctx.settings.links.pdf);
  }

  private drawingFile(key: string, name: string): ServedFile | undefined {
    const p = this.ctx.data.byPn.get(key);
    if (!p?.hasDrawing || name !== '00000001_0001.png') return undefined;
    let png = this.drawings.get(p.pn);
    if (!png) {
      png = drawingPng(p.seed);
      this.drawings.set(p.pn, png);
    }
    return { kind: 'bytes', bytes: png, contentType: 'image/png', fileName: `${p.pn}_00000001_0001.png` };
  }

  private pdfFile(key: string, name: string): ServedFile | undefined {
    const p = this.ctx.data.byPn.get(key);
    if (!p?.hasPdf || name !== `${p.pn}.pdf`) return undefined;
    return { kind: 'bytes', bytes: patentPdf(p), contentType: 'application/pdf', fileName: name };
  }
}
