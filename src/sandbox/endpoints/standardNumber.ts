/**
 * P069 standard-number search: an application number (`apno`) or a loosely written
 * publication number (`pn`: spaces, commas, without its kind code, the EPO's short
 * US form) to PatSnap's publications, with what P002 v2 gives of each.
 */
import { apnoKey, pnBase, type SamplePatent } from '../data';
import { standardNumberRequest } from '../validate';
import { type EndpointFamily, type SandboxContext, withBody } from './family';

/**
 * `US 2005/0262868 A1`, `us2005262868`, `EP 1 234 567` -> what the number matches: a
 * publication with that exact number when a kind code is written, else every
 * publication with that serial.
 */
function matcher(written: string): (p: SamplePatent) => boolean {
  let compact = written.normalize('NFKC').toUpperCase().replace(/[\s,./-]/g, '');
  // The EPO's DOCDB form of a US pre-grant publication drops a zero: US2005262868 -> US20050262868.
  const docdb = /^US(\d{4})(\d{6})((?:[A-Z]\d?)?)$/.exec(compact);
  if (docdb) compact = `US${docdb[1]}0${docdb[2]}${docdb[3]}`;
  const base = pnBase(compact);
  return base === compact ? (p) => pnBase(p.pn) === base : (p) => p.pn.toUpperCase() === compact;
}

export class StandardNumberEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];

  constructor(private readonly ctx: SandboxContext) {
    this.routes = [['POST /search/patent/patent-search-pn', withBody((b) => this.search(b))]];
  }

  private search(body: Record<string, unknown>): unknown {
    const { pn, apno, authority, limit, offset } = standardNumberRequest(body);
    let found: SamplePatent[];
    if (pn) {
      found = this.ctx.data.patents.filter(matcher(pn));
    } else {
      found = [...(this.ctx.data.byApno.get(apnoKey(apno as string)) ?? [])];
    }
    found = found.filter((p) => !authority || authority.has(p.office)).sort((a, b) => a.pbdt - b.pbdt || a.pn.localeCompare(b.pn));
    const results = found.slice(offset, offset + limit).map((p) => ({
      pn: p.pn,
      apdt: p.apdt,
      apno: p.apno,
      pbdt: p.pbdt,
      title: p.title,
      inventor: p.inventors.map((i) => i.name).join(' | '),
      patent_id: p.patentId,
      current_assignee: p.currentAssignees.map((a) => a.name).join(' | '),
      original_assignee: p.originalAssignees.map((a) => a.name).join(' | '),
    }));
    return { results, result_count: results.length, total_search_result_count: found.length };
  }
}
