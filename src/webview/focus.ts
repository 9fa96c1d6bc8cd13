/** What {@link focusWithin} needs of an element and of its page (a DOM HTMLElement and Document). */
export interface Focusable {
  focus(): void;
}
export interface FocusablePage {
  hasFocus(): boolean;
}

/**
 * Moves the focus to `element` only while this page has the focus. Every focus move a
 * webview makes by itself (a patent that loads or fails, a restored panel, a PDF that
 * cannot be shown) goes through here: a panel working in the background must not take
 * the focus from the editor, a quick input (which closes when it loses the focus) or
 * another panel. What the user does in the page (a key, a click) happens while the page
 * has the focus, so those moves pass. Returns whether the focus moved.
 */
export function focusWithin(element: Focusable | null | undefined, page: FocusablePage = document): boolean {
  if (!element || !page.hasFocus()) return false;
  element.focus();
  return true;
}

/** What {@link keepingFocus} needs of an element (a DOM Element). */
export interface FocusNode {
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
/** What {@link keepingFocus} needs of the part it redraws (a DOM Element). */
export interface FocusRoot<N extends FocusNode> {
  contains(node: N): boolean;
  querySelectorAll(tag: string): ArrayLike<N>;
}
/** What {@link keepingFocus} needs of the page (a DOM Document). */
export interface FocusTracker<N extends FocusNode> extends FocusablePage {
  readonly activeElement: N | null;
}

/** An element's name as a reader hears it: its label, else its text. */
function focusName(e: FocusNode): string {
  return e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '';
}

/** The elements under `root` with this tag and name, in document order. */
function namesakes<N extends FocusNode>(root: FocusRoot<N>, tag: string, name: string): N[] {
  return Array.from(root.querySelectorAll(tag)).filter((n) => n.tagName === tag && focusName(n) === name);
}

/**
 * Runs `redraw`, which replaces what `root` holds, and gives the keyboard focus back to the
 * element that stands where the focused one stood: the same tag and name (the same
 * occurrence of it). A card or section that refreshes under a keyboard user (the answer that
 * replaces what the cache showed) does not drop the focus to the page's body. Nothing moves
 * when the focus was elsewhere, or when the page does not have it ({@link focusWithin}).
 */
export function keepingFocus<N extends FocusNode>(root: FocusRoot<N>, redraw: () => void, page: FocusTracker<N>): void {
  const active = page.activeElement;
  if (!active || !root.contains(active) || (root as unknown) === active) {
    redraw();
    return;
  }
  const tag = active.tagName;
  const name = focusName(active);
  const occurrence = namesakes(root, tag, name).indexOf(active);
  redraw();
  if (page.activeElement && page.activeElement !== active && root.contains(page.activeElement)) return; // the redraw placed it itself
  const found = namesakes(root, tag, name);
  const target = (found[occurrence] ?? found[found.length - 1]) as (N & Partial<Focusable>) | undefined;
  if (typeof target?.focus === 'function') focusWithin(target as N & Focusable, page);
}
