/** Examination documents (file wrapper) of a non-CN application, generated from its number. */
import { addDays, fromYmd } from './dates';
import { REFERENCE_DATE, type SamplePatent } from './data';
import { Random, hashString } from './random';

export interface ExamDoc {
  /** 0-based position in the wrapper, stable: part of the document's link. */
  index: number;
  date: number;
  docCode: string;
  description: string;
  pageNumber: number;
}

const FILING: ReadonlyArray<readonly [string, string, number, number]> = [
  ['SPEC', 'Specification', 10, 60],
  ['CLM', 'Claims', 2, 10],
  ['ABST', 'Abstract', 1, 1],
  ['DRW', 'Drawings-only black and white line drawings', 3, 20],
  ['ADS', 'Application Data Sheet', 3, 8],
  ['OATH', 'Oath or Declaration filed', 1, 4],
];

const PROSECUTION: ReadonlyArray<readonly [string, string, number, number]> = [
  ['IDS', 'Information Disclosure Statement (IDS) Filed', 2, 12],
  ['CTNF', 'Non-Final Rejection', 8, 25],
  ['REM', 'Applicant Arguments/Remarks Made in an Amendment', 5, 20],
  ['CLM', 'Claims', 2, 10],
  ['CTFR', 'Final Rejection', 8, 25],
  ['RCEX', 'Request for Continued Examination (RCE)', 1, 3],
  ['CTRS', 'Requirement for Restriction/Election', 4, 9],
  ['SRNT', "Examiner's search strategy and results", 1, 4],
  ['N417', 'EFS Acknowledgment Receipt', 1, 2],
  ['WFEE', 'Fee Worksheet (SB06)', 1, 2],
];

const daysBetween = (a: number, b: number): number => Math.round((fromYmd(b).getTime() - fromYmd(a).getTime()) / 86_400_000);

/** The wrapper of the patent's application, newest document first. */
export function examDocsFor(p: SamplePatent, count: number): ExamDoc[] {
  if (count <= 0) return [];
  const rng = new Random(hashString(p.apno));
  const granted = p.isd !== undefined;
  const end = Math.min(granted ? (p.isd as number) : REFERENCE_DATE, REFERENCE_DATE);
  const span = Math.max(daysBetween(p.apdt, end), 30);
  const docs: Array<Omit<ExamDoc, 'index'>> = [];
  const closing = granted && count >= 3 ? 2 : 0;
  const filing = FILING.slice(0, Math.min(FILING.length, count - closing));
  for (const [docCode, description, lo, hi] of filing) docs.push({ date: p.apdt, docCode, description, pageNumber: rng.int(lo, hi) });
  const middle = count - docs.length - closing;
  const offsets = Array.from({ length: Math.max(0, middle) }, () => rng.int(20, span - 20 > 20 ? span - 20 : 21)).sort((a, b) => a - b);
  for (const off of offsets) {
    const [docCode, description, lo, hi] = rng.pick(PROSECUTION);
    docs.push({ date: addDays(p.apdt, off), docCode, description, pageNumber: rng.int(lo, hi) });
  }
  if (closing > 0) {
    docs.push({ date: addDays(end, -rng.int(60, 120)), docCode: 'NOA', description: 'Notice of Allowance and Fees Due (PTOL-85)', pageNumber: rng.int(5, 12) });
    docs.push({ date: addDays(end, -rng.int(14, 28)), docCode: 'ISSUE.NTF', description: 'Issue Notification', pageNumber: 1 });
  }
  return docs
    .map((d, index) => ({ ...d, index }))
    .sort((a, b) => b.date - a.date || b.index - a.index);
}

export function examDocLines(p: SamplePatent, doc: ExamDoc, page: number): string[] {
  const when = fromYmd(doc.date).toISOString().slice(0, 10);
  const head = [`${p.office} PATENT OFFICE - ${doc.description}`, `Application ${p.apno}    Document ${doc.docCode}    Date ${when}`, `Page ${page} of ${doc.pageNumber}`, ''];
  return page === 1 ? [...head, `Re: ${p.title}`, `Applicant: ${p.originalAssignees.map((a) => a.name).join('; ')}`] : head;
}
