/**
 * Translation for pure modules: they take an `L10n` (VS Code's `vscode.l10n` in the
 * extension, `ENGLISH` in unit tests) and call `l10n.t('literal', ...args)`, so that
 * the strings are found where they are written, as with `vscode.l10n.t`.
 */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** The English text with `{0}`, `{1}` … filled in: what `vscode.l10n.t` does without a translation. */
export const ENGLISH: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole)),
};
