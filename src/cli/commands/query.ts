/** What the query commands (count, facets, notebook) share: a query's blocking problems, and a query on one line. */
import type { QueryDiagnostic } from '../../core/query';

/** The messages of the problems that stop a query from being sent (warnings do not). */
export function queryErrors(diagnostics: readonly QueryDiagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.message} (at character ${d.start + 1})`);
}

/** The query as one line (a cell's lines joined), without control characters; shortened to `max` when given. */
export function oneLineQuery(query: string, max?: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const line = query.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return max !== undefined && line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
