/**
 * PatSnap's search fields and operators: what completion offers, what a hover says and
 * what the diagnostics accept. The field list is PatSnap's (its search helper, "Searchable
 * Fields", and the fields its searchers use), plus the sandbox's own PNC; `sandbox` marks
 * the fields the local sandbox evaluates (`src/sandbox/query.ts`), so both backends can be
 * checked against one table. Codes are matched case-insensitively.
 */

/**
 * What a field holds, which decides what may follow its colon:
 * - `text`: words and phrases, wildcards and positional operators;
 * - `party`: names of assignees, inventors, agents (words and phrases, no stemming);
 * - `number`: document numbers and ids (PN, APNO…), wildcards allowed;
 * - `class`: classification codes (IPC, CPC…), wildcards allowed;
 * - `code`: a value from a short list (kind codes, offices, legal statuses…);
 * - `date`: yyyyMMdd, one date or a range `[20200101 TO 20201231]`;
 * - `year`: yyyy; `month`: yyyyMM; `count`: a whole number or a range of them.
 */
export type FieldKind = 'text' | 'party' | 'number' | 'class' | 'code' | 'date' | 'year' | 'month' | 'count';

export interface QueryField {
  /** Upper case, as PatSnap documents it. */
  readonly code: string;
  readonly name: string;
  readonly kind: FieldKind;
  /** One or two sentences for the hover; may hold `code` spans. */
  readonly doc?: string;
  readonly example?: string;
  /** Values completion offers after the colon. */
  readonly values?: readonly string[];
  /** Common fields come first in completion. */
  readonly common?: boolean;
  /** PatSnap searches it (false only for the sandbox's own PNC). */
  readonly patsnap: boolean;
  /** The local sandbox evaluates it. */
  readonly sandbox: boolean;
}

/** Kinds whose values may be written as ranges. */
export const RANGE_KINDS: ReadonlySet<FieldKind> = new Set(['date', 'year', 'month', 'count']);
/** Kinds in which positional operators ($W, $PRE…) make sense. */
export const PROSE_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'party']);

const OFFICES = ['US', 'EP', 'WO', 'CN', 'JP', 'KR', 'DE', 'FR', 'GB', 'CA', 'AU', 'TW', 'IN', 'RU', 'BR'];
const LEGAL_STATUS = ['Active', 'Inactive', 'Pending', 'Undetermined', 'PCT designated period', 'PCT designated expiration'];

type Row = [code: string, kind: FieldKind, name: string, doc?: string, example?: string];

