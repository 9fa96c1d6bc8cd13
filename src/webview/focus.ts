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
