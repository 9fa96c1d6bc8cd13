/**
 * Both directions of citation for the panel, the CLI and the citation checks:
 * what a patent cites (P016) with the examiner's category and who cited it, the
 * literature it cites with a DOI link where the DOI is real, and what cites it (P015).
 */
import type { Citations, CitedBy, NonPatentCitation, PatentReference } from '../api/recordTypes';
import { ENGLISH, type Translator } from '../text/translator';

export interface Label {
  code: string;
  label: string;
}

/**
 * Search-report categories (WIPO ST.14), in the translator's language: the patent panel shows
 * them in VS Code's display language, the CLI in English. (One literal `l10n.t` per label, so
 * that the l10n export finds them.)
 */
export function categoryLabels(l10n: Translator = ENGLISH): Readonly<Record<string, string>> {
  return {
    X: l10n.t('particularly relevant taken alone'),
    Y: l10n.t('particularly relevant in combination with another document of the same category'),
    A: l10n.t('technological background'),
    O: l10n.t('non-written disclosure'),
    P: l10n.t('intermediate document'),
    T: l10n.t('theory or principle underlying the invention'),
    E: l10n.t('earlier patent document, published on or after the filing date'),
    D: l10n.t('document cited in the application'),
    L: l10n.t('document cited for other reasons'),
    '&': l10n.t('member of the same patent family'),
    I: l10n.t('particularly relevant taken alone (older practice)'),
    R: l10n.t('document published on or after the priority date (older practice)'),
  };
}

/** Who cited a document, in the translator's language. */
export function citeTypeLabels(l10n: Translator = ENGLISH): Readonly<Record<string, string>> {
  return {
    APP: l10n.t('applicant'),
    EXA: l10n.t('examiner'),
    OPP: l10n.t('opposition'),
    TPO: l10n.t('third party'),
    SEA: l10n.t('search report'),
    PRS: l10n.t('pre-grant'),
  };
}

/** A code with its readable label; an unknown code reads as itself. */
function labelled(codes: readonly string[], table: Readonly<Record<string, string>>): Label[] {
  return codes.map((code) => ({ code, label: Object.hasOwn(table, code) ? (table[code] as string) : code }));
}

const DOI = /^10\.\d{4,9}\/[\x21-\x7e]+$/;

/**
 * The DOI as a https://doi.org/ link, or undefined when it is not a syntactically valid
 * DOI (prefix `10.` + registrant, a slash, printable ASCII). `doi:` and doi.org prefixes
 * are accepted; characters outside the URL-safe set are percent-encoded.
 */
export function doiLink(doi: string | undefined): string | undefined {
  if (typeof doi !== 'string') return undefined;
  const bare = doi.trim().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (bare.length > 300 || !DOI.test(bare)) return undefined;
  const path = bare.replace(/[^A-Za-z0-9\-._~/:;()]/g, (c) => encodeURIComponent(c));
  return `https://doi.org/${path}`;
}

export interface CitedPatentView {
  number: string;
  country: string;
  kind?: string;
  categories: Label[];
  citeTypes: Label[];
}

export interface NonPatentView {
  /** The title, or the citation text where there is no title. */
  title?: string;
  text?: string;
  doi?: string;
  /** Set only for a syntactically valid DOI. */
  doiUrl?: string;
  authors: string[];
  copyright?: string;
}

export interface CitationCounts {
  /** Patents listed as citing this one. */
  citedBy: number;
  threeYears?: number;
  fiveYears?: number;
  simpleFamily?: number;
  inpadocFamily?: number;
  patsnapFamily?: number;
}

export interface CitationView {
  cites: CitedPatentView[];
  nonPatent: NonPatentView[];
  citedBy: PatentReference[];
  counts: CitationCounts;
}

function nonPatent(o: NonPatentCitation): NonPatentView {
  const view: NonPatentView = { authors: [...o.authors] };
  const title = o.title ?? o.text;
  if (title) view.title = title;
  if (o.text && o.text !== title) view.text = o.text;
  if (o.doi) view.doi = o.doi;
  const url = doiLink(o.doi);
  if (url) view.doiUrl = url;
  if (o.copyright) view.copyright = o.copyright;
  return view;
}

/**
 * One view of both directions; either side may be missing (not asked for, or nothing recorded).
 * The categories' and citers' labels are in `l10n`'s language.
 */
export function describeCitations(cites: Citations | undefined, citedBy: CitedBy | undefined, l10n: Translator = ENGLISH): CitationView {
  const categories = categoryLabels(l10n);
  const citeTypes = citeTypeLabels(l10n);
  return {
    cites: (cites?.patents ?? []).map((p) => ({
      number: p.number,
      country: p.country,
      ...(p.kind ? { kind: p.kind } : {}),
      categories: labelled(p.categories, categories),
      citeTypes: labelled(p.citeTypes, citeTypes),
    })),
    nonPatent: (cites?.others ?? []).map(nonPatent),
    citedBy: [...(citedBy?.patents ?? [])],
    counts: { citedBy: citedBy?.patents.length ?? 0, ...(citedBy?.counts ?? {}) },
  };
}
