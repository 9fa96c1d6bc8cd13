/** P002 query search (v1 and v2) and P001 hit count. */
import { runSearch } from '../search';
import { countRequest, searchRequest } from '../validate';
import { type EndpointFamily, type SandboxContext, withBody } from './family';

export class SearchEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];

  constructor(private readonly ctx: SandboxContext) {
    this.routes = [
      ['POST /search/patent/query-search-patent', withBody((b) => this.search(b, false))],
      ['POST /search/patent/query-search-patent/v2', withBody((b) => this.search(b, true))],
      ['POST /search/patent/query-search-count', withBody((b) => this.count(b))],
    ];
  }

  private search(body: Record<string, unknown>, v2: boolean): unknown {
    const req = searchRequest(body);
    const hits = runSearch(this.ctx.docs, { query: req.node, sort: req.sort, collapse: req.collapse });
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

  private count(body: Record<string, unknown>): unknown {
    const req = countRequest(body);
    return { total_search_result_count: runSearch(this.ctx.docs, { query: req.node, sort: [], collapse: req.collapse }).length };
  }
}