/** Fields with a hover of their own, the ones searchers use most. */
const MAIN: readonly Row[] = [
  ['TACD', 'text', 'Title, abstract, claims and description', 'Searches the title, abstract, claims and description together. Bare words with no field search here.', 'TACD:(lithium AND anode)'],
  ['TAC', 'text', 'Title, abstract and claims', 'Searches the title, abstract and claims together.', 'TAC:"solid electrolyte"'],
  ['TA', 'text', 'Title and abstract', 'Searches the title and the abstract together.', 'TA:drone*'],
  ['TTL', 'text', 'Title', 'Searches the title.', 'TTL:car'],
  ['ABST', 'text', 'Abstract', 'Searches the abstract.', 'ABST:car'],
  ['CLMS', 'text', 'Claims', 'Searches all claims.', 'CLMS:(battery $W3 separator)'],
  ['ICLMS', 'text', 'Independent claims', 'Searches the independent claims only (English and Chinese patents).', 'ICLMS:car'],
  ['DESC', 'text', 'Description', 'Searches the full description.', 'DESC:car'],
  ['AN', 'party', 'Original assignee', 'The applicant or assignee named on the patent as filed.', 'AN:"Apple Inc"'],
  ['ANC', 'party', 'Current assignee', 'The assignee now, after recorded transfers.', 'ANC:Samsung'],
  ['ANS', 'party', 'Standardized original assignee', 'PatSnap\u2019s standardized form of the original assignee, which joins spelling variants.', 'ANS:"Toyota Motor"'],
  ['ANCS', 'party', 'Standardized current assignee', 'PatSnap\u2019s standardized form of the current assignee, which joins spelling variants.', 'ANCS:Huawei'],
  ['ALL_AN', 'party', 'Any assignee', 'Original, current and standardized assignees together.', 'ALL_AN:Siemens'],
  ['IN', 'party', 'Inventor', 'Searches the inventors\u2019 names.', 'IN:"Smith John"'],
  ['PN', 'number', 'Publication number', 'The publication number, with or without its kind code.', 'PN:US11205304B2'],
  ['APNO', 'number', 'Application number', 'The application number as the office writes it.', 'APNO:US10/123456'],
  ['PRNO', 'number', 'Priority number', 'The number of a priority application.', 'PRNO:JP2013270967'],
  ['KD', 'code', 'Kind code', 'The WIPO ST.16 kind code: A first publication, B grant, U/Y utility model, S design.', 'KD:B1'],
  ['PCT_PN', 'number', 'PCT publication number', 'The WO publication of the international application.', 'PCT_PN:WO2017161368'],
  ['PCT_APNO', 'number', 'PCT application number', 'The international (PCT) application number.', 'PCT_APNO:US2017/023191'],
  ['AUTHORITY', 'code', 'Patent office', 'The office that published the document, as a two-letter code.', 'AUTHORITY:(US OR EP)'],
  ['PBD', 'date', 'Publication date', 'The publication date, yyyyMMdd; a range is written `[20200101 TO 20201231]`, `*` for an open end.', 'PBD:[20200101 TO 20201231]'],
  ['APD', 'date', 'Application date', 'The filing date, yyyyMMdd; a range is written `[20200101 TO 20201231]`.', 'APD:[20150101 TO *]'],
  ['ISD', 'date', 'Issue date', 'The date the patent was granted, yyyyMMdd.', 'ISD:[20220101 TO 20221231]'],
  ['PRIORITY_DATE', 'date', 'Priority date', 'The date of a priority claim, yyyyMMdd.', 'PRIORITY_DATE:[20100101 TO 20101231]'],
  ['E_PRIORITY_DATE', 'date', 'Earliest priority date', 'The earliest priority date, yyyyMMdd.', 'E_PRIORITY_DATE:[20100101 TO *]'],
  ['EXPD', 'date', 'Expiry date', 'The estimated expiry date, yyyyMMdd.', 'EXPD:[20300101 TO *]'],
  ['PBD_Y', 'year', 'Publication year', 'The publication year, yyyy.', 'PBD_Y:[2018 TO 2022]'],
  ['APD_Y', 'year', 'Application year', 'The filing year, yyyy.', 'APD_Y:2019'],
  ['PBD_YM', 'month', 'Publication month', 'The publication month, yyyyMM.', 'PBD_YM:202301'],
  ['APD_YM', 'month', 'Application month', 'The filing month, yyyyMM.', 'APD_YM:201905'],
  ['IPC', 'class', 'IPC classification', 'Any IPC code of the patent; a shorter code takes its subgroups, and `*` widens.', 'IPC:H01M10/0525'],
  ['MIPC', 'class', 'Main IPC classification', 'The first (main) IPC code only.', 'MIPC:H01M'],
  ['CPC', 'class', 'CPC classification', 'Any CPC code of the patent.', 'CPC:Y02E60/10'],
  ['MCPC', 'class', 'Main CPC classification', 'The first (main) CPC code only.', 'MCPC:G06F3/01'],
  ['UPC', 'class', 'US classification', 'The former US patent classification.', 'UPC:429/231.95'],
  ['LOC', 'class', 'Locarno classification', 'The design classification (Locarno).', 'LOC:12-08'],
  ['FI', 'class', 'FI classification', 'The Japanese FI classification.', 'FI:H01M10/052'],
  ['FTERM', 'class', 'F-term', 'The Japanese F-term classification.', 'FTERM:5H029AJ05'],
  ['SIMPLE_LEGAL_STATUS', 'code', 'Simple legal status', 'Active, Inactive, Pending and the like.', 'SIMPLE_LEGAL_STATUS:Active'],
  ['LEGAL_STATUS', 'code', 'Legal status', 'The detailed legal status: Granted, Examining, Expired, Withdrawn\u2026', 'LEGAL_STATUS:Granted'],
  ['LEGAL_EVENT', 'code', 'Legal event', 'Recorded events such as Transfer, License, Litigation, Opposition.', 'LEGAL_EVENT:Litigation'],
  ['PATENT_TYPE', 'code', 'Patent type', 'Invention application, granted invention, utility model or design.', 'PATENT_TYPE:UTILITY'],
  ['FAM_ID', 'number', 'Simple family id', 'The DOCDB (simple) family id: every member of one family shares it.', 'FAM_ID:12345678'],
  ['B_CITES', 'number', 'Cited patents', 'Publication numbers this patent cites (backward citations).', 'B_CITES:US7123456B2'],
  ['F_CITES', 'number', 'Citing patents', 'Publication numbers of later patents that cite this one (forward citations).', 'F_CITES:US7123456B2'],
  ['CLAIM_COUNT', 'count', 'Number of claims', 'A whole number, or a range such as `[20 TO *]`.', 'CLAIM_COUNT:[20 TO *]'],
  ['F_CITES_COUNT', 'count', 'Number of citing patents', 'A whole number, or a range such as `[10 TO *]`.', 'F_CITES_COUNT:[10 TO *]'],
  ['FAM_COUNT', 'count', 'Simple family size', 'The number of members of the simple family.', 'FAM_COUNT:[5 TO *]'],
];

