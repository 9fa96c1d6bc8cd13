/**
 * P018's claim HTML as data: `<div class="indep-clm" num="1">`, `<div class="dep-clm"
 * num="2" parent="1">` paragraphs with `<seg-…>` spans inside, parsed into numbered
 * claims with their parents and plain text. Nothing here ever produces markup; any
 * tag the service (or an attacker) puts in is dropped and only its text is kept.
 *
 * The tag scanner is our own because the vocabulary is P018's (divs and seg spans);
 * entity decoding, the solved part, is the `entities` package.
 */
import { decodeHTML } from 'entities/lib/decode.js';
import { pickLanguage } from '../api/mapping';
import type { ClaimText } from '../api/recordTypes';

export interface Claim {
  num: number;
  independent: boolean;
  /** The claims it refers to, lowest first; empty for an independent claim. */
  parents: number[];
  /** Plain text, paragraphs joined by a line break, the leading "N." taken off. */
  text: string;
  paragraphs: string[];
}

export interface ClaimNode extends Claim {
  /** Dependent claims whose first parent is this claim. */
  children: ClaimNode[];
}

interface Paragraph {
  num?: number;
  parent?: string;
  kind?: 'independent' | 'dependent';
  text: string;
}

interface OpenDiv {
  claim: boolean;
  /** The paragraph that was being written when this div opened. */
  outer?: Paragraph;
}

