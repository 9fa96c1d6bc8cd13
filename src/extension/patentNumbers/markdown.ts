/**
 * Markdown for hover cards built from API text. Pure (no `vscode`), so the escaping is
 * unit-tested: a title or assignee must never become a link, an image, HTML, a heading,
 * a code span or a command, whatever characters PatSnap sends.
 */

// C0/C1 controls, zero-width and bidirectional formatting characters: invisible, and the
// bidi ones can make the card read differently from what it says.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

// Every ASCII punctuation character: CommonMark (and marked, which VS Code uses) accepts a
// backslash escape for each, and escaping all of them also defeats autolinks (`https\:\/\/`).
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * `text` as literal Markdown inline text: invisible characters dropped, whitespace (line
 * breaks included) collapsed to single spaces so no block can start, cut to `maxLength`
 * characters, and every ASCII punctuation character backslash-escaped.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  let plain = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(plain); // code points, so a cut never splits a surrogate pair
  if (chars.length > maxLength) plain = `${chars.slice(0, maxLength - 1).join('').trimEnd()}…`;
  return plain.replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * A `command:` URI with its arguments, for a Markdown link to one of our commands. The
 * arguments are encoded whole, parentheses included, so the link destination stays intact.
 */
export function commandUri(command: string, ...args: unknown[]): string {
  const query = args.length > 0 ? `?${encodeURIComponent(JSON.stringify(args)).replace(/[()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}` : '';
  return `command:${command}${query}`;
}

/** `[label](command:…)` with a fixed label of ours (never API text). */
export function commandLink(label: string, command: string, ...args: unknown[]): string {
  return `[${escapeMarkdown(label)}](${commandUri(command, ...args)})`;
}
