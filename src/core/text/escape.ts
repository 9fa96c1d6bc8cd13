/**
 * Text from the API made inert for the places it is shown: Markdown (hover cards, search
 * logs) and HTML (search logs). Pure, so the escaping is unit-tested: a title or assignee
 * must never become a link, an image, markup, a heading, a code span or a command, whatever
 * characters PatSnap sends.
 */

// C0/C1 controls, zero-width and bidirectional formatting characters: invisible, and the
// bidi ones can make text read differently from what it says.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

// Every ASCII punctuation character: CommonMark (and marked, which VS Code uses) accepts a
// backslash escape for each, and escaping all of them also defeats autolinks (`https\:\/\/`).
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `text` without invisible characters, white space (line breaks included) collapsed, cut to `maxLength` code points. */
export function plainLine(text: string, maxLength = 300): string {
  const plain = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(plain); // code points, so a cut never splits a surrogate pair
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('').trimEnd()}\u2026` : plain;
}

/**
 * `text` as literal Markdown inline text: invisible characters dropped, whitespace (line
 * breaks included) collapsed to single spaces so no block can start, cut to `maxLength`
 * characters, and every ASCII punctuation character backslash-escaped. Safe in a table cell.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  return plainLine(text, maxLength).replace(ASCII_PUNCTUATION, '\\$&');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as HTML text or attribute value: invisible characters dropped (line breaks kept), the five special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string);
}