/** The rest of PatSnap's fields, grouped as its search helper groups them. */
const MORE: ReadonlyArray<[kind: FieldKind, group: string, codes: string]> = [
  ['text', 'Text', 'DESC_F DESC_B DESC_S DESC_D DESC_E BENEFIT_SUM PROBLEM_SUM METHOD_SUM PROBLEM_PHR BENEFIT_PHR MAINF'],
  ['text', 'Machine translation into English', 'TTL_ENTRANS ABST_ENTRANS CLMS_ENTRANS ICLMS_ENTRANS DESC_ENTRANS'],
  ['text', 'Machine translation into Chinese', 'TTL_CNTRANS ABST_CNTRANS CLMS_CNTRANS ICLMS_CNTRANS DESC_CNTRANS'],
  ['text', 'Original text and its translations', 'TTL_ALL ABST_ALL CLMS_ALL ICLMS_ALL DESC_ALL TA_ALL TAC_ALL TACD_ALL MAINF_ALL'],
  ['number', 'Number', 'IFAM_ID EFAM_ID'],
  ['party', 'Assignee and inventor', 'ANS_EXACT ANCS_EXACT AN_HIST GNAME AN_ADD AN_COUNTRY AN_PROVINCE AN_CITY AN_DISTRICT ANC_ADD ANC_COUNTRY ANC_PROVINCE ANC_CITY ANC_DISTRICT F_AN F_ANC ANS_TYPE ANCS_TYPE INC IN_EXACT IN_ADDRESS F_IN AT AT_C ATC ATCS ATCC ATC_VALUE PE AE PRIORITY_COUNTRY EPDS AN_EN BI_USCC BI_RN BI_ADD BI_ET BI_ED BI_RS LC_CODE'],
  ['date', 'Date', 'F_PBD EFAM_EPBD EFAM_EPRD EXAMINE_DATE PCTENTRY_DATE LEGAL_STATUS_DATE EXDT'],
  ['year', 'Date', 'EFAM_EPBY'],
  ['month', 'Date', 'EFAM_EPBYM'],
  ['class', 'Classification', 'CLASS IPC_SECTION IPC_CLASS IPC_SUB_CLASS IPC_GROUP IPC_SUB_GROUP MIPC_SECTION MIPC_CLASS MIPC_SUB_CLASS IPC_CPC CPC_ALL CPC_SECTION CPC_CLASS CPC_SUB_CLASS CPC_GROUP CPC_SUB_GROUP GBC GBC_SECTION IPC_LOW MIPC_LOW CPC_LOW UPC_LOW FI_LOW FTERM_LOW ADC TTC SEIC SEIC_ALL'],
  ['number', 'Citation and family', 'BF_CITES F_CITES_ANC B_CITES_ANC FAM IFAM EFAM'],
  ['code', 'Citation and family', 'CITE_CATEGORY EFAM_COUNTRY EFAM_EPB_COUNTRY FAM_COUNTRY'],
  ['count', 'Citation and family', 'B_CITES_COUNT IFAM_COUNT EFAM_COUNT FAM_COUNTRY_COUNT IFAM_COUNTRY_COUNT EFAM_COUNTRY_COUNT EPDS_COUNT'],
  ['code', 'Status and quality', 'EFAM_STATUS UP_STATUS ENTRY_COUNTRY_LS ENTRY_COUNTRY_SLS EPDS_LS EPDS_SLS GOV PCTENTRY_TYPE EP_ENTRY ENTRY_COUNTRY SEP SEP_SOURCE SEP_PROJECT SUB_CASE PRIORITY_EMPTY AWARD_LEVEL'],
  ['text', 'Status and quality', 'SEP_NUMBER SEP_TITLE SEP_DECLARANT AWARD_NAME AWARD_SESSION'],
  ['count', 'Status and quality', 'PV PAGE_COUNT FCLMS_WORDCOUNT AN_COUNT ANC_COUNT IN_COUNT CPC_COUNT IPC_COUNT EXAMINE_PERIOD PRIORITY_COUNTRY_COUNT'],
  ['text', 'Litigation', 'LITIGATION CASENO COURT JUDGE CHIEF_JUDGE PLAINTIFF DEFENDANT TRIAL_GRADE CASE_NATURE CASE_LEVEL CASE_REGION CASE_TITLE CASE_FULL_TEXT OUTCOME_JUDGEMENT OUTCOME_STATUS CASE_DOC_TYPE COURT_GRADE VERDICT PARTY PARTY_AGENT PARTY_LAWFIRM LITIGATION_PRODUCT'],
  ['date', 'Litigation', 'FILING_DATE VERDICT_DATE HEARING_DATE LIT_CLOSEDT'],
  ['count', 'Litigation', 'LITIGATION_COUNT AMOUNT_PLAINTIFF DAMAGES_AMOUNT'],
  ['year', 'Litigation', 'FILING_YEAR'],
  ['text', 'Licence', 'LICENSE LICENSOR LICENSEE LICNO EXCLUSIVITY'],
  ['date', 'Licence', 'LIC_EFDT'],
  ['count', 'Licence', 'LICENSE_COUNT'],
  ['text', 'Transfer', 'TRANSFER TRANSFER_BEFORE TRANSFER_AFTER'],
  ['date', 'Transfer', 'TRANS_EFDT'],
  ['text', 'Re-examination and invalidation', 'REEXAMINVALID RI_APPLICANT RIDN RIIN RIDTP RID RIDP RIDSM RILGS RI_FULL_TEXT'],
  ['date', 'Re-examination and invalidation', 'RIDDT'],
  ['count', 'Re-examination and invalidation', 'INVALID_COUNT'],
  ['text', 'Pledge', 'PLEDGE PLEDGOR PLEDGEE PLEDGENO PLE_STAGE'],
  ['date', 'Pledge', 'PLE_EFDT'],
  ['count', 'Pledge', 'PLEDGE_COUNT'],
  ['code', 'Workspace', 'MWS CWS'],
];

