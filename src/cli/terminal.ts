/**
 * Output that is safe for a terminal. Everything the CLI prints passes through
 * here, and much of it is the service's text (titles, names, error messages) or
 * the user's files: data, which must never move the cursor, rewrite a line,
 * retitle the window, write the clipboard (OSC 52), make a link (OSC 8) or send
 * the terminal any other instruction.
 *
 * Written here rather than taken from `strip-ansi`: that removes the common CSI
 * and OSC forms only, and leaves lone ESC, C0 controls such as CR and backspace,
 * 8-bit C1 controls and DCS/APC strings, which a terminal still obeys. The rule
 * here is a whitelist (nothing below U+0020 but tab and newline, no DEL, no C1);
 * the sequence pattern only removes escape payloads whole, so they do not show
 * as litter.
 */
import type { CliOutput } from './io';

// ESC [ ... final  |  ESC ] ... (BEL | ESC \ | ST)  |  ESC P/X/^/_ ... (ESC \ | ST)  |  ESC intermediates final  |  lone ESC,
// and the 8-bit forms: CSI (U+009B), OSC (U+009D), DCS/SOS/PM/APC (U+0090, U+0098, U+009E, U+009F).
// A string's payload stops at the first control character, so an unterminated one does not eat the lines after it.
const SEQUENCE =
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)?|[ -/]*[0-~])?|\x9b[0-?]*[ -/]*[@-~]|[\x90\x98\x9d\x9e\x9f][^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)?/g;
// What is left that a terminal acts on: C0 but tab and newline (CR, backspace, BEL, ...), DEL, C1.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `text` without terminal control sequences or control characters (tab and newline stay). */
export function terminalSafe(text: string): string {
  return text.replace(SEQUENCE, '').replace(CONTROL, '');
}

/**
 * JSON whose strings carry no raw control character. JSON.stringify already
 * escapes U+0000-U+001F; DEL and C1 it writes raw, and some terminals obey
 * U+009B as CSI. Escaped, they stay in the data and out of the terminal.
 */
export function terminalSafeJson(value: unknown): string {
  return escapeDelAndC1(JSON.stringify(value, null, 2));
}

/** One string as a JSON string literal, as terminal-safe as terminalSafeJson's. */
export function terminalSafeJsonString(text: string): string {
  return escapeDelAndC1(JSON.stringify(text));
}

function escapeDelAndC1(json: string): string {
  return json.replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An output whose `write` is terminal-safe; `control` writes the CLI's own sequences (the progress line), and nothing else may. */
export interface TerminalOutput extends CliOutput {
  /** Text, made terminal-safe on the way. */
  write(chunk: string): unknown;
  control(sequence: string): void;
  /**
   * UTF-8 the caller built terminal-safe itself, written as it is with no pass over it:
   * `find --json`'s output, whose strings are terminalSafeJsonString's or printable ASCII.
   * Its return is the stream's, as `write`'s.
   */
  trusted(bytes: Uint8Array): unknown;
}

export function terminalOutput(out: CliOutput): TerminalOutput {
  return {
    write: (chunk: string) => out.write(terminalSafe(chunk)),
    // A writer that waits for 'drain' (find --json) must still see the stream's backpressure.
    ...(out.once ? { once: (event: 'drain', listener: () => void) => out.once?.(event, listener) } : {}),
    control: (sequence: string) => void out.write(sequence),
    trusted: (bytes: Uint8Array) => out.write(bytes),
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
  };
}
