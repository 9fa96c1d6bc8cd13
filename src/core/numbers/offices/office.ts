import { relaxed } from '../bounds';
import { kindCode } from '../kinds';
import { boundaryAt, continuesNumber, DOT, HYPHEN, isDigit, isInlineSpace, isLetter, isUpper, isWordChar } from '../text';
import { SUPPORTED_OFFICES, type NumberType, type OfficeCode } from '../types';

/** What the words before a number said it is (`Appl. No.`, `Pub. No.`, `Design Pat. No.`). */
export type Intent = 'any' | 'publication' | 'application';

export interface NumberContext {
  intent: Intent;
  variant?: 'design' | 'reissue' | 'plant';
  /** The document type the label named, where an office numbers several types alike (JP 特公 and 特開). */
  document?: 'kokoku' | 'um-kokai' | 'um-kokoku' | 'um-registration' | 'um-application';
  /** Kind given EPO citation style before the number: `EP-A-0 123 456`, `JP-A-2005-123456`. */
  citedKind?: string;
  /** A kind code must be written for the number to count (`US-5912345` is an order code, `US-5912345-A` is not). */
  requireKind?: boolean;
  /** Words before the number named the office and the document (`Austrian Patent No.`): short series need no kind then. */
  labelled?: boolean;
  /** The label named a publication without saying whether it was examined (`Japanese Patent Publication No.`). */
  examinedOrNot?: boolean;
}

/**
 * A context with every field present, in one order. The readers look at a context's fields on
 * every number; contexts of one hidden class keep those loads monomorphic (fast from V8's first
 * optimisation on), where literals with different fields made them megamorphic.
 */
