// The highest number each office has issued in each series, rounded up, as they stood
// at BOUNDS_AS_OF (from the offices' gazettes and the publication counts in WIPO's IP
// statistics). A number past its bound was never issued: in running text it is an
// amount or a code (`USD4,210,500` is not design patent D4,210,500). Raise a bound when
// an office gets near it; the headroom is about two years of that office's output.

/** The month these bounds hold for. */
export const BOUNDS_AS_OF = '2026-12';

/** Series name -> highest serial (inclusive) ever issued or about to be. */
export const SERIES_BOUNDS = {
  /** US utility patents: 12,000,000 issued June 2024; about 330,000 a year. */
  'US utility': 13_000_000,
  /** US design patents: D1,000,000 issued September 2023; about 50,000 a year. */
  'US design': 1_200_000,
  /** US reissues: RE49,000 reached 2020; about 600 a year. */
  'US reissue': 52_000,
  /** US plant patents: PP35,000 reached 2023; about 1,200 a year. */
  'US plant': 38_000,
  /** US statutory invention registrations: H1 in 1985 to about H2,300 when the AIA ended them (2013). */
  'US SIR': 2_400,
  /** US pre-grant publications: serials within one year stay below 0,500,000. */
  'US pre-grant serial': 700_000,
  /** EP publications: EP 4 000 000 in 2022; about 190,000 a year. */
  EP: 5_000_000,
  /** WO publications within one year: about 280,000 a year. */
  'WO serial': 400_000,
  /** CN invention publications (nine digits from 1…): CN 119… in 2025. */
  'CN invention': 122_000_000,
  /** CN utility models (2…): CN 223… in 2025. */
  'CN utility model': 228_000_000,
  /** CN designs (3…): CN 309… in 2025. */
  'CN design': 312_000_000,
  /** JP grants and registered utility models (seven digits): JP 7 600 000 in 2025; about 200,000 a year. */
  'JP grant': 8_200_000,
  /** KR patent registrations (10-…): 10-2 800 000 in 2025. */
  'KR patent registration': 3_200_000,
  /** KR utility model registrations (20-…). */
  'KR utility model registration': 500_000,
  /** KR design registrations (30-…): 30-1 300 000 in 2025. */
  'KR design registration': 1_500_000,
  /** DE seven-digit series (1877–1995) and the 8-digit series 195…/100… (1995–2004). */
  'DE 7-digit': 4_500_000,
  /** GB: GB 2 600 000 in 2022. */
  GB: 2_700_000,
  /** FR: FR 3 100 000 in 2021. */
  FR: 3_250_000,
  /** CA: CA 3 200 000 in 2023. */
  CA: 3_350_000,
  /** AU standard patents before 2002 (six digits): the series ended near 780,000. */
  'AU old': 800_000,
  /** TW invention grants (I…): I 850 000 in 2024. */
  'TW invention': 950_000,
  /** TW utility models (M…): M 660 000 in 2024. */
  'TW utility model': 720_000,
  /** TW designs (D…): D 230 000 in 2024. */
  'TW design': 260_000,
  /** IN patents (six digits): 500,000 reached 2023. */
  IN: 700_000,
  /** RU patents (seven digits from 2…): RU 2 830 000 in 2025. */
  RU: 2_900_000,
  /** RU utility models (six digits): 230,000 in 2024. */
  'RU utility model': 250_000,
  /** ES: ES 3 000 000 reached 2024. */
  ES: 3_200_000,
  /** IT grants of the old series (seven digits from 1…), which ended in 2015. */
  IT: 1_430_000,
  /** NL: NL 2 035 000 in 2024. */
  NL: 2_060_000,
  /** CH: CH 720 000 in 2023. */
  CH: 730_000,
  /** AT patents (six digits): AT 525 000 in 2024. */
  AT: 540_000,
  /** AT utility models: AT 18 000 U in 2024. */
  'AT utility model': 20_000,
  /** SE patents (six digits): SE 546 000 in 2024. */
  SE: 560_000,
  /** DK patents (six digits): DK 181 000 in 2024. */
  DK: 190_000,
  /** MX patents (six digits): MX 410 000 in 2024. */
  MX: 450_000,
} as const satisfies Record<string, number>;

export type Series = keyof typeof SERIES_BOUNDS;

/**
 * Checks the scanner can switch off for one reading, to tell why a number that reads as an
 * office's is impossible (`flagImpossible`), or only ambiguous (`kinds`: read without the kind
 * code or label a series needs to tell it from another document). Single-threaded: set, read once, reset.
 */
export const relaxed = { bounds: false, checkDigits: false, kinds: false };

const BOUND_DIGITS = Object.fromEntries(Object.entries(SERIES_BOUNDS).map(([k, v]) => [k, String(v)])) as Record<Series, string>;

/**
 * Whether `serial` (digits, no leading zeros beyond what the series writes) is within what the
 * office has issued in `series`. Compared as digit strings: this runs once per number found.
 */
export function withinBounds(series: Series, serial: string): boolean {
  if (relaxed.bounds) return true;
  const bound = BOUND_DIGITS[series];
  let i = 0;
  while (i < serial.length - 1 && serial.charCodeAt(i) === 0x30) i++;
  const len = serial.length - i;
  if (len !== bound.length) return len < bound.length;
  return (i === 0 ? serial : serial.slice(i)) <= bound;
}

/** Year-numbered series (WO, US pre-grant, JP, KR, AU, MX, …) hold no year past this one. */
export const LAST_YEAR = 2027;

/** Four digits at `pos` that make a year a year-numbered series can carry (`from`…LAST_YEAR). */
export function isSeriesYear(year: string, from = 1900): boolean {
  const y = Number(year);
  return year.length === 4 && y >= from && y <= LAST_YEAR;
}
