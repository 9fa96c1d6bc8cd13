/**
 * Queries for the query-language tests. The valid ones are written as PatSnap's own pages
 * and the user's seeds write them (each with where it comes from); the malformed ones are
 * the mistakes searchers make, each with the diagnostic it must raise and the text it must
 * point at.
 */
import type { DiagnosticCode, QueryEndpoint, Severity } from '../../../../src/core/query';

export const VALID: ReadonlyArray<[source: string, query: string]> = [
  ['seed P002 sample', 'TACD: virtual reality'],
  ['seed P055 sample', 'TTL:car'],
  ['the results view\u2019s welcome text', 'TTL:battery AND PBD:[20200101 TO 20231231]'],
  ['PatSnap search helper: number fields', 'PN:US123456'],
  ['PatSnap search helper: number fields', 'APNO:US10/123456'],
  ['PatSnap search helper: number fields', 'PRNO:JP2013270967'],
  ['PatSnap search helper: number fields', 'KD:B1'],
  ['PatSnap search helper: number fields', 'PCT_PN:WO2017161368'],
  ['PatSnap search helper: number fields', 'PCT_APNO:US2017/023191'],
  ['PatSnap search helper: text fields', 'ABST:car'],
  ['PatSnap search helper: text fields', 'CLMS:car'],
  ['PatSnap search helper: text fields', 'ICLMS:car'],
  ['PatSnap search helper: text fields', 'DESC:car'],
  ['PatSnap search helper: text fields', 'DESC_F:car'],
  ['PatSnap search helper: text fields', 'BENEFIT_SUM:car'],
  ['PatSnap help: positional connectors', 'book $W2 case'],
  ['PatSnap help: positional connectors', 'book $W0 case'],
  ['PatSnap help: positional connectors', 'book $PRE2 case'],
  ['PatSnap help: positional connectors', 'TACD:(book $SEN case)'],
  ['PatSnap help: positional connectors', 'TACD:(book $PARA case)'],
  ['PatSnap help: keyword frequency', 'TTL:("car" $FREQ2)'],
  ['PatSnap FAQ: wildcards', 'TTL:immuni?? OR TTL:immun*'],
  ['a prior-art search', 'TAC:((lithium OR "li-ion") AND (anode OR cathode)) AND IPC:H01M* AND APD:[20150101 TO *]'],
  ['a freedom-to-operate search', '(CLMS:("wireless charging" $W5 coil) OR TTL:"inductive charging") AND AUTHORITY:(US OR EP) AND SIMPLE_LEGAL_STATUS:Active'],
  ['an assignee watch', 'ANCS:(Samsung OR "LG Energy Solution") AND PBD:[20240101 TO *] NOT PATENT_TYPE:DESIGN'],
  ['a company tree', 'ANCS:TREE@"Alphabet Inc" AND TTL:(autonomous $PRE3 vehicle)'],
  ['classification and counts', 'CPC:Y02E60/10 AND CLAIM_COUNT:[20 TO *] AND F_CITES_COUNT:[10 TO 500]'],
  ['years and months', 'PBD_Y:[2018 TO 2022] AND APD_YM:201905'],
  ['lower-case fields and operators, as PatSnap\u2019s own searchers write them', 'ttl:(car or vehicle) and not abst:toy'],
  ['Chinese text', 'TTL:(\u6c7d\u8f66 OR \u8f66\u8f86) AND AN:\u534e\u4e3a'],
  ['a query over several lines', '(TTL:drone OR ABST:"unmanned aerial vehicle")\nAND IPC:B64C39/02\nAND PBD:[20190101 TO 20231231]'],
  ['an enterprise custom field', 'CCF_PROJECT:alpha AND TTL:sensor'],
];

export interface Malformed {
  readonly query: string;
  readonly code: DiagnosticCode;
  /** The text the diagnostic must cover, as found first in the query at or after `from`. */
  readonly at: string;
  readonly from?: number;
  readonly severity?: Severity;
  /** When the diagnostic proposes a replacement: its text. */
  readonly fix?: string;
  readonly endpoints?: readonly QueryEndpoint[];
  /** Words the message must contain, so it says what to do. */
  readonly says: RegExp;
}

