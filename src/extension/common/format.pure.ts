/** Display formats shared by the tree, the panel and messages. Pure. */

/** yyyyMMdd (the API's dates) as ISO yyyy-MM-dd; undefined for anything else. */
export function formatYmd(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isInteger(value)) return undefined;
  const s = String(value);
  return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : undefined;
}

/** Grouped thousands, independent of the host's locale so tests and screenshots agree. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
