// Numbers in each office's printed style (`US 11,205,304 B2`, `EP 1 234 567 B1`,
// `WO 2020/123456 A1`, `JP 2020-123456 A`, `DE 10 2019 123 456 A1`), for "rewrite in the style
// the user picks". Every formatted number reads back to the same compact number.
import type { OfficeCode, PatentNumberMatch } from './types';

export type NumberStyle = 'office' | 'compact';

const commas = (d: string): string => d.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Groups of three from the right, by spaces: `1 234 567`. */
const thousands = (d: string): string => d.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

type Shape = Pick<PatentNumberMatch, 'number' | 'type' | 'office' | 'kind'>;

function body(m: Shape): string {
  const start = m.number.startsWith('PCT/') ? 0 : 2;
  return m.number.slice(start, m.kind ? m.number.length - m.kind.length : undefined);
}

const STYLES: Partial<Record<OfficeCode, (b: string, m: Shape) => string | undefined>> = {
  US(b, m) {
    if (m.type === 'application') {
      const [series, serial] = b.split('/');
      return `US ${series}/${commas(serial ?? '')}`;
    }
    if (/^\d{11}$/.test(b)) return `US ${b.slice(0, 4)}/${b.slice(4)}`;
    const p = /^(D|RE|PP)?(\d+)$/.exec(b);
    return p ? `US ${p[1] ?? ''}${commas(p[2] ?? '')}` : undefined;
  },
  EP(b, m) {
    if (m.type === 'application') return `EP ${b.slice(0, 2)} ${b.slice(2, 5)} ${b.slice(5)}`;
    return `EP ${thousands(b)}`;
  },
  WO: (b, m) => (m.type === 'application' ? m.number : `WO ${b.slice(0, 4)}/${b.slice(4)}`),
  JP(b, m) {
    if (m.type === 'application') return `Japanese Patent Application No. ${b}`;
    return b.length === 10 ? `JP ${b.slice(0, 4)}-${b.slice(4)}` : `JP ${b}`;
  },
  KR(b, m) {
    if (m.type === 'application') return `Korean Patent Application No. ${b}`;
    if (b.length === 11) return `KR ${m.kind === 'U' ? '20' : '10'}-${b.slice(0, 4)}-${b.slice(4)}`;
    return `KR ${b.slice(0, 2)}-${b.slice(2)}`;
  },
  DE(b) {
    const [digits, check] = b.split('.');
    const d = digits ?? '';
    const spaced =
      d.length === 12
        ? `${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6, 9)} ${d.slice(9)}`
        : d.length === 8
          ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
          : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`;
    return `DE ${spaced}${check === undefined ? '' : `.${check}`}`;
  },
  BR(b) {
    const old = /^(PI|MU)(\d+)$/.exec(b);
    return old ? `BR ${old[1]} ${old[2]}` : `BR ${b.slice(0, 2)} ${b.slice(2, 6)} ${b.slice(6)}`;
  },
  TW: (b, m) => (m.type === 'application' ? `Taiwan Patent Application No. ${b}` : `TW ${b}`),
  DK: (b) => (b.length === 9 ? `DK ${b.slice(0, 4)} ${b.slice(4)}` : `DK ${thousands(b)}`),
};

/** Offices that print short serials in groups of three (`FR 2 123 456 A1`, `CH 690 123 A5`). */
const GROUPED: ReadonlySet<OfficeCode> = new Set(['GB', 'FR', 'RU', 'ES', 'IT', 'NL', 'CH', 'AT', 'SE']);

/**
 * `number` (any form `parse` reads) in the office's printed style, or compact; undefined when it
 * is not a number. The result always reads back to the same compact number (else compact is given).
 */
export function formatNumber(m: Shape, style: NumberStyle, parse: (s: string) => Shape | undefined): string {
  if (style === 'compact') return m.number;
  const b = body(m);
  const styled = STYLES[m.office]?.(b, m) ?? (GROUPED.has(m.office) && b.length <= 7 ? `${m.office} ${thousands(b)}` : `${m.office} ${b}`);
  const full = styled && m.kind ? `${styled} ${m.kind}` : styled;
  return full && parse(full)?.number === m.number ? full : m.number;
}
