import { boundaryAt, continuesNumber, HYPHEN, isDigit, isInlineSpace, isLetter, isUpper, isWordChar } from '../text';
import type { NumberType, OfficeCode } from '../types';

/** What the words before a number said it is (`Appl. No.`, `Pub. No.`, `Design Pat. No.`). */
export type Intent = 'any' | 'publication' | 'application';

export interface NumberContext {
  intent: Intent;
  variant?: 'design' | 'reissue' | 'plant';
  /** Kind given EPO citation style before the number: `EP-A-0 123 456`, `JP-A-2005-123456`. */
  citedKind?: string;
}

export interface ParsedNumber {
  /** Offset just past what was read, kind code included. */
  end: number;
  number: string;
  type: NumberType;
  kind: string | null;
}

/** The rules of one office: read one number starting exactly at `pos`, or null. */
export interface OfficeRules {
  code: OfficeCode;
  parse(text: string, pos: number, ctx: NumberContext): ParsedNumber | null;
}

export const NO_KINDS: ReadonlySet<string> = new Set();

/** Every two-letter kind code any office allows, by its two character codes: read without slicing the text. */
const TWO_LETTER_KINDS = new Map<number, string>();

export function kinds(...codes: string[]): ReadonlySet<string> {
  for (const k of codes) if (k.length === 2) TWO_LETTER_KINDS.set(k.charCodeAt(0) * 0x10000 + k.charCodeAt(1), k);
  return new Set(codes);
}

const REJECT = 'reject';

function kindAt(text: string, pos: number, allowed: ReadonlySet<string>): { end: number; kind: string } | null {
  const c = text.charCodeAt(pos);
  if (!isUpper(c)) return null;
  const c1 = text.charCodeAt(pos + 1);
  if (isDigit(c1)) {
    const kind = TWO_LETTER_KINDS.get(c * 0x10000 + c1);
    return kind !== undefined && allowed.has(kind) && boundaryAt(text, pos + 2) ? { end: pos + 2, kind } : null;
  }
  const kind = text[pos] as string;
  return allowed.has(kind) && boundaryAt(text, pos + 1) ? { end: pos + 1, kind } : null;
}

/**
 * The kind code after a number: glued (`B2` right after the digits) or after one space
 * or hyphen. Letters glued to a number that are not a kind make the whole thing an
 * identifier (`US123abc`), hence REJECT; a wrong kind after a space is just not taken.
 */
function readKind(text: string, pos: number, allowed: ReadonlySet<string>): { end: number; kind: string } | null | typeof REJECT {
  const c = text.charCodeAt(pos);
  if (isLetter(c)) return kindAt(text, pos, allowed) ?? REJECT;
  if (isWordChar(c)) return REJECT;
  if ((isInlineSpace(c) || c === HYPHEN) && isUpper(text.charCodeAt(pos + 1))) return kindAt(text, pos + 1, allowed);
  return null;
}

/** Completes a number read up to `end`: boundary checks, then the kind code if one follows. */
export function finish(
  text: string,
  end: number,
  base: string,
  type: NumberType,
  allowed: ReadonlySet<string>,
  ctx: NumberContext,
): ParsedNumber | null {
  if (continuesNumber(text, end)) return null;
  const k = readKind(text, end, allowed);
  if (k === REJECT) return null;
  if (k) return { end: k.end, number: base + k.kind, type, kind: k.kind };
  const cited = ctx.citedKind !== undefined && allowed.has(ctx.citedKind) ? ctx.citedKind : null;
  return { end, number: cited ? base + cited : base, type, kind: cited };
}