export const MALFORMED: readonly Malformed[] = [
  { query: 'TTL:(car OR vehicle', code: 'unclosedParen', at: '(', says: /add a \)/ },
  { query: 'TTL:car OR vehicle)', code: 'unmatchedParen', at: ')', fix: '', says: /remove it/ },
  { query: '(a AND (b OR c)', code: 'unclosedParen', at: '(', says: /never closed/ },
  { query: 'PBD:[20200101 TO 20201231', code: 'unclosedBracket', at: '[', says: /never closed/ },
  { query: 'TTL:"lithium battery', code: 'unclosedQuote', at: '"lithium battery', says: /add "/ },
  { query: 'TTLL:car', code: 'unknownField', at: 'TTLL', fix: 'TTL', says: /Did you mean TTL/ },
  { query: 'ABTS:car', code: 'unknownField', at: 'ABTS', fix: 'ABST', says: /Did you mean ABST/ },
  { query: 'FOOBAR:car', code: 'unknownField', at: 'FOOBAR', says: /no such field/ },
  { query: 'TTL: AND car', code: 'missingValue', at: 'TTL:', says: /needs a value/ },
  { query: 'TTL:', code: 'missingValue', at: 'TTL:', says: /as in TTL:car/ },
  { query: 'car AND', code: 'missingOperand', at: 'AND', says: /after it/ },
  { query: 'OR car', code: 'missingOperand', at: 'OR', says: /before it/ },
  { query: 'car AND OR truck', code: 'missingOperand', at: 'AND', says: /after it/ },
  { query: 'car NOT', code: 'missingOperand', at: 'NOT', says: /after it/ },
  { query: 'TTL:()', code: 'emptyGroup', at: '()', says: /empty/ },
  { query: 'PBD:[20200101 20201231]', code: 'range', at: '[20200101 20201231]', fix: ' TO', says: /TO between/ },
  { query: 'PBD:[20200101-20201231]', code: 'range', at: '[20200101-20201231]', fix: '20200101 TO 20201231', says: /with TO/ },
  { query: 'PBD:[20200101 TO]', code: 'range', at: 'TO]', says: /end after TO/ },
  { query: 'PBD:[TO 20201231]', code: 'range', at: '[TO', says: /start before TO/ },
  { query: 'PBD:[20201231 TO 20200101]', code: 'range', at: '[20201231 TO 20200101]', says: /starts after it ends/ },
  { query: 'TTL:[car TO vehicle]', code: 'range', at: '[car TO vehicle]', says: /ranges work on dates/ },
  { query: '[20200101 TO 20201231]', code: 'range', at: '[20200101 TO 20201231]', says: /field before it/ },
  { query: 'PBD:[2020-01-01 TO 20201231]', code: 'badValue', at: '2020-01-01', fix: '20200101', says: /without separators/ },
  { query: 'PBD:[20200230 TO 20201231]', code: 'badValue', at: '20200230', says: /not a date/ },
  { query: 'APD:yesterday', code: 'badValue', at: 'yesterday', says: /yyyyMMdd/ },
  { query: 'PBD:2020', code: 'badValue', at: '2020', severity: 'warning', fix: '[20200101 TO 20201231]', says: /whole of 2020/ },
  { query: 'PBD:[202002 TO 2021]', code: 'badValue', at: '2021', from: 10, severity: 'warning', fix: '20211231', says: /write 20211231/ },
  { query: 'PBD:[202002 TO 2021]', code: 'badValue', at: '202002', severity: 'warning', fix: '20200201', says: /write 20200201/ },
  { query: 'PBD_Y:20', code: 'badValue', at: '20', severity: 'error', says: /yyyy/ },
  { query: 'CLAIM_COUNT:[ten TO *]', code: 'badValue', at: 'ten', says: /whole number/ },
  { query: 'book $W case', code: 'positional', at: '$W', says: /number of words/ },
  { query: 'book $SEN3 case', code: 'positional', at: '$SEN3', fix: '', says: /takes no number/ },
  { query: 'TTL:("car" $FREQ)', code: 'positional', at: '$FREQ', says: /at least twice/ },
  { query: 'book $W2', code: 'missingOperand', at: '$W2', says: /each side/ },
  { query: '$PRE2 case', code: 'missingOperand', at: '$PRE2', says: /each side/ },
  { query: 'book $NEAR5 case', code: 'unknownOperator', at: '$NEAR5', says: /\$W, \$PRE/ },
  { query: 'PN:(US1 $W2 EP1)', code: 'positional', at: '$W2', severity: 'warning', says: /document numbers/ },
  { query: 'TTL:(book $W2 case)', code: 'positionalNotAllowed', at: '$W2', endpoints: ['count', 'search', 'facets'], says: /facets \(P003\)/ },
  { query: 'TTL:("car" $FREQ2)', code: 'positionalNotAllowed', at: '$FREQ2', endpoints: ['facets'], says: /refuse positional/ },
  { query: '*ing', code: 'wildcard', at: '*ing', severity: 'warning', says: /start of a word/ },
  { query: 'TTL:*', code: 'wildcard', at: '*', says: /letters before it/ },
  { query: '10:30', code: 'strayColon', at: '10:30', fix: '"10:30"', says: /put it in quotes/ },
  { query: 'TTL:\uff08car OR vehicle)', code: 'typography', at: '\uff08', severity: 'warning', fix: '(', says: /plain parenthesis/ },
  { query: 'TTL\uff1a\u6c7d\u8f66', code: 'typography', at: '\uff1a', severity: 'warning', fix: ':', says: /plain colon/ },
  { query: 'TTL:\u201clithium battery\u201d', code: 'typography', at: '\u201clithium battery\u201d', severity: 'warning', fix: '"lithium battery"', says: /straight quotes/ },
  { query: 'TTL:""', code: 'badValue', at: '""', says: /no letters or digits/ },
  { query: 'TTL:(car - truck)', code: 'badValue', at: '-', severity: 'warning', says: /no letters or digits/ },
  { query: 'PNC:US', code: 'backend', at: 'PNC', severity: 'warning', fix: 'AUTHORITY', says: /AUTHORITY/ },
  { query: '   ', code: 'empty', at: '   ', says: /empty/ },
];
