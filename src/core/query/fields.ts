/**
 * PatSnap's search fields and operators: what completion offers, what a hover says and
 * what the diagnostics accept. The field list is PatSnap's (its search helper, "Searchable
 * Fields", and the fields its searchers use), plus the sandbox's own PNC; `sandbox` marks
 * the fields the local sandbox evaluates (`src/sandbox/query.ts`), so both backends can be
 * checked against one table. Codes are matched case-insensitively. The codes and operators
 * are query syntax and stay as they are; the names and docs are built in a translator's
 * language (`fieldsIn`, `operatorsIn`), English for the checks and the sandbox.
 */
import { ENGLISH, type Translator } from '../text/translator';

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

/** Fields with a hover of their own, the ones searchers use most: their names and docs in `l10n`'s language. */
function mainRows(l10n: Translator): readonly Row[] {
  return [
    ['TACD', 'text', l10n.t('Title, abstract, claims and description'), l10n.t('Searches the title, abstract, claims and description together. Bare words with no field search here.'), 'TACD:(lithium AND anode)'],
    ['TAC', 'text', l10n.t('Title, abstract and claims'), l10n.t('Searches the title, abstract and claims together.'), 'TAC:"solid electrolyte"'],
    ['TA', 'text', l10n.t('Title and abstract'), l10n.t('Searches the title and the abstract together.'), 'TA:drone*'],
    ['TTL', 'text', l10n.t('Title'), l10n.t('Searches the title.'), 'TTL:car'],
    ['ABST', 'text', l10n.t('Abstract'), l10n.t('Searches the abstract.'), 'ABST:car'],
    ['CLMS', 'text', l10n.t('Claims'), l10n.t('Searches all claims.'), 'CLMS:(battery $W3 separator)'],
    ['ICLMS', 'text', l10n.t('Independent claims'), l10n.t('Searches the independent claims only (English and Chinese patents).'), 'ICLMS:car'],
    ['DESC', 'text', l10n.t('Description'), l10n.t('Searches the full description.'), 'DESC:car'],
    ['AN', 'party', l10n.t('Original assignee'), l10n.t('The applicant or assignee named on the patent as filed.'), 'AN:"Apple Inc"'],
    ['ANC', 'party', l10n.t('Current assignee'), l10n.t('The assignee now, after recorded transfers.'), 'ANC:Samsung'],
    ['ANS', 'party', l10n.t('Standardized original assignee'), l10n.t('PatSnap\u2019s standardized form of the original assignee, which joins spelling variants.'), 'ANS:"Toyota Motor"'],
    ['ANCS', 'party', l10n.t('Standardized current assignee'), l10n.t('PatSnap\u2019s standardized form of the current assignee, which joins spelling variants.'), 'ANCS:Huawei'],
    ['ALL_AN', 'party', l10n.t('Any assignee'), l10n.t('Original, current and standardized assignees together.'), 'ALL_AN:Siemens'],
    ['IN', 'party', l10n.t('Inventor'), l10n.t('Searches the inventors\u2019 names.'), 'IN:"Smith John"'],
    ['PN', 'number', l10n.t('Publication number'), l10n.t('The publication number, with or without its kind code.'), 'PN:US11205304B2'],
    ['APNO', 'number', l10n.t('Application number'), l10n.t('The application number as the office writes it.'), 'APNO:US10/123456'],
    ['PRNO', 'number', l10n.t('Priority number'), l10n.t('The number of a priority application.'), 'PRNO:JP2013270967'],
    ['KD', 'code', l10n.t('Kind code'), l10n.t('The WIPO ST.16 kind code: A first publication, B grant, U/Y utility model, S design.'), 'KD:B1'],
    ['PCT_PN', 'number', l10n.t('PCT publication number'), l10n.t('The WO publication of the international application.'), 'PCT_PN:WO2017161368'],
    ['PCT_APNO', 'number', l10n.t('PCT application number'), l10n.t('The international (PCT) application number.'), 'PCT_APNO:US2017/023191'],
    ['AUTHORITY', 'code', l10n.t('Patent office'), l10n.t('The office that published the document, as a two-letter code.'), 'AUTHORITY:(US OR EP)'],
    ['PBD', 'date', l10n.t('Publication date'), l10n.t('The publication date, yyyyMMdd; a range is written `[20200101 TO 20201231]`, `*` for an open end.'), 'PBD:[20200101 TO 20201231]'],
    ['APD', 'date', l10n.t('Application date'), l10n.t('The filing date, yyyyMMdd; a range is written `[20200101 TO 20201231]`.'), 'APD:[20150101 TO *]'],
    ['ISD', 'date', l10n.t('Issue date'), l10n.t('The date the patent was granted, yyyyMMdd.'), 'ISD:[20220101 TO 20221231]'],
    ['PRIORITY_DATE', 'date', l10n.t('Priority date'), l10n.t('The date of a priority application, yyyyMMdd.'), 'PRIORITY_DATE:[20100101 TO 20101231]'],
    ['E_PRIORITY_DATE', 'date', l10n.t('Earliest priority date'), l10n.t('The earliest priority date, yyyyMMdd.'), 'E_PRIORITY_DATE:[20100101 TO *]'],
    ['EXPD', 'date', l10n.t('Expiry date'), l10n.t('The estimated expiry date, yyyyMMdd.'), 'EXPD:[20300101 TO *]'],
    ['PBD_Y', 'year', l10n.t('Publication year'), l10n.t('The publication year, yyyy.'), 'PBD_Y:[2018 TO 2022]'],
    ['APD_Y', 'year', l10n.t('Application year'), l10n.t('The filing year, yyyy.'), 'APD_Y:2019'],
    ['PBD_YM', 'month', l10n.t('Publication month'), l10n.t('The publication month, yyyyMM.'), 'PBD_YM:202301'],
    ['APD_YM', 'month', l10n.t('Application month'), l10n.t('The filing month, yyyyMM.'), 'APD_YM:201905'],
    ['IPC', 'class', l10n.t('IPC classification'), l10n.t('Any IPC code of the patent; a shorter code takes its subgroups, and `*` widens.'), 'IPC:H01M10/0525'],
    ['MIPC', 'class', l10n.t('Main IPC classification'), l10n.t('The first (main) IPC code only.'), 'MIPC:H01M'],
    ['CPC', 'class', l10n.t('CPC classification'), l10n.t('Any CPC code of the patent.'), 'CPC:Y02E60/10'],
    ['MCPC', 'class', l10n.t('Main CPC classification'), l10n.t('The first (main) CPC code only.'), 'MCPC:G06F3/01'],
    ['UPC', 'class', l10n.t('US classification'), l10n.t('The former US patent classification.'), 'UPC:429/231.95'],
    ['LOC', 'class', l10n.t('Locarno classification'), l10n.t('The design classification (Locarno).'), 'LOC:12-08'],
    ['FI', 'class', l10n.t('FI classification'), l10n.t('The Japanese FI classification.'), 'FI:H01M10/052'],
    ['FTERM', 'class', l10n.t('F-term'), l10n.t('The Japanese F-term classification.'), 'FTERM:5H029AJ05'],
    ['SIMPLE_LEGAL_STATUS', 'code', l10n.t('Simple legal status'), l10n.t('Active, Inactive, Pending and the like.'), 'SIMPLE_LEGAL_STATUS:Active'],
    ['LEGAL_STATUS', 'code', l10n.t('Legal status'), l10n.t('The detailed legal status: Granted, Examining, Expired, Withdrawn\u2026'), 'LEGAL_STATUS:Granted'],
    ['LEGAL_EVENT', 'code', l10n.t('Legal event'), l10n.t('Recorded events such as Transfer, License, Litigation, Opposition.'), 'LEGAL_EVENT:Litigation'],
    ['PATENT_TYPE', 'code', l10n.t('Patent type'), l10n.t('Invention application, granted invention, utility model or design.'), 'PATENT_TYPE:UTILITY'],
    ['FAM_ID', 'number', l10n.t('Simple family id'), l10n.t('The DOCDB (simple) family id: every member of one family shares it.'), 'FAM_ID:12345678'],
    ['B_CITES', 'number', l10n.t('Cited patents'), l10n.t('Publication numbers this patent cites (backward citations).'), 'B_CITES:US7123456B2'],
    ['F_CITES', 'number', l10n.t('Citing patents'), l10n.t('Publication numbers of later patents that cite this one (forward citations).'), 'F_CITES:US7123456B2'],
    ['CLAIM_COUNT', 'count', l10n.t('Number of claims'), l10n.t('A whole number, or a range such as `[20 TO *]`.'), 'CLAIM_COUNT:[20 TO *]'],
    ['F_CITES_COUNT', 'count', l10n.t('Number of citing patents'), l10n.t('A whole number, or a range such as `[10 TO *]`.'), 'F_CITES_COUNT:[10 TO *]'],
    ['FAM_COUNT', 'count', l10n.t('Simple family size'), l10n.t('The number of members of the simple family.'), 'FAM_COUNT:[5 TO *]'],
  ];
}

