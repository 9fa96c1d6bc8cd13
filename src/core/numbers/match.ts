// Comparing numbers: the one place that says whether an answer's `pn` is the patent a
// (possibly kind-less) number names. Batched lookups, the hover's cache, the panel and the CLI use it.

/** Compact upper-case form, for comparing numbers as written with `pn` as answered: spaces and commas go. */
export function compactNumber(n: string): string {
  return n.replace(/[\s,]/g, '').toUpperCase();
}

/** `US11205304B2` -> `US11205304`; a number without kind code stays as it is. */
export function withoutKind(pn: string): string {
  return /^(.*\d)[A-Z]\d?$/.exec(pn)?.[1] ?? pn;
}

/**
 * Whether the service's `pn` answers `requested` (the answer first, always): the same
 * number; or `requested` has no kind and `pn` is it with one (`US7123456` <- `US7123456B2`);
 * or `requested` names only the kind's letter, as 特公 (B) or 実開 (U) imply, and `pn` adds
 * its digit (`JP1991041234B` <- `JP1991041234B2`).
 */
export function answersNumber(pn: string, requested: string): boolean {
  const a = compactNumber(pn);
  const q = compactNumber(requested);
  if (a === q) return true;
  if (withoutKind(q) === q) return withoutKind(a) === q;
  return a.length === q.length + 1 && a.startsWith(q) && /[A-Z]$/.test(q) && /\d$/.test(a);
}
