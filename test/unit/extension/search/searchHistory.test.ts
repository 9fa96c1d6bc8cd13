import * as assert from 'node:assert/strict';
import { SearchHistory, type MementoLike } from '../../../../src/extension/search/searchHistory.pure';

class Memory implements MementoLike {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('search history', () => {
  it('keeps the most recent first, without duplicates', async () => {
    const h = new SearchHistory(new Memory());
    await h.add('a');
    await h.add('b');
    await h.add(' a ');
    assert.deepEqual(h.entries(), ['a', 'b']);
  });

  it('drops the oldest beyond the limit', async () => {
    const h = new SearchHistory(new Memory(), 3);
    for (const q of ['1', '2', '3', '4']) await h.add(q);
    assert.deepEqual(h.entries(), ['4', '3', '2']);
  });

  it('removes one entry and clears all', async () => {
    const h = new SearchHistory(new Memory());
    for (const q of ['x', 'y', 'z']) await h.add(q);
    await h.remove('y');
    assert.deepEqual(h.entries(), ['z', 'x']);
    await h.clear();
    assert.deepEqual(h.entries(), []);
  });

  it('ignores blank queries and whatever else globalState holds', async () => {
    const m = new Memory();
    m.values.set('patentLookup.search.history', ['ok', 3, '', null, 'fine']);
    const h = new SearchHistory(m);
    assert.deepEqual(h.entries(), ['ok', 'fine']);
    await h.add('   ');
    assert.deepEqual(h.entries(), ['ok', 'fine']);
    m.values.set('patentLookup.search.history', 'not a list');
    assert.deepEqual(h.entries(), []);
  });
});
