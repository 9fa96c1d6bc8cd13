/**
 * A citation list as BibTeX entries of biblatex's `@patent` type: `author` (the inventors),
 * `title`, `number`, `date`, `holder` (the assignees) and `type` (biblatex's localisation keys:
 * `patentus`, `patreqeu` …). Values are braced and escaped, so a title with `{`, `%`, `\` or
 * `&` neither breaks the file nor runs a macro; organisations are braced whole, so
 * `MAGIC LEAP, INC.` is not read as family name `MAGIC LEAP`, given name `INC.` English in every
 * display language on purpose: biblatex localises by the `type` key.
 */
import { plainLine } from '../text/escape';
import { isOrganisation, type CitationEntry } from './entries';
import { stageOf } from './lint';
import { holders } from './tables';

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In TeX's default (OT1) fonts these print as ¡ ¿ and a dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** `text` as the inside of a braced BibTeX value: one line, every character TeX treats specially escaped. */
export function bibtexText(text: string): string {
  return plainLine(text, 2000).replace(/[\\{}%&$#_^~<>|]/g, (c) => SPECIAL[c] as string);
}

/**
 * A name BibTeX would split wrongly: an organisation, a name holding the word "and", or more than
 * one comma. A person's `Family, Given` is BibTeX's own form and stays as it is.
 */
function isWhole(name: string): boolean {
  return isOrganisation(name) || /\band\b/i.test(name) || (name.match(/,/g)?.length ?? 0) > 1;
}

function names(list: readonly string[], whole: boolean): string {
  return list.map((n) => (whole || isWhole(n) ? `{${bibtexText(n)}}` : bibtexText(n))).join(' and ');
}

/** biblatex's keys for the type of a patent (granted) or patent request (published application), by office. */
const TYPE_OFFICE: Readonly<Record<string, string>> = { US: 'us', EP: 'eu', DE: 'de', FR: 'fr', GB: 'uk' };

function typeKey(entry: CitationEntry): string {
  const request = entry.type === 'application' || stageOf(entry.number) === 'pre-grant';
  return `${request ? 'patreq' : 'patent'}${TYPE_OFFICE[entry.office] ?? ''}`;
}

/** Keys: the publication number, with anything a key cannot hold replaced; made unique. */
function keys(entries: readonly CitationEntry[]): string[] {
  const used = new Set<string>();
  return entries.map((e) => {
    const base = e.number.replace(/[^A-Za-z0-9:_-]/g, '_');
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
    used.add(key);
    return key;
  });
}

export function bibtexEntries(entries: readonly CitationEntry[]): string {
  const ids = keys(entries);
  return entries
    .map((e, i) => {
      const f = e.facts;
      const fields: Array<[string, string]> = [];
      const people = f ? (f.inventors.length > 0 ? names(f.inventors, false) : names(holders(e), true)) : '';
      // biblatex requires an author; a patent nobody is known for names its office's number alone.
      fields.push(['author', people || `{${bibtexText(e.office)}}`]);
      fields.push(['title', bibtexText(f?.title ?? e.number)]);
      fields.push(['number', bibtexText(e.number)]);
      fields.push(['type', typeKey(e)]);
      const held = holders(e);
      if (held.length > 0) fields.push(['holder', names(held, true)]);
      if (f?.publicationDate) fields.push(['date', f.publicationDate]);
      const notes: string[] = [];
      if (f?.applicationNumber) notes.push(f.applicationDate ? `Application ${f.applicationNumber}, filed ${f.applicationDate}` : `Application ${f.applicationNumber}`);
      if (e.found === false) notes.push('Not found in PatSnap');
      if (notes.length > 0) fields.push(['note', bibtexText(notes.join('. '))]);
      return `@patent{${ids[i]},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
    })
    .join('\n');
}
