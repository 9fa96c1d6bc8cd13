/**
 * P003 field statistics (`POST /patent-field/query`): the top values of up to five
 * fields over a query's results, counted over the sample patents the query finds.
 * Fields the sample data has no values for (AGENCY, LEGAL_EVENT, LEGAL_STATUS)
 * answer an empty list.
 */
import { yearOf } from '../dates';
import type { SamplePatent } from '../data';
import { parseQuery, QuerySyntaxError } from '../query';
import { runSearch } from '../search';
import { InvalidParameter } from '../validate';
import { type EndpointFamily, type SandboxContext, withBody } from './family';

type Values = (p: SamplePatent) => readonly string[];

/** IPC/CPC levels of a symbol such as G06Q40/025: section G, class G06, subclass G06Q, main group G06Q40/00. */
function level(symbol: string, which: 'section' | 'class' | 'subclass' | 'group'): string[] {
  const m = /^([A-H])(\d{2})([A-Z])\s*(\d{1,4})/.exec(symbol.trim().toUpperCase());
  if (!m) return [];
  const [, section, cls, sub, group] = m as unknown as [string, string, string, string, string];
  return [{ section, class: section + cls, subclass: section + cls + sub, group: `${section}${cls}${sub}${group}/00` }[which]];
}

const year = (ymd: number | undefined): string[] => (ymd ? [String(yearOf(ymd))] : []);

/** The field codes the sandbox counts, and each patent's values of them. */
export const FACET_FIELDS: Readonly<Record<string, Values>> = {
  ASSIGNEE: (p) => p.currentAssignees.map((a) => a.name),
  ANCS_TYPE: (p) => p.currentAssignees.map((a) => (/universit|institut|academ|college/i.test(a.name) ? 'Academy' : 'Company')),
  INVENTOR: (p) => p.inventors.map((i) => i.name),
  SIMPLE_LEGAL_STATUS: (p) => p.legalStatus,
  LEGAL_STATUS: () => [],
  LEGAL_EVENT: () => [],
  APPLICATION_YEAR: (p) => year(p.apdt),
  PUBLICATION_YEAR: (p) => year(p.pbdt),
  ISSUE_YEAR: (p) => year(p.isd),
  AGENCY: () => [],
  PATENT_TYPE: (p) => [p.patentType],
  AUTHORITY: (p) => [p.office],
  IPC_SECTION: (p) => level(p.ipc.main, 'section'),
  IPC_CLASS: (p) => level(p.ipc.main, 'class'),
  IPC_SUBCLASS: (p) => level(p.ipc.main, 'subclass'),
  IPC_GROUP: (p) => level(p.ipc.main, 'group'),
  CPC_SECTION: (p) => level(p.cpc.main, 'section'),
  CPC_CLASS: (p) => level(p.cpc.main, 'class'),
  CPC_SUBCLASS: (p) => level(p.cpc.main, 'subclass'),
  CPC_GROUP: (p) => level(p.cpc.main, 'group'),
};

const fail = (parameter: string, message: string): never => {
  throw new InvalidParameter(parameter, `${parameter}: ${message}`);
};

function integer(body: Record<string, unknown>, name: string, min: number, max: number, fallback: number): number {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return fail(name, `must be an integer between ${min} and ${max}.`);
  return v;
}

export class FacetEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];

  constructor(private readonly ctx: SandboxContext) {
    this.routes = [['POST /patent-field/query', withBody((b) => this.facets(b))]];
  }

  private facets(body: Record<string, unknown>): unknown {
    const query = body.query;
    if (typeof query !== 'string' || query.trim() === '') return fail('query', 'is required.');
    if (/\$(?:WS|W|PRE|SEN|PARA|FREQ)\d*(?![A-Za-z])/i.test(query)) return fail('query', 'positional operators ($W, $PRE, $WS, $SEN, $PARA, $FREQ) are not allowed.');
    let node;
    try {
      node = parseQuery(query);
    } catch (e) {
      if (e instanceof QuerySyntaxError) return fail('query', e.message);
      throw e;
    }
    const field = body.field;
    if (typeof field !== 'string' || field.trim() === '') return fail('field', 'is required, e.g. "ASSIGNEE,PUBLICATION_YEAR".');
    const fields = field.split(',').map((f) => f.trim());
    if (fields.length > 5) fail('field', 'at most 5 fields.');
    for (const f of fields) if (!Object.hasOwn(FACET_FIELDS, f)) fail('field', `unknown field "${f.slice(0, 40)}".`);
    if (new Set(fields).size !== fields.length) fail('field', 'a field is given twice.');
    const limit = integer(body, 'limit', 1, 100, 50);
    const offset = integer(body, 'offset', 0, 199, 0);
    if (offset + limit > 200) fail('offset', 'offset + limit may be at most 200.');
    const lang = body.lang;
    if (lang !== undefined && lang !== null && !['cn', 'en', 'jp'].includes(lang as string)) fail('lang', 'must be one of cn, en, jp.');

    const hits = runSearch(this.ctx.docs, { query: node, sort: [] });
    return fields.map((f) => {
      const values = FACET_FIELDS[f] as Values;
      const counts = new Map<string, number>();
      for (const { patent } of hits) for (const v of new Set(values(patent))) counts.set(v, (counts.get(v) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(offset, offset + limit);
      return { [f.toLowerCase()]: top.map(([name, count]) => ({ name, count })) };
    });
  }
}
