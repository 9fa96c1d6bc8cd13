import assert from 'node:assert/strict';
import { CANONICAL_NUMBERS, findByNumber, generateSampleData, pnBase } from '../../../src/sandbox/data';
import { startSandbox } from '../../../src/sandbox/server';
import { search } from './helpers';

const REQUIRED = [
  'US11205304B2', 'US7123456B2', 'US10123456B1', 'US20050262868A1', 'US20190123456A1', 'USD912345S', 'USRE45678E', 'EP1234567B1', 'EP2458380B1',
  'WO2020123456A1', 'WO1998012345A1', 'CN104169186A', 'CN303649457S', 'JP2020123456A', 'JP1996179521A', 'KR20200012345A', 'KR102355140B1',
];

describe('sandbox: sample data', () => {
  const data = generateSampleData();

  it('is the same on every run', () => {
    assert.deepEqual(generateSampleData(), data);
    assert.notDeepEqual(generateSampleData({ seed: 7 }).patents.map((p) => p.pn), data.patents.map((p) => p.pn));
  });

  it('answers the same searches from two servers', async () => {
    const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      const body = { query_text: 'TACD:"virtual reality" OR AN:SAMSUNG', limit: 50, collapse_type: 'DOCDB' };
      assert.deepEqual((await search(a, body)).body, (await search(b, body)).body);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('has every canonical number, the example ids, and a unique pn and id per patent', () => {
    assert.deepEqual([...CANONICAL_NUMBERS].sort(), [...REQUIRED].sort());
    for (const pn of REQUIRED) {
      assert.equal(findByNumber(data, pn)?.pn, pn);
      assert.equal(findByNumber(data, pnBase(pn))?.pn, pn, `${pn} without kind code`);
    }
    const us = findByNumber(data, 'US11205304B2');
    assert.equal(us?.patentId, '718ead9c-4f3c-4674-8f5a-24e126827269');
    assert.equal(us?.apno, 'US14/706838');
    assert.equal(new Set(data.patents.map((p) => p.pn)).size, data.patents.length);
    assert.equal(new Set(data.patents.map((p) => p.patentId)).size, data.patents.length);
  });

  it('spreads a few hundred patents over six offices, kinds, statuses and shared families', () => {
    assert.ok(data.patents.length >= 400 && data.patents.length < 420, String(data.patents.length));
    const offices = new Set(data.patents.map((p) => p.office));
    assert.deepEqual([...offices].sort(), ['CN', 'EP', 'JP', 'KR', 'US', 'WO']);
    const kinds = new Set(data.patents.map((p) => p.kind));
    for (const k of ['A', 'A1', 'B', 'B1', 'B2', 'S', 'U', 'E']) assert.ok(kinds.has(k), k);
    const statuses = new Set(data.patents.flatMap((p) => p.legalStatus));
    for (const s of ['Active', 'Pending', 'Inactive', 'Undetermined', 'PCT designated period', 'PCT designated expiration']) assert.ok(statuses.has(s), s);
    const families = new Map<string, Set<string>>();
    for (const p of data.patents) families.set(p.docdbFamily, (families.get(p.docdbFamily) ?? new Set()).add(p.office));
    assert.ok([...families.values()].filter((o) => o.size >= 3).length >= 20, 'families across offices');
    for (const p of data.patents) {
      assert.ok(p.pbdt >= p.apdt || p.office === 'WO' || p.pbdt >= 19900101, p.pn);
      assert.match(String(p.pbdt), /^(19|20)\d{6}$/);
      assert.ok(p.ipc.main && p.cpc.main);
    }
  });

  it('uses the application number formats of the brief', () => {
    for (const p of data.patents) {
      const ok =
        (p.office === 'US' && /^US\d{2}\/\d{6}$/.test(p.apno)) ||
        (p.office === 'CN' && /^CN\d{12}\.[\dX]$/.test(p.apno)) ||
        (p.office === 'EP' && /^EP\d{8}\.\d$/.test(p.apno)) ||
        (p.office === 'WO' && /^PCT\/[A-Z]{2}\d{4}\/\d{6}$/.test(p.apno)) ||
        (p.office === 'JP' && /^JP\d{4}-\d{6}$/.test(p.apno)) ||
        (p.office === 'KR' && /^KR10-\d{4}-\d{7}$/.test(p.apno));
      assert.ok(ok, `${p.pn} ${p.apno}`);
    }
  });

  it('generates quickly', () => {
    const t0 = performance.now();
    generateSampleData();
    // Printed, not asserted (timing targets live in test/bench).
    console.log(`      sample data generated in ${(performance.now() - t0).toFixed(1)} ms`);
  });
});
