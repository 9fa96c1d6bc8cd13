/**
 * What the export wizard offers and how it checks each answer. No `vscode`
 * import: the messages the steps show are unit-tested on their own.
 */
import { EXPORT_FIELDS, EXPORT_MAX_ROWS_PLUS_OFFSET, EXPORT_ROW_LIMITS, exportFieldNames, exportFieldProblem, isExportField, type ExportField } from '../../core/api/exportFields';
import type { CollapseOptions, CountParams, ExportLang, ExportParams, ExportType, TransLang } from '../../core/api/types';
import { checkCountParams, checkExportParams, EXPORT_QUERY_MAX, isYmd, type InputProblem } from '../../core/api/validation';
import { l10n } from '../common/l10n.pure';
import { listOf } from '../../core/text/punctuation';

export interface ExportFormat {
  type: ExportType;
  label: string;
  description: string;
}

/** The formats in plain words, never PatSnap's names for them (`full_text`); in the user's language, so built when asked for. */
export function exportFormats(): ExportFormat[] {
  return [
    { type: 'csv', label: l10n.t('CSV'), description: l10n.t('Comma-separated table; opens in any spreadsheet') },
    { type: 'xls', label: l10n.t('Excel (XLS)'), description: l10n.t('Excel workbook, one row per patent') },
    { type: 'json', label: l10n.t('JSON'), description: l10n.t('One object per patent') },
    { type: 'xml', label: l10n.t('XML'), description: l10n.t('One <patent> element per patent') },
    { type: 'pdf', label: l10n.t('PDF (ZIP of PDFs)'), description: l10n.t('One PDF per patent; claims allowed') },
    { type: 'full_text', label: l10n.t('Full text (ZIP of XML)'), description: l10n.t('One XML file per patent, named by its number: abstract, claims, description') },
  ];
}

export function formatLabel(type: ExportType): string {
  return exportFormats().find((f) => f.type === type)?.label ?? type;
}

export interface FieldPreset {
  label: string;
  fields: readonly ExportField[];
}

const PRESETS: readonly FieldPreset[] = [
  { get label() { return l10n.t('Bibliographic basics'); }, fields: ['PN', 'TTL', 'AN', 'APD', 'PBD'] },
  { get label() { return l10n.t('Bibliography with abstract'); }, fields: ['PN', 'APNO', 'TTL', 'ABST', 'AN', 'IN', 'APD', 'PBD'] },
  { get label() { return l10n.t('Classification and legal status'); }, fields: ['PN', 'TTL', 'IPC', 'CPC', 'LEGAL_STATUS'] },
  { get label() { return l10n.t('Front page with claims'); }, fields: ['PN', 'TTL', 'ABST', 'CLMS'] },
  { get label() { return l10n.t('Full text'); }, fields: ['PN', 'ABST', 'CLMS', 'DESC'] },
  { get label() { return l10n.t('Claims only'); }, fields: ['PN', 'CLMS'] },
];

/** Presets whose every field the format takes. */
export function fieldPresets(type: ExportType): FieldPreset[] {
  return PRESETS.filter((p) => p.fields.every((f) => exportFieldProblem(f, type) === undefined));
}

export interface FieldChoice {
  field: ExportField;
  name: string;
}

/** The fields the format takes, and only those (full text takes PN, ABST, CLMS and DESC; claims go only with PDF or full text). */
export function fieldChoices(type: ExportType): FieldChoice[] {
  const names = exportFieldNames(l10n);
  return (Object.keys(EXPORT_FIELDS) as ExportField[]).filter((field) => exportFieldProblem(field, type) === undefined).map((field) => ({ field, name: names[field] }));
}

/** What is wrong with a set of picked fields for the format, in one sentence (in the format's plain name). */
export function fieldsProblem(fields: readonly string[], type: ExportType): string | undefined {
  if (fields.length === 0) return l10n.t('Pick at least one field, or a preset.');
  for (const field of fields) {
    if (exportFieldProblem(field, type) === undefined) continue;
    const name = isExportField(field) ? exportFieldNames(l10n)[field] : field;
    return l10n.t('{0} ({1}) cannot be exported as {2}.', name, field, formatLabel(type));
  }
  return undefined;
}

/** The fields of a previous answer that a newly chosen format still takes. */
export function keepValidFields(fields: readonly string[], type: ExportType): string[] {
  return fields.filter((f) => exportFieldProblem(f, type) === undefined);
}

export function defaultRows(type: ExportType): number {
  return EXPORT_ROW_LIMITS[type] <= 1000 ? 10 : 100;
}

/** A whole number typed by a person: digits, optionally with thousands separators. */
export function parseWholeNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[,_\s]/g, '');
  if (!/^\d+$/.test(compact)) return undefined;
  const n = Number(compact);
  return Number.isSafeInteger(n) ? n : undefined;
}

const grouped = (n: number): string => n.toLocaleString('en-US');

