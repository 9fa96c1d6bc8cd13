/**
 * A webview's words: the host sends them translated (`vscode.l10n.t`, one call per
 * key) before anything else; `{0}`, `{1}` are filled here. A key the host did not send
 * reads as itself, which a test would notice.
 */
import { fillArgs, type L10nArg } from '../core/text/translator';

/** A webview's words by key (unlike core/text/translator's, which are keyed by the English message). */
export interface WebviewWords<K extends string> {
  set(strings: Readonly<Record<string, string>>): void;
  t(key: K, ...args: L10nArg[]): string;
}

export function translator<K extends string>(): WebviewWords<K> {
  let strings: Readonly<Record<string, string>> = {};
  return {
    set: (next) => {
      strings = next;
    },
    t: (key, ...args) => {
      return fillArgs(Object.hasOwn(strings, key) ? (strings[key] as string) : key, ...args);
    },
  };
}
