/**
 * The arguments `patentLookup.openPatent` and `patentLookup.showExaminationDocuments`
 * accept from every caller: a number string (links, other extensions), the
 * documented object form (hovers, the document view), or a results-tree node.
 * Pure; anything else is rejected rather than guessed at.
 */
import type { Section } from '../../webview/protocol';

export interface OpenPatentArgs {
  number?: string;
  patentId?: string;
  section?: 'documents';
}

export interface OpenPatentRequest {
  number?: string;
  patentId?: string;
  section?: Section;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** undefined when `arg` names no patent (the command then asks for a number). */
export function readOpenPatentArgs(arg: unknown): OpenPatentRequest | undefined {
  if (typeof arg === 'string') return str(arg) ? { number: str(arg) } : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  // A results-tree node carries its hit.
  const hit = typeof o.hit === 'object' && o.hit !== null ? (o.hit as Record<string, unknown>) : undefined;
  const number = str(o.number) ?? str(hit?.pn);
  const patentId = str(o.patentId) ?? str(hit?.patentId);
  if (!number && !patentId) return undefined;
  const request: OpenPatentRequest = {};
  if (number) request.number = number;
  if (patentId) request.patentId = patentId;
  if (o.section === 'documents') request.section = 'documents';
  return request;
}