/** The rest of PatSnap's fields, grouped as its search helper groups them (the group's name in `l10n`'s language). */
function moreRows(l10n: Translator): ReadonlyArray<[kind: FieldKind, group: string, codes: string]> {
  return [
    ['text', l10n.t('Text'), 'DESC_F DESC_B DESC_S DESC_D DESC_E BENEFIT_SUM PROBLEM_SUM METHOD_SUM PROBLEM_PHR BENEFIT_PHR MAINF'],
    ['text', l10n.t('Machine translation into English'), 'TTL_ENTRANS ABST_ENTRANS CLMS_ENTRANS ICLMS_ENTRANS DESC_ENTRANS'],
    ['text', l10n.t('Machine translation into Chinese'), 'TTL_CNTRANS ABST_CNTRANS CLMS_CNTRANS ICLMS_CNTRANS DESC_CNTRANS'],
    ['text', l10n.t('Original text and its translations'), 'TTL_ALL ABST_ALL CLMS_ALL ICLMS_ALL DESC_ALL TA_ALL TAC_ALL TACD_ALL MAINF_ALL'],
    ['number', l10n.t('Number'), 'IFAM_ID EFAM_ID'],
    ['party', l10n.t('Assignee and inventor'), 'ANS_EXACT ANCS_EXACT AN_HIST GNAME AN_ADD AN_COUNTRY AN_PROVINCE AN_CITY AN_DISTRICT ANC_ADD ANC_COUNTRY ANC_PROVINCE ANC_CITY ANC_DISTRICT F_AN F_ANC ANS_TYPE ANCS_TYPE INC IN_EXACT IN_ADDRESS F_IN AT AT_C ATC ATCS ATCC ATC_VALUE PE AE PRIORITY_COUNTRY EPDS AN_EN BI_USCC BI_RN BI_ADD BI_ET BI_ED BI_RS LC_CODE'],
    ['date', l10n.t('Date'), 'F_PBD EFAM_EPBD EFAM_EPRD EXAMINE_DATE PCTENTRY_DATE LEGAL_STATUS_DATE EXDT'],
    ['year', l10n.t('Date'), 'EFAM_EPBY'],
    ['month', l10n.t('Date'), 'EFAM_EPBYM'],
    ['class', l10n.t('Classification'), 'CLASS IPC_SECTION IPC_CLASS IPC_SUB_CLASS IPC_GROUP IPC_SUB_GROUP MIPC_SECTION MIPC_CLASS MIPC_SUB_CLASS IPC_CPC CPC_ALL CPC_SECTION CPC_CLASS CPC_SUB_CLASS CPC_GROUP CPC_SUB_GROUP GBC GBC_SECTION IPC_LOW MIPC_LOW CPC_LOW UPC_LOW FI_LOW FTERM_LOW ADC TTC SEIC SEIC_ALL'],
    ['number', l10n.t('Citation and family'), 'BF_CITES F_CITES_ANC B_CITES_ANC FAM IFAM EFAM'],
    ['code', l10n.t('Citation and family'), 'CITE_CATEGORY EFAM_COUNTRY EFAM_EPB_COUNTRY FAM_COUNTRY'],
    ['count', l10n.t('Citation and family'), 'B_CITES_COUNT IFAM_COUNT EFAM_COUNT FAM_COUNTRY_COUNT IFAM_COUNTRY_COUNT EFAM_COUNTRY_COUNT EPDS_COUNT'],
    ['code', l10n.t('Status and quality'), 'EFAM_STATUS UP_STATUS ENTRY_COUNTRY_LS ENTRY_COUNTRY_SLS EPDS_LS EPDS_SLS GOV PCTENTRY_TYPE EP_ENTRY ENTRY_COUNTRY SEP SEP_SOURCE SEP_PROJECT SUB_CASE PRIORITY_EMPTY AWARD_LEVEL'],
    ['text', l10n.t('Status and quality'), 'SEP_NUMBER SEP_TITLE SEP_DECLARANT AWARD_NAME AWARD_SESSION'],
    ['count', l10n.t('Status and quality'), 'PV PAGE_COUNT FCLMS_WORDCOUNT AN_COUNT ANC_COUNT IN_COUNT CPC_COUNT IPC_COUNT EXAMINE_PERIOD PRIORITY_COUNTRY_COUNT'],
    ['text', l10n.t('Litigation'), 'LITIGATION CASENO COURT JUDGE CHIEF_JUDGE PLAINTIFF DEFENDANT TRIAL_GRADE CASE_NATURE CASE_LEVEL CASE_REGION CASE_TITLE CASE_FULL_TEXT OUTCOME_JUDGEMENT OUTCOME_STATUS CASE_DOC_TYPE COURT_GRADE VERDICT PARTY PARTY_AGENT PARTY_LAWFIRM LITIGATION_PRODUCT'],
    ['date', l10n.t('Litigation'), 'FILING_DATE VERDICT_DATE HEARING_DATE LIT_CLOSEDT'],
    ['count', l10n.t('Litigation'), 'LITIGATION_COUNT AMOUNT_PLAINTIFF DAMAGES_AMOUNT'],
    ['year', l10n.t('Litigation'), 'FILING_YEAR'],
    ['text', l10n.t('Licence'), 'LICENSE LICENSOR LICENSEE LICNO EXCLUSIVITY'],
    ['date', l10n.t('Licence'), 'LIC_EFDT'],
    ['count', l10n.t('Licence'), 'LICENSE_COUNT'],
    ['text', l10n.t('Transfer'), 'TRANSFER TRANSFER_BEFORE TRANSFER_AFTER'],
    ['date', l10n.t('Transfer'), 'TRANS_EFDT'],
    ['text', l10n.t('Re-examination and invalidation'), 'REEXAMINVALID RI_APPLICANT RIDN RIIN RIDTP RID RIDP RIDSM RILGS RI_FULL_TEXT'],
    ['date', l10n.t('Re-examination and invalidation'), 'RIDDT'],
    ['count', l10n.t('Re-examination and invalidation'), 'INVALID_COUNT'],
    ['text', l10n.t('Pledge'), 'PLEDGE PLEDGOR PLEDGEE PLEDGENO PLE_STAGE'],
    ['date', l10n.t('Pledge'), 'PLE_EFDT'],
    ['count', l10n.t('Pledge'), 'PLEDGE_COUNT'],
    ['code', l10n.t('Workspace'), 'MWS CWS'],
  ];
}

