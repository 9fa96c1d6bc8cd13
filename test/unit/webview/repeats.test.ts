import * as assert from 'node:assert/strict';
import { repeatFilter } from '../../../src/webview/repeats';

type M = { type: 'loading' } | { type: 'patent'; title: string } | { type: 'image'; src: string } | { type: 'showSection'; section: string };
const slotOf = (m: M): string | undefined => (m.type === 'loading' || m.type === 'patent' ? 'main' : m.type === 'image' ? 'image' : undefined);

describe('webview repeated messages', () => {
  it('tells a message equal to the last one of its slot, and only that', () => {
    const isRepeat = repeatFilter(slotOf);
    const seen = ([{ type: 'loading' }, { type: 'patent', title: 'A' }, { type: 'image', src: 'x' }, { type: 'loading' }, { type: 'patent', title: 'A' }, { type: 'image', src: 'x' }] as M[]).map(isRepeat);
    // The resend after `ready` (loading, the card, the drawing again): the card and the drawing repeat; "loading" after the card does not.
    assert.deepEqual(seen, [false, false, false, false, false, true]);
  });

  it('skips the whole view sent again in the same order', () => {
    const isRepeat = repeatFilter(slotOf);
    const view: M[] = [{ type: 'patent', title: 'A' }, { type: 'image', src: 'x' }];
    assert.deepEqual(view.map(isRepeat), [false, false]);
    assert.deepEqual(view.map(isRepeat), [true, true]);
  });

  it('draws a changed answer, and the same one again after something else in its slot', () => {
    const isRepeat = repeatFilter(slotOf);
    assert.equal(isRepeat({ type: 'patent', title: 'A' }), false);
    assert.equal(isRepeat({ type: 'patent', title: 'B' }), false);
    assert.equal(isRepeat({ type: 'loading' }), false);
    assert.equal(isRepeat({ type: 'patent', title: 'B' }), false);
  });

  it('never skips a message without a slot (one the page acts on each time)', () => {
    const isRepeat = repeatFilter(slotOf);
    assert.equal(isRepeat({ type: 'showSection', section: 'claims' }), false);
    assert.equal(isRepeat({ type: 'showSection', section: 'claims' }), false);
  });
});