/** The sandbox evaluates these (see `src/sandbox/query.ts`). */
const SANDBOX_FIELDS: ReadonlySet<string> = new Set(['TTL', 'ABST', 'TACD', 'AN', 'ANC', 'IN', 'PN', 'APNO', 'IPC', 'CPC', 'PNC', 'PBD', 'APD']);
const COMMON: ReadonlySet<string> = new Set(['TACD', 'TAC', 'TTL', 'ABST', 'CLMS', 'DESC', 'AN', 'ANC', 'ANCS', 'IN', 'PN', 'APNO', 'PBD', 'APD', 'IPC', 'CPC', 'AUTHORITY']);
const VALUES: Readonly<Record<string, readonly string[]>> = {
  AUTHORITY: OFFICES,
  SIMPLE_LEGAL_STATUS: LEGAL_STATUS,
  PATENT_TYPE: ['APPLICATION', 'PATENT', 'UTILITY', 'DESIGN'],
  KD: ['A', 'A1', 'A2', 'B', 'B1', 'B2', 'U', 'Y', 'S'],
};

function buildFields(): ReadonlyMap<string, QueryField> {
  const fields = new Map<string, QueryField>();
  const add = (f: QueryField): void => {
    if (fields.has(f.code)) throw new Error(`Field ${f.code} is listed twice.`);
    fields.set(f.code, f);
  };
  for (const [code, kind, name, doc, example] of MAIN) {
    add({ code, kind, name, doc, example, values: VALUES[code], common: COMMON.has(code), patsnap: true, sandbox: SANDBOX_FIELDS.has(code) });
  }
  for (const [kind, group, codes] of MORE) {
    for (const code of codes.split(' ')) add({ code, kind, name: `${group} field`, patsnap: true, sandbox: SANDBOX_FIELDS.has(code) });
  }
  add({
    code: 'PNC',
    kind: 'code',
    name: 'Publication office (sandbox)',
    doc: 'The local sandbox\u2019s field for the publishing office. On PatSnap write `AUTHORITY:` instead.',
    example: 'PNC:US',
    values: OFFICES,
    patsnap: false,
    sandbox: true,
  });
  return fields;
}

