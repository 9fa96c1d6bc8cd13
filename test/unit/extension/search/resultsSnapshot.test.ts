import * as assert from 'node:assert/strict';
import type { SearchHit } from '../../../../src/core/api/types';
import type { ResultSet } from '../../../../src/extension/search/resultsModel.pure';
import { backendKey, MAX_SAVED_HITS, readSnapshot, RESULTS_LIFETIME_MS, snapshotOf } from '../../../../src/extension/search/resultsSnapshot.pure';

const BACKEND = 'sandbox http://127.0.0.1:43123';
const NOW = 1_800_000_000_000;

function hit(i: number): SearchHit {
  return { patentId: `id-${i}`, pn: `US${10000000 + i}B2`, title: `Title ${i}`, currentAssignee: 'Acme', publicationDate: 20240101, inventors: ['A. Inventor'] };
}

function set(n: number, total = 500, nextOffset = n): ResultSet {
  return { query: 'TTL:battery', options: { sort: 'publishedNewest', collapse: 'DOCDB' }, hits: Array.from({ length: n }, (_, i) => hit(i)), total, nextOffset, offerCollapse: true };
}

/** Through JSON, as workspaceState keeps it. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the last search, kept for the next window', () => {
  it('comes back whole for the same backend within a day: query, options, pages and where the next starts', () => {
    const restored = readSnapshot(stored(snapshotOf(set(100, 500, 100), BACKEND, NOW)), BACKEND, NOW + RESULTS_LIFETIME_MS - 1);
    assert.equal(restored?.kind, 'fresh');
    if (restored?.kind !== 'fresh') return;
    const { offerCollapse: _shownOnce, ...expected } = set(100, 500, 100);
    assert.deepEqual(restored.results, { ...expected, fetchedAt: NOW, restored: true }, 'the collapse offer is made once, not again after a reload');
  });

  it('is as old as its first page: later pages do not make it younger', () => {
    const snapshot = snapshotOf({ ...set(100), fetchedAt: NOW - 5_000 }, BACKEND, NOW);
    assert.equal(snapshot.savedAt, NOW - 5_000);
  });

  it('is out of date after a day, and keeps only what a new search needs', () => {
    const restored = readSnapshot(stored(snapshotOf(set(3), BACKEND, NOW)), BACKEND, NOW + RESULTS_LIFETIME_MS + 1);
    assert.deepEqual(restored, { kind: 'expired', query: 'TTL:battery', options: { sort: 'publishedNewest', collapse: 'DOCDB' }, savedAt: NOW });
  });

  it('is nothing for another backend, or when signed out', () => {
    const snapshot = stored(snapshotOf(set(3), BACKEND, NOW));
    assert.equal(readSnapshot(snapshot, 'patsnap connect.patsnap.com apiKey wxyz', NOW), undefined);
    assert.equal(readSnapshot(snapshot, undefined, NOW), undefined);
    assert.equal(backendKey({ kind: 'signedOut' }), undefined);
    assert.equal(backendKey({ kind: 'sandbox', url: 'http://127.0.0.1:1' }), 'sandbox http://127.0.0.1:1');
    assert.notEqual(
      backendKey({ kind: 'patsnap', host: 'connect.patsnap.com', account: 'apiKey', hint: 'wxyz' }),
      backendKey({ kind: 'patsnap', host: 'connect.patsnap.com', account: 'apiKey', hint: 'abcd' }),
      'another account',
    );
  });

  it('keeps at most the first 1,000 results; the next page then starts after them', () => {
    const big = snapshotOf(set(1500, 5000, 1500), BACKEND, NOW);
    assert.equal(big.hits.length, MAX_SAVED_HITS);
    assert.equal(big.nextOffset, MAX_SAVED_HITS);
  });

  it('a tampered or foreign state is no snapshot', () => {
    const good = stored(snapshotOf(set(2), BACKEND, NOW)) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>): unknown => ({ ...good, ...patch });
    for (const value of [
      undefined,
      null,
      'x',
      bad({ v: 2 }),
      bad({ query: '' }),
      bad({ query: 'x'.repeat(3000) }),
      bad({ total: -1 }),
      bad({ savedAt: 'yesterday' }),
      bad({ hits: 'many' }),
      bad({ hits: [{ pn: 'US1' }] }),
      bad({ hits: [{ ...hit(1), title: 42 }] }),
      bad({ hits: [{ ...hit(1), publicationDate: 2024.5 }] }),
      bad({ hits: [{ ...hit(1), inventors: [1] }] }),
    ]) {
      assert.equal(readSnapshot(value, BACKEND, NOW), undefined, JSON.stringify(value)?.slice(0, 80));
    }
    const odd = readSnapshot(bad({ options: { sort: 'sideways' } }), BACKEND, NOW);
    assert.deepEqual(odd?.kind === 'fresh' ? odd.results.options : undefined, { sort: 'relevance', collapse: 'none' }, 'unknown options read as the defaults');
  });
});