const BREAK = '\u2029';
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'title', 'head']);
// C0 and C1 controls other than tab and line feed, and the bidirectional overrides: never part of a claim, and unsafe in a terminal.
// eslint-disable-next-line no-control-regex -- matching controls is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    const name = (m[1] as string).toLowerCase();
    if (!out.has(name)) out.set(name, decodeHTML(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

function positiveInt(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^\s*0*(\d{1,6})\s*$/.exec(value.normalize('NFKC'));
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The paragraphs of the markup, each with the claim attributes of the div it is in. */
function paragraphsOf(html: string): { paragraphs: Paragraph[]; sawClaimDiv: boolean } {
  const paragraphs: Paragraph[] = [];
  const divs: OpenDiv[] = [];
  let current: Paragraph | undefined;
  let sawClaimDiv = false;
  const loose: Paragraph = { text: '' }; // text outside any claim div
  const write = (s: string): void => {
    if (current) current.text += s;
    else loose.text += s;
  };
  // Structural breaks (<br>, <p>, inner divs) are U+2029; line feeds in the markup are only spaces.
  const breakParagraph = (): void => write(BREAK);
  let lower: string | undefined; // for finding the end of a skipped element, computed once
  let noCloseAfter = Number.POSITIVE_INFINITY;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      write(decodeHTML(html.slice(i)));
      break;
    }
    if (lt > i) write(decodeHTML(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    // Only "<" + a letter, "/", "!" or "?" can start markup; any other "<" is text, written with what follows it.
    if (!(next === 0x2f || next === 0x21 || next === 0x3f || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a))) {
      const after = html.indexOf('<', lt + 1);
      write(decodeHTML(html.slice(lt, after === -1 ? html.length : after)));
      i = after === -1 ? html.length : after;
      continue;
    }
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9:_-]*)/.exec(html.slice(lt, lt + 64));
    // Once no '>' follows, none follows any later '<' either: do not scan the rest again for each.
    const gt = m && lt < noCloseAfter ? html.indexOf('>', lt) : -1;
    if (m && gt === -1) noCloseAfter = Math.min(noCloseAfter, lt);
    if (!m || gt === -1) {
      // Not a tag (a bare "<", or a tag never closed): it is text.
      if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
        const end = html.indexOf('>', lt);
        i = end === -1 ? html.length : end + 1;
        continue;
      }
      write('<');
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const attrSource = html.slice(lt + m[0].length, gt);
    i = gt + 1;
    if (!closing && SKIPPED_ELEMENTS.has(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, i);
      const close = end === -1 ? -1 : html.indexOf('>', end);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    if (name === 'br') {
      breakParagraph();
      continue;
    }
    if (name === 'p' || name === 'li') {
      if (!closing) breakParagraph();
      continue;
    }
    if (name !== 'div') continue; // seg-*, span, b, i, sub, sup, …: only their text counts
    if (closing) {
      const open = divs.pop();
      if (open?.claim) {
        current = open.outer;
        if (current) {
          // Text after a nested claim div goes on in a paragraph of its own, after the nested one.
          const resumed: Paragraph = { ...current, text: '' };
          paragraphs.push(resumed);
          current = resumed;
        }
      } else if (open) breakParagraph();
      continue;
    }
    if (/\/\s*$/.test(attrSource)) continue; // <div/>: nothing inside
    const attrs = attributes(attrSource);
    const cls = ` ${attrs.get('class') ?? ''} `.toLowerCase();
    const kind = /\sindep-clm\s/.test(cls) ? 'independent' : /\sdep-clm\s/.test(cls) ? 'dependent' : undefined;
    const num = positiveInt(attrs.get('num'));
    if (kind || num !== undefined) {
      sawClaimDiv = true;
      divs.push({ claim: true, outer: current });
      current = { num, parent: attrs.get('parent'), kind, text: '' };
      paragraphs.push(current);
    } else {
      divs.push({ claim: false });
      breakParagraph();
    }
  }
  if (!sawClaimDiv) return { paragraphs: [{ text: loose.text.replace(/\r\n?/g, '\n').replaceAll(BREAK, '\n') }], sawClaimDiv };
  return { paragraphs: paragraphs.map((p) => ({ ...p, text: p.text.replace(/[\r\n]/g, ' ').replaceAll(BREAK, '\n') })), sawClaimDiv };
}

function clean(text: string): string {
  return text.replace(CONTROLS, '').replace(/[ \t\r\f\v\u00a0\u3000]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

/** "1." / "1、" / "【請求項1】" at the start of a claim's first paragraph. */
function leadingNumber(text: string): { num: number; rest: string } | undefined {
  // Matched on the text as written (full-width digits and stops included), so the rest keeps its own punctuation.
  const m = /^\s*(?:【\s*(?:請求項|청구항)?\s*([0-9０-９]{1,4})\s*】|(?:claim\s+)?([0-9０-９]{1,4})\s*(?:[.、:．：]|\s-\s)(?![0-9０-９]))\s*/i.exec(text);
  if (!m) return undefined;
  return { num: Number((m[1] ?? m[2] ?? '').normalize('NFKC')), rest: text.slice(m[0].length) };
}

const RANGE = String.raw`(\d{1,4})\s*(?:-|–|—|~|～|to|through|bis|à|au|至|到|ないし|乃至|から)\s*(\d{1,4})`;
const SINGLE = String.raw`(\d{1,4})`;

/** Claim numbers referred to by "claim 1", "claims 1 to 3", "权利要求1-4", "請求項1又は2", … in the text. */
export function referencedClaims(text: string, own: number): number[] {
  const t = text.normalize('NFKC');
  const found = new Set<number>();
  const add = (n: number): void => {
    if (n > 0 && n < own) found.add(n);
  };
  // A label, then a list of numbers and ranges joined by commas, "and", "or", 、, 或, 及, 又は, ….
  const label = /(?:claims?|anspr(?:u|ü)che?|revendications?|reivindicaciones?|rivendicazion[ei]|conclusies?|权利要求|權利要求|請求項|청구항)\s*(?:no\.?\s*|第\s*)?/gi;
  const item = new RegExp(`^\\s*(?:${RANGE}|${SINGLE})\\s*(?:項)?`, 'i');
  const joiner = /^\s*(?:,?\s*and\/or|,|;|、|，|and|or|und|oder|et|ou|y|o|e|或者|或|和|及|又は|または|および|及び|若しくは)\s*(?:claims?\s*|权利要求\s*|請求項\s*|第\s*)?/i;
  let m: RegExpExecArray | null;
  while ((m = label.exec(t)) !== null) {
    let rest = t.slice(m.index + m[0].length);
    for (let guard = 0; guard < 200; guard++) {
      const it = item.exec(rest);
      if (!it) break;
      if (it[1] !== undefined && it[2] !== undefined) {
        const from = Number(it[1]);
        const to = Math.min(Number(it[2]), own - 1, from + 1000);
        for (let n = from; n <= to; n++) add(n);
      } else add(Number(it[3]));
      rest = rest.slice(it[0].length);
      const j = joiner.exec(rest);
      if (!j) break;
      rest = rest.slice(j[0].length);
    }
  }
  if (found.size === 0 && /\b(?:any|one) of the (?:preceding|previous|foregoing) claims\b|前述(?:任一|任意一)项权利要求|前記いずれか/i.test(t)) {
    for (let n = 1; n < own; n++) add(n);
  }
  return [...found].sort((a, b) => a - b);
}

function parentsFromAttribute(value: string, own: number): number[] {
  const out = new Set<number>();
  for (const part of value.normalize('NFKC').split(/[\s,;|、]+/)) {
    const n = positiveInt(part);
    if (n !== undefined && n !== own) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Parses P018's `claim_text`. A claim's paragraphs (divs sharing one `num`) become one
 * claim; without a `num` the number comes from the leading "N." or follows the previous
 * claim. Parents come from `parent`, else from the text ("claim 1", 权利要求1, 請求項1).
 * Markup without claim divs (plain text, `<p>` or `<br>` lines) is split at "N." starts.
 */
export function parseClaims(html: string): Claim[] {
  if (typeof html !== 'string' || html.trim() === '') return [];
  const { paragraphs, sawClaimDiv } = paragraphsOf(html);
  const pieces: Paragraph[] = sawClaimDiv ? paragraphs : splitPlain(paragraphs[0]?.text ?? '');
  const byNum = new Map<number, { claim: Claim; parentAttr?: string; kind?: Paragraph['kind'] }>();
  const order: number[] = [];
  let last = 0;
  for (const p of pieces) {
    const lines = clean(p.text)
      .split('\n')
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    const lead = leadingNumber(lines[0] as string);
    const num = p.num ?? lead?.num ?? (byNum.has(last) ? last + 1 : Math.max(1, last));
    const entry = byNum.get(num);
    if (lead && lead.num === num && !entry) {
      if (lead.rest.trim() === '') lines.shift();
      else lines[0] = lead.rest.trim();
    }
    if (lines.length === 0 && entry) continue;
    if (entry) {
      entry.claim.paragraphs.push(...lines);
      entry.parentAttr ??= p.parent;
      entry.kind ??= p.kind;
    } else {
      byNum.set(num, { claim: { num, independent: true, parents: [], text: '', paragraphs: lines }, parentAttr: p.parent, kind: p.kind });
      order.push(num);
    }
    last = num;
  }
  return order.map((num) => {
    const { claim, parentAttr, kind } = byNum.get(num) as { claim: Claim; parentAttr?: string; kind?: Paragraph['kind'] };
    claim.text = claim.paragraphs.join('\n');
    if (kind === 'independent') return claim; // "the system of claims 1-4" in another category is still independent
    const fromAttr = parentAttr !== undefined && parentAttr.trim() !== '' ? parentsFromAttribute(parentAttr, num) : [];
    claim.parents = fromAttr.length > 0 ? fromAttr : referencedClaims(claim.paragraphs[0] ?? '', num);
    claim.independent = kind !== 'dependent' && claim.parents.length === 0;
    return claim;
  });
}

/** Plain text claims: a new claim at each line starting "N." (or "【請求項N】"). */
function splitPlain(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const lead = leadingNumber(line);
    if (lead || !current) {
      current = { num: lead?.num, text: line };
      out.push(current);
    } else current.text += `\n${line}`;
  }
  return out;
}

/** Dependent claims nested under their first parent that exists; the rest at the top, in claim order. */
export function claimTree(claims: readonly Claim[]): ClaimNode[] {
  const nodes = new Map<number, ClaimNode>();
  for (const c of claims) nodes.set(c.num, { ...c, children: [] });
  const roots: ClaimNode[] = [];
  for (const c of claims) {
    const node = nodes.get(c.num) as ClaimNode;
    const parent = c.independent ? undefined : c.parents.map((p) => nodes.get(p)).find((p) => p !== undefined && p.num < c.num);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function independentClaims(claims: readonly Claim[]): Claim[] {
  return claims.filter((c) => c.independent);
}

/** The claim text in the preferred language, else English, else the first one given. */
export function pickClaimText(texts: readonly ClaimText[], language?: string): ClaimText | undefined {
  return pickLanguage(texts, language);
}
