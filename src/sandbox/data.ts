/**
 * The sandbox's sample patents: a few hundred, generated at start-up from a fixed
 * seed (the same data on every run), built as families of one invention filed in
 * several offices. The canonical numbers the other parts test with (see the
 * common brief) are always present, with the ids and application numbers of
 * PatSnap's published examples.
 */
import { Random } from './random';
import { addDays, yearOf } from './dates';
import { article, cap, claimModel, designClaimModel, writeClaims, type ClaimModel, type SampleClaimSet } from './claims';
import { COMPANIES, LITERATURE, PERSON_NAMES, TOPICS, nameGroupOf, type Company, type Literature, type Topic } from './vocabulary';

/** The six main offices, and the national offices PatSnap also covers. */
export const MAIN_OFFICES = ['US', 'EP', 'WO', 'CN', 'JP', 'KR'] as const;
export const NATIONAL_OFFICES = ['DE', 'GB', 'FR', 'CA', 'AU', 'TW', 'IN', 'BR', 'RU', 'ES', 'IT', 'NL', 'CH', 'AT', 'SE', 'DK', 'MX'] as const;
export type Office = (typeof MAIN_OFFICES)[number] | (typeof NATIONAL_OFFICES)[number];
export type PatentType = 'APPLICATION' | 'PATENT' | 'UTILITY' | 'DESIGN';

export interface Party {
  name: string;
  address: string;
}

export interface Classification {
  main: string;
  further: string[];
}

export interface SamplePatent {
  patentId: string;
  /** Compact publication number, e.g. US11205304B2. */
  pn: string;
  office: Office;
  /** Serial without office and kind, as publication_reference.doc_number. */
  docNumber: string;
  kind: string;
  patentType: PatentType;
  apno: string;
  apdt: number;
  pbdt: number;
  /** Issue date, for grants only. */
  isd?: number;
  /** English title; `titles` also holds the original language where it differs. */
  title: string;
  titles: Array<{ lang: string; text: string }>;
  abstract: string;
  abstracts: Array<{ lang: string; text: string }>;
  /** Claim text per language, original first; empty when PatSnap has none (P018 answers without claims). */
  claims: SampleClaimSet[];
  /** P018 leaves the `parent` attribute out of this patent's dependent claims. */
  omitClaimParents: boolean;
  description: string;
  originalAssignees: Party[];
  currentAssignees: Party[];
  inventors: Party[];
  ipc: Classification;
  cpc: Classification;
  gbc: string[];
  /** Locarno class of a design; designs have no IPC or CPC. */
  loc?: string;
  priorityClaims: Array<{ country: string; doc_number: string; date: number }>;
  /** What it cites; always published before its application was filed. */
  citedPatents: SampleCitation[];
  citedOthers: Literature[];
  legalStatus: string[];
  /** An EP patent revoked after opposition. */
  opposition?: 'revoked';
  /** Simple (DOCDB) family, INPADOC family and PatSnap's extended family. */
  docdbFamily: string;
  inpadocFamily: string;
  extendFamily: string;
  hasPdf: boolean;
  hasDrawing: boolean;
  pct?: { filingDate: number; docNumber: string; entryDate: number; pubDate: number; pubNumber: string };
  /** Seeds this patent's drawing and examination documents. */
  seed: number;
  /** Documents in its file wrapper (0 for CN, which P048 does not serve). */
  examDocCount: number;
}

export interface SampleCitation {
  pn: string;
  /** Search-report categories: X, Y, A, D. */
  category: string[];
  /** APP applicant, EXA examiner, OPP opposition, TPO third party. */
  citeType: string[];
}

export interface SampleData {
  patents: readonly SamplePatent[];
  byId: ReadonlyMap<string, SamplePatent>;
  /** Key: upper-case pn. */
  byPn: ReadonlyMap<string, SamplePatent>;
  /** Key: upper-case pn without kind code; several patents may share one. */
  byBase: ReadonlyMap<string, readonly SamplePatent[]>;
  /** Key: normalised apno (see `apnoKey`). */
  byApno: ReadonlyMap<string, readonly SamplePatent[]>;
  /**
   * Publications after REFERENCE_DATE, oldest first: grants of pending applications (new
   * members of known families) and new inventions. Not part of the data until
   * `publishLater` publishes them, so that a search run again finds something new.
   */
  readonly later: readonly SamplePatent[];
  /** Up to when the later publications are published; undefined while none are. */
  readonly publishedUntil: number | undefined;
}

/** Publication dates stop here, so the data does not depend on the day it is generated. */
export const REFERENCE_DATE = 20250630;
/** The later publications (see `publishLater`) run from the day after REFERENCE_DATE to this day. */
export const LATER_UNTIL = 20251231;
const LATER_DAYS = 184;
/** Priority dates of the later inventions start here (first publication some 18 months on). */
const LATER_PRIORITY_FROM = 20240115;
const LATER_INVENTIONS = 30;

/** The pn without its kind code: US11205304B2 -> US11205304, USD912345S -> USD912345. */
export function pnBase(pn: string): string {
  return pn.toUpperCase().replace(/(\d)[A-Z]\d?$/, '$1');
}

