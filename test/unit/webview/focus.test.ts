import * as assert from 'node:assert/strict';
import { focusWithin, keepingFocus } from '../../../src/webview/focus';

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

describe('webview focus kept across a redraw', () => {
  /** An element of a fake page: its tag, label or text, and whether it was focused. */
  interface Node {
    tagName: string;
    textContent: string;
    label?: string;
    getAttribute(name: string): string | null;
    focus(): void;
  }

  /** A page with one redrawn part: `draw` replaces the part's elements, as replaceChildren does. */
  function fakePage(hasFocus = true) {
    let nodes: Node[] = [];
    const outside = node('BUTTON', 'Outside');
    const page = {
      activeElement: null as Node | null,
      hasFocus: () => hasFocus,
    };
    function node(tagName: string, text: string, label?: string): Node {
      const n: Node = {
        tagName,
        textContent: text,
        label,
        getAttribute: (name) => (name === 'aria-label' ? (n.label ?? null) : null),
        focus: () => {
          page.activeElement = n;
        },
      };
      return n;
    }
    const root = {
      contains: (n: Node) => nodes.includes(n),
      querySelectorAll: (tag: string) => nodes.filter((n) => n.tagName === tag.toUpperCase()),
    };
    /** Replaces the part's elements; the focus, if it was on one of them, falls to the page's body. */
    function draw(...specs: Array<[tag: string, text: string, label?: string]>): Node[] {
      const before = nodes;
      nodes = specs.map(([tag, text, label]) => node(tag, text, label));
      if (page.activeElement && before.includes(page.activeElement)) page.activeElement = null;
      return nodes;
    }
    return { page, root, draw, outside };
  }

  it('puts the focus back on the button of the same name the redraw made', () => {
    const { page, root, draw } = fakePage();
    const [, openPdf] = draw(['H1', 'Title'], ['BUTTON', 'Open PDF'], ['BUTTON', 'Save PDF…']);
    openPdf?.focus();
    let fresh: Node[] = [];
    keepingFocus(root, () => (fresh = draw(['H1', 'Title'], ['P', 'Cached on 2026-11-30'], ['BUTTON', 'Open PDF'], ['BUTTON', 'Save PDF…'])), page);
    assert.equal(page.activeElement, fresh[2]);
    assert.notEqual(page.activeElement, openPdf);
  });

  it('keeps the same occurrence of a name that repeats, by its label before its text', () => {
    const { page, root, draw } = fakePage();
    const old = draw(['BUTTON', 'Copy', 'Copy claim 1'], ['BUTTON', 'Copy', 'Copy claim 2'], ['A', 'US1'], ['A', 'US1']);
    old[3]?.focus();
    let fresh: Node[] = [];
    keepingFocus(root, () => (fresh = draw(['A', 'US1'], ['A', 'US1'], ['BUTTON', 'Copy', 'Copy claim 1'], ['BUTTON', 'Copy', 'Copy claim 2'])), page);
    assert.equal(page.activeElement, fresh[1]);
    fresh[2]?.focus(); // "Copy claim 1"
    keepingFocus(root, () => (fresh = draw(['BUTTON', 'Copy', 'Copy claim 2'], ['BUTTON', 'Copy', 'Copy claim 1'])), page);
    assert.equal(page.activeElement, fresh[1], 'by its label "Copy claim 1"');
  });

  it('moves nothing when the focus was outside the part, or the page is in the background, or the name is gone', () => {
    const outsideFocus = fakePage();
    outsideFocus.draw(['BUTTON', 'Open PDF']);
    outsideFocus.outside.focus();
    keepingFocus(outsideFocus.root, () => outsideFocus.draw(['BUTTON', 'Open PDF']), outsideFocus.page);
    assert.equal(outsideFocus.page.activeElement, outsideFocus.outside);

    const background = fakePage(false);
    background.draw(['BUTTON', 'Open PDF'])[0]?.focus();
    keepingFocus(background.root, () => background.draw(['BUTTON', 'Open PDF']), background.page);
    assert.equal(background.page.activeElement, null);

    const gone = fakePage();
    gone.draw(['BUTTON', 'Retry'])[0]?.focus();
    keepingFocus(gone.root, () => gone.draw(['P', 'Loaded']), gone.page);
    assert.equal(gone.page.activeElement, null);
  });

  it('leaves a focus the redraw placed itself', () => {
    const { page, root, draw } = fakePage();
    draw(['BUTTON', 'Retry'])[0]?.focus();
    let fresh: Node[] = [];
    keepingFocus(root, () => {
      fresh = draw(['H2', 'Claims'], ['BUTTON', 'Retry']);
      fresh[0]?.focus();
    }, page);
    assert.equal(page.activeElement, fresh[0]);
  });
});
