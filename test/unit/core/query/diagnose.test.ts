import * as assert from 'node:assert/strict';
import { diagnose, isSendable, MAX_NESTING, type QueryDiagnostic } from '../../../../src/core/query';
import { MALFORMED, VALID } from './queries';

const show = (ds: readonly QueryDiagnostic[]): string => JSON.stringify(ds.map((d) => `${d.severity} ${d.code} ${d.start}-${d.end}: ${d.message}`), null, 1);

describe('query diagnostics', () => {
  describe('accept the queries PatSnap documents', () => {
    for (const [source, query] of VALID) {
      it(`${source}: ${query.replace(/\n/g, ' ')}`, () => {
        const ds = diagnose(query, { endpoints: ['count', 'search'] });
        assert.deepEqual(ds, [], show(ds));
      });
    }
  });

  describe('point at each mistake with a message that says what to do', () => {
    for (const m of MALFORMED) {
      it(`${m.code}: ${m.query}`, () => {
        const ds = diagnose(m.query, { endpoints: m.endpoints ?? ['search'] });
        const start = m.query.indexOf(m.at, m.from ?? 0);
        assert.ok(start >= 0, 'the test names text that is in the query');
        const d = ds.find((x) => x.code === m.code && x.start === start && x.end === start + m.at.length);
        assert.ok(d, `expected ${m.code} over ${JSON.stringify(m.at)} at ${start}; got ${show(ds)}`);
        assert.equal(d.severity, m.severity ?? 'error');
        assert.match(d.message, m.says);
        if (m.fix !== undefined) {
          assert.ok(d.fix, 'a fix is offered');
          assert.equal(d.fix.text, m.fix);
          const fixed = m.query.slice(0, d.fix.start) + d.fix.text + m.query.slice(d.fix.end);
          assert.ok(!diagnose(fixed, { endpoints: m.endpoints ?? ['search'] }).some((x) => x.code === m.code && x.start === d.start), `the fix mends it: ${fixed}`);
        }
        assert.equal(isSendable(ds), !ds.some((x) => x.severity === 'error'));
      });
    }
  });

  describe('the length limit', () => {
    const long = `TTL:(${Array.from({ length: 230 }, (_, i) => `w${i}`).join(' OR ')})`; // 1,500 to 2,000 characters
    it('counts P002/P001 at 1,500 characters and marks the part past it', () => {
      assert.ok(long.length > 1500 && long.length < 2000);
      const d = diagnose(long, { endpoints: ['count', 'search'] }).find((x) => x.code === 'tooLong');
      assert.ok(d);
      assert.equal(d.start, 1500);
      assert.equal(d.end, long.length);
      assert.match(d.message, new RegExp(`${long.length.toLocaleString('en-US')} characters.*at most 1,500.*by ${long.length - 1500}`));
    });
    it('allows the export its 2,000', () => {
      assert.equal(diagnose(long, { endpoints: ['export'] }).length, 0);
      assert.ok(diagnose(`${long} ${long}`, { endpoints: ['export'] }).some((x) => x.code === 'tooLong' && x.start === 2000));
    });
    it('takes the strictest limit of the endpoints a cell runs', () => {
      assert.ok(diagnose(long, { endpoints: ['export', 'count'] }).some((x) => x.code === 'tooLong' && /hit count \(P001\)/.test(x.message)));
    });
    it('counts what the caller adds (a cell\u2019s date range)', () => {
      const q = 'x'.repeat(1480);
      assert.equal(diagnose(q).length, 0);
      const d = diagnose(q, { reservedLength: 40 }).find((x) => x.code === 'tooLong');
      assert.ok(d);
      assert.equal(d.start, 1460);
      assert.match(d.message, /1,520 characters long with the cell\u2019s date range \(40 characters\)/);
    });
    it('writes its numbers in the locale it is given (VS Code\u2019s display language), en-US without one', () => {
      const de = diagnose(long, { locale: 'de-DE' }).find((x) => x.code === 'tooLong');
      assert.ok(de);
      assert.match(de.message, new RegExp(`${long.length.toLocaleString('de-DE').replace('.', '\\.')} characters.*at most 1\\.500`));
      assert.match(diagnose(long).find((x) => x.code === 'tooLong')?.message ?? '', /at most 1,500/);
    });
    it('is exactly at the limit: no diagnostic', () => {
      assert.equal(diagnose('x'.repeat(1500)).length, 0);
      assert.equal(diagnose('x'.repeat(1501)).length, 1);
    });
  });

  describe('facets (P003)', () => {
    it('refuses every positional operator, and only where facets are asked for', () => {
      const q = 'TACD:(a $W1 b) OR TACD:(a $PRE1 b) OR TACD:(a $WS b) OR TACD:(a $SEN b) OR TACD:(a $PARA b) OR TTL:(a $FREQ2)';
      const withFacets = diagnose(q, { endpoints: ['search', 'facets'] }).filter((d) => d.code === 'positionalNotAllowed');
      assert.deepEqual(withFacets.map((d) => q.slice(d.start, d.end)), ['$W1', '$PRE1', '$WS', '$SEN', '$PARA', '$FREQ2']);
      assert.deepEqual(diagnose(q, { endpoints: ['search'] }), []);
    });
  });

  describe('the sandbox backend', () => {
    it('warns about fields and operators the sandbox does not evaluate, and not on PatSnap', () => {
      const q = 'CLMS:(book $W2 case) AND TTL:car';
      const warnings = diagnose(q, { backend: 'sandbox' }).filter((d) => d.code === 'backend');
      assert.deepEqual(warnings.map((d) => q.slice(d.start, d.end)), ['CLMS', '$W2']);
      assert.ok(warnings.every((d) => d.severity === 'warning'));
      assert.deepEqual(diagnose(q), []);
    });
  });

  describe('hostile and odd input', () => {
    it('reports nesting deeper than it checks, once, without overflowing the stack', () => {
      const deep = `${'('.repeat(100_000)}a${')'.repeat(100_000)}`;
      const ds = diagnose(deep, { endpoints: ['export'] });
      assert.deepEqual(ds.map((d) => d.code), ['tooDeep', 'tooLong']);
      assert.equal(ds[0]?.start, MAX_NESTING);
    });
    it('handles a long run of NOT and of operators without recursion', () => {
      assert.doesNotThrow(() => diagnose(`${'NOT '.repeat(50_000)}car`, { endpoints: ['export'] }));
      const ds = diagnose(`car${' AND'.repeat(20_000)}`, { endpoints: ['export'] });
      assert.ok(ds.some((d) => d.code === 'missingOperand'));
    });
    it('gives every unbalanced bracket its own diagnostic, in order', () => {
      const q = 'a) (b [c ) d]';
      const ds = diagnose(q).filter((d) => /Paren|Bracket/.test(d.code));
      assert.deepEqual(ds.map((d) => `${d.code}@${d.start}`), ['unmatchedParen@1', 'unclosedBracket@6', 'unmatchedBracket@12']);
    });
  });
});
