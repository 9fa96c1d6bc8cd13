/** Ranking, paging and family collapse over the sample patents, shared by P002 and P055. */
import type { CollapseBy, CollapseOrder, CollapseType, SortField, SortOrder } from '../core/api/types';
import type { SamplePatent } from './data';
import { evaluate, type QueryNode, type SearchDoc } from './query';

export interface CollapseSpec {
  type: CollapseType;
  by?: CollapseBy;
  order?: CollapseOrder;
  authority?: readonly string[];
}

export interface SearchSpec {
  query: QueryNode;
  sort: ReadonlyArray<{ field: SortField; order: SortOrder }>;
  collapse?: CollapseSpec;
  filter?: (p: SamplePatent) => boolean;
  stemming?: boolean;
}

export interface Hit {
  patent: SamplePatent;
  score: number;
}

type Comparator = (a: Hit, b: Hit) => number;

function sortValue(h: Hit, field: SortField): number | undefined {
  switch (field) {
    case 'PBDT_YEARMONTHDAY':
      return h.patent.pbdt;
    case 'APD_YEARMONTHDAY':
      return h.patent.apdt;
    case 'ISD':
      return h.patent.isd;
    case 'SCORE':
      return h.score;
  }
}

function comparator(sort: SearchSpec['sort']): Comparator {
  const keys = sort.length > 0 ? sort : [{ field: 'SCORE' as const, order: 'DESC' as const }];
  return (a, b) => {
    for (const { field, order } of keys) {
      const va = sortValue(a, field);
      const vb = sortValue(b, field);
      if (va === vb) continue;
      // Patents without the value (ISD of an application) come last either way.
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return order === 'ASC' ? va - vb : vb - va;
    }
    // Stable, deterministic ties: newest first, then by number.
    return b.patent.pbdt - a.patent.pbdt || a.patent.pn.localeCompare(b.patent.pn);
  };
}

function groupKey(p: SamplePatent, type: CollapseType): string {
  switch (type) {
    case 'APNO':
      return p.apno;
    case 'DOCDB':
      return p.docdbFamily;
    case 'INPADOC':
      return p.inpadocFamily;
    case 'EXTEND':
      return p.extendFamily;
    case 'ALL':
      return p.patentId;
  }
}

/** Which of two hits of one group stays; negative keeps `a`. Equal falls back to the sort order. */
function representative(c: CollapseSpec): Comparator | undefined {
  const latest = (c.order ?? 'LATEST') === 'LATEST';
  switch (c.by) {
    case 'APD':
      return (a, b) => (latest ? b.patent.apdt - a.patent.apdt : a.patent.apdt - b.patent.apdt);
    case 'PBD':
      return (a, b) => (latest ? b.patent.pbdt - a.patent.pbdt : a.patent.pbdt - b.patent.pbdt);
    case 'SCORE':
      return (a, b) => b.score - a.score;
    case 'AUTHORITY': {
      const list = c.authority && c.authority.length > 0 ? c.authority : ['CN', 'US', 'EP', 'JP', 'KR'];
      const rank = (p: SamplePatent): number => {
        const i = list.indexOf(p.office);
        return i < 0 ? list.length : i;
      };
      return (a, b) => rank(a.patent) - rank(b.patent);
    }
    case undefined:
      return undefined;
  }
}

export function runSearch(docs: readonly SearchDoc[], spec: SearchSpec): Hit[] {
  const hits: Hit[] = [];
  for (const doc of docs) {
    if (spec.filter && !spec.filter(doc.patent)) continue;
    const score = evaluate(spec.query, doc, spec.stemming);
    if (score !== null) hits.push({ patent: doc.patent, score });
  }
  const byRank = comparator(spec.sort);
  hits.sort(byRank);
  const collapse = spec.collapse;
  if (!collapse || collapse.type === 'ALL') return hits;
  const pick = representative(collapse);
  const groups = new Map<string, Hit>();
  for (const h of hits) {
    const key = groupKey(h.patent, collapse.type);
    const kept = groups.get(key);
    // Hits arrive in rank order, so without a collapse_by the best-ranked member stays.
    if (!kept || (pick && pick(h, kept) < 0)) groups.set(key, h);
  }
  return [...groups.values()].sort(byRank);
}
