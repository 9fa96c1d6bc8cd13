import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstIndexNotBefore, itemAt } from '../../../../src/core/text/sortedSearch';

/** Spans in order, never overlapping, from gaps and lengths. */
const spans = fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 5 })), { maxLength: 40 }).map((parts) => {
  let at = 0;
  return parts.map(([gap, length]) => {
    const start = (at += gap);
    at += length;
    return { start, end: at };
  });
});

describe('sortedSearch', () => {
  it('itemAt finds the span holding a position, as a scan of every span does', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: -2, max: 250 }), (items, offset) => {
        const place = (s: { start: number; end: number }): number => (offset < s.start ? -1 : offset >= s.end ? 1 : 0);
        assert.equal(itemAt(items, place), items.find((s) => place(s) === 0));
      }),
    );
  });

  it('firstIndexNotBefore is the first index the predicate turns false at, as a scan finds it', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: -2, max: 250 }), (items, offset) => {
        const before = (s: { start: number }): boolean => s.start < offset;
        const scanned = items.findIndex((s) => !before(s));
        assert.equal(firstIndexNotBefore(items, before), scanned === -1 ? items.length : scanned);
      }),
    );
  });

  it('answers nothing in an empty array', () => {
    assert.equal(itemAt([], () => 0), undefined);
    assert.equal(firstIndexNotBefore([], () => true), 0);
  });
});
