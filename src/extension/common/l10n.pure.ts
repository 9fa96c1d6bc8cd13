/**
 * Translation for pure modules that do not take a translator (core/text/translator.ts):
 * they call the `l10n` below, translated by `vscode.l10n.t` once the composition root has
 * handed it over with `useTranslator`, and in unit tests (no VS Code) English.
 */
import { fillArgs, type Translate, type Translator } from '../../core/text/translator';

let translate: Translate = fillArgs;
let language: string | undefined;

export const l10n: Translator = {
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