/** The sandbox evaluates these (see `src/sandbox/query.ts`). */
const SANDBOX_FIELDS: ReadonlySet<string> = new Set(['TTL', 'ABST', 'TACD', 'AN', 'ANC', 'IN', 'PN', 'APNO', 'IPC', 'CPC', 'PNC', 'PBD', 'APD']);
const COMMON: ReadonlySet<string> = new Set(['TACD', 'TAC', 'TTL', 'ABST', 'CLMS', 'DESC', 'AN', 'ANC', 'ANCS', 'IN', 'PN', 'APNO', 'PBD', 'APD', 'IPC', 'CPC', 'AUTHORITY']);
const VALUES: Readonly<Record<string, readonly string[]>> = {
  AUTHORITY: OFFICES,
  SIMPLE_LEGAL_STATUS: LEGAL_STATUS,
  PATENT_TYPE: ['APPLICATION', 'PATENT', 'UTILITY', 'DESIGN'],
  KD: ['A', 'A1', 'A2', 'B', 'B1', 'B2', 'U', 'Y', 'S'],
};

function buildFields(l10n: Translator): ReadonlyMap<string, QueryField> {
  const fields = new Map<string, QueryField>();
  const add = (f: QueryField): void => {
    if (fields.has(f.code)) throw new Error(`Field ${f.code} is listed twice.`);
    fields.set(f.code, f);
  };
  for (const [code, kind, name, doc, example] of mainRows(l10n)) {
    add({ code, kind, name, doc, example, values: VALUES[code], common: COMMON.has(code), patsnap: true, sandbox: SANDBOX_FIELDS.has(code) });
  }
  for (const [kind, group, codes] of moreRows(l10n)) {
    const name = l10n.t('{0} field', group);
    for (const code of codes.split(' ')) add({ code, kind, name, patsnap: true, sandbox: SANDBOX_FIELDS.has(code) });
  }
  add({
    code: 'PNC',
    kind: 'code',
    name: l10n.t('Publication office (sandbox)'),
    doc: l10n.t('The local sandbox\u2019s field for the publishing office. On PatSnap write `AUTHORITY:` instead.'),
    example: 'PNC:US',
    values: OFFICES,
    patsnap: false,
    sandbox: true,
  });
  return fields;
}