export function apnoKey(apno: string): string {
  return apno.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// ---- number formats -----------------------------------------------------------

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Piecewise-linear serial of the first number of a year, to make numbers plausible for their date. */
function serialFor(table: ReadonlyArray<readonly [number, number]>, ymd: number): number {
  const y = yearOf(ymd) + ((Math.floor(ymd / 100) % 100) - 1) / 12;
  const first = table[0] as readonly [number, number];
  if (y <= first[0]) return first[1];
  for (let i = 1; i < table.length; i++) {
    const [y1, s1] = table[i] as readonly [number, number];
    const [y0, s0] = table[i - 1] as readonly [number, number];
    if (y <= y1) return Math.round(s0 + ((s1 - s0) * (y - y0)) / (y1 - y0));
  }
  return (table[table.length - 1] as readonly [number, number])[1];
}

const US_GRANTS: ReadonlyArray<readonly [number, number]> = [
  [1995, 5377000], [2000, 6009000], [2005, 6836000], [2010, 7640000], [2013, 8341000], [2015, 8925000],
  [2017, 9532000], [2019, 10165000], [2021, 10881000], [2023, 11540000], [2025, 12185000], [2027, 12800000],
];
const EP_PUBS: ReadonlyArray<readonly [number, number]> = [
  [1996, 700000], [2000, 990000], [2004, 1380000], [2008, 1870000], [2012, 2410000], [2016, 2980000],
  [2020, 3590000], [2024, 4330000], [2027, 4900000],
];
const CN_PUBS: ReadonlyArray<readonly [number, number]> = [
  [2007, 100900000], [2010, 101600000], [2014, 103500000], [2018, 107400000], [2022, 113700000], [2026, 120000000],
];
const JP_GRANTS: ReadonlyArray<readonly [number, number]> = [
  [1996, 2500000], [2005, 3600000], [2010, 4400000], [2015, 5700000], [2020, 6600000], [2025, 7500000],
];
const KR_GRANTS: ReadonlyArray<readonly [number, number]> = [
  [2000, 250000], [2010, 960000], [2015, 1500000], [2020, 2100000], [2022, 2350000], [2025, 2750000],
];

// National offices: serials at the start of each year, as each office numbers its publications.
const GB_PUBS: ReadonlyArray<readonly [number, number]> = [[2000, 2340000], [2005, 2405000], [2010, 2470000], [2013, 2500000], [2016, 2535000], [2020, 2580000], [2024, 2625000], [2027, 2660000]];
const FR_PUBS: ReadonlyArray<readonly [number, number]> = [[2000, 2790000], [2007, 2900000], [2014, 3000000], [2021, 3100000], [2027, 3190000]];
const CA_PUBS: ReadonlyArray<readonly [number, number]> = [[2000, 2300000], [2005, 2520000], [2010, 2700000], [2015, 2890000], [2017, 3000000], [2020, 3080000], [2023, 3200000], [2027, 3300000]];
const TW_GRANTS: ReadonlyArray<readonly [number, number]> = [[2004, 220000], [2007, 280000], [2010, 330000], [2015, 500000], [2017, 600000], [2020, 700000], [2023, 800000], [2027, 900000]];
const IN_GRANTS: ReadonlyArray<readonly [number, number]> = [[2010, 240000], [2015, 268000], [2018, 300000], [2020, 350000], [2022, 400000], [2024, 500000], [2027, 600000]];
const RU_GRANTS: ReadonlyArray<readonly [number, number]> = [[2000, 2140000], [2005, 2250000], [2010, 2380000], [2015, 2540000], [2019, 2700000], [2021, 2750000], [2023, 2800000], [2027, 2860000]];
const ES_PUBS: ReadonlyArray<readonly [number, number]> = [[2000, 2150000], [2005, 2240000], [2010, 2340000], [2015, 2540000], [2019, 2710000], [2022, 2900000], [2027, 3010000]];
const NL_PUBS: ReadonlyArray<readonly [number, number]> = [[2009, 2002000], [2013, 2010000], [2018, 2020000], [2022, 2030000], [2027, 2038000]];
const CH_PUBS: ReadonlyArray<readonly [number, number]> = [[2008, 697000], [2012, 705000], [2015, 710000], [2017, 713000], [2019, 715500], [2022, 718500], [2027, 722000]];
const AT_PUBS: ReadonlyArray<readonly [number, number]> = [[2010, 508000], [2015, 516000], [2019, 521000], [2022, 525000], [2027, 530000]];
const SE_GRANTS: ReadonlyArray<readonly [number, number]> = [[2010, 534000], [2015, 538000], [2019, 543000], [2022, 545500], [2027, 548500]];
const DK_GRANTS: ReadonlyArray<readonly [number, number]> = [[2015, 178500], [2019, 180000], [2022, 181000], [2027, 182500]];
const MX_GRANTS: ReadonlyArray<readonly [number, number]> = [[2010, 280000], [2015, 330000], [2019, 365000], [2022, 390000], [2027, 420000]];

const US_SERIES: ReadonlyArray<readonly [number, string]> = [
  [1997, '08'], [2001, '09'], [2005, '10'], [2008, '11'], [2011, '12'], [2014, '13'], [2016, '14'], [2018, '15'],
  [2020, '16'], [2022, '17'], [9999, '18'],
];

/** Check digit of a Chinese application number (weights 2..9,2..5 over the 12 digits, mod 11, 10 = X). */
export function cnCheckDigit(digits: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (weights[i] as number);
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

class Numbering {
  private readonly used = new Set<string>();
  private readonly usedBases = new Set<string>();

  /** Swapped for their own generator when the later publications are made. */
  constructor(public rng: Random) {}

  reserve(pn: string): void {
    this.used.add(pn);
    this.usedBases.add(pnBase(pn));
  }

  /** A fresh base (pn without kind) from `make`, retried until unused. */
  freshBase(make: () => string): string {
    for (;;) {
      const base = make();
      if (!this.usedBases.has(base)) {
        this.usedBases.add(base);
        return base;
      }
    }
  }

  publication(office: Office, kind: string, pbdt: number, sharedBase?: string, apdt?: number): string {
    if (sharedBase) {
      const pn = sharedBase + kind;
      this.used.add(pn);
      return pn;
    }
    const r = this.rng;
    const y = yearOf(pbdt);
    // Offices that number by filing year (DE, AU, IN, BR, RU, IT, SE, DK, MX) use the application's year.
    const fy = yearOf(apdt ?? pbdt);
    const base = this.freshBase(() => {
      switch (office) {
        case 'US':
          if (kind === 'A1') return `US${y}${pad(r.int(1, 399999), 7)}`;
          if (kind === 'S') return `USD${r.int(700000, 999999)}`;
          return `US${serialFor(US_GRANTS, pbdt) + r.int(0, 20000)}`;
        case 'EP':
          return `EP${pad(serialFor(EP_PUBS, pbdt) + r.int(0, 60000), 7)}`;
        case 'WO':
          return `WO${y}${pad(r.int(1, 199999), 6)}`;
        case 'CN':
          if (kind === 'U') return `CN${r.int(201000000, 219999999)}`;
          if (kind === 'S') return `CN${r.int(301000000, 309999999)}`;
          return `CN${serialFor(CN_PUBS, pbdt) + r.int(0, 400000)}`;
        case 'JP':
          if (kind === 'A') return `JP${y}${pad(r.int(1, 229999), 6)}`;
          return `JP${serialFor(JP_GRANTS, pbdt) + r.int(0, 80000)}`;
        case 'KR':
          if (kind === 'A') return `KR${y}${pad(r.int(1, 179999), 7)}`;
          return `KR10${pad(serialFor(KR_GRANTS, pbdt) + r.int(0, 40000), 7)}`;
        case 'DE':
          if (kind === 'U1') return `DE20${fy}${pad(r.int(100000, 106999), 6)}`;
          if (kind === 'T2') return `DE60${fy}${pad(r.int(0, 99999), 6)}`;
          return `DE10${fy}${pad(r.int(100000, 135999), 6)}`;
        case 'GB':
          return `GB${serialFor(GB_PUBS, pbdt) + r.int(0, 9000)}`;
        case 'FR':
          return `FR${serialFor(FR_PUBS, pbdt) + r.int(0, 9000)}`;
        case 'CA':
          return `CA${serialFor(CA_PUBS, pbdt) + r.int(0, 20000)}`;
        case 'AU':
          if (kind === 'A4') return `AU${fy}10${pad(r.int(0, 4999), 4)}`;
          return `AU${fy}${pad(r.int(200000, 289999), 6)}`;
        case 'TW':
          if (kind === 'B') return `TWI${pad(serialFor(TW_GRANTS, pbdt) + r.int(0, 20000), 6)}`;
          if (kind === 'U') return `TWM${r.int(500000, 640000)}`;
          return `TW${y}${pad(r.int(10000, 49999), 5)}`;
        case 'IN':
          if (kind === 'B') return `IN${serialFor(IN_GRANTS, pbdt) + r.int(0, 20000)}`;
          return `IN${fy}${r.pick(['11', '21', '31', '41', '17', '47'])}${pad(r.int(0, 59999), 6)}`;
        case 'BR':
          if (kind.startsWith('U')) return `BR20${fy}${pad(r.int(0, 29999), 6)}`;
          return `BR1${r.pick(['0', '1'])}${fy}${pad(r.int(0, 29999), 6)}`;
        case 'RU':
          if (kind === 'A') return `RU${fy}${pad(r.int(100000, 140000), 6)}`;
          if (kind === 'U1') return `RU${r.int(190000, 225000)}`;
          return `RU${serialFor(RU_GRANTS, pbdt) + r.int(0, 20000)}`;
        case 'ES':
          return `ES${serialFor(ES_PUBS, pbdt) + r.int(0, 20000)}`;
        case 'IT':
          return `IT${fy}${pad(r.int(1, 30000), 8)}`;
        case 'NL':
          return `NL${serialFor(NL_PUBS, pbdt) + r.int(0, 3000)}`;
        case 'CH':
          return `CH${serialFor(CH_PUBS, pbdt) + r.int(0, 2000)}`;
        case 'AT':
          if (kind === 'U1') return `AT${r.int(16000, 18000)}`;
          return `AT${serialFor(AT_PUBS, pbdt) + r.int(0, 1500)}`;
        case 'SE':
          if (kind.startsWith('C')) return `SE${serialFor(SE_GRANTS, pbdt) + r.int(0, 1500)}`;
          return `SE${pad(fy % 100, 2)}5${pad(r.int(0, 1999), 4)}`;
        case 'DK':
          if (kind === 'B1') return `DK${serialFor(DK_GRANTS, pbdt) + r.int(0, 800)}`;
          return `DK${fy}70${pad(r.int(0, 999), 3)}`;
        case 'MX':
          if (kind === 'B') return `MX${serialFor(MX_GRANTS, pbdt) + r.int(0, 10000)}`;
          return `MX${fy}${pad(r.int(1, 15999), 6)}`;
      }
    });
    const pn = base + kind;
    this.used.add(pn);
    return pn;
  }

  application(office: Office, apdt: number, homeCountry: string, cnType = '1'): string {
    const r = this.rng;
    const y = yearOf(apdt);
    switch (office) {
      case 'US': {
        const series = cnType === '3' ? '29' : (US_SERIES.find(([until]) => y < until) as readonly [number, string])[1];
        return `US${series}/${pad(r.int(100000, 999999), 6)}`;
      }
      case 'EP':
        return `EP${pad(y % 100, 2)}${pad(r.int(100000, 999999), 6)}.${r.int(0, 9)}`;
      case 'WO':
        return `PCT/${homeCountry}${y}/${pad(r.int(1, 99999), 6)}`;
      case 'CN': {
        const digits = `${y}${cnType}${pad(r.int(0, 9999999), 7)}`;
        return `CN${digits}.${cnCheckDigit(digits)}`;
      }
      case 'JP':
        return `JP${y}-${pad(r.int(1, 299999), 6)}`;
      case 'KR':
        return `KR10-${y}-${pad(r.int(1, 199999), 7)}`;
      case 'GB':
        return `GB${pad(y % 100, 2)}${pad(r.int(0, 19999), 5)}.${r.int(0, 9)}`;
      case 'FR':
        return `FR${pad(y % 100, 2)}${pad(r.int(50000, 59999), 5)}`;
      case 'TW':
        return `TW${pad(y - 1911, 3)}${pad(r.int(100000, 149999), 6)}`;
      case 'ES':
        return `ES${y}3${pad(r.int(0, 1999), 4)}`;
      case 'CH':
        return `CH${pad(r.int(1, 1600), 5)}/${pad(y % 100, 2)}`;
      case 'AT':
        return `ATA${r.int(50000, 51200)}/${y}`;
      case 'SE':
        return `SE${pad(y % 100, 2)}5${pad(r.int(0, 1999), 4)}-${r.int(0, 9)}`;
      case 'DK':
        return `DKPA${y}70${pad(r.int(0, 999), 3)}`;
      case 'MX':
        return `MX/a/${y}/${pad(r.int(1, 15999), 6)}`;
      case 'IT':
        return `IT10${y}${pad(r.int(1, 30000), 9)}`;
      case 'RU':
        return `RU${y}${pad(r.int(100000, 140000), 6)}`;
      default:
        // DE, CA, AU, IN, BR, NL: the application number is the first publication's (see applicationFromPublication).
        return `${office}${y}${pad(r.int(100000, 199999), 6)}`;
    }
  }
}

/**
 * Offices that publish an application under its own number: the application number
 * read back from the first publication (DE102019123456A1 -> DE102019123456,
 * SE1950123A1 -> SE1950123-4, DK201970123A1 -> DKPA201970123, MX2019012345A -> MX/a/2019/012345).
 */
function applicationFromPublication(office: Office, pn: string, rng: Random): string | undefined {
  const base = pnBase(pn);
  const digits = base.slice(2);
  const kind = pn.slice(base.length);
  switch (office) {
    case 'DE':
    case 'CA':
    case 'AU':
    case 'IN':
    case 'BR':
    case 'NL':
      return base;
    case 'RU':
      return kind === 'A' ? base : undefined;
    case 'SE':
      return kind === 'A1' ? `${base}-${rng.int(0, 9)}` : undefined;
    case 'DK':
      return kind === 'A1' ? `DKPA${digits}` : undefined;
    case 'MX':
      return kind === 'A' ? `MX/a/${digits.slice(0, 4)}/${digits.slice(4)}` : undefined;
    case 'IT':
      return `IT10${digits.slice(0, 4)}0${digits.slice(4)}`;
    default:
      return undefined;
  }
}

// ---- inventions ---------------------------------------------------------------

interface Invention {
  index: number;
  topic: Topic;
  company: Company;
  design: boolean;
  prio: number;
  prioOffice: Office;
  title: string;
  titleZh: string;
  abstract: string;
  abstractZh: string;
  claims: ClaimModel;
  loc?: string;
  description: string;
  inventors: Party[];
  original: Party;
  current: Party;
  ipc: Classification;
  cpc: Classification;
  inpadoc: string;
  extend: string;
}

interface PubSpec {
  kind: string;
  pn?: string;
  pbdt?: number;
  patentId?: string;
  hasPdf?: boolean;
  /** Default: all but a few have claim text. */
  hasClaims?: boolean;
  examDocCount?: number;
}

interface MemberSpec {
  office: Office;
  apno?: string;
  apdt?: number;
  pubs: PubSpec[];
  status?: string[];
  cnType?: string;
  /** An EP grant revoked after opposition. */
  opposition?: 'revoked';
  /** Offices where a granted EP member is validated with a translation (DE T2, ES T3, DK T3, AT T). */
  validations?: Office[];
}

interface InventionOverrides {
  topic: string;
  company: string;
  prio: number;
  prioOffice?: Office;
  title?: string;
  titleZh?: string;
  abstract?: string;
  /** What is claimed and what for, from the topic's words: keeps a canonical patent's title and claims about one thing. */
  object?: string;
  purpose?: string;
  design?: boolean;
  /** Shares the INPADOC family of the invention just before it (a continuation, a divisional). */
  continues?: boolean;
  members: MemberSpec[];
}


const DESIGN_OBJECTS: ReadonlyArray<{ en: string; zh: string; loc: string }> = [
  { en: 'Wearable electronic device', zh: '可穿戴电子设备', loc: '14-03' },
  { en: 'Headset', zh: '头戴设备', loc: '14-01' },
  { en: 'Automobile', zh: '汽车', loc: '12-08' },
  { en: 'Battery charger', zh: '电池充电器', loc: '13-02' },
  { en: 'Industrial robot', zh: '工业机器人', loc: '15-99' },
];

const CLOSING_SENTENCES = [
  'A corresponding method and a non-transitory computer-readable medium are also disclosed.',
  'The arrangement reduces cost and improves reliability.',
  'Embodiments allow the device to be manufactured with fewer steps.',
  'Various other embodiments are described.',
];

function makeText(rng: Random, topic: Topic, design: boolean, o?: InventionOverrides): Pick<Invention, 'title' | 'titleZh' | 'abstract' | 'abstractZh' | 'claims' | 'description' | 'loc'> {
  const designTitle = o?.title;
  if (design) {
    const d = DESIGN_OBJECTS.find((x) => x.en === designTitle) ?? rng.pick(DESIGN_OBJECTS);
    const title = d.en;
    return {
      title,
      titleZh: d.zh,
      abstract: `The ornamental design for ${article(title)} ${title.toLowerCase()}, as shown and described.`,
      abstractZh: `本外观设计产品的名称是${d.zh}。`,
      claims: designClaimModel(title),
      description: `FIG. 1 is a front perspective view of ${article(title)} ${title.toLowerCase()} showing our new design.`,
      loc: d.loc,
    };
  }
  const obj = topic.objects.find((x) => x.en === o?.object) ?? rng.pick(topic.objects);
  const purpose = topic.purposes.find((x) => x === o?.purpose) ?? rng.pick(topic.purposes);
  const [f1, f2, f3] = rng.sample(topic.features, 3) as [string, string, string | undefined];
  const pattern = rng.int(0, 3);
  const title =
    pattern === 0 ? `${cap(obj.en)} and method for ${purpose}`
    : pattern === 1 ? `Method for ${purpose} using ${article(obj.en)} ${obj.en}`
    : pattern === 2 ? `${cap(obj.en)} with ${f1}`
    : `Systems and methods for ${purpose} in ${article(obj.en)} ${obj.en}`;
  const titleZh = rng.pick([`一种${obj.zh}及其控制方法`, `${obj.zh}及其制造方法`, `一种用于${obj.zh}的方法和装置`]);
  const abstract =
    `${cap(article(obj.en))} ${obj.en} comprises ${f1} and ${f2}. ` +
    `The ${obj.en} is configured for ${purpose}${f3 ? `, wherein ${f3} is provided` : ''}. ${rng.pick(CLOSING_SENTENCES)}`;
  const claims = claimModel(rng, topic, obj, purpose, [f1, f2, ...(f3 ? [f3] : [])]);
  const description =
    `TECHNICAL FIELD\nThe present disclosure relates to ${obj.en} technology, and in particular to ${purpose}.\n` +
    `BACKGROUND\nKnown designs of ${article(obj.en)} ${obj.en} leave room for improvement.\n` +
    `SUMMARY\n${abstract}\nDETAILED DESCRIPTION\nIn one embodiment, ${f1} cooperates with ${f2}.`;
  return { title, titleZh, abstract, abstractZh: `本发明公开了一种${obj.zh}。`, claims, description };
}

function personName(rng: Random, company: Company): string {
  const names = PERSON_NAMES[nameGroupOf(company)];
  const given = rng.pick(names.given);
  const family = rng.pick(names.family);
  return names.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

function classification(rng: Random, codes: readonly string[]): Classification {
  const [main, ...further] = rng.sample(codes, rng.int(1, 3)) as [string, ...string[]];
  return { main, further };
}

const APP_KIND: Readonly<Record<Office, string | undefined>> = {
  US: 'A1', EP: 'A1', WO: 'A1', CN: 'A', JP: 'A', KR: 'A', DE: 'A1', GB: 'A', FR: 'A1', CA: 'A1', AU: 'A1', TW: 'A', IN: 'A', BR: 'A2', RU: 'A',
  ES: 'A1', IT: 'A1', NL: undefined, CH: 'A1', AT: 'A1', SE: 'A1', DK: 'A1', MX: 'A',
};
const GRANT_KIND: Readonly<Record<Office, string | undefined>> = {
  US: 'B2', EP: 'B1', WO: undefined, CN: 'B', JP: 'B2', KR: 'B1', DE: 'B4', GB: 'B', FR: 'B1', CA: 'C', AU: 'B2', TW: 'B', IN: 'B', BR: 'B1', RU: 'C2',
  ES: 'B2', IT: 'B1', NL: 'B1', CH: 'B1', AT: 'B1', SE: 'C2', DK: 'B1', MX: 'B',
};
// ---- the canonical families ---------------------------------------------------

const CANONICAL: readonly InventionOverrides[] = [
  {
    topic: 'xr', company: 'MAGIC LEAP, INC.', prio: 20140508,
    object: 'augmented reality display system', purpose: 'displaying user interfaces for augmented or virtual reality',
    title: 'Systems and methods for rendering user interfaces for augmented or virtual reality',
    abstract:
      'An augmented reality display system comprises a passable world model data comprises a set of map points corresponding to one or more objects of the real world. ' +
      'The augmented reality system also comprises a processor that renders virtual content relative to the map points, for virtual reality and augmented reality user interfaces.',
    members: [
      { office: 'US', apno: 'US14/706838', apdt: 20150507, pubs: [{ kind: 'B2', pn: 'US11205304B2', pbdt: 20211221, patentId: '718ead9c-4f3c-4674-8f5a-24e126827269', hasPdf: true, examDocCount: 98 }], status: ['Active'] },
      { office: 'WO', apdt: 20150508, pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
      { office: 'KR', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'semiconductor', company: 'INTEL CORPORATION', prio: 20040521,
    title: 'Systems and methods for increasing integration density in a field-effect transistor', object: 'field-effect transistor', purpose: 'increasing integration density',
    members: [
      {
        office: 'US', apno: 'US10/851234', apdt: 20040521,
        pubs: [
          { kind: 'A1', pn: 'US20050262868A1', pbdt: 20051124, patentId: 'ddfc29cf-71c6-4bb3-b35b-10f256767152', hasPdf: false, hasClaims: false },
          { kind: 'B2', pn: 'US7123456B2', pbdt: 20061017, hasPdf: true },
        ],
        status: ['Inactive'],
      },
      { office: 'EP', pubs: [{ kind: 'A1', hasPdf: true }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'battery', company: 'TESLA, INC.', prio: 20170314,
    title: 'Systems and methods for thermal runaway prevention in a lithium-ion battery', object: 'lithium-ion battery', purpose: 'thermal runaway prevention',
    members: [
      { office: 'US', apno: 'US15/458123', apdt: 20170314, pubs: [{ kind: 'B1', pn: 'US10123456B1', pbdt: 20181113 }], status: ['Active'] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'ml', company: 'GOOGLE LLC', prio: 20171020,
    title: 'Method for natural language understanding using a machine learning model', object: 'machine learning model', purpose: 'natural language understanding',
    members: [
      { office: 'US', apno: 'US16/165432', apdt: 20181019, pubs: [{ kind: 'A1', pn: 'US20190123456A1', pbdt: 20190425 }], status: ['Pending'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'xr', company: 'APPLE INC.', prio: 20191105, design: true, title: 'Headset', titleZh: '头戴设备',
    members: [{ office: 'US', apno: 'US29/712345', apdt: 20191105, pubs: [{ kind: 'S', pn: 'USD912345S', pbdt: 20210302 }], status: ['Active'] }],
  },
  {
    topic: 'wireless', company: 'QUALCOMM INCORPORATED', prio: 20131218,
    title: 'Wireless communication device with a plurality of antenna elements', object: 'wireless communication device',
    members: [{ office: 'US', apno: 'US14/133456', apdt: 20131218, pubs: [{ kind: 'E', pn: 'USRE45678E', pbdt: 20150929 }], status: ['Active'] }],
  },
  {
    topic: 'motor', company: 'SIEMENS AKTIENGESELLSCHAFT', prio: 20000811,
    title: 'Systems and methods for cooling the stator in a motor drive circuit', object: 'motor drive circuit', purpose: 'cooling the stator',
    members: [
      { office: 'EP', apno: 'EP01965123.4', apdt: 20010810, pubs: [{ kind: 'B1', pn: 'EP1234567B1', pbdt: 20050406 }], status: ['Inactive'], opposition: 'revoked' },
      { office: 'US', pubs: [{ kind: 'B2' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'vehicle', company: 'ROBERT BOSCH GMBH', prio: 20101126,
    title: 'Method for parking assistance using an autonomous vehicle', object: 'autonomous vehicle', purpose: 'parking assistance',
    members: [
      { office: 'EP', apno: 'EP11190123.8', apdt: 20111122, pubs: [{ kind: 'B1', pn: 'EP2458380B1', pbdt: 20150311 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'xr', company: 'SONY GROUP CORPORATION', prio: 20181214, prioOffice: 'JP',
    title: 'Method for displaying user interfaces for augmented or virtual reality using a virtual reality headset', object: 'virtual reality headset', purpose: 'displaying user interfaces for augmented or virtual reality',
    members: [
      { office: 'JP', apno: 'JP2018-234567', apdt: 20181214, pubs: [{ kind: 'A', pn: 'JP2020123456A', pbdt: 20200813 }], status: ['Pending'] },
      { office: 'WO', apno: 'PCT/JP2019/045678', apdt: 20191122, pubs: [{ kind: 'A1', pn: 'WO2020123456A1', pbdt: 20200618 }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'medical', company: 'MEDTRONIC, INC.', prio: 19960918,
    title: 'Method for cardiac pacing using a surgical stapler', object: 'surgical stapler', purpose: 'cardiac pacing',
    members: [
      { office: 'WO', apno: 'PCT/US1997/016543', apdt: 19970917, pubs: [{ kind: 'A1', pn: 'WO1998012345A1', pbdt: 19980326 }] },
      { office: 'US', pubs: [{ kind: 'B1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'wireless', company: 'HUAWEI TECHNOLOGIES CO., LTD.', prio: 20120315, prioOffice: 'CN',
    title: 'Antenna array and method for channel state feedback', titleZh: '天线阵列及其制造方法', object: 'antenna array', purpose: 'channel state feedback',
    members: [
      { office: 'CN', apno: 'CN201380014118.3', apdt: 20130315, pubs: [{ kind: 'A', pn: 'CN104169186A', pbdt: 20141126, patentId: '52ee4f52-3edc-4e41-854e-c76dd8b7d14f' }], status: ['Active'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'vehicle', company: 'BYD COMPANY LIMITED', prio: 20151123, design: true, title: 'Automobile', titleZh: '汽车',
    members: [{ office: 'CN', apno: 'CN201530456789.7', apdt: 20151123, pubs: [{ kind: 'S', pn: 'CN303649457S', pbdt: 20160504 }], status: ['Active'], cnType: '3' }],
  },
  {
    topic: 'vehicle', company: 'TOYOTA JIDOSHA KABUSHIKI KAISHA', prio: 19941227,
    title: 'Method for parking assistance using a driver assistance system', object: 'driver assistance system', purpose: 'parking assistance',
    members: [{ office: 'JP', apno: 'JP1994-325678', apdt: 19941227, pubs: [{ kind: 'A', pn: 'JP1996179521A', pbdt: 19960712 }], status: ['Inactive'] }],
  },
  {
    topic: 'semiconductor', company: 'SAMSUNG ELECTRONICS CO., LTD.', prio: 20180725,
    title: 'Memory cell array and method for manufacturing at low temperature', object: 'memory cell array', purpose: 'manufacturing at low temperature',
    members: [
      {
        office: 'KR', apno: 'KR10-2018-0086543', apdt: 20180725,
        pubs: [{ kind: 'A', pn: 'KR20200012345A', pbdt: 20200205 }, { kind: 'B1', pn: 'KR102355140B1', pbdt: 20220125 }],
        status: ['Active'],
      },
      { office: 'US', pubs: [{ kind: 'A1' }, { kind: 'B2' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  // Application numbers that resolve (P069): a US application with its pre-grant publication and grant, a Chinese one.
  {
    topic: 'wireless', company: 'QUALCOMM INCORPORATED', prio: 20211108,
    title: 'Techniques for using multiple symbols to provide feedback for a sidelink transmission',
    members: [
      { office: 'US', apno: 'US17/521392', apdt: 20211108, pubs: [{ kind: 'A1', pn: 'US20230145678A1', pbdt: 20230511 }, { kind: 'B2', pn: 'US11985678B2', pbdt: 20240514 }], status: ['Active'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'battery', company: 'CONTEMPORARY AMPEREX TECHNOLOGY CO., LIMITED', prio: 20150909, prioOffice: 'CN',
    members: [
      { office: 'CN', apno: 'CN201510570472.5', apdt: 20150909, pubs: [{ kind: 'A', pn: 'CN105161234A', pbdt: 20151216 }, { kind: 'B', pn: 'CN105161234B', pbdt: 20180622 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }, { kind: 'B2' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }, { kind: 'B1' }], validations: ['DE', 'ES'] },
      { office: 'JP', pubs: [{ kind: 'A' }, { kind: 'B2' }] },
    ],
  },
  // A PCT application still in its designated period (30 months from priority not yet past).
  {
    topic: 'ml', company: 'GOOGLE LLC', prio: 20230315,
    members: [
      { office: 'WO', apdt: 20240312, pubs: [{ kind: 'A1', pn: 'WO2024191234A1', pbdt: 20240919 }] },
      { office: 'US', apdt: 20230315, pubs: [{ kind: 'A1' }] },
    ],
  },
  // One family per national office, first filed at home, numbered as that office numbers.
  {
    topic: 'vehicle', company: 'ROBERT BOSCH GMBH', prio: 20190910, prioOffice: 'DE',
    members: [
      { office: 'DE', apno: 'DE102019123456', apdt: 20190910, pubs: [{ kind: 'A1', pn: 'DE102019123456A1', pbdt: 20210311 }], status: ['Pending'] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'motor', company: 'DYSON TECHNOLOGY LIMITED', prio: 20130326, prioOffice: 'GB',
    members: [
      { office: 'GB', apno: 'GB1305432.1', apdt: 20130326, pubs: [{ kind: 'A', pn: 'GB2512345A', pbdt: 20141001 }, { kind: 'B', pn: 'GB2512345B', pbdt: 20160113 }], status: ['Active'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
      { office: 'US', pubs: [{ kind: 'A1' }, { kind: 'B2' }] },
      { office: 'CN', pubs: [{ kind: 'A' }, { kind: 'B' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'battery', company: 'VALEO SYSTEMES THERMIQUES', prio: 20131022, prioOffice: 'FR',
    members: [
      { office: 'FR', apno: 'FR1360234', apdt: 20131022, pubs: [{ kind: 'A1', pn: 'FR3012345A1', pbdt: 20150424 }, { kind: 'B1', pn: 'FR3012345B1', pbdt: 20161230 }], status: ['Active'] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'vehicle', company: 'BOMBARDIER INC.', prio: 20141120, prioOffice: 'US',
    members: [
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'CA', apno: 'CA2912345', apdt: 20151118, pubs: [{ kind: 'A1', pn: 'CA2912345A1', pbdt: 20160526 }, { kind: 'C', pn: 'CA2912345C', pbdt: 20190702 }], status: ['Active'] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'medical', company: 'COCHLEAR LIMITED', prio: 20180425, prioOffice: 'AU',
    members: [
      { office: 'AU', apno: 'AU2019123456', apdt: 20190424, pubs: [{ kind: 'A1', pn: 'AU2019123456A1', pbdt: 20191114 }, { kind: 'B2', pn: 'AU2019123456B2', pbdt: 20210318 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'semiconductor', company: 'TAIWAN SEMICONDUCTOR MANUFACTURING COMPANY, LTD.', prio: 20180604, prioOffice: 'TW',
    members: [
      { office: 'TW', apno: 'TW107119234', apdt: 20180604, pubs: [{ kind: 'A', pn: 'TW201912345A', pbdt: 20191201 }, { kind: 'B', pn: 'TWI712345B', pbdt: 20201201 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }, { kind: 'B2' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
      { office: 'KR', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'ml', company: 'TATA CONSULTANCY SERVICES LIMITED', prio: 20190327, prioOffice: 'IN',
    members: [
      { office: 'IN', apno: 'IN201921012345', apdt: 20190327, pubs: [{ kind: 'A', pn: 'IN201921012345A', pbdt: 20201002 }, { kind: 'B', pn: 'IN412345B', pbdt: 20220930 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'vehicle', company: 'EMBRAER S.A.', prio: 20190614, prioOffice: 'BR',
    members: [
      { office: 'BR', apno: 'BR102019012345', apdt: 20190614, pubs: [{ kind: 'A2', pn: 'BR102019012345A2', pbdt: 20201229 }, { kind: 'B1', pn: 'BR102019012345B1', pbdt: 20230711 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'ml', company: 'YANDEX LLC', prio: 20190422, prioOffice: 'RU',
    members: [
      { office: 'RU', apno: 'RU2019112345', apdt: 20190422, pubs: [{ kind: 'C1', pn: 'RU2712345C1', pbdt: 20200128 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'wireless', company: 'TELEFONICA, S.A.', prio: 20140603, prioOffice: 'EP',
    members: [
      { office: 'EP', apno: 'EP15170123.5', apdt: 20150602, pubs: [{ kind: 'A1', pbdt: 20151209 }, { kind: 'B1', pn: 'EP2953123B1', pbdt: 20190306 }], status: ['Active'], validations: ['DE'] },
      { office: 'ES', apno: 'ES15170123T', apdt: 20150602, pubs: [{ kind: 'T3', pn: 'ES2712345T3', pbdt: 20190520 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'solar', company: 'ENI S.P.A.', prio: 20190709, prioOffice: 'IT',
    members: [
      { office: 'IT', apno: 'IT102019000012345', apdt: 20190709, pubs: [{ kind: 'A1', pn: 'IT201900012345A1', pbdt: 20210109 }], status: ['Pending'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'semiconductor', company: 'ASML NETHERLANDS B.V.', prio: 20140301, prioOffice: 'NL',
    members: [
      { office: 'NL', apno: 'NL2012345', apdt: 20140301, pubs: [{ kind: 'B1', pn: 'NL2012345B1', pbdt: 20150309 }], status: ['Active'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
      { office: 'US', pubs: [{ kind: 'A1' }, { kind: 'B2' }] },
      { office: 'TW', pubs: [{ kind: 'A' }, { kind: 'B' }] },
      { office: 'KR', pubs: [{ kind: 'A' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'motor', company: 'ABB SCHWEIZ AG', prio: 20160505, prioOffice: 'CH',
    members: [
      { office: 'CH', apno: 'CH00612/16', apdt: 20160505, pubs: [{ kind: 'A1', pn: 'CH712345A1', pbdt: 20170915 }, { kind: 'B1', pn: 'CH712345B1', pbdt: 20200831 }], status: ['Active'] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'battery', company: 'AVL LIST GMBH', prio: 20180517, prioOffice: 'AT',
    members: [
      { office: 'AT', apno: 'ATA50412/2018', apdt: 20180517, pubs: [{ kind: 'A1', pn: 'AT521234A1', pbdt: 20191115 }, { kind: 'B1', pn: 'AT521234B1', pbdt: 20200315 }], status: ['Active'] },
      { office: 'DE', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'wireless', company: 'TELEFONAKTIEBOLAGET LM ERICSSON (PUBL)', prio: 20190130, prioOffice: 'SE',
    members: [
      { office: 'SE', apno: 'SE1950123-4', apdt: 20190130, pubs: [{ kind: 'A1', pn: 'SE1950123A1', pbdt: 20200731 }, { kind: 'C2', pn: 'SE543210C2', pbdt: 20201020 }], status: ['Active'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'pharma', company: 'NOVO NORDISK A/S', prio: 20190225, prioOffice: 'DK',
    members: [
      { office: 'DK', apno: 'DKPA201970123', apdt: 20190225, pubs: [{ kind: 'A1', pn: 'DK201970123A1', pbdt: 20200915 }, { kind: 'B1', pn: 'DK180123B1', pbdt: 20201104 }], status: ['Active'] },
      { office: 'WO', pubs: [{ kind: 'A1' }] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'solar', company: 'CEMEX RESEARCH GROUP AG', prio: 20191017, prioOffice: 'MX',
    members: [
      { office: 'MX', apno: 'MX/a/2019/012345', apdt: 20191017, pubs: [{ kind: 'A', pn: 'MX2019012345A', pbdt: 20210419 }, { kind: 'B', pn: 'MX395123B', pbdt: 20220607 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  // A drug filed everywhere, then a divisional and a continuation-in-part: one INPADOC family of about a hundred.
  ...[20120315, 20121010, 20130412].map((prio, i): InventionOverrides => ({
    topic: 'pharma', company: 'PFIZER INC.', prio, continues: i > 0,
    members: [
      { office: 'WO', pubs: [{ kind: 'A1', ...(i === 0 ? { pn: 'WO2013136789A1', pbdt: 20130919 } : {}) }] },
      ...[0, 1, 2].map((): MemberSpec => ({ office: 'US', pubs: [{ kind: 'A1' }, { kind: 'B2' }] })),
      { office: 'EP', pubs: [{ kind: 'A1' }, { kind: 'B1' }], validations: ['DE', 'ES', 'DK', 'AT'] },
      ...(['CN', 'JP', 'KR', 'CA', 'AU', 'TW', 'IN', 'BR', 'RU', 'MX'] as const).map((office): MemberSpec => ({ office, pubs: [{ kind: APP_KIND[office] as string }, { kind: GRANT_KIND[office] as string }] })),
    ],
  })),
];

/** Every canonical publication number, for tests and for the CLI's help. */
export const CANONICAL_NUMBERS: readonly string[] = CANONICAL.flatMap((inv) => inv.members.flatMap((m) => m.pubs.flatMap((p) => (p.pn ? [p.pn] : []))));

// ---- generation -----------------------------------------------------------------

const GRANT_RATE: Readonly<Record<Office, number>> = {
  US: 0.6, EP: 0.45, WO: 0, CN: 0.5, JP: 0.45, KR: 0.55, DE: 0.4, GB: 0.5, FR: 0.6, CA: 0.5, AU: 0.55, TW: 0.6, IN: 0.35, BR: 0.3, RU: 0.6,
  ES: 0.5, IT: 0.6, NL: 1, CH: 0.6, AT: 0.6, SE: 0.6, DK: 0.5, MX: 0.5,
};
/** How often a family reaches each national office besides the six main ones. */
const NATIONAL_RATE: Readonly<Partial<Record<Office, number>>> = { DE: 0.06, GB: 0.04, FR: 0.03, CA: 0.1, AU: 0.1, TW: 0.06, IN: 0.08, BR: 0.05, RU: 0.03, MX: 0.05 };
/** A granted EP patent is validated with a translation in these states this often. */
const VALIDATION_RATE: ReadonlyArray<readonly [Office, number]> = [['ES', 0.4], ['DE', 0.3], ['DK', 0.15], ['AT', 0.1]];
/** Offices where the grant keeps the serial of the first publication (EP1234567A1 -> B1). */
const KEEPS_SERIAL = new Set<Office>(['EP', 'CN', 'DE', 'GB', 'FR', 'CA', 'AU', 'BR', 'IT', 'CH', 'AT', 'ES']);
const TRANSLATION_KINDS = new Set(['T', 'T1', 'T2', 'T3', 'T5']);

function patentTypeOf(office: Office, kind: string): PatentType {
  if (kind === 'S') return 'DESIGN';
  if (kind.startsWith('U') || (office === 'CN' && kind === 'Y')) return 'UTILITY';
  if (kind.startsWith('A')) return 'APPLICATION';
  return 'PATENT';
}

const isGrant = (kind: string): boolean => !kind.startsWith('A');

/** P018's languages: CN and JP patents in their own language first, with an English translation. */
function claimSetsFor(inv: Invention, office: Office, kind: string): SampleClaimSet[] {
  const granted = isGrant(kind) && kind !== 'S' && !kind.startsWith('U');
  if (inv.design) return office === 'CN' ? [] : [writeClaims(inv.claims, 'EN', false)];
  const en = writeClaims(inv.claims, 'EN', granted);
  if (office === 'CN') return [writeClaims(inv.claims, 'CN', granted), en];
  if (office === 'JP') return [writeClaims(inv.claims, 'JP', granted), en];
  return [en];
}

/** Search-report categories and who cited, as each office reports them. */
function citationOf(rng: Random, citing: SamplePatent, cited: SamplePatent): SampleCitation {
  if (citing.office === 'US') return { pn: cited.pn, category: [], citeType: [rng.chance(0.6) ? 'APP' : 'EXA'] };
  if (citing.opposition === 'revoked' && rng.chance(0.5)) return { pn: cited.pn, category: ['X'], citeType: ['OPP'] };
  if (rng.chance(0.2)) return { pn: cited.pn, category: ['D'], citeType: ['APP'] };
  const category = rng.pick([['X'], ['Y'], ['A'], ['A'], ['X', 'Y'], ['Y']]);
  return { pn: cited.pn, category, citeType: rng.chance(0.04) ? ['TPO'] : ['EXA'] };
}

export function generateSampleData(options: { seed?: number; count?: number } = {}): SampleData {
  const seed = options.seed ?? 20240607;
  // Reassigned once, for the later publications: what comes before is the same with or without them.
  let rng = new Random(seed);
  /** Publication dates kept: (after, until]. The later publications move it past REFERENCE_DATE. */
  const published = { after: 0, until: REFERENCE_DATE };
  const target = options.count ?? 400;
  const numbering = new Numbering(rng);
  for (const pn of CANONICAL_NUMBERS) numbering.reserve(pn);

  const patents: SamplePatent[] = [];
  const inventions: Invention[] = [];
  const weighted = COMPANIES.flatMap((c) => Array.from({ length: c.weight }, () => c));

  const makeInvention = (o?: InventionOverrides): Invention => {
    const company = o ? (COMPANIES.find((c) => c.name === o.company) as Company) : rng.pick(weighted);
    const topicKey = o ? o.topic : rng.pick(company.topics);
    const topic = TOPICS.find((t) => t.key === topicKey) as Topic;
    const design = o ? o.design === true : rng.chance(0.03);
    // Priority dates skew recent, as filings do; a later invention's first publication falls after REFERENCE_DATE.
    const prio = o?.prio ?? (published.after > 0 ? addDays(LATER_PRIORITY_FROM, rng.int(0, 170)) : addDays(20000101, Math.floor(Math.sqrt(rng.next()) * 8570)));
    const text = makeText(rng, topic, design, o);
    if (o?.title) text.title = o.title;
    if (o?.titleZh) text.titleZh = o.titleZh;
    if (o?.abstract) text.abstract = o.abstract;
    const inventors = Array.from({ length: rng.int(1, 4) }, () => ({ name: personName(rng, company), address: company.address }));
    const reassigned = company.formerName !== undefined && rng.chance(0.6);
    const index = inventions.length;
    const previous = inventions[index - 1];
    // Continuations join the INPADOC family of an earlier invention; the extended family joins more.
    // Random inventions relate only to random ones, so the canonical families keep their sizes.
    const randomBefore = (i: number): Invention | undefined => (i >= CANONICAL.length ? inventions[i] : undefined);
    const related = o?.continues ? previous : o ? undefined : previous?.company === company && rng.chance(0.5) ? randomBefore(index - 1) : rng.chance(0.08) ? randomBefore(index - rng.int(1, 3)) : undefined;
    const inv: Invention = {
      index, topic, company, design, prio,
      prioOffice: o?.prioOffice ?? (company.home === 'EP' && rng.chance(0.3) ? 'US' : company.home),
      ...text,
      inventors,
      original: { name: reassigned ? (company.formerName as string) : company.name, address: company.address },
      current: { name: company.name, address: company.address },
      // Designs are classed by Locarno only.
      ipc: design ? { main: '', further: [] } : classification(rng, topic.ipc),
      cpc: design ? { main: '', further: [] } : classification(rng, topic.cpc),
      inpadoc: related && (o?.continues || rng.chance(0.6)) ? related.inpadoc : `I${pad(index, 4)}`,
      extend: related ? related.extend : `X${pad(index, 4)}`,
    };
    inventions.push(inv);
    return inv;
  };

  const randomMembers = (inv: Invention): MemberSpec[] => {
    if (inv.design) {
      return [{ office: 'US', pubs: [{ kind: 'S' }], cnType: '3' }, ...(rng.chance(0.6) ? [{ office: 'CN' as Office, pubs: [{ kind: 'S' }], cnType: '3' }] : [])];
    }
    const offices = new Set<Office>([inv.prioOffice]);
    if (rng.chance(0.4)) offices.add('WO');
    if (rng.chance(0.5)) offices.add('US');
    if (rng.chance(0.35)) offices.add('EP');
    if (rng.chance(0.35)) offices.add('CN');
    if (rng.chance(0.25)) offices.add('JP');
    if (rng.chance(0.2)) offices.add('KR');
    for (const [office, rate] of Object.entries(NATIONAL_RATE) as Array<[Office, number]>) if (rng.chance(rate)) offices.add(office);
    const members: MemberSpec[] = [];
    for (const office of offices) {
      const grantKind = GRANT_KIND[office];
      const appKind = APP_KIND[office];
      const pubs: PubSpec[] = [];
      if (!appKind || (office === 'US' && rng.chance(0.1))) {
        pubs.push({ kind: office === 'US' ? 'B1' : (grantKind as string) });
      } else {
        pubs.push({ kind: appKind });
        if (grantKind && rng.chance(GRANT_RATE[office])) pubs.push({ kind: grantKind });
      }
      const validations = office === 'EP' && pubs.some((p) => p.kind === 'B1') ? VALIDATION_RATE.filter(([, r]) => rng.chance(r)).map(([o]) => o) : undefined;
      members.push(validations && validations.length > 0 ? { office, pubs, validations } : { office, pubs });
    }
    // Chinese applicants often file a utility model beside the invention application.
    if (inv.company.home === 'CN' && rng.chance(0.2)) members.push({ office: 'CN', pubs: [{ kind: 'U' }], cnType: '2' });
    return members;
  };

  const translationNumber = (office: Office, ep: { pn: string; apno: string }, pbdt: number): string => {
    const serial = pnBase(ep.pn).slice(2);
    if (office === 'DK') return `DK${serial}`;
    return numbering.freshBase(() => (office === 'DE' ? `DE60${yearOf(pbdt) - 4}${pad(rng.int(0, 99999), 6)}` : office === 'AT' ? `AT${rng.int(400000, 999999)}` : `ES${serialFor(ES_PUBS, pbdt) + rng.int(0, 20000)}`));
  };

  type BuiltPub = Required<Pick<PubSpec, 'kind' | 'pn' | 'pbdt'>> & PubSpec;
  const addInvention = (o?: InventionOverrides): void => {
    const inv = makeInvention(o);
    const members = o ? o.members : randomMembers(inv);
    const wo = members.find((m) => m.office === 'WO');
    let woFiling: { apno: string; apdt: number } | undefined;
    let woPub: { pn: string; pbdt: number } | undefined;
    const prioApno = { value: '' };
    const built: Array<{ member: MemberSpec; apno: string; apdt: number; pubs: BuiltPub[] }> = [];

    // The WO member first, so national members can refer to it; translations last, after the EP grant they translate.
    const isTranslation = (m: MemberSpec): boolean => m.pubs.every((p) => TRANSLATION_KINDS.has(p.kind));
    const ordered = [...(wo ? [wo] : []), ...members.filter((m) => m !== wo && !isTranslation(m)), ...members.filter(isTranslation)];
    for (const member of ordered) {
      const office = member.office;
      const isPrioOffice = office === inv.prioOffice && members.indexOf(member) === members.findIndex((m) => m.office === inv.prioOffice);
      const apdt = member.apdt ?? (isPrioOffice ? inv.prio : office === 'WO' ? addDays(inv.prio, rng.int(350, 364)) : addDays(inv.prio, rng.int(300, 364)));
      if (office === 'CN' && apdt < 20060101) continue; // old CN numbers had another format
      if (office === 'US' && member.pubs.some((p) => p.kind === 'A1') && apdt < 20001129 && !member.pubs.some((p) => p.pn)) {
        member.pubs = [{ kind: 'B1' }];
      }
      const homeCountry = inv.company.home === 'EP' ? inv.company.address.slice(-2) : inv.company.home.length === 2 && !['US', 'CN', 'JP', 'KR'].includes(inv.company.home) ? inv.company.address.slice(-2) : inv.company.home;
      const pubs: BuiltPub[] = [];
      const keepsSerial = KEEPS_SERIAL.has(office);
      let sharedBase: string | undefined = keepsSerial ? member.pubs.map((p) => p.pn).find((pn) => pn !== undefined)?.replace(/(\d)[A-Z]\d?$/, '$1') : undefined;
      for (const spec of member.pubs) {
        const grant = isGrant(spec.kind);
        const pbdt =
          spec.pbdt ??
          (spec.kind === 'S' || spec.kind.startsWith('U') ? addDays(apdt, rng.int(150, 420))
          : grant ? addDays(apdt, office === 'CN' ? rng.int(700, 1400) : rng.int(900, 1800))
          : addDays(inv.prio, rng.int(540, 560)));
        if (pbdt > published.until || pbdt <= published.after) continue;
        const sameSerial = keepsSerial && (office !== 'CN' || spec.kind === 'A' || spec.kind === 'B');
        const pn = spec.pn ?? numbering.publication(office, spec.kind, pbdt, sameSerial ? sharedBase : undefined, apdt);
        if (sameSerial && !spec.pn) sharedBase ??= pnBase(pn);
        pubs.push({ ...spec, pn, pbdt });
      }
      if (pubs.length === 0) continue;
      const first = pubs[0] as BuiltPub;
      const apno = member.apno ?? applicationFromPublication(office, first.pn, rng) ?? numbering.application(office, apdt, homeCountry, member.cnType ?? '1');
      if (isPrioOffice) prioApno.value = apno;
      if (office === 'WO') {
        woFiling = { apno, apdt };
        woPub = { pn: first.pn, pbdt: first.pbdt };
      }
      built.push({ member, apno, apdt, pubs });
      // A granted EP patent validated in national offices: a translation in each, under the EP grant.
      const epGrant = office === 'EP' ? pubs.find((p) => p.kind === 'B1') : undefined;
      if (epGrant && member.validations) {
        for (const state of member.validations) {
          const tPbdt = addDays(epGrant.pbdt, rng.int(60, 200));
          if (tPbdt > published.until || tPbdt <= published.after) continue;
          const kind = state === 'DE' ? 'T2' : state === 'AT' ? 'T' : 'T3';
          const base = translationNumber(state, { pn: epGrant.pn, apno }, tPbdt);
          const tApno = state === 'DE' ? base : `${state}${apno.replace(/\D/g, '').slice(0, 8)}T`;
          numbering.reserve(base + kind);
          built.push({ member: { office: state, pubs: [], status: member.status }, apno: tApno, apdt, pubs: [{ kind, pn: base + kind, pbdt: tPbdt }] });
        }
      }
    }
    if (!prioApno.value) prioApno.value = built[0]?.apno ?? '';
    const prioCountry = prioApno.value.startsWith('PCT/') ? 'WO' : prioApno.value.slice(0, 2);

    for (const { member, apno, apdt, pubs } of built) {
      const granted = pubs.find((p) => isGrant(p.kind) && !p.kind.startsWith('U') && p.kind !== 'S');
      const status = member.status ?? legalStatusFor(rng, member.office, pubs.some((p) => isGrant(p.kind)), apdt, inv.prio, granted?.pbdt);
      for (const p of pubs) {
        const kind = p.kind;
        const office = member.office;
        const base = pnBase(p.pn);
        const docNumber = base.slice(2);
        const topic = inv.topic;
        const seedRng = new Random(rng.int(1, 2 ** 31));
        const inCn = office === 'CN';
        const inJp = office === 'JP';
        const hasClaims = p.hasClaims ?? (p.pn !== undefined || !seedRng.chance(0.05));
        patents.push({
          patentId: p.patentId ?? rng.uuid(),
          pn: p.pn,
          office,
          docNumber,
          kind,
          patentType: patentTypeOf(office, kind),
          apno,
          apdt,
          pbdt: p.pbdt,
          ...(isGrant(kind) ? { isd: p.pbdt } : {}),
          title: inv.title,
          titles: inCn ? [{ lang: 'CN', text: inv.titleZh }, { lang: 'EN', text: inv.title }] : inJp ? [{ lang: 'JP', text: `${inv.claims.obj.ja}及びその制御方法` }, { lang: 'EN', text: inv.title }] : [{ lang: 'EN', text: inv.title }],
          abstract: inv.abstract,
          abstracts: inCn ? [{ lang: 'CN', text: inv.abstractZh }, { lang: 'EN', text: inv.abstract }] : [{ lang: 'EN', text: inv.abstract }],
          claims: hasClaims ? claimSetsFor(inv, office, kind) : [],
          omitClaimParents: seedRng.chance(0.3),
          description: inv.description,
          originalAssignees: [inv.original],
          currentAssignees: [inv.current],
          inventors: inv.inventors,
          ipc: inv.ipc,
          cpc: inv.cpc,
          gbc: inv.design ? [] : [topic.key === 'pharma' ? 'C2710' : topic.key === 'battery' ? 'C3841' : 'C3962'],
          ...(inv.loc ? { loc: inv.loc } : {}),
          priorityClaims: prioApno.value ? [{ country: prioCountry, doc_number: prioApno.value.replace(/^PCT\//, '').replace(/^[A-Z]{2}/, ''), date: inv.prio }] : [],
          citedPatents: [],
          citedOthers: p.pn !== undefined || seedRng.chance(0.3) ? [seedRng.pick(LITERATURE)] : [],
          legalStatus: status,
          ...(member.opposition && isGrant(kind) ? { opposition: member.opposition } : {}),
          docdbFamily: `F${pad(inv.index, 4)}`,
          inpadocFamily: inv.inpadoc,
          extendFamily: inv.extend,
          // The canonical numbers always have a PDF (unless told otherwise) and a drawing.
          hasPdf: p.hasPdf ?? (p.pn !== undefined || seedRng.chance(0.92)),
          hasDrawing: inv.design || p.pn !== undefined || seedRng.chance(topic.drawingRate),
          ...(woFiling && woPub && office !== 'WO'
            ? { pct: { filingDate: woFiling.apdt, docNumber: woFiling.apno.replace(/^PCT\//, ''), entryDate: apdt, pubDate: woPub.pbdt, pubNumber: pnBase(woPub.pn).slice(2) } }
            : {}),
          seed: seedRng.int(1, 2 ** 31),
          examDocCount: inCn || !EXAM_DOC_OFFICES.has(office) ? 0 : (p.examDocCount ?? seedRng.int(3, 40)),
        });
      }
    }
  };

  for (const o of CANONICAL) addInvention(o);
  // `count` random patents besides the canonical families (a few more, to finish the last family).
  const canonical = patents.length;
  while (patents.length - canonical < target) addInvention();

  // Citations point back in time, to patents published before the citing application.
  const canonicalNumbers = new Set(CANONICAL_NUMBERS);
  const byDate = [...patents].sort((a, b) => a.pbdt - b.pbdt);
  for (const p of patents) {
    const earlier = byDate.filter((q) => q.pbdt < p.apdt && q.docdbFamily !== p.docdbFamily);
    // The canonical patents always cite something, as their examples do.
    if (earlier.length > 0) p.citedPatents = rng.sample(earlier, rng.int(canonicalNumbers.has(p.pn) ? 1 : 0, 4)).map((q) => citationOf(rng, p, q));
  }

  // ---- the later publications, held back until `publishLater` --------------------
  rng = new Random(seed ^ 0x1a7e5);
  numbering.rng = rng;
  const main = patents.length;
  // Grants of pending applications: new members of families already published.
  const grants: SamplePatent[] = [];
  const granted = new Set(patents.filter((p) => p.isd !== undefined).map((p) => apnoKey(p.apno)));
  for (const p of patents.slice(0, main)) {
    const kind = GRANT_KIND[p.office];
    if (p.patentType !== 'APPLICATION' || p.legalStatus[0] !== 'Pending' || !kind || granted.has(apnoKey(p.apno)) || !rng.chance(0.3)) continue;
    granted.add(apnoKey(p.apno));
    const pbdt = addDays(REFERENCE_DATE, rng.int(1, LATER_DAYS));
    const pn = numbering.publication(p.office, kind, pbdt, KEEPS_SERIAL.has(p.office) ? pnBase(p.pn) : undefined, p.apdt);
    grants.push({ ...p, patentId: rng.uuid(), pn, docNumber: pnBase(pn).slice(2), kind, patentType: patentTypeOf(p.office, kind), pbdt, isd: pbdt, legalStatus: ['Active'], hasPdf: true, seed: rng.int(1, 2 ** 31) });
  }
  // New inventions, first published after REFERENCE_DATE: new families.
  published.after = REFERENCE_DATE;
  published.until = LATER_UNTIL;
  for (let i = 0; i < LATER_INVENTIONS; i++) addInvention();
  const fresh = patents.splice(main);
  const older = patents.filter((q) => q.pbdt < LATER_PRIORITY_FROM);
  for (const p of fresh) p.citedPatents = rng.sample(older.filter((q) => q.pbdt < p.apdt), rng.int(0, 3)).map((q) => citationOf(rng, p, q));
  const later = [...grants, ...fresh].sort((a, b) => a.pbdt - b.pbdt || a.pn.localeCompare(b.pn));

  return indexData(patents, later);
}

/** Offices whose file wrappers P048 serves ("overseas": not CN; the national offices here have none). */
const EXAM_DOC_OFFICES = new Set<Office>(['US', 'EP', 'WO', 'JP', 'KR']);

function legalStatusFor(rng: Random, office: Office, granted: boolean, apdt: number, prio: number, grantDate?: number): string[] {
  if (office === 'WO') return [addDays(prio, 913) > REFERENCE_DATE ? 'PCT designated period' : 'PCT designated expiration'];
  if (granted) {
    const old = (grantDate ?? apdt) < 20060101 || apdt < 20050101;
    return [old ? (rng.chance(0.85) ? 'Inactive' : 'Active') : rng.chance(0.85) ? 'Active' : 'Inactive'];
  }
  if (apdt >= 20200101) return [rng.chance(0.85) ? 'Pending' : 'Inactive'];
  return [rng.chance(0.8) ? 'Inactive' : 'Undetermined'];
}

/** What `publishLater` changes in place: the lists and maps a SampleData shows. */
interface Editable {
  readonly patents: SamplePatent[];
  readonly byId: Map<string, SamplePatent>;
  readonly byPn: Map<string, SamplePatent>;
  readonly byBase: Map<string, SamplePatent[]>;
  readonly byApno: Map<string, SamplePatent[]>;
  /** The patents generated within REFERENCE_DATE. */
  readonly main: readonly SamplePatent[];
  /** Simple legal statuses a published grant changed, to restore on withdrawal. */
  readonly statusBefore: Map<SamplePatent, string[]>;
}

const EDITABLE = new WeakMap<SampleData, Editable>();

function index(e: Editable, patents: readonly SamplePatent[]): void {
  e.patents.splice(0, e.patents.length, ...patents);
  for (const m of [e.byId, e.byPn, e.byBase, e.byApno]) m.clear();
  for (const p of patents) {
    e.byId.set(p.patentId, p);
    e.byPn.set(p.pn.toUpperCase(), p);
    const base = pnBase(p.pn);
    e.byBase.set(base, [...(e.byBase.get(base) ?? []), p]);
    const key = apnoKey(p.apno);
    e.byApno.set(key, [...(e.byApno.get(key) ?? []), p]);
  }
}

function indexData(patents: SamplePatent[], later: readonly SamplePatent[]): SampleData {
  const e: Editable = { patents: [], byId: new Map(), byPn: new Map(), byBase: new Map(), byApno: new Map(), main: [...patents], statusBefore: new Map() };
  index(e, patents);
  const data: SampleData = { patents: e.patents, byId: e.byId, byPn: e.byPn, byBase: e.byBase, byApno: e.byApno, later, publishedUntil: undefined };
  EDITABLE.set(data, e);
  return data;
}

/**
 * Publishes the later publications (`data.later`) up to `until` (yyyyMMdd), or withdraws
 * them all (undefined), in place: every endpoint answers from the new state at once. A
 * published grant makes its pending application Active, as the office's grant does.
 * Deterministic: the same `until` always gives the same data. Returns what is published now.
 */
export function publishLater(data: SampleData, until: number | undefined): readonly SamplePatent[] {
  const e = EDITABLE.get(data);
  if (!e) throw new TypeError('Not a sandbox data set made by generateSampleData.');
  for (const [p, status] of e.statusBefore) p.legalStatus = status;
  e.statusBefore.clear();
  const shown = until === undefined ? [] : data.later.filter((p) => p.pbdt <= until);
  for (const grant of shown.filter((p) => p.isd !== undefined && e.main.some((q) => q.apno === p.apno))) {
    for (const p of e.main) {
      if (p.apno !== grant.apno || e.statusBefore.has(p)) continue;
      e.statusBefore.set(p, p.legalStatus);
      p.legalStatus = [...grant.legalStatus];
    }
  }
  index(e, [...e.main, ...shown]);
  (data as { publishedUntil: number | undefined }).publishedUntil = until;
  return shown;
}

/** A patent by publication number: exact, or without kind code when exactly one patent has that number. */
export function findByNumber(data: SampleData, number: string): SamplePatent | undefined {
  const key = number.trim().toUpperCase();
  const exact = data.byPn.get(key);
  if (exact) return exact;
  const matches = data.byBase.get(key);
  return matches && matches.length === 1 ? matches[0] : undefined;
}

/** Members of the patent's simple family, itself included, oldest publication first. */
export function familyOf(data: SampleData, patent: SamplePatent): SamplePatent[] {
  return data.patents.filter((p) => p.docdbFamily === patent.docdbFamily).sort((a, b) => a.pbdt - b.pbdt || a.pn.localeCompare(b.pn));
}
