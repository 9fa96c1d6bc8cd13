/**
 * Markdown for hover cards built from API text. Pure (no `vscode`); the escaping itself
 * lives in the core (`src/core/text/escape.ts`), shared with the search log.
 */

import { escapeMarkdown } from '../../core/text/escape';

export { escapeMarkdown };

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