export const FIELDS: ReadonlyMap<string, QueryField> = buildFields();

/** PatSnap's enterprise custom fields: `CCF_` and a name of the account's own. */
const CUSTOM_FIELD = /^CCF_[A-Z0-9_]+$/;

/** The field for a code as written (any case), a custom field's stand-in, or undefined. */
export function lookupField(code: string): QueryField | undefined {
  const upper = code.toUpperCase();
  const known = FIELDS.get(upper);
  if (known) return known;
  if (CUSTOM_FIELD.test(upper)) return { code: upper, kind: 'text', name: 'Custom field of your PatSnap account', patsnap: true, sandbox: false };
  return undefined;
}

// ---- operators ---------------------------------------------------------------------

export type OperatorKind = 'boolean' | 'positional' | 'frequency' | 'range' | 'tree';

export interface QueryOperator {
  /** As written, upper case; positional ones with their `$`. */
  readonly name: string;
  readonly kind: OperatorKind;
  /** $W, $PRE and $FREQ take a number: `$W5`. */
  readonly takesNumber: boolean;
  readonly summary: string;
  readonly doc: string;
  readonly example: string;
  readonly sandbox: boolean;
}

export const OPERATORS: readonly QueryOperator[] = [
  { name: 'AND', kind: 'boolean', takesNumber: false, summary: 'Both sides', doc: 'Finds patents that match both sides. Terms written side by side with no operator are joined by AND too.', example: 'TTL:(battery AND separator)', sandbox: true },
  { name: 'OR', kind: 'boolean', takesNumber: false, summary: 'Either side', doc: 'Finds patents that match either side, or both.', example: 'TTL:(car OR vehicle)', sandbox: true },
  { name: 'NOT', kind: 'boolean', takesNumber: false, summary: 'Exclude', doc: 'Leaves out the patents that match what follows. Parentheses make clear what it excludes.', example: 'TTL:car NOT TTL:toy', sandbox: true },
  { name: 'TO', kind: 'range', takesNumber: false, summary: 'Range', doc: 'Separates the two ends of a range in square brackets; `*` leaves an end open. Dates are yyyyMMdd.', example: 'PBD:[20200101 TO 20201231]', sandbox: true },
  { name: '$W', kind: 'positional', takesNumber: true, summary: 'Within n words', doc: 'Both terms within n words of each other, in either order; `$W0` means next to each other.', example: 'TACD:(book $W2 case)', sandbox: false },
  { name: '$PRE', kind: 'positional', takesNumber: true, summary: 'Before, within n words', doc: 'The first term before the second, within n words of it.', example: 'TACD:(book $PRE2 case)', sandbox: false },
  { name: '$WS', kind: 'positional', takesNumber: false, summary: 'Positional connector', doc: 'One of PatSnap\u2019s positional connectors, like `$W`: see PatSnap\u2019s search helper for how it spaces the terms.', example: 'TACD:(lithium $WS ion)', sandbox: false },
  { name: '$SEN', kind: 'positional', takesNumber: false, summary: 'Same sentence', doc: 'Both terms in the same sentence (a sentence ends at a full stop).', example: 'CLMS:(sensor $SEN temperature)', sandbox: false },
  { name: '$PARA', kind: 'positional', takesNumber: false, summary: 'Same paragraph', doc: 'Both terms in the same paragraph.', example: 'DESC:(sensor $PARA calibration)', sandbox: false },
  { name: '$FREQ', kind: 'frequency', takesNumber: true, summary: 'At least n times', doc: 'Written after a term: the term appears at least n times in the field searched.', example: 'TTL:("car" $FREQ2)', sandbox: false },
  { name: 'TREE@', kind: 'tree', takesNumber: false, summary: 'Company tree', doc: 'Written before a company name: the company together with its subsidiaries, as PatSnap\u2019s company tree links them.', example: 'ANCS:TREE@"Alphabet Inc"', sandbox: false },
];

export const OPERATOR_BY_NAME: ReadonlyMap<string, QueryOperator> = new Map(OPERATORS.map((o) => [o.name, o]));

/** Wildcards inside a word, for the hover. */
export const WILDCARD_DOC = 'Wildcards: `*` stands for any number of characters, `?` for exactly one, `#` for one or none. Not at the start of a word.';
export const PHRASE_DOC = 'A phrase: the words in this order, next to each other.';
export const GROUP_DOC = 'Parentheses group terms; after a field (`TTL:(car OR vehicle)`) the field applies to all of them.';
