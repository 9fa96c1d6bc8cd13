/**
 * Examination documents (file wrapper) of a non-CN application, in the order
 * prosecution happens at its office: the filing, the search, rounds of office action
 * and reply, and how it ended (allowance and issue, abandonment, or at EP grant and
 * an opposition). USPTO, EPO, WIPO, JPO and KIPO each with their own document types.
 */
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

type DocType = readonly [code: string, description: string, minPages: number, maxPages: number];

interface Procedure {
  filing: readonly DocType[];
  /** Before the first action (search report, restriction). */
  search: readonly DocType[];
  /** One round: the office's action, then the applicant's reply. */
  round: readonly DocType[];
  /** A round may end in a final action, answered by a request to continue. */
  final?: readonly DocType[];
  /** Small papers that come at any time. */
  filler: readonly DocType[];
  allowed: readonly DocType[];
  abandoned: readonly DocType[];
  /** After grant, for a revoked EP patent. */
  revoked?: readonly DocType[];
}

const USPTO: Procedure = {
  filing: [['SPEC', 'Specification', 10, 60], ['CLM', 'Claims', 2, 10], ['ABST', 'Abstract', 1, 1], ['DRW', 'Drawings-only black and white line drawings', 3, 20], ['ADS', 'Application Data Sheet', 3, 8], ['OATH', 'Oath or Declaration filed', 1, 4]],
  search: [['CTRS', 'Requirement for Restriction/Election', 4, 9], ['ELC.', 'Response to Election / Restriction Filed', 1, 3]],
  round: [['CTNF', 'Non-Final Rejection', 8, 25], ['SRNT', "Examiner's search strategy and results", 1, 4], ['REM', 'Applicant Arguments/Remarks Made in an Amendment', 5, 20], ['CLM', 'Claims', 2, 10]],
  final: [['CTFR', 'Final Rejection', 8, 25], ['RCEX', 'Request for Continued Examination (RCE)', 1, 3], ['REM', 'Applicant Arguments/Remarks Made in an Amendment', 5, 20], ['CLM', 'Claims', 2, 10]],
  filler: [['IDS', 'Information Disclosure Statement (IDS) Filed', 2, 12], ['N417', 'EFS Acknowledgment Receipt', 1, 2], ['WFEE', 'Fee Worksheet (SB06)', 1, 2]],
  allowed: [['NOA', 'Notice of Allowance and Fees Due (PTOL-85)', 5, 12], ['IFEE', 'Issue Fee Payment (PTO-85B)', 1, 2], ['ISSUE.NTF', 'Issue Notification', 1, 1]],
  abandoned: [['ABN', 'Notice of Abandonment', 1, 2]],
};

const EPO: Procedure = {
  filing: [['REQ', 'Request for grant of a European patent', 4, 8], ['DESC', 'Description', 10, 60], ['CLMS', 'Claims', 2, 8], ['DRAW', 'Drawings', 3, 20], ['ABST', 'Abstract', 1, 1]],
  search: [['ESR', 'European search report', 2, 4], ['ESOP', 'European search opinion', 3, 8], ['R6970', 'Communication regarding the transmission of the European search report (Rules 69 and 70(1) EPC)', 1, 2], ['REPLYESOP', 'Reply to the European search opinion', 3, 12]],
  round: [['EXCOM', 'Communication from the Examining Division (Art. 94(3) EPC)', 3, 9], ['REPLY', 'Reply to communication from the Examining Division', 3, 15], ['AMCLM', 'Amended claims with annotations', 2, 8]],
  filler: [['RENEW', 'Payment of renewal fee', 1, 1], ['PRIO', 'Priority document', 10, 40]],
  allowed: [['R713', 'Communication about intention to grant a European patent (Rule 71(3) EPC)', 4, 8], ['TXTGR', 'Text intended for grant (clean copy)', 15, 60], ['DECGR', 'Decision to grant a European patent (Art. 97(1) EPC)', 2, 2], ['CERT', 'Certificate of a European patent', 1, 1]],
  abandoned: [['R1123', 'Noting of loss of rights (Rule 112(1) EPC)', 1, 2]],
  revoked: [['OPPO', 'Notice of opposition', 10, 30], ['OPPREPLY', 'Reply of the patent proprietor to the notice(s) of opposition', 10, 25], ['SUMMONS', 'Summons to attend oral proceedings (Rule 115(1) EPC)', 5, 12], ['MINUTES', 'Minutes of the oral proceedings before the Opposition Division', 3, 8], ['REVOKE', 'Decision revoking the European patent (Art. 101(2) and 101(3)(b) EPC)', 15, 30]],
};

const WIPO: Procedure = {
  filing: [['RO101', 'Request (PCT/RO/101)', 4, 6], ['DESC', 'Description', 10, 60], ['CLMS', 'Claims', 2, 8], ['DRAW', 'Drawings', 3, 20]],
  search: [['ISR', 'International Search Report (PCT/ISA/210)', 3, 5], ['WOSA', 'Written Opinion of the International Searching Authority (PCT/ISA/237)', 4, 10]],
  round: [['IB304', 'Notification concerning submission or transmittal of priority document (PCT/IB/304)', 1, 1]],
  filler: [['IB301', 'Notification of receipt of record copy (PCT/IB/301)', 1, 1]],
  allowed: [['IPRP', 'International Preliminary Report on Patentability (Chapter I) (PCT/IB/373)', 1, 2]],
  abandoned: [['IPRP', 'International Preliminary Report on Patentability (Chapter I) (PCT/IB/373)', 1, 2]],
};

