/** From the wire shapes of schemas.ts to the camelCase types the rest of the code uses. */
import type * as z from 'zod/mini';
import type {
  abstractImageItemSchema,
  BibliographyItem,
  examDocsDataSchema,
  legalStatusItemSchema,
  pdfItemSchema,
  searchHitSchema,
} from './schemas';
import type { AbstractImage, Bibliography, ExamDocsPage, LegalStatus, Party, PdfLink, SearchHit } from './types';

interface LangText {
  lang?: string;
  text: string;
}

/** The text in the preferred language, else English, else the first one given. */
export function pickLanguage<T extends { lang?: string }>(items: readonly T[], language?: string): T | undefined {
  const want = language?.trim().toUpperCase();
  const is = (x: T, lang: string): boolean => x.lang?.trim().toUpperCase() === lang;
  return (want ? items.find((x) => is(x, want)) : undefined) ?? items.find((x) => is(x, 'EN')) ?? items[0];
}

function pickText(items: readonly LangText[], language?: string): string | undefined {
  const usable = items.filter((x) => x.text.trim() !== '');
  return pickLanguage(usable, language)?.text.trim();
}

/**
 * Parties often come once per language. Keep those of the language `pickLanguage`
 * would choose (entries without a language go with every language), in filing order.
 */
export function partiesIn(parties: ReadonlyArray<{ lang?: string; name: string; address?: string; sequence?: number }>, language?: string): Party[] {
  const chosen = pickLanguage(parties.filter((p) => p.lang), language)?.lang?.trim().toUpperCase();
  return parties
    .filter((p) => !chosen || !p.lang || p.lang.trim().toUpperCase() === chosen)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.sequence ?? Number.MAX_SAFE_INTEGER) - (b.p.sequence ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ p }) => {
      const party: Party = { name: p.name.trim() };
      if (p.address) party.address = p.address;
      if (p.lang) party.lang = p.lang;
      if (p.sequence !== undefined) party.sequence = p.sequence;
      return party;
    });
}

export function joinNames(parties: readonly Party[]): string | undefined {
  return parties.length > 0 ? parties.map((p) => p.name).join(' | ') : undefined;
}

export function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

export function nonBlank(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

export function toSearchHit(w: z.infer<typeof searchHitSchema>): SearchHit {
  const inventors = w.inventor
    ?.split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return defined({
    patentId: w.patent_id,
    pn: w.pn,
    title: nonBlank(w.title),
    currentAssignee: nonBlank(w.current_assignee),
    originalAssignee: nonBlank(w.original_assignee),
    inventors: inventors && inventors.length > 0 ? inventors : undefined,
    applicationNumber: nonBlank(w.apno),
    applicationDate: w.apdt,
    publicationDate: w.pbdt,
  });
}

export function toBibliography(w: BibliographyItem, language?: string): Bibliography {
  const b = w.bibliographic_data;
  const titles: Record<string, string> = {};
  for (const t of b.invention_title) {
    const key = t.lang?.trim().toUpperCase() || 'UNKNOWN';
    if (t.text.trim() !== '' && titles[key] === undefined) titles[key] = t.text.trim();
  }
  const cls = b.classification_data;
  return defined({
    patentId: w.patent_id,
    pn: w.pn,
    title: pickText(b.invention_title, language),
    titles,
    abstract: pickText(b.abstracts, language),
    assignees: partiesIn(b.parties.assignees, language),
    applicants: partiesIn(b.parties.applicants, language),
    inventors: partiesIn(b.parties.inventors, language),
    applicationNumber: nonBlank(b.application_reference?.apno),
    applicationDate: b.application_reference?.date,
    publicationDate: b.publication_reference?.date,
    country: nonBlank(b.publication_reference?.country),
    kind: nonBlank(b.publication_reference?.kind),
    patentType: nonBlank(b.patent_type),
    ipcMain: nonBlank(cls?.classification_ipcr?.main ?? cls?.classification_ipc?.main),
    cpcMain: nonBlank(cls?.classification_cpc?.main),
    priorityClaims: b.priority_claims.map((c) => defined({ country: nonBlank(c.country), docNumber: nonBlank(c.doc_number), date: c.date })),
  });
}

export function toLegalStatus(w: z.infer<typeof legalStatusItemSchema>): LegalStatus {
  return { patentId: w.patent_id, pn: w.pn, statuses: w.simple_legal_status.map((s) => s.trim()).filter((s) => s !== '') };
}

export function toAbstractImage(w: z.infer<typeof abstractImageItemSchema>): AbstractImage {
  return defined({ patentId: w.patent_id, pn: w.pn, num: w.abstract_drawing?.num, url: w.abstract_drawing?.path });
}

export function toPdfLink(w: z.infer<typeof pdfItemSchema>): PdfLink {
  return defined({ patentId: w.patent_id, pn: w.pn, url: w.pdf?.path, pnRelated: nonBlank(w.pn_related) });
}

export function toExamDocsPage(w: z.infer<typeof examDocsDataSchema>): ExamDocsPage {
  return defined({
    apno: nonBlank(w.apno),
    patentId: nonBlank(w.patent_id),
    patentNumber: nonBlank(w.patent_number),
    docCount: w.doc_count ?? w.doc_detail.length,
    detailCount: w.doc_detail_count ?? w.doc_detail.length,
    documents: w.doc_detail.map((d) =>
      defined({ date: d.date, docCode: nonBlank(d.doc_code), description: nonBlank(d.description), pageCount: d.page_number, url: d.path }),
    ),
  });
}
