import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FIELDS, OPERATORS, diagnose, lookupField } from '../../../../src/core/query';
import { parseQuery } from '../../../../src/sandbox/query';

const sampleValue = (kind: string): string => (kind === 'date' ? '20200101' : kind === 'year' ? '2020' : kind === 'month' ? '202001' : kind === 'count' ? '5' : 'x');

describe('query fields and operators', () => {
  it('marks exactly the fields the sandbox evaluates', () => {
    for (const f of FIELDS.values()) {
      const q = `${f.code}:${sampleValue(f.kind)}`;
      let refused: string | undefined;
      try {
        parseQuery(q);
      } catch (e) {
        refused = (e as Error).message;
      }
      if (f.sandbox) assert.equal(refused, undefined, `${q}: the sandbox should accept it`);
      else assert.match(refused ?? '', /Unknown field code/, `${q}: the sandbox should refuse it`);
    }
  });

  it('includes every field the brief and the issue name', () => {
    for (const code of ['TTL', 'ABST', 'CLMS', 'TACD', 'AN', 'PBD', 'APD', 'IPC', 'CPC', 'ANCS', 'IN', 'PN', 'APNO']) assert.ok(FIELDS.has(code), code);
  });

  it('reads codes in any case, and custom CCF_ fields', () => {
    assert.equal(lookupField('ttl')?.code, 'TTL');
    assert.equal(lookupField('Ccf_Project')?.kind, 'text');
    assert.equal(lookupField('NOPE'), undefined);
  });

  it('gives every documented field a name, and an example that passes its own checks', () => {
    for (const f of FIELDS.values()) {
      assert.ok(f.name.length > 3, f.code);
      if (f.example) assert.deepEqual(diagnose(f.example, { backend: f.patsnap ? 'patsnap' : 'sandbox' }).filter((d) => d.severity !== 'info' && d.code !== 'backend'), [], f.example);
    }
  });

  it('gives every operator an example that passes its own checks', () => {
    for (const o of OPERATORS) assert.deepEqual(diagnose(o.example), [], o.example);
  });

  describe('agreement with the sandbox\u2019s evaluator', () => {
    const sandboxFields = [...FIELDS.values()].filter((f) => f.sandbox);
    const term = fc.oneof(
      fc.constantFrom('car', 'vehicle', 'batter*', 'immuni??', '"electric vehicle"', 'US10/123456', 'H01M', '\u6c7d\u8f66'),
      fc.constantFrom(...sandboxFields).chain((f) =>
        f.kind === 'date'
          ? fc.constantFrom(`${f.code}:20200101`, `${f.code}:[20200101 TO 20201231]`, `${f.code}:[* TO 20201231]`, `${f.code}:[20190101 TO *]`)
          : fc.constantFrom(`${f.code}:car`, `${f.code}:(car OR truck)`, `${f.code}:"a b"`),
      ),
    );
    const query: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
      q: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        term,
        fc.tuple(tie('q'), fc.constantFrom(' AND ', ' OR ', ' ', ' NOT '), tie('q')).map(([a, op, b]) => `${a}${op}${b}`),
        tie('q').map((q) => `(${q})`),
        tie('q').map((q) => `NOT ${q}`),
      ),
    })).q;

    it('raises no error on queries the sandbox accepts', () => {
      fc.assert(
        fc.property(query, (q) => {
          assert.doesNotThrow(() => parseQuery(q), q);
          const errors = diagnose(q, { backend: 'sandbox', endpoints: ['export'] }).filter((d) => d.severity === 'error');
          assert.deepEqual(errors, [], q);
        }),
        { numRuns: 500 },
      );
    });

    it('lets through nothing the sandbox refuses: a query with no error or warning parses there', () => {
      const pieces = fc.constantFrom('TTL:', 'PBD:', 'PN:', 'FOO:', '(', ')', '[', ']', '"', ' ', ' AND ', ' OR ', ' NOT ', ' TO ', 'car', '2020', '20200101', '*', '?', ':', '-', '$W2', 'x', 'APD:', 'IPC:', ' to ', 'ttl:', '202013', '2020-01-01', '\uff08', '"a b"', 'TREE@');
      fc.assert(
        fc.property(fc.array(pieces, { minLength: 1, maxLength: 12 }), (parts) => {
          const q = parts.join('');
          const serious = diagnose(q, { backend: 'sandbox' }).filter((d) => d.severity !== 'info');
          if (serious.length > 0) return;
          assert.doesNotThrow(() => parseQuery(q), q);
        }),
        { numRuns: 3000 },
      );
    });
  });
});
