/** Text helpers of the human output. */

/** yyyyMMdd (as the API gives dates) to yyyy-MM-dd. */
export function formatDate(value: number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count with its noun: "1 patent", "1,204 patents". */
export function counted(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 'B';
  for (const u of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = u;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
}

export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}\u2026`;
}

/**
 * A plain-text table. With `maxWidth` (a terminal's columns), the columns named
 * in `shrinkable` give up width, widest first, so a row fits on one line.
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: { maxWidth?: number; shrinkable?: readonly number[] } = {}): string {
  const gap = 2;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const { maxWidth, shrinkable = [] } = options;
  if (maxWidth !== undefined) {
    let excess = widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1) - maxWidth;
    while (excess > 0) {
      const widest = shrinkable.filter((i) => (widths[i] ?? 0) > 12).sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
      if (widest === undefined) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess--;
    }
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return i === cells.length - 1 ? truncate(c, w) : truncate(c, w).padEnd(w);
      })
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
