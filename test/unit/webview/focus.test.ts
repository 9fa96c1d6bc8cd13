import * as assert from 'node:assert/strict';
import { focusWithin } from '../../../src/webview/focus';

describe('webview focus moves', () => {
  /** A page whose focus the test sets, and elements that record being focused. */
  function page(focused: boolean) {
    const moves: string[] = [];
    return {
      moves,
      page: { hasFocus: () => focused },
      element: (name: string) => ({ focus: () => moves.push(name) }),
    };
  }

  it('moves the focus while the page has it', () => {
    const p = page(true);
    assert.equal(focusWithin(p.element('retry'), p.page), true);
    assert.deepEqual(p.moves, ['retry']);
  });

  it('leaves the focus where it is while the page is in the background', () => {
    const p = page(false);
    assert.equal(focusWithin(p.element('retry'), p.page), false);
    assert.deepEqual(p.moves, []);
  });

  it('does nothing without an element', () => {
    const p = page(true);
    assert.equal(focusWithin(null, p.page), false);
    assert.equal(focusWithin(undefined, p.page), false);
  });
});
