import { numberContext, type Intent, type NumberContext } from './offices';
import { COLON, DOT, HYPHEN, isLetter, isWordChar, skipGap } from './text';

// What each word of a label says about the number after it.
const APPLICATION = 1;
const PUBLICATION = 2;
const DESIGN = 4;
const REISSUE = 8;
const PLANT = 16;
const PLURAL = 32;
const TERMINAL = 64; // `No.`: the number comes next
const NOUN = 128; // says "this is a patent document"
const UTILITY = 256; // a utility model
const EXAMINED = 512; // an examined publication (JP kokoku)
const REGISTERED = 1024;
const UNEXAMINED = 2048; // laid open (JP kokai): the words tell it from an examined publication
const SAYS_WHAT = APPLICATION | PUBLICATION | DESIGN | REISSUE | PLANT | NOUN;

const WORDS: ReadonlyMap<string, number> = new Map([
  ['pat', NOUN],
  ['pats', NOUN | PLURAL],
  ['patent', NOUN],
  ['patents', NOUN | PLURAL],
  ['application', APPLICATION],
  ['applications', APPLICATION | PLURAL],
  ['appl', APPLICATION],
  ['appln', APPLICATION],
  ['app', APPLICATION],
  ['ser', APPLICATION],
  ['serial', APPLICATION],
  ['provisional', APPLICATION],
  ['publication', PUBLICATION],
  ['publications', PUBLICATION | PLURAL],
  ['pub', PUBLICATION],
  ['publ', PUBLICATION],
  ['published', PUBLICATION],
  ['laid-open', PUBLICATION | UNEXAMINED],
  ['laid', PUBLICATION | UNEXAMINED],
  ['open', PUBLICATION | UNEXAMINED],
  ['unexamined', PUBLICATION | UNEXAMINED],
  ['pre-grant', PUBLICATION],
  // Examiners' `U.S. PGPub No.`, `PG Pub.`, `PG-Pub.`
  ['pgpub', PUBLICATION],
  ['pg-pub', PUBLICATION],
  ['pg', 0],
  ['design', DESIGN],
  ['des', DESIGN],
  ['reissue', REISSUE],
  ['plant', PLANT],
  // `U.S. Statutory Invention Registration No. H1,234`
  ['statutory', NOUN],
  ['invention', 0],
  ['utility', NOUN | UTILITY],
  ['model', 0],
  ['registration', REGISTERED],
  ['registered', REGISTERED],
  ['reg', 0],
  ['granted', 0],
  ['examined', EXAMINED],
  ['international', 0],
  ['pct', 0],
  ['offenlegungsschrift', PUBLICATION],
  ['patentschrift', NOUN],
  ['gebrauchsmuster', NOUN],
  ['kokai', PUBLICATION | UNEXAMINED],
  ['tokkai', PUBLICATION | UNEXAMINED],
  ['kokoku', EXAMINED],
  ['no', TERMINAL],
  ['nos', TERMINAL | PLURAL],
  ['number', TERMINAL],
  ['numbers', TERMINAL | PLURAL],
]);

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 20;
/** `(JP-A)`, `(Kokai)` inside a label: `Japanese Patent Application Laid-Open (JP-A) No. 2006-234567`. */
const CITED_KIND = /^\((?:JP-([ABUY])|kokai|tokkai|(kokoku))\)/i;

export interface Label {
  /** Where the number (or a repeated office code) should start. */
  end: number;
  /** Whether any word said what kind of document this is (a bare `No.` does not). */
  saysWhat: boolean;
  plural: boolean;
  /** Shared between labels: never changed. */
  context: NumberContext;
}

/**
 * Reads label words such as `Patent Application Publication No.` starting at `pos`; bounded to a
 * few words. `labelled`: the words follow an office's name, so the context says so.
 */
export function readLabel(text: string, pos: number, labelled = false): Label {
  let i = pos;
  let end = pos;
  let flags = 0;
  let citedKind: string | undefined;
  for (let n = 0; n < MAX_WORDS; n++) {
    if (text.charCodeAt(i) === 0x28 /* ( */ && n > 0) {
      const m = CITED_KIND.exec(text.slice(i, i + 9));
      if (!m) break;
      citedKind = (m[1] ?? (m[2] ? 'B' : 'A')).toUpperCase();
      i = skipGap(text, i + m[0].length);
      end = i;
      continue;
    }
    if (text.charCodeAt(i) === 0x23 /* # */) {
      flags |= TERMINAL;
      end = skipGap(text, i + 1);
      break;
    }
    let j = i;
    const limit = i + MAX_WORD_LENGTH + 1;
    while (j < limit && (isLetter(text.charCodeAt(j)) || (text.charCodeAt(j) === HYPHEN && j > i && isLetter(text.charCodeAt(j + 1))))) j++;
    if (j === i || j - i > MAX_WORD_LENGTH || isWordChar(text.charCodeAt(j))) break;
    const f = WORDS.get(text.slice(i, j).toLowerCase());
    if (f === undefined) break;
    flags |= f;
    let k = j;
    if (text.charCodeAt(k) === DOT) k++;
    if (text.charCodeAt(k) === COLON) k++;
    i = skipGap(text, k);
    end = i;
    if (f & TERMINAL) break;
    // Words are apart, unless abbreviated: `Pat.No.`
    if (i === k && text.charCodeAt(k - 1) !== DOT) break;
  }
  return { end, saysWhat: (flags & SAYS_WHAT) !== 0, plural: (flags & PLURAL) !== 0, context: contextOf(flags, citedKind, labelled) };
}

/** Flags that shape the context; with the cited kind and `labelled`, the key of a cached context. */
const CONTEXT_FLAGS = APPLICATION | PUBLICATION | DESIGN | REISSUE | PLANT | UTILITY | EXAMINED | REGISTERED | UNEXAMINED;
const contexts = new Map<number, NumberContext>();

/** The context the label's words make: one shared object per combination (contexts are never changed). */
function contextOf(flags: number, citedKind: string | undefined, labelled: boolean): NumberContext {
  const key = (flags & CONTEXT_FLAGS) | (citedKind ? citedKind.charCodeAt(0) << 12 : 0) | (labelled ? 1 << 20 : 0);
  let context = contexts.get(key);
  if (context) return context;
  let intent: Intent = 'any';
  if (flags & PUBLICATION) intent = 'publication';
  else if (flags & APPLICATION) intent = 'application';
  const c: NumberContext = { intent };
  if (citedKind) c.citedKind = citedKind;
  // What a Japanese document type would say (`Japanese Examined Patent Publication`, `Utility Model Laid-Open`).
  if (flags & UTILITY) c.document = flags & EXAMINED ? 'um-kokoku' : flags & REGISTERED ? 'um-registration' : flags & APPLICATION && !(flags & PUBLICATION) ? 'um-application' : 'um-kokai';
  else if (flags & EXAMINED) c.document = 'kokoku';
  if (flags & DESIGN) c.variant = 'design';
  else if (flags & REISSUE) c.variant = 'reissue';
  else if (flags & PLANT) c.variant = 'plant';
  if (labelled) c.labelled = true;
  // `Japanese Patent Publication No. 63-12345` translates 特公 as often as 特開: the words do not say which.
  if (flags & (PUBLICATION | NOUN) && !(flags & (UNEXAMINED | EXAMINED | APPLICATION | UTILITY | DESIGN | REISSUE | PLANT))) c.examinedOrNot = true;
  context = numberContext(c);
  contexts.set(key, context);
  return context;
}
