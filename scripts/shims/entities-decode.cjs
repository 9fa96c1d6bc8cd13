// Stands in for `entities/lib/decode.js` in the extension's bundle (see esbuild.mjs; the
// CLI keeps the package). Its one function here, decodeHTML, decodes what claim markup
// holds: numeric references, and the named references of HTML 4 (Latin-1, Greek, the
// symbols and punctuation: the 252 names generated markup uses). The full HTML5 table
// of 2,231 names is 47 KB of the extension's 200 KB budget; a name outside HTML 4 stays
// as written (text, never markup). test/unit/extension/entitiesShim.test.ts checks it
// against the package.
'use strict';

// Code points 160-255 in order, then the rest of HTML 4 as name:code point.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega';
const GREEK_LOWER = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';
const OTHERS =
  'quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 tilde:732 thetasym:977 upsih:978 piv:982 ' +
  'ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 ' +
  'dagger:8224 Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 oline:8254 frasl:8260 euro:8364 image:8465 weierp:8472 real:8476 ' +
  'trade:8482 alefsym:8501 larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 forall:8704 part:8706 ' +
  'exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 ' +
  'cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 ' +
  'otimes:8855 perp:8869 sdot:8901 lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:10216 rang:10217 loz:9674 spades:9824 clubs:9827 hearts:9829 diams:9830';

const NAMED = new Map();
LATIN1.split(' ').forEach((name, i) => NAMED.set(name, 160 + i));
GREEK_UPPER.split(' ').forEach((name, i) => name !== '_' && NAMED.set(name, 913 + i));
GREEK_LOWER.split(' ').forEach((name, i) => NAMED.set(name, 945 + i));
for (const pair of OTHERS.split(' ')) {
  const [name, code] = pair.split(':');
  NAMED.set(name, Number(code));
}

// What HTML does with numeric references outside Unicode's characters (WHATWG "numeric character reference end state").
const C1 = [8364, 129, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 141, 381, 143, 144, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 157, 382, 376];
function fromCodePoint(n) {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  if (n >= 0x80 && n <= 0x9f) return String.fromCodePoint(C1[n - 0x80]);
  return String.fromCodePoint(n);
}

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function decodeHTML(text) {
  return text.replace(REFERENCE, (whole, dec, hex, name) => {
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    // Named references only with their semicolon: "&copy2020" without one stays text.
    const code = whole.endsWith(';') ? NAMED.get(name) : undefined;
    return code === undefined ? whole : String.fromCodePoint(code);
  });
}

module.exports = { decodeHTML, NAMES: [...NAMED.keys()] };