const JPO: Procedure = {
  filing: [['A63', '特許願 (Request for patent)', 1, 2], ['A621', '出願審査請求書 (Request for examination)', 1, 1]],
  search: [['A871', '先行技術文献調査結果 (Prior art search report)', 2, 4]],
  round: [['A131', '拒絶理由通知書 (Notice of reasons for refusal)', 2, 6], ['A53', '意見書 (Written opinion)', 2, 8], ['A523', '手続補正書 (Written amendment)', 2, 6]],
  filler: [['A9', '上申書 (Statement)', 1, 3]],
  allowed: [['A01', '特許査定 (Decision to grant a patent)', 1, 2]],
  abandoned: [['A02', '拒絶査定 (Decision of refusal)', 1, 3]],
};

const KIPO: Procedure = {
  filing: [['A0101', '특허출원서 (Patent application)', 1, 3], ['A201', '심사청구서 (Request for examination)', 1, 1]],
  search: [['A871', '선행기술조사보고서 (Prior art search report)', 2, 4]],
  round: [['E902', '의견제출통지서 (Notice of preliminary rejection)', 2, 6], ['A091', '의견서 (Written opinion)', 2, 8], ['A092', '보정서 (Amendment)', 2, 6]],
  filler: [['A1001', '서류제출서 (Submission of documents)', 1, 2]],
  allowed: [['E701', '등록결정서 (Decision to grant)', 1, 2]],
  abandoned: [['E601', '거절결정서 (Decision of refusal)', 1, 3]],
};

function procedureOf(office: string): Procedure {
  return office === 'EP' ? EPO : office === 'WO' ? WIPO : office === 'JP' ? JPO : office === 'KR' ? KIPO : USPTO;
}

const daysBetween = (a: number, b: number): number => Math.round((fromYmd(b).getTime() - fromYmd(a).getTime()) / 86_400_000);

/**
 * The wrapper of the patent's application, `count` documents, newest first. The story
 * is told in order (filing, search, rounds, the end) and then dated in that order, so
 * no final rejection comes after the notice of allowance.
 */
export function examDocsFor(p: SamplePatent, count: number): ExamDoc[] {
  if (count <= 0) return [];
  const rng = new Random(hashString(p.apno));
  const proc = procedureOf(p.office);
  const granted = p.isd !== undefined;
  const ended = !granted && p.legalStatus.includes('Inactive');
  const end = Math.min(granted ? (p.isd as number) : REFERENCE_DATE, REFERENCE_DATE);
  const closing: DocType[] = granted ? [...proc.allowed] : ended ? [...proc.abandoned] : [];
  const after: DocType[] = granted && p.opposition === 'revoked' ? [...(proc.revoked ?? [])] : [];
  const story: DocType[] = [...proc.filing, ...(rng.chance(0.5) || p.office !== 'US' ? proc.search : [])];
  let finals = 0;
  while (story.length + closing.length + after.length < count) {
    if (rng.chance(0.25)) story.push(rng.pick(proc.filler));
    else if (proc.final && rng.chance(0.3) && finals < 3) {
      story.push(...proc.final);
      finals++;
    } else story.push(...proc.round);
  }
  // Keep the end of the story whole: trim the rounds, never the closing papers.
  const storyN = Math.max(0, count - closing.length - after.length);
  const closingN = Math.min(closing.length, count - storyN);
  const afterN = Math.min(after.length, count - storyN - closingN);
  const docs: DocType[] = [...story.slice(0, storyN), ...closing.slice(0, closingN), ...after.slice(0, afterN)];
  // Dates, in the order told: the filing papers on the filing date, the rounds spread up to the end, papers after grant after it.
  const filingCount = Math.min(proc.filing.length, storyN);
  const middle = storyN - filingCount;
  const span = Math.max(daysBetween(p.apdt, end) - 30 - 20 * closingN, middle + 21);
  const offsets = Array.from({ length: middle }, () => rng.int(20, span)).sort((a, b) => a - b);
  const dates: number[] = [];
  docs.forEach((_, i) => {
    const previous = dates[i - 1] ?? p.apdt;
    let date: number;
    if (i < filingCount) date = p.apdt;
    else if (i < storyN) date = addDays(p.apdt, offsets[i - filingCount] as number);
    else if (i < storyN + closingN) date = addDays(end, -20 * (storyN + closingN - i - 1));
    else date = addDays(end, 200 + 150 * (i - storyN - closingN));
    dates.push(Math.max(previous, Math.min(date, REFERENCE_DATE)));
  });
  return docs
    .map(([docCode, description, lo, hi], index) => ({ index, date: dates[index] as number, docCode, description, pageNumber: rng.int(lo, hi) }))
    .sort((a, b) => b.date - a.date || b.index - a.index);
}

export function examDocLines(p: SamplePatent, doc: ExamDoc, page: number): string[] {
  const when = fromYmd(doc.date).toISOString().slice(0, 10);
  const office = p.office === 'EP' ? 'EUROPEAN PATENT OFFICE' : p.office === 'WO' ? 'WORLD INTELLECTUAL PROPERTY ORGANIZATION' : `${p.office} PATENT OFFICE`;
  const head = [`${office} - ${doc.description}`, `Application ${p.apno}    Document ${doc.docCode}    Date ${when}`, `Page ${page} of ${doc.pageNumber}`, ''];
  return page === 1 ? [...head, `Re: ${p.title}`, `Applicant: ${p.originalAssignees.map((a) => a.name).join('; ')}`] : head;
}
