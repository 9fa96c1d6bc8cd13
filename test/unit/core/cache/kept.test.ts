/** Stale-while-revalidate: what the card and each section of the panel show, in order, for fresh, stale and missing entries. */
import * as assert from 'node:assert/strict';
import { keptAll, staleWhileRevalidate, type Kept, type Shown } from '../../../../src/core/cache/kept';

/** Runs the helper over `kept` and an ask that answers `answer` (or throws it); records what was shown and asked. */
async function run(kept: Kept<string> | undefined, answer: string | Error, signal?: AbortSignal): Promise<{ shown: Array<Shown<string>>; asked: number; thrown?: unknown }> {
  const shown: Array<Shown<string>> = [];
  let asked = 0;
  const source = {
    kept: () => Promise.resolve(kept),
    fresh: () => {
      asked++;
      // What was shown stale is on the page before the ask starts.
      assert.equal(shown.length, kept?.stale ? 1 : 0);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  try {
    await staleWhileRevalidate(source, (s) => shown.push(s), signal);
    return { shown, asked };
  } catch (thrown) {
    return { shown, asked, thrown };
  }
}

describe('staleWhileRevalidate', () => {
  const storedAt = Date.UTC(2025, 0, 1);

  it('shows a fresh entry and asks nothing', async () => {
    assert.deepEqual(await run({ value: 'kept', storedAt, stale: false }, 'answer'), { shown: [{ value: 'kept' }], asked: 0 });
  });

  it('shows a stale entry as cached and refreshing, then the answer', async () => {
    assert.deepEqual(await run({ value: 'kept', storedAt, stale: true }, 'answer'), {
      shown: [{ value: 'kept', cached: { storedAt, refreshing: true } }, { value: 'answer' }],
      asked: 1,
    });
  });

  it('keeps a stale entry shown, with the failure, when the ask fails', async () => {
    const failure = new Error('down');
    assert.deepEqual(await run({ value: 'kept', storedAt, stale: true }, failure), {
      shown: [{ value: 'kept', cached: { storedAt, refreshing: true } }, { value: 'kept', cached: { storedAt, refreshing: false, error: failure } }],
      asked: 1,
    });
  });

  it('asks when nothing is kept, and throws what the ask throws', async () => {
    assert.deepEqual(await run(undefined, 'answer'), { shown: [{ value: 'answer' }], asked: 1 });
    const failure = new Error('down');
    assert.deepEqual(await run(undefined, failure), { shown: [], asked: 1, thrown: failure });
  });

  it('shows nothing more once cancelled, and a failure after cancelling is the caller\u2019s', async () => {
    const controller = new AbortController();
    controller.abort();
    assert.deepEqual(await run({ value: 'kept', storedAt, stale: true }, 'answer', controller.signal), { shown: [], asked: 0 });
  });

  it('treats an unreadable cache as nothing kept', async () => {
    const shown: Array<Shown<string>> = [];
    await staleWhileRevalidate({ kept: () => Promise.reject(new Error('disk')), fresh: () => Promise.resolve('answer') }, (s) => shown.push(s));
    assert.deepEqual(shown, [{ value: 'answer' }]);
  });
});

describe('keptAll', () => {
  it('is kept when every part is, stale when any is, as old as the oldest', () => {
    assert.deepEqual(
      keptAll([
        { value: 1, storedAt: 20, stale: false },
        { value: 'b', storedAt: 10, stale: true },
      ] as const),
      { value: [1, 'b'], storedAt: 10, stale: true },
    );
    assert.deepEqual(keptAll([{ value: 1, storedAt: 20, stale: false }] as const), { value: [1], storedAt: 20, stale: false });
    assert.equal(keptAll([{ value: 1, storedAt: 20, stale: false }, undefined] as const), undefined);
  });
});
