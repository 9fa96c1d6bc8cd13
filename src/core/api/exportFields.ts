import { listOf } from '../text/punctuation';
import type { ExportType } from './types';
import { ENGLISH, type Translator } from '../text/translator';

/**
 * Export fields (P055 `fields`). PatSnap's export instructions name more; these are
 * the ones this project offers and the sandbox serves. The rules of the contract:
 * full_text takes only PN, ABST, CLMS, DESC; DESC only with full_text; CLMS only
 * with full_text or pdf. Their names are in `l10n`'s language (default English): the export
 * wizard shows them in the display language.
 */
export function exportFieldNames(l10n: Translator = ENGLISH) {
  return {
    PN: l10n.t('Publication number'),
    APNO: l10n.t('Application number'),
    TTL: l10n.t('Title'),
    ABST: l10n.t('Abstract'),
    AN: l10n.t('Current assignee'),
    IN: l10n.t('Inventors'),
    APD: l10n.t('Application date'),
    PBD: l10n.t('Publication date'),
    IPC: l10n.t('IPC main class'),
    CPC: l10n.t('CPC main class'),
    LEGAL_STATUS: l10n.t('Simple legal status'),
    CLMS: l10n.t('Claims'),
    DESC: l10n.t('Description'),
  };
}

/** The fields with their names in English. */
export const EXPORT_FIELDS = exportFieldNames();

export type ExportField = keyof typeof EXPORT_FIELDS;

export const FULL_TEXT_FIELDS: readonly ExportField[] = ['PN', 'ABST', 'CLMS', 'DESC'];

/** Most rows one task may export, per type. */
export const EXPORT_ROW_LIMITS: Readonly<Record<ExportType, number>> = {
  csv: 100_000,
  xls: 100_000,
  json: 100_000,
  xml: 100_000,
  pdf: 1_000,
  full_text: 1_000,
};

/** `rows + offset` may not pass this. */
export const EXPORT_MAX_ROWS_PLUS_OFFSET = 100_000;

export function isExportField(name: string): name is ExportField {
  return Object.prototype.hasOwnProperty.call(EXPORT_FIELDS, name);
}

/** Why `field` cannot go with `type`, or undefined when it can; in `l10n`'s language (default English). */
export function exportFieldProblem(field: string, type: ExportType, l10n: Translator = ENGLISH): string | undefined {
  if (!isExportField(field)) return l10n.t('Unknown export field "{0}".', field);
  if (type === 'full_text' && !FULL_TEXT_FIELDS.includes(field)) return l10n.t('Full-text exports take only {0}; {1} is not one of them.', listOf(l10n, FULL_TEXT_FIELDS), field);
  if (field === 'DESC' && type !== 'full_text') return l10n.t('{0} (description) can only be exported as {1}.', 'DESC', 'full_text');
  if (field === 'CLMS' && type !== 'full_text' && type !== 'pdf') return l10n.t('{0} (claims) can only be exported as {1} or {2}.', 'CLMS', 'full_text', 'pdf');
  return undefined;
}
