/**
 * Finds English a Chinese or Japanese user would read in what the extension drew: runs of
 * Latin-letter words in its UI text that are neither patent data nor on a short allowlist.
 *
 * Patent data: the sandbox's sample patents are English where PatSnap has no text in the
 * display language (US and EP titles, names, legal events, examination documents). A word
 * that occurs anywhere in the sandbox's data (its patents, legal records and examination
 * documents, exactly as cased there) is data; a run of words that are all data, or allowed,
 * is not ours. A run with one word of neither kind is English from our code: "Loading…",
 * "Load 50 more", "Search failed: …" each carry such a word. (A single word that is also in
 * the data, e.g. a status "Active", is not told apart from data: this check cannot see it.)
 *
 * Allowed, because a translation keeps them as they are: product and service names (PatSnap,
 * Patent Lookup, VS Code, Excel, Markdown), acronyms and formats (API, ID, URL, PDF, CSV …),
 * key names, two-capital office and language codes (US, EP, WO, CN …), the query language's
 * field codes and operators (TTL, PBD, AND, TO …), and tokens of code: a URL, a path, a file
 * name, a setting id, a query term (`TTL:battery`), `npm run sandbox`, `yyyyMMdd`.
 */
import { apnoKey, generateSampleData } from '../../src/sandbox/data';
import { examDocsFor } from '../../src/sandbox/examDocs';
import { legalRecordOf } from '../../src/sandbox/legal';
import { EXPORT_FIELDS } from '../../src/core/api/exportFields';
import { FIELDS, OPERATORS } from '../../src/core/query/fields';
import * as fs from 'fs';
import * as path from 'path';

const WORD = /[A-Za-z][A-Za-z'’-]*/g;

export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // Names a translation keeps (and see NAMES).
  'PatSnap', 'Excel', 'Markdown', 'BibTeX',
  // Acronyms, formats and units.
  'INPADOC', 'DOCDB', 'API', 'ID', 'IDs', 'URL', 'PDF', 'PDFs', 'CSV', 'XLS', 'XLSX', 'JSON', 'XML', 'ZIP', 'HTML', 'RIS', 'IPC', 'CPC', 'DOI', 'PCT', 'UTC', 'KB', 'MB', 'GB', 'px',
  // Keys.
  'Ctrl', 'Control', 'Cmd', 'Shift', 'Alt', 'Enter', 'Esc', 'Escape', 'Tab',
  // The query language, and the export's field codes (LEGAL_STATUS reads as two words here).
  ...FIELDS.keys(),
  ...Object.keys(EXPORT_FIELDS).flatMap((f) => f.split('_')),
  ...OPERATORS.map((o) => o.name.replace(/[^A-Za-z]/g, '')),
]);

/** Names of more than one word: the product, its query language (VS Code has no translation of a language's name), the editor. */
const NAMES = ['Patent Lookup', 'PatSnap Query', 'VS Code'];

/** Code (in this order): a URL, an XML element's name, a language code (`中文（cn）`), a folder (`exports/`), a path or file name, a setting or command id, a query term, a command line, a date pattern, an API key's prefix, and last an id of letters and digits (a task's id). */
const CODE = [/\bhttps?:\/\/\S+/g, /<\/?\w+>/g, /[(（][a-z]{2}[)）]/g, /[\w.-]+\/(?!\w)/g, /\S*\w[./:@=]\w\S*/g, /\bnpm run \w+/g, /\byyyy-?MM-?dd\b/g, /\bsk-/g, /\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]+\b/g];

let data: { words: Set<string>; strings: Set<string> } | undefined;

/** Every word of the sandbox's data, as cased there, and every string of it whole (built once, about 0.2 s). */
function sandboxData(): { words: ReadonlySet<string>; strings: ReadonlySet<string> } {
  if (data) return data;
  const words = new Set<string>();
  const strings = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      strings.add(value.trim());
      for (const w of value.match(WORD) ?? []) words.add(w);
    } else if (value !== null && typeof value === 'object' && depth < 8) for (const v of Array.isArray(value) ? value : Object.values(value)) walk(v, depth + 1);
  };
  const sample = generateSampleData();
  for (const p of [...sample.patents, ...sample.later]) {
    walk(p, 0);
    walk(legalRecordOf(p, sample.byApno.get(apnoKey(p.apno)) ?? [p]), 0);
    if (p.examDocCount > 0) walk(examDocsFor(p, p.examDocCount), 0);
  }
  data = { words, strings };
  return data;
}

let ownPieces: Set<string> | undefined;

/** The pieces of our English strings between their placeholders, e.g. "of" from "{0} of {1}". */
export function ownEnglishPieces(): ReadonlySet<string> {
  if (ownPieces) return ownPieces;
  const root = path.join(__dirname, '..', '..');
  const read = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
  const pieces = new Set<string>();
  for (const text of [...Object.keys(read(path.join('l10n', 'bundle.l10n.json'))), ...Object.values(read('package.nls.json')).filter((v): v is string => typeof v === 'string')]) {
    for (const piece of text.split(/\{\d+\}|[\n…]/)) {
      const trimmed = piece.replace(/^[\s\p{P}\d]+|[\s\p{P}\d]+$/gu, '');
      if (/[A-Za-z]{2}/.test(trimmed)) pieces.add(trimmed);
    }
  }
  ownPieces = pieces;
  return pieces;
}

/** Two capitals: an office or language code (US, EP, WO, CN, JP …). */
const CODE_WORD = /^[A-Z]{2}$/;

/**
 * The runs of English words in `text` that come from our code (see the file's comment);
 * `alsoAllowed` are whole phrases to take out first (VS Code's own words in our widgets).
 */
export function englishRuns(text: string, alsoAllowed: ReadonlyArray<string | RegExp> = []): string[] {
  let rest = text;
  for (const phrase of [...alsoAllowed, ...NAMES]) rest = typeof phrase === 'string' ? rest.split(phrase).join(' ') : rest.replace(phrase, ' ');
  for (const code of CODE) rest = rest.replace(code, ' ');
  const { words: dataWords, strings: dataStrings } = sandboxData();
  const pieces = ownEnglishPieces();
  const runs: string[] = [];
  // Latin words with the spaces, digits and ASCII punctuation between them on one line: one run each.
  for (const run of rest.match(/[A-Za-z][A-Za-z'’-]*(?:[ \t\u00a0\d,;:()"“”‘’.!?&/–—-]+[A-Za-z][A-Za-z'’-]*)*/g) ?? []) {
    const words = run.match(WORD) ?? [];
    const allowed = words.every((w) => ALLOWED_WORDS.has(w) || CODE_WORD.test(w));
    const ours = words.some((w) => w.length > 1 && !ALLOWED_WORDS.has(w) && !CODE_WORD.test(w) && !dataWords.has(w));
    const bare = run.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
    if (ours || (!allowed && pieces.has(bare) && !dataStrings.has(run.trim()))) runs.push(run.trim());
  }
  return [...new Set(runs)];
}