/** `build` for a translator, built once per translator: English at once, the others when first asked for. */
function perTranslator<T extends object>(build: (l10n: Translator) => T): (l10n: Translator) => T {
  const english = build(ENGLISH);
  const built = new WeakMap<Translator, T>();
  return (l10n) => {
    if (l10n === ENGLISH) return english;
    let value = built.get(l10n);
    if (!value) built.set(l10n, (value = build(l10n)));
    return value;
  };
}

/** The fields, their names and docs in `l10n`'s language, for completion, hovers and messages. */
export const fieldsIn: (l10n: Translator) => ReadonlyMap<string, QueryField> = perTranslator(buildFields);

/** The fields with their names and docs in English: what the checks and the sandbox go by. */
export const FIELDS: ReadonlyMap<string, QueryField> = fieldsIn(ENGLISH);

/** PatSnap's enterprise custom fields: `CCF_` and a name of the account's own. */
const CUSTOM_FIELD = /^CCF_[A-Z0-9_]+$/;

/** The field for a code as written (any case), a custom field's stand-in, or undefined; its words in `l10n`'s language (default English). */
export function lookupField(code: string, l10n: Translator = ENGLISH): QueryField | undefined {
  const upper = code.toUpperCase();
  const known = fieldsIn(l10n).get(upper);
  if (known) return known;
  if (CUSTOM_FIELD.test(upper)) return { code: upper, kind: 'text', name: l10n.t('Custom field of your PatSnap account'), patsnap: true, sandbox: false };
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

/** The operators, their summaries and docs in `l10n`'s language. */
function buildOperators(l10n: Translator): readonly QueryOperator[] {
  return [
    { name: 'AND', kind: 'boolean', takesNumber: false, summary: l10n.t('Both sides'), doc: l10n.t('Finds patents that match both sides. Terms written side by side with no operator are joined by AND too.'), example: 'TTL:(battery AND separator)', sandbox: true },
    { name: 'OR', kind: 'boolean', takesNumber: false, summary: l10n.t('Either side'), doc: l10n.t('Finds patents that match either side, or both.'), example: 'TTL:(car OR vehicle)', sandbox: true },
    { name: 'NOT', kind: 'boolean', takesNumber: false, summary: l10n.t('Exclude'), doc: l10n.t('Leaves out the patents that match what follows. Parentheses make clear what it excludes.'), example: 'TTL:car NOT TTL:toy', sandbox: true },
    { name: 'TO', kind: 'range', takesNumber: false, summary: l10n.t('Range'), doc: l10n.t('Separates the two ends of a range in square brackets; `*` leaves an end open. Dates are yyyyMMdd.'), example: 'PBD:[20200101 TO 20201231]', sandbox: true },
    { name: '$W', kind: 'positional', takesNumber: true, summary: l10n.t('Within n words'), doc: l10n.t('Both terms within n words of each other, in either order; `$W0` means next to each other.'), example: 'TACD:(book $W2 case)', sandbox: false },
    { name: '$PRE', kind: 'positional', takesNumber: true, summary: l10n.t('Before, within n words'), doc: l10n.t('The first term before the second, within n words of it.'), example: 'TACD:(book $PRE2 case)', sandbox: false },
    { name: '$WS', kind: 'positional', takesNumber: false, summary: l10n.t('Positional connector'), doc: l10n.t('One of PatSnap\u2019s positional connectors, like `$W`: see PatSnap\u2019s search helper for how it spaces the terms.'), example: 'TACD:(lithium $WS ion)', sandbox: false },
    { name: '$SEN', kind: 'positional', takesNumber: false, summary: l10n.t('Same sentence'), doc: l10n.t('Both terms in the same sentence (a sentence ends at a full stop).'), example: 'CLMS:(sensor $SEN temperature)', sandbox: false },
    { name: '$PARA', kind: 'positional', takesNumber: false, summary: l10n.t('Same paragraph'), doc: l10n.t('Both terms in the same paragraph.'), example: 'DESC:(sensor $PARA calibration)', sandbox: false },
    { name: '$FREQ', kind: 'frequency', takesNumber: true, summary: l10n.t('At least n times'), doc: l10n.t('Written after a term: the term appears at least n times in the field searched.'), example: 'TTL:("car" $FREQ2)', sandbox: false },
    { name: 'TREE@', kind: 'tree', takesNumber: false, summary: l10n.t('Company tree'), doc: l10n.t('Written before a company name: the company together with its subsidiaries, as PatSnap\u2019s company tree links them.'), example: 'ANCS:TREE@"Alphabet Inc"', sandbox: false },
  ];
}

/** The operators by name, in the table's order, their summaries and docs in `l10n`'s language. */
export const operatorsIn: (l10n: Translator) => ReadonlyMap<string, QueryOperator> = perTranslator((l10n) => new Map(buildOperators(l10n).map((o) => [o.name, o])));

export const OPERATOR_BY_NAME: ReadonlyMap<string, QueryOperator> = operatorsIn(ENGLISH);

/** The operators with their words in English (what the checks go by). */
export const OPERATORS: readonly QueryOperator[] = [...OPERATOR_BY_NAME.values()];

/** Wildcards inside a word, for the hover. */
export const wildcardDoc = (l10n: Translator): string => l10n.t('Wildcards: `*` stands for any number of characters, `?` for exactly one, `#` for one or none. Not at the start of a word.');
export const phraseDoc = (l10n: Translator): string => l10n.t('A phrase: the words in this order, next to each other.');
export const groupDoc = (l10n: Translator): string => l10n.t('Parentheses group terms; after a field (`TTL:(car OR vehicle)`) the field applies to all of them.');
