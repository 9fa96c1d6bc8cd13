/**
 * A patent's record beyond its front page: P013 legal status, P014 family, P015 cited
 * by (path "backward-citation"), P016 citations (path "forward-citation"), P018 claims
 * and P026 legal events. All batch endpoints (at most 100, ids win, unknown left out),
 * answering the shapes of PatSnap's published examples.
 */
import { claimHtml } from '../claims';
import { apnoKey, type SamplePatent } from '../data';
import { legalRecordOf, type LegalRecord } from '../legal';
import { hashString } from '../random';
import { replaceByRelated } from '../validate';
import { resolveBatch } from './basicData';
import { type EndpointFamily, type SandboxContext, withQuery } from './family';

function reference(p: SamplePatent, sequence: number): Record<string, unknown> {
  return { kind: p.kind, country: p.office, sequence, doc_number: p.docNumber };
}

/** Within `years` after the cited patent's publication. */
function within(cited: SamplePatent, citing: SamplePatent, years: number): boolean {
  return citing.pbdt <= cited.pbdt + years * 10000;
}

export class RecordEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];
  /** Who cites each patent (pn -> citing patents, oldest first): the reverse of every `citedPatents`. */
  private readonly citing = new Map<string, SamplePatent[]>();
  private readonly families = new Map<string, SamplePatent[]>();
  private readonly legal = new Map<string, LegalRecord>();

  constructor(private readonly ctx: SandboxContext) {
    for (const p of [...ctx.data.patents].sort((a, b) => a.pbdt - b.pbdt || a.pn.localeCompare(b.pn))) {
      for (const c of p.citedPatents) this.citing.set(c.pn, [...(this.citing.get(c.pn) ?? []), p]);
      for (const key of [`s:${p.docdbFamily}`, `i:${p.inpadocFamily}`, `x:${p.extendFamily}`]) this.families.set(key, [...(this.families.get(key) ?? []), p]);
    }
    const batch = (item: (p: SamplePatent) => unknown) => withQuery((q) => resolveBatch(ctx, q).map(item));
    this.routes = [
      ['GET /basic-patent-data/legal-status', batch((p) => this.legalStatus(p))],
      ['GET /basic-patent-data/patent-family', batch((p) => this.family(p))],
      ['GET /basic-patent-data/backward-citation', batch((p) => this.citedBy(p))],
      ['GET /advanced-patent-data/forward-citation', batch((p) => this.citations(p))],
      ['GET /basic-patent-data/claim-data', withQuery((q) => this.claims(q))],
      ['GET /advanced-patent-data/legal-data', batch((p) => this.legalEvents(p))],
    ];
  }

  private record(p: SamplePatent): LegalRecord {
    let r = this.legal.get(p.pn);
    if (!r) {
      r = legalRecordOf(p, this.ctx.data.byApno.get(apnoKey(p.apno)) ?? [p]);
      this.legal.set(p.pn, r);
    }
    return r;
  }

  private legalStatus(p: SamplePatent): unknown {
    const r = this.record(p);
    return { pn: p.pn, patent_id: p.patentId, legal_date: r.legalDate, patent_legal: { event_status: r.events, legal_status: r.detailed, simple_legal_status: r.simple } };
  }

  private members(key: string): SamplePatent[] {
    return this.families.get(key) ?? [];
  }

  private family(p: SamplePatent): unknown {
    const list = (key: string): unknown[] => this.members(key).map((m, i) => reference(m, i + 1));
    const id = (key: string): number => 100000000 + (hashString(key) % 800000000);
    return {
      pn: p.pn,
      patent_id: p.patentId,
      patent_family: {
        simple_family: list(`s:${p.docdbFamily}`),
        inpadoc_family: list(`i:${p.inpadocFamily}`),
        patsnap_family: list(`x:${p.extendFamily}`),
        simple_family_id: id(`s:${p.docdbFamily}`),
        inpadoc_family_id: id(`i:${p.inpadocFamily}`),
        patsnap_family_id: id(`x:${p.extendFamily}`),
      },
    };
  }

  private citedBy(p: SamplePatent): unknown {
    const citing = this.citing.get(p.pn) ?? [];
    // Citations of any member, counted once per citing patent.
    const ofFamily = (key: string): number => new Set(this.members(key).flatMap((m) => (this.citing.get(m.pn) ?? []).map((c) => c.pn))).size;
    return {
      pn: p.pn,
      patent_id: p.patentId,
      patent_cited: {
        cited_by_3y: citing.filter((c) => within(p, c, 3)).length,
        cited_by_5y: citing.filter((c) => within(p, c, 5)).length,
        cited_by_patents: citing.map((c, i) => reference(c, i + 1)),
        cited_by_simple_family: ofFamily(`s:${p.docdbFamily}`),
        cited_by_inpadoc_family: ofFamily(`i:${p.inpadocFamily}`),
        cited_by_patsnap_family: ofFamily(`x:${p.extendFamily}`),
      },
    };
  }

  private citations(p: SamplePatent): unknown {
    const num = (i: number): string => String(i + 1).padStart(4, '0');
    return {
      pn: p.pn,
      patent_id: p.patentId,
      patsnap_reference_cited: {
        cited_others: p.citedOthers.map((o, i) => ({
          ...(o.doi ? { doi: o.doi } : {}),
          num: num(i),
          lang: o.lang,
          text: o.text,
          title: o.title,
          author: o.authors.map((name, k) => ({ lang: o.lang, name, sequence: k + 1 })),
          ...(o.copyright ? { copyright: o.copyright } : {}),
        })),
        cited_patents: p.citedPatents.flatMap((c, i) => {
          const cited = this.ctx.data.byPn.get(c.pn);
          return cited ? [{ num: num(i), kind: cited.kind, country: cited.office, category: [...c.category], cite_type: [...c.citeType], doc_number: cited.docNumber }] : [];
        }),
      },
    };
  }

  private claims(query: URLSearchParams): unknown[] {
    const related = replaceByRelated(query);
    return resolveBatch(this.ctx, query).map((p) => {
      // A stand-in from the family: the same application first, then the same office, then the oldest.
      const stand =
        p.claims.length === 0 && related
          ? this.members(`s:${p.docdbFamily}`)
              .filter((m) => m !== p && m.claims.length > 0)
              .sort((a, b) => Number(apnoKey(b.apno) === apnoKey(p.apno)) - Number(apnoKey(a.apno) === apnoKey(p.apno)) || Number(b.office === p.office) - Number(a.office === p.office) || a.pbdt - b.pbdt)[0]
          : undefined;
      const source = p.claims.length > 0 ? p : stand;
      if (!source) return { pn: p.pn, patent_id: p.patentId };
      const sets = source.claims;
      const item: Record<string, unknown> = {
        pn: p.pn,
        claims: sets.map((set, i) => ({
          lang: set.lang,
          claim_text: claimHtml(set, source.omitClaimParents),
          data_format: i === 0 ? 'original' : 'translation',
          claim_independent_count: set.claims.filter((c) => c.independent).length,
        })),
        patent_id: p.patentId,
        claim_count: sets[0]?.claims.length ?? 0,
      };
      if (stand) item.pn_related = stand.pn;
      return item;
    });
  }

  private legalEvents(p: SamplePatent): unknown {
    const r = this.record(p);
    return { pn: p.pn, patent_id: p.patentId, patsnap_legal_data: { inpadoc_legal_data: r.inpadoc, official_legal_data: r.official } };
  }
}
