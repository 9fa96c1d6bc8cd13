/**
 * Translation for pure modules, with the same call as `vscode.l10n.t(message, ...args)`
 * (so the string extraction of @vscode/l10n-dev finds these calls too). Either a module
 * takes an `L10n` (VS Code's `vscode.l10n` in the extension, `ENGLISH` in unit tests), or
 * it calls the `l10n` below, translated by `vscode.l10n.t` once the composition root has
 * handed it over with `useTranslator`, and in unit tests (no VS Code) English.
 */
export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

export interface L10n {
  t: Translate;
}

/** `{0}` -> args[0]: the English text, as `vscode.l10n.t` fills a message without a translation. */
export const fillArgs: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

export const ENGLISH: L10n = { t: fillArgs };

let translate: Translate = fillArgs;
let language: string | undefined;

export const l10n: L10n = {
  t: (message, ...args) => translate(message, ...args),
};

/** Called once at activation with `vscode.l10n.t` and VS Code's display language (`vscode.env.language`). */
export function useTranslator(t: Translate, displayLanguage?: string): void {
  translate = t;
  language = displayLanguage;
}

/** The locale dates and times are written in: VS Code's display language, so they read as the translated text around them; in unit tests the host's. */
export function displayLocale(): string | undefined {
  return language;
}
