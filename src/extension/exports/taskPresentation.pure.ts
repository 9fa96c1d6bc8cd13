/**
 * How one tracked export task reads in the Exports view: label, description,
 * tooltip, icon and context value. No `vscode` import, so it is unit-tested.
 */
import * as path from 'node:path';
import { exportTaskExpiry } from '../../core/exports/expiry';
import { effectiveStatus, linkUsable } from '../../core/exports/taskState';
import type { ExportTaskRecord } from '../../core/exports/types';
import { formatLabel, shortenQuery } from './wizardModel.pure';
import { l10n } from '../common/l10n.pure';

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local time: `14:03` today, `2025-06-01 14:03` on another day. */
export function formatCreated(createdAt: string, now: number): string {
  const d = new Date(createdAt);
  const today = new Date(now);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

function statusText(record: ExportTaskRecord, now: number): string {
  switch (effectiveStatus(record, now)) {
    case 'pending':
      return l10n.t('PENDING {0}', formatDuration(now - Date.parse(record.createdAt)));
    case 'succeeded':
      return l10n.t('SUCCESS, not downloaded');
    case 'failed':
      return 'FAIL';
    case 'expired':
      return 'EXPIRED';
    case 'downloaded':
      return l10n.t('downloaded');
  }
}

export function taskLabel(record: ExportTaskRecord): string {
  return shortenQuery(record.query, 50);
}

/** `PENDING 2 min · CSV · 24 patents · 14:03` and, once saved, the file name; status first, as the side bar cuts the end. */
export function taskDescription(record: ExportTaskRecord, now: number): string {
  const parts = [statusText(record, now), formatLabel(record.params.exportType), record.count === 1 ? l10n.t('1 patent') : l10n.t('{0} patents', record.count.toLocaleString('en-US')), formatCreated(record.createdAt, now)];
  if (record.status === 'downloaded' && record.destination) parts.push(`→ ${path.basename(record.destination)}`);
  return parts.join(' · ');
}

export function taskTooltip(record: ExportTaskRecord, now: number): string {
  const status = effectiveStatus(record, now);
  const lines = [
    record.query,
    '',
    l10n.t('Status: {0}', statusText(record, now)),
    l10n.t('Format: {0} ({1})', formatLabel(record.params.exportType), record.params.fields.join(', ')),
    record.params.offset
      ? l10n.t('Patents: {0} of {1} requested, skipping {2}', record.count.toLocaleString('en-US'), record.params.rows.toLocaleString('en-US'), record.params.offset.toLocaleString('en-US'))
      : l10n.t('Patents: {0} of {1} requested', record.count.toLocaleString('en-US'), record.params.rows.toLocaleString('en-US')),
    l10n.t('Created: {0}', formatCreated(record.createdAt, now)),
    l10n.t('Task ID: {0}', record.id),
  ];
  if (record.destination) lines.push(record.status === 'downloaded' ? l10n.t('Saved to: {0}', record.destination) : l10n.t('Will be saved to: {0}', record.destination));
  if (status === 'succeeded' || status === 'downloaded') {
    const expiry = exportTaskExpiry(record.createdAt, record.succeededAt, now);
    if (record.succeededAt) lines.push(expiry.expired ? l10n.t('Download link expired') : l10n.t('Download link valid for {0}', formatDuration(expiry.remainingMs)));
  }
  if (status === 'expired') lines.push(record.succeededAt ? l10n.t('The download link has expired (links live 7 days): export again.') : l10n.t('The task id has expired (task ids live 24 hours): export again.'));
  if (record.error) lines.push(l10n.t('Last problem: {0}', record.error));
  return lines.join('\n');
}

export interface TaskIcon {
  /** A codicon id, e.g. `loading~spin`. */
  id: string;
  /** A theme colour id, when the state deserves one. */
  color?: string;
}

export function taskIcon(record: ExportTaskRecord, now: number): TaskIcon {
  switch (effectiveStatus(record, now)) {
    case 'pending':
      return { id: 'loading~spin' };
    case 'succeeded':
      return record.error ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: 'cloud-download' };
    case 'failed':
      return { id: 'error', color: 'problemsErrorIcon.foreground' };
    case 'expired':
      return { id: 'history', color: 'disabledForeground' };
    case 'downloaded':
      return { id: 'pass', color: 'testing.iconPassed' };
  }
}

/**
 * `exportTask.<status>` plus `.link` while the signed link can be downloaded;
 * package.json's menus match these with regular expressions.
 */
export function taskContextValue(record: ExportTaskRecord, now: number): string {
  return `exportTask.${effectiveStatus(record, now)}${linkUsable(record, now) ? '.link' : ''}`;
}
