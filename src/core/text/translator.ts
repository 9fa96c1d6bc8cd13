/**
 * What turns a message into the reader's language, with the same call as
 * `vscode.l10n.t(message, ...args)` (so @vscode/l10n-dev's string extraction finds these
 * calls too). The modules that write what a user reads take one: `vscode.l10n` in the
 * extension, `ENGLISH` in the CLI, the sandbox and the unit tests.
 */
export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

/** Translates a message with `{0}`-style placeholders. */
export interface Translator {
  t: Translate;
}

/** `{0}` -> args[0]: the English text, as `vscode.l10n.t` fills a message without a translation. */
export const fillArgs: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

/** The message as written, its placeholders filled in. */
export const ENGLISH: Translator = { t: fillArgs };
