/**
 * The contract's envelope as the service may send it: error answers with `data`
 * null, absent or present and `error_msg` text, null or absent; successes with
 * `data: null`; and patents whose descriptive fields have odd types.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { ENDPOINTS } from '../../../../src/core/api/client';
import { ERROR_CODES, type PatsnapErrorKind } from '../../../../src/core/api/errors';
import { toBibliography } from '../../../../src/core/api/mapping';
import { batchDataSchema, bibliographyItemSchema, legalStatusItemSchema } from '../../../../src/core/api/schemas';
import type { EnvelopeShape } from '../../../../src/sandbox/server';
import { client, KEY_CREDENTIALS, rejectsWith, TOKEN, useSandbox } from './helpers';

const LEGAL = ENDPOINTS.legalStatus;
const lookup = { numbers: ['US11205304B2'] };

const SHAPES: EnvelopeShape[] = [
  { errorData: 'null' },
  { errorData: 'absent' },
  { errorData: 'object' },
  { errorMsg: 'null' },
  { errorMsg: 'absent' },
  { errorData: 'absent', errorMsg: 'absent' },
];

for (const shape of SHAPES) {
  describe(`every error code with ${JSON.stringify(shape)}`, () => {
    const ctx = useSandbox({ envelope: shape });
    const maxRetries = 2;

    for (const [codeText, info] of Object.entries(ERROR_CODES)) {
      const code = Number(codeText);
      const attempts = { stop: 1, retry: 1 + maxRetries, slowDown: 1 + maxRetries, retryOnce: 2, refreshToken: 2 }[info.handling];
      it(`${code} -> ${info.kind} after ${attempts} attempt(s) (${info.handling})`, async () => {
        const api = client(ctx.sb, { maxRetries, maxRateRetries: maxRetries });
        ctx.sb.faults.add({ path: LEGAL, errorCode: code, times: 0 });
        const e = await rejectsWith(api.legalStatus(lookup), info.kind as PatsnapErrorKind);
        assert.equal(e.code, code);
        assert.equal(ctx.sb.stats.calls(LEGAL), attempts);
        assert.equal(ctx.sb.stats.calls(TOKEN), info.handling === 'refreshToken' ? 2 : 1);
        // The service's own words are kept for the log when it sent some.
        if (shape.errorMsg === undefined) assert.match(e.serviceMessage ?? '', /!/);
        else assert.equal(e.serviceMessage, undefined);
      });
    }
  });
}

describe('a success whose data is null', () => {
  const ctx = useSandbox({ exportPendingPolls: 0 });
  const nullData = (p: string): void => ctx.sb.faults.add({ path: p, nullData: true });

  it('reads as nothing found where nothing is a possible answer', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    nullData(ENDPOINTS.search);
    const page = await api.search({ query: 'TTL:battery' });
    assert.deepEqual([page.hits, page.total], [[], 0]);
    for (const [p, call] of [
      [ENDPOINTS.bibliography, () => api.bibliography(lookup)],
      [ENDPOINTS.legalStatus, () => api.legalStatus(lookup)],
      [ENDPOINTS.abstractImage, () => api.abstractImages(lookup)],
      [ENDPOINTS.pdf, () => api.pdfs(lookup)],
    ] as const) {
      nullData(p);
      assert.deepEqual(await call(), [], p);
    }
    nullData(ENDPOINTS.examDocs);
    const docs = await api.examinationDocuments({ patentNumber: 'US11205304B2' });
    assert.deepEqual([docs.documents, docs.docCount], [[], 0]);
    nullData(ENDPOINTS.facets);
    assert.deepEqual(await api.facets({ query: 'TTL:battery', fields: ['ASSIGNEE', 'AUTHORITY'] }), { ASSIGNEE: [], AUTHORITY: [] });
  });

  it('is an unexpected answer, not retried, where the data is the answer', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const task = await api.createExport({ query: 'TTL:battery', fields: ['PN'], exportType: 'csv', rows: 1 });
    for (const [p, call] of [
      [ENDPOINTS.count, () => api.count({ query: 'TTL:battery' })],
      [ENDPOINTS.createExport, () => api.createExport({ query: 'TTL:battery', fields: ['PN'], exportType: 'csv', rows: 1 })],
      [ENDPOINTS.exportStatus, () => api.exportStatus(task.taskId)],
    ] as const) {
      ctx.sb.stats.reset();
      nullData(p);
      const e = await rejectsWith(call(), 'unexpectedResponse', /with success but without its data/);
      assert.equal(e.reason, 'noData');
      assert.equal(ctx.sb.stats.calls(p), 1, p);
    }
  });
});

describe('patents with oddly typed descriptive fields', () => {
  const ctx = useSandbox();

  it('keep the whole batch of 100: each patent is there, the odd fields are simply absent', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const numbers = ctx.sb.data.patents.slice(0, 100).map((p) => p.pn);
    for (const p of [ENDPOINTS.bibliography, ENDPOINTS.legalStatus, ENDPOINTS.abstractImage, ENDPOINTS.pdf]) ctx.sb.faults.add({ path: p, oddFields: true });
    const bibs = await api.bibliography({ numbers });
    assert.deepEqual(bibs.map((b) => b.pn), numbers);
    for (const b of bibs) assert.deepEqual(b, { patentId: b.patentId, pn: b.pn, titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [] });
    const statuses = await api.legalStatus({ numbers });
    assert.deepEqual(statuses.map((s) => [s.pn, s.statuses]), numbers.map((n) => [n, []]));
    assert.deepEqual((await api.abstractImages({ numbers })).map((i) => i.url), numbers.map(() => undefined));
    assert.deepEqual((await api.pdfs({ numbers })).map((i) => i.url), numbers.map(() => undefined));
  });

  it('the named cases: a title as a string, abstracts as {}, a legal status as a number', () => {
    const items = batchDataSchema(bibliographyItemSchema).parse([
      { pn: 'US1B2', patent_id: 'a', bibliographic_data: { invention_title: 'A title', abstracts: {}, patent_type: 'PATENT' } },
      { pn: 'US2B2', patent_id: 'b', bibliographic_data: { invention_title: [{ lang: 'EN', text: 'Kept' }] } },
    ]);
    assert.deepEqual(items.map((i) => toBibliography(i).title), [undefined, 'Kept']);
    assert.equal(toBibliography(items[0] as (typeof items)[0]).patentType, 'PATENT');
    const statuses = batchDataSchema(legalStatusItemSchema).parse([
      { pn: 'US1B2', patent_id: 'a', simple_legal_status: 3 },
      { pn: 'US2B2', patent_id: 'b', simple_legal_status: ['Active'] },
    ]);
    assert.deepEqual(statuses.map((s) => s.simple_legal_status), [[], ['Active']]);
  });

  it('any one odd value anywhere in a patent drops only what it touches (property)', () => {
    const file = path.join(__dirname, '..', '..', '..', 'fixtures', 'patsnap-examples', 'P011-simple-bibliography.json');
    const clean = (JSON.parse(readFileSync(file, 'utf8')) as { data: Array<Record<string, unknown>> }).data[0] as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (v: unknown, at: string[]): void => {
      if (at.length > 0 && at[0] !== 'pn' && at[0] !== 'patent_id') paths.push(at);
      if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(clean, []);
    const schema = batchDataSchema(bibliographyItemSchema);
    const expected = schema.parse([clean])[0];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (at, value) => {
        const odd = structuredClone(clean);
        let parent = odd as Record<string, unknown>;
        for (const key of at.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
        parent[at.at(-1) as string] = value;
        const parsed = schema.safeParse([clean, odd, clean]);
        assert.ok(parsed.success, `the batch failed for ${at.join('.')} = ${JSON.stringify(value)}`);
        const [first, middle, last] = parsed.data;
        assert.deepEqual(first, expected);
        assert.deepEqual(last, expected);
        assert.deepEqual([middle?.pn, middle?.patent_id], [expected?.pn, expected?.patent_id]);
        // Every other part of the bibliography is as it was.
        const touched = at[1];
        if (at[0] === 'bibliographic_data' && touched !== undefined) {
          for (const [key, v] of Object.entries(expected?.bibliographic_data ?? {})) {
            if (key !== touched) assert.deepEqual((middle?.bibliographic_data as Record<string, unknown>)[key], v, `${key} changed when ${at.join('.')} was odd`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
