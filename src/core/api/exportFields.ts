import type { ExportType } from './types';

/**
 * Export fields (P055 `fields`). PatSnap's export instructions name more; these are
 * the ones this project offers and the sandbox serves. The rules of the contract:
 * full_text takes only PN, ABST, CLMS, DESC; DESC only with full_text; CLMS only
 * with full_text or pdf.
 */
export const EXPORT_FIELDS = {
  PN: 'Publication number',
  APNO: 'Application number',
  TTL: 'Title',
  ABST: 'Abstract',
  AN: 'Current assignee',
  IN: 'Inventors',
  APD: 'Application date',
  PBD: 'Publication date',
  IPC: 'IPC main class',
  CPC: 'CPC main class',
  LEGAL_STATUS: 'Simple legal status',
  CLMS: 'Claims',
  DESC: 'Description',
} as const;

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

/** Why `field` cannot go with `type`, or undefined when it can. */
export function exportFieldProblem(field: string, type: ExportType): string | undefined {
  if (!isExportField(field)) return `Unknown export field "${field}".`;
  if (type === 'full_text' && !FULL_TEXT_FIELDS.includes(field)) return `Full-text exports take only ${FULL_TEXT_FIELDS.join(', ')}; ${field} is not one of them.`;
  if (field === 'DESC' && type !== 'full_text') return 'DESC (description) can only be exported as full_text.';
  if (field === 'CLMS' && type !== 'full_text' && type !== 'pdf') return 'CLMS (claims) can only be exported as full_text or pdf.';
  return undefined;
}
