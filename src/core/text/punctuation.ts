import type { Translator } from './translator';
/**
 * Sentences put together from translated pieces, with the display language's punctuation:
 * "2 new since 2026-11-03, 1 gone; 13 hits (+11)." in English is "自 2026-11-03 以来新增 2 条，
 * 1 条已消失；13 条命中（+11）。" in Chinese and "2026-11-03 以降の新規 2 件、1 件が消失；13 件
 * ヒット（+11）。" in Japanese. Each mark is a
 * message of its own (`'{0}, {1}'`, `'{0}; {1}'`, `'{0} ({1})'`, `'{0}: {1}'`, `'{0}.'`, `'“{0}”'`) given to the
 * same translator as the pieces, so the language is the one the pieces are in, and English
 * (`ENGLISH`, or `vscode.l10n` with no bundle) reads as it always has. The pieces are not
 * touched: numbers, patent numbers and codes stay as they are.
 */

function joined(items: readonly string[], pair: (a: string, b: string) => string): string {
  return items.length === 0 ? '' : items.reduce(pair);
}

/** "a, b, c": the items of a list (、 in Japanese, ， in Chinese). */
export function listOf(l10n: Translator, items: readonly string[]): string {
  return joined(items, (a, b) => l10n.t('{0}, {1}', a, b));
}

/** "a; b": the clauses of one sentence (；). */
export function clausesOf(l10n: Translator, clauses: readonly string[]): string {
  return joined(clauses, (a, b) => l10n.t('{0}; {1}', a, b));
}

/** "text (aside)": a note to what it follows (（…）). */
export function withAside(l10n: Translator, text: string, aside: string): string {
  return l10n.t('{0} ({1})', text, aside);
}

/** "label: value" (：in Chinese). */
export function labelled(l10n: Translator, label: string, value: string): string {
  return l10n.t('{0}: {1}', label, value);
}

/** "text.": a sentence's full stop (。). */
export function sentenceOf(l10n: Translator, text: string): string {
  return l10n.t('{0}.', text);
}

/** "“text”": a name or a query quoted (「…」 in Japanese, “…” in Chinese). */
export function quoted(l10n: Translator, text: string): string {
  return l10n.t('\u201c{0}\u201d', text);
}