export function numberContext(c: NumberContext): NumberContext {
  return { intent: c.intent, variant: c.variant, document: c.document, citedKind: c.citedKind, requireKind: c.requireKind, labelled: c.labelled, examinedOrNot: c.examinedOrNot };
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

/** The office's kind codes allowed in one series; each must be in the kind-code table (checked as the module loads). */
export function kinds(office: OfficeCode, ...codes: string[]): ReadonlySet<string> {
  for (const k of codes) {
    if (!kindCode(office, k)) throw new Error(`${office} kind ${k} is not in the kind-code table`);
    if (k.length === 2) TWO_LETTER_KINDS.set(k.charCodeAt(0) * 0x10000 + k.charCodeAt(1), k);
  }
  return new Set(codes);
}

const REJECT = 'reject';
const UNDERSCORE = 0x5f;
const AT_SIGN = 0x40;

function kindAt(text: string, pos: number, allowed: ReadonlySet<string>): { end: number; kind: string } | null {
  const c = text.charCodeAt(pos);
  if (!isUpper(c)) return null;
  const c1 = text.charCodeAt(pos + 1);
  if (isDigit(c1)) {
    const kind = TWO_LETTER_KINDS.get(c * 0x10000 + c1);
    return kind !== undefined && allowed.has(kind) && kindEnds(text, pos + 2) ? { end: pos + 2, kind } : null;
  }
  const kind = text[pos] as string;
  // `U.S.` after a number starts the next citation; it is not kind U.
  if (c1 === DOT && isLetter(text.charCodeAt(pos + 2))) return null;
  return allowed.has(kind) && kindEnds(text, pos + 1) ? { end: pos + 1, kind } : null;
}

/** A kind ends at a word boundary; database exports also close it with an underscore (`WO_9812345_A1`). */
function kindEnds(text: string, pos: number): boolean {
  return boundaryAt(text, pos);
}

/**
 * The kind code after a number: glued (`B2` right after the digits) or after one space,
 * hyphen or underscore. Letters glued to a number that are not a kind make the whole thing
 * an identifier (`US123abc`), hence REJECT; a wrong kind after a space is just not taken.
 */
function readKind(text: string, pos: number, allowed: ReadonlySet<string>, office: string): { end: number; kind: string } | null | typeof REJECT {
  const c = text.charCodeAt(pos);
  if (isLetter(c)) return kindAt(text, pos, allowed) ?? REJECT;
  if (c === UNDERSCORE) return isUpper(text.charCodeAt(pos + 1)) ? (kindAt(text, pos + 1, allowed) ?? REJECT) : REJECT;
  if (isWordChar(c)) return REJECT;
  if ((isInlineSpace(c) || c === HYPHEN) && isUpper(text.charCodeAt(pos + 1))) return kindAt(text, pos + 1, allowed) ?? (otherSeriesKind(text, pos + 1, office) ? REJECT : null);
  return null;
}

/**
 * A kind the office gives another series, written after a space (`DE 1617764 U`, a utility model
 * numbered like patent DE 1617764; `US 6,123,456 E`): the number without it would name another document.
 */
function otherSeriesKind(text: string, pos: number, office: string): boolean {
  const end = isDigit(text.charCodeAt(pos + 1)) ? pos + 2 : pos + 1;
  if (!kindEnds(text, end) || (text.charCodeAt(end) === DOT && isLetter(text.charCodeAt(end + 1)))) return false;
  // A capital alone before a word is the sentence's (`US 10,123,456 A method…`), not a kind.
  if (end === pos + 1 && isInlineSpace(text.charCodeAt(end)) && isLetter(text.charCodeAt(end + 1))) return false;
  return (SUPPORTED_OFFICES as readonly string[]).includes(office) && kindCode(office as OfficeCode, text.slice(pos, end)) !== undefined;
}

/** Words after a bare number that make it a count or an amount: `US 6,120,000 units`, `EP 412345 copies`. */
const COUNT_WORDS = new Set(
  (
    'unit units copy copies piece pieces pcs item items people persons users shares tons tonnes kg km miles barrels vehicles cars ' +
    'devices downloads views visits employees customers subscribers households votes acres hectares sq square dollars euros yen won ' +
    'yuan rmb rupees reais rubles roubles pesos kronor kroner francs pounds times members patients samples cells bytes figure figures filings'
  ).split(' '),
);

function followedByCountWord(text: string, end: number): boolean {
  if (!isInlineSpace(text.charCodeAt(end)) || !isLetter(text.charCodeAt(end + 1))) return false;
  let j = end + 1;
  const limit = j + 12;
  while (j < limit && isLetter(text.charCodeAt(j))) j++;
  return j > end + 1 && !isWordChar(text.charCodeAt(j)) && COUNT_WORDS.has(text.slice(end + 1, j).toLowerCase());
}

/** Completes a number read up to `end`: boundary checks, then the kind code if one follows. */
export function finish(
  text: string,
  end: number,
  base: string,
  type: NumberType,
  allowed: ReadonlySet<string>,
  ctx: NumberContext,
  requireKind = false,
): ParsedNumber | null {
  // `US1234567@example.com` is a mailbox.
  if (continuesNumber(text, end) || text.charCodeAt(end) === AT_SIGN) return null;
  // An application takes no kind; a letter after it is the writer's (`US 62/530,023 P`, a provisional, in EPO priority data).
  const k = readKind(text, end, allowed, type === 'publication' ? base.slice(0, 2) : '');
  if (k === REJECT) return null;
  if (k) return text.charCodeAt(k.end) === AT_SIGN ? null : { end: k.end, number: base + k.kind, type, kind: k.kind };
  const cited = ctx.citedKind !== undefined && allowed.has(ctx.citedKind) ? ctx.citedKind : null;
  if (cited) return { end, number: base + cited, type, kind: cited };
  if (type === 'publication' && (ctx.requireKind || (requireKind && !ctx.labelled && !relaxed.kinds) || followedByCountWord(text, end))) return null;
  return { end, number: base, type, kind: null };
}

/**
 * A round number written grouped (`US 2,500,000`, `EP 1 000 000`, in thousands `CN 1,677,000`)
 * with no kind and no label is an amount or a count far more often than a patent: not read.
 */
export function roundAmount(r: ParsedNumber | null, digits: string, writtenLength: number, ctx: NumberContext): boolean {
  if (r === null || r.kind !== null || ctx.labelled || writtenLength <= digits.length) return false;
  return digits.endsWith('00000') || (writtenLength - digits.length >= 2 && digits.endsWith('000'));
}

/** `finish` with a kind the document's type implies when none is written (`実開` U, Korean `20-` publications U). */
export function finishImplied(
  text: string,
  end: number,
  base: string,
  allowed: ReadonlySet<string>,
  ctx: NumberContext,
  implied: string,
): ParsedNumber | null {
  const r = finish(text, end, base, 'publication', allowed, ctx.requireKind ? { ...ctx, requireKind: false } : ctx);
  if (!r || r.kind !== null) return r;
  return { ...r, number: base + implied, kind: implied };
}