export function rowsProblem(text: string, type: ExportType, offset = 0): string | undefined {
  const rows = parseWholeNumber(text);
  const limit = EXPORT_ROW_LIMITS[type];
  if (rows === undefined || rows < 1) return l10n.t('Type how many patents to export: a whole number from 1 to {0}.', grouped(limit));
  if (rows > limit) return l10n.t('{0} exports take at most {1} patents.', formatLabel(type), grouped(limit));
  if (rows + offset > EXPORT_MAX_ROWS_PLUS_OFFSET) {
    return l10n.t('PatSnap exports only the first {0} results: with {1} skipped, take at most {2}.', grouped(EXPORT_MAX_ROWS_PLUS_OFFSET), grouped(offset), grouped(EXPORT_MAX_ROWS_PLUS_OFFSET - offset));
  }
  return undefined;
}

export function offsetProblem(text: string, rows: number): string | undefined {
  const offset = text.trim() === '' ? 0 : parseWholeNumber(text);
  if (offset === undefined) return l10n.t('Type how many results to skip: a whole number, 0 for none.');
  if (offset + rows > EXPORT_MAX_ROWS_PLUS_OFFSET) {
    const room = grouped(Math.max(0, EXPORT_MAX_ROWS_PLUS_OFFSET - rows));
    return rows === 1
      ? l10n.t('PatSnap exports only the first {0} results: with 1 patent, skip at most {1}.', grouped(EXPORT_MAX_ROWS_PLUS_OFFSET), room)
      : l10n.t('PatSnap exports only the first {0} results: with {1} patents, skip at most {2}.', grouped(EXPORT_MAX_ROWS_PLUS_OFFSET), grouped(rows), room);
  }
  return undefined;
}

export interface DateRange {
  /** yyyyMMdd or '*' */
  from: string;
  to: string;
}

/**
 * A date range as typed: empty for no limit, or `FROM-TO` where each side is
 * yyyyMMdd or `*` (e.g. `20110101-*`). One date alone means that single day.
 */
export function parseDateRange(text: string): DateRange | undefined | 'invalid' {
  const t = text.trim();
  if (t === '' || t === '*' || /^\*\s*-\s*\*$/.test(t)) return undefined;
  const m = /^(\d{8}|\*)\s*(?:-|–|\.\.|to)\s*(\d{8}|\*)$/i.exec(t);
  if (m) return { from: m[1] as string, to: m[2] as string };
  if (/^\d{8}$/.test(t)) return { from: t, to: t };
  return 'invalid';
}

export function dateRangeProblem(text: string): string | undefined {
  const range = parseDateRange(text);
  if (range === 'invalid') return l10n.t('Write the range as FROM-TO with dates as yyyyMMdd, or * for no limit: e.g. {0} or {1}.', '20110101-20180619', '20200101-*');
  if (!range) return undefined;
  for (const d of [range.from, range.to]) {
    if (d !== '*' && !isYmd(d)) return l10n.t('{0} is not a date: write yyyyMMdd, e.g. {1}.', d, '20180619');
  }
  if (range.from !== '*' && range.to !== '*' && Number(range.from) > Number(range.to)) return l10n.t('The range starts ({0}) after it ends ({1}).', range.from, range.to);
  return undefined;
}

export function formatDateRange(from: string | undefined, to: string | undefined): string {
  if ((from === undefined || from === '*') && (to === undefined || to === '*')) return l10n.t('any');
  return `${from ?? '*'}-${to ?? '*'}`;
}

export function queryProblem(query: string): string | undefined {
  if (query.trim() === '') return l10n.t('Type a PatSnap query, e.g. {0}.', 'TTL:battery AND PBD:[20200101 TO *]');
  if (query.length > EXPORT_QUERY_MAX) return l10n.t('The query is {0} characters long; PatSnap takes at most {1}.', grouped(query.length), grouped(EXPORT_QUERY_MAX));
  return undefined;
}

// Language names in the display language, looked up when shown.
export const EXPORT_LANG_NAMES: Readonly<Record<ExportLang, string>> = {
  get en() { return l10n.t('English'); },
  get cn() { return l10n.t('Chinese'); },
  get jp() { return l10n.t('Japanese'); },
  get de() { return l10n.t('German'); },
  get fr() { return l10n.t('French'); },
  get kr() { return l10n.t('Korean'); },
};
export const TRANS_LANG_NAMES: Readonly<Record<TransLang, string>> = {
  get en() { return EXPORT_LANG_NAMES.en; },
  get cn() { return EXPORT_LANG_NAMES.cn; },
  get jp() { return EXPORT_LANG_NAMES.jp; },
};

/** The answers the wizard collects; kept between runs so Escape loses nothing. */
export interface ExportDraft extends CollapseOptions {
  query: string;
  exportType: ExportType;
  fields: string[];
  rows: number;
  offset: number;
  apdtFrom?: string;
  apdtTo?: string;
  pbdtFrom?: string;
  pbdtTo?: string;
  lang: ExportLang;
  transLang: TransLang;
  stemming: boolean;
  /** Ask where to save (a save dialog) instead of the workspace's exports folder. */
  saveAs: boolean;
}

export function newDraft(defaults: { query?: string; lang?: string } & CollapseOptions = {}): ExportDraft {
  const { query = '', lang, ...collapse } = defaults;
  const exportLang = lang !== undefined && lang in EXPORT_LANG_NAMES ? (lang as ExportLang) : 'en';
  return { ...collapse, query, exportType: 'csv', fields: ['PN', 'TTL', 'AN', 'APD', 'PBD'], rows: 100, offset: 0, lang: exportLang, transLang: 'en', stemming: false, saveAs: false };
}

export function draftToParams(d: ExportDraft): ExportParams {
  const params: ExportParams = { query: d.query.trim(), fields: [...d.fields], exportType: d.exportType, rows: d.rows, lang: d.lang, transLang: d.transLang, stemming: d.stemming };
  if (d.offset > 0) params.offset = d.offset;
  for (const key of ['apdtFrom', 'apdtTo', 'pbdtFrom', 'pbdtTo'] as const) {
    const v = d[key];
    if (v !== undefined && v !== '*') params[key] = v;
  }
  for (const key of ['collapseType', 'collapseBy', 'collapseOrder'] as const) {
    if (d[key] !== undefined) Object.assign(params, { [key]: d[key] });
  }
  if (d.collapseOrderAuthority !== undefined) params.collapseOrderAuthority = [...d.collapseOrderAuthority];
  return params;
}

/** The contract's checks of the whole request (core validation), as the last step shows them. */
export function exportParamProblems(params: ExportParams): InputProblem[] {
  return checkExportParams(params, l10n);
}

export function shortenQuery(query: string, max = 60): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/**
 * The patents an export bills: the search's total, less the skipped ones, capped by
 * the rows asked for (PatSnap exports and bills what the search has, no more).
 */
export function billableCount(total: number, params: Pick<ExportParams, 'rows' | 'offset'>): number {
  return Math.max(0, Math.min(params.rows, total - (params.offset ?? 0)));
}

/**
 * The P001 count that matches an export: its query, with the export's date ranges
 * as the query's own APD/PBD ranges, and its collapsing. Undefined when that query
 * is beyond P001's limits (exports take longer queries than counts).
 */
export function countParams(params: ExportParams): CountParams | undefined {
  const range = (field: string, from: string | undefined, to: string | undefined): string[] =>
    from === undefined && to === undefined ? [] : [`${field}:[${from ?? '*'} TO ${to ?? '*'}]`];
  const ranges = [...range('APD', params.apdtFrom, params.apdtTo), ...range('PBD', params.pbdtFrom, params.pbdtTo)];
  const count: CountParams = { query: ranges.length ? [`(${params.query})`, ...ranges].join(' AND ') : params.query };
  for (const key of ['collapseType', 'collapseBy', 'collapseOrder'] as const) {
    if (params[key] !== undefined) Object.assign(count, { [key]: params[key] });
  }
  if (params.collapseOrderAuthority !== undefined) count.collapseOrderAuthority = [...params.collapseOrderAuthority];
  return checkCountParams(count).length === 0 ? count : undefined;
}

export interface ExportConfirmation {
  message: string;
  detail: string;
  button: string;
}

/**
 * The modal shown before anything is created: the count PatSnap will bill, from the
 * search's total. Without a total (a query P001 cannot count) it says that the
 * count is at most the rows asked for, and why it is not known.
 */
export function exportConfirmation(params: ExportParams, destination: string, count?: { total: number; billed: number }): ExportConfirmation {
  const asked = grouped(params.rows);
  const patents = (n: number): string => (n === 1 ? l10n.t('1 patent') : l10n.t('{0} patents', grouped(n)));
  const requested = params.offset ? l10n.t('{0} requested, skipping the first {1}', asked, grouped(params.offset)) : l10n.t('{0} requested', asked);
  const lines = count
    ? [l10n.t('PatSnap will bill {0} for this export: the search finds {1}; {2}.', patents(count.billed), grouped(count.total), requested)]
    : [l10n.t('PatSnap will bill at most {0} for this export ({1}); the query is too long to count its results first.', patents(params.rows), requested)];
  if (count && params.stemming) lines.push(l10n.t('Counted without stemming: with stemming on, more patents may match, up to the rows requested.'));
  lines.push('', l10n.t('Query: {0}', shortenQuery(params.query, 200)), l10n.t('Format: {0}, fields {1}', formatLabel(params.exportType), listOf(l10n, params.fields)));
  lines.push(l10n.t('Saved to: {0}', destination));
  const what = patents(count ? count.billed : params.rows);
  const format = formatLabel(params.exportType);
  return { message: count ? l10n.t('Export {0} as {1}?', what, format) : l10n.t('Export up to {0} as {1}?', what, format), detail: lines.join('\n'), button: l10n.t('Export {0}', what) };
}
