/**
 * The sandbox's sample patents: a few hundred, generated at start-up from a fixed
 * seed (the same data on every run), built as families of one invention filed in
 * several offices. The canonical numbers the other parts test with (see the
 * common brief) are always present, with the ids and application numbers of
 * PatSnap's published examples.
 */
import { Random } from './random';
import { addDays, yearOf } from './dates';
import { COMPANIES, CITED_OTHERS, PERSON_NAMES, TOPICS, type Company, type Topic } from './vocabulary';

export type Office = 'US' | 'EP' | 'WO' | 'CN' | 'JP' | 'KR';
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
  claims: string[];
  description: string;
  originalAssignees: Party[];
  currentAssignees: Party[];
  inventors: Party[];
  ipc: Classification;
  cpc: Classification;
  gbc: string[];
  loc?: string;
  priorityClaims: Array<{ country: string; doc_number: string; date: number }>;
  citedPatents: string[];
  citedOthers: string[];
  legalStatus: string[];
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

export interface SampleData {
  patents: readonly SamplePatent[];
  byId: ReadonlyMap<string, SamplePatent>;
  /** Key: upper-case pn. */
  byPn: ReadonlyMap<string, SamplePatent>;
  /** Key: upper-case pn without kind code; several patents may share one. */
  byBase: ReadonlyMap<string, readonly SamplePatent[]>;
  /** Key: normalised apno (see `apnoKey`). */
  byApno: ReadonlyMap<string, readonly SamplePatent[]>;
}

/** Publication dates stop here, so the data does not depend on the day it is generated. */
export const REFERENCE_DATE = 20250630;

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

  constructor(private readonly rng: Random) {}

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

  publication(office: Office, kind: string, pbdt: number, sharedBase?: string): string {
    if (sharedBase) {
      const pn = sharedBase + kind;
      this.used.add(pn);
      return pn;
    }
    const r = this.rng;
    const y = yearOf(pbdt);
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
    }
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
  claims: string[];
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
  examDocCount?: number;
}

interface MemberSpec {
  office: Office;
  apno?: string;
  apdt?: number;
  pubs: PubSpec[];
  status?: string[];
  cnType?: string;
}

interface InventionOverrides {
  topic: string;
  company: string;
  prio: number;
  prioOffice?: Office;
  title?: string;
  titleZh?: string;
  abstract?: string;
  design?: boolean;
  members: MemberSpec[];
}

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

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

function makeText(rng: Random, topic: Topic, design: boolean): Pick<Invention, 'title' | 'titleZh' | 'abstract' | 'abstractZh' | 'claims' | 'description'> & { loc?: string } {
  if (design) {
    const d = rng.pick(DESIGN_OBJECTS);
    const title = d.en;
    return {
      title,
      titleZh: d.zh,
      abstract: `The ornamental design for ${article(title)} ${title.toLowerCase()}, as shown and described.`,
      abstractZh: `本外观设计产品的名称是${d.zh}。`,
      claims: [`The ornamental design for ${article(title)} ${title.toLowerCase()}, as shown and described.`],
      description: `FIG. 1 is a front perspective view of ${article(title)} ${title.toLowerCase()} showing our new design.`,
      loc: d.loc,
    };
  }
  const obj = rng.pick(topic.objects);
  const purpose = rng.pick(topic.purposes);
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
  const claims = [
    `1. ${cap(article(obj.en))} ${obj.en}, comprising: ${f1}; and ${f2}.`,
    `2. The ${obj.en} of claim 1, wherein ${f3 ?? f1} is arranged adjacent to ${f2}.`,
    `3. A method for ${purpose}, comprising providing the ${obj.en} of claim 1 and operating it.`,
  ];
  const description =
    `TECHNICAL FIELD\nThe present disclosure relates to ${obj.en} technology, and in particular to ${purpose}.\n` +
    `BACKGROUND\nKnown designs of ${article(obj.en)} ${obj.en} leave room for improvement.\n` +
    `SUMMARY\n${abstract}\nDETAILED DESCRIPTION\nIn one embodiment, ${f1} cooperates with ${f2}.`;
  return { title, titleZh, abstract, abstractZh: `本发明公开了一种${obj.zh}。`, claims, description };
}

function personName(rng: Random, home: Company['home']): string {
  const names = PERSON_NAMES[home];
  const given = rng.pick(names.given);
  const family = rng.pick(names.family);
  return names.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

function classification(rng: Random, codes: readonly string[]): Classification {
  const [main, ...further] = rng.sample(codes, rng.int(1, 3)) as [string, ...string[]];
  return { main, further };
}

// ---- the canonical families ---------------------------------------------------

const CANONICAL: readonly InventionOverrides[] = [
  {
    topic: 'xr', company: 'MAGIC LEAP, INC.', prio: 20140508,
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
    members: [
      {
        office: 'US', apno: 'US10/851234', apdt: 20040521,
        pubs: [
          { kind: 'A1', pn: 'US20050262868A1', pbdt: 20051124, patentId: 'ddfc29cf-71c6-4bb3-b35b-10f256767152', hasPdf: false },
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
    members: [
      { office: 'US', apno: 'US15/458123', apdt: 20170314, pubs: [{ kind: 'B1', pn: 'US10123456B1', pbdt: 20181113 }], status: ['Active'] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'ml', company: 'GOOGLE LLC', prio: 20171020,
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
    members: [{ office: 'US', apno: 'US14/133456', apdt: 20131218, pubs: [{ kind: 'E', pn: 'USRE45678E', pbdt: 20150929 }], status: ['Active'] }],
  },
  {
    topic: 'motor', company: 'SIEMENS AKTIENGESELLSCHAFT', prio: 20000811,
    members: [
      { office: 'EP', apno: 'EP01965123.4', apdt: 20010810, pubs: [{ kind: 'B1', pn: 'EP1234567B1', pbdt: 20050406 }], status: ['Inactive'] },
      { office: 'US', pubs: [{ kind: 'B2' }] },
      { office: 'JP', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'vehicle', company: 'ROBERT BOSCH GMBH', prio: 20101126,
    members: [
      { office: 'EP', apno: 'EP11190123.8', apdt: 20111122, pubs: [{ kind: 'B1', pn: 'EP2458380B1', pbdt: 20150311 }], status: ['Active'] },
      { office: 'US', pubs: [{ kind: 'A1' }] },
      { office: 'CN', pubs: [{ kind: 'A' }] },
    ],
  },
  {
    topic: 'xr', company: 'SONY GROUP CORPORATION', prio: 20181214, prioOffice: 'JP',
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
    members: [
      { office: 'WO', apno: 'PCT/US1997/016543', apdt: 19970917, pubs: [{ kind: 'A1', pn: 'WO1998012345A1', pbdt: 19980326 }] },
      { office: 'US', pubs: [{ kind: 'B1' }] },
      { office: 'EP', pubs: [{ kind: 'A1' }] },
    ],
  },
  {
    topic: 'wireless', company: 'HUAWEI TECHNOLOGIES CO., LTD.', prio: 20120315, prioOffice: 'CN',
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
    members: [{ office: 'JP', apno: 'JP1994-325678', apdt: 19941227, pubs: [{ kind: 'A', pn: 'JP1996179521A', pbdt: 19960712 }], status: ['Inactive'] }],
  },
  {
    topic: 'semiconductor', company: 'SAMSUNG ELECTRONICS CO., LTD.', prio: 20180725,
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
];

/** Every canonical publication number, for tests and for the CLI's help. */
export const CANONICAL_NUMBERS: readonly string[] = CANONICAL.flatMap((inv) => inv.members.flatMap((m) => m.pubs.flatMap((p) => (p.pn ? [p.pn] : []))));

// ---- generation -----------------------------------------------------------------

const GRANT_KIND: Readonly<Record<Office, string | undefined>> = { US: 'B2', EP: 'B1', WO: undefined, CN: 'B', JP: 'B2', KR: 'B1' };
const APP_KIND: Readonly<Record<Office, string>> = { US: 'A1', EP: 'A1', WO: 'A1', CN: 'A', JP: 'A', KR: 'A' };

function patentTypeOf(office: Office, kind: string): PatentType {
  if (kind === 'S') return 'DESIGN';
  if (kind === 'U') return 'UTILITY';
  if (kind.startsWith('A')) return 'APPLICATION';
  void office;
  return 'PATENT';
}

const isGrant = (kind: string): boolean => !kind.startsWith('A');

export function generateSampleData(options: { seed?: number; count?: number } = {}): SampleData {
  const rng = new Random(options.seed ?? 20240607);
  const target = options.count ?? 400;
  const numbering = new Numbering(rng);
  for (const pn of CANONICAL_NUMBERS) numbering.reserve(pn);

  const patents: SamplePatent[] = [];
  const inventions: Invention[] = [];
  const weighted = COMPANIES.flatMap((c) => Array.from({ length: c.weight }, () => c));

  const makeInvention = (o?: InventionOverrides): { inv: Invention; loc?: string } => {
    const company = o ? (COMPANIES.find((c) => c.name === o.company) as Company) : rng.pick(weighted);
    const topicKey = o ? o.topic : rng.pick(company.topics);
    const topic = TOPICS.find((t) => t.key === topicKey) as Topic;
    const design = o ? o.design === true : rng.chance(0.03);
    // Priority dates skew recent, as filings do.
    const prio = o?.prio ?? addDays(20000101, Math.floor(Math.sqrt(rng.next()) * 8570));
    const text = makeText(rng, topic, design);
    if (o?.title) text.title = o.title;
    if (o?.titleZh) text.titleZh = o.titleZh;
    if (o?.abstract) text.abstract = o.abstract;
    const inventors = Array.from({ length: rng.int(1, 4) }, () => ({ name: personName(rng, company.home), address: company.address }));
    const reassigned = company.formerName !== undefined && rng.chance(0.6);
    const index = inventions.length;
    const previous = inventions[index - 1];
    // Continuations join the INPADOC family of an earlier invention; the extended family joins more.
    const related = previous && previous.company === company && rng.chance(0.5) ? previous : index > 3 && rng.chance(0.08) ? inventions[index - rng.int(1, 3)] : undefined;
    const inv: Invention = {
      index, topic, company, design, prio,
      prioOffice: o?.prioOffice ?? (company.home === 'EP' && rng.chance(0.3) ? 'US' : company.home),
      ...text,
      inventors,
      original: { name: reassigned ? (company.formerName as string) : company.name, address: company.address },
      current: { name: company.name, address: company.address },
      ipc: classification(rng, topic.ipc),
      cpc: classification(rng, topic.cpc),
      inpadoc: related && rng.chance(0.6) ? related.inpadoc : `I${pad(index, 4)}`,
      extend: related ? related.extend : `X${pad(index, 4)}`,
    };
    inventions.push(inv);
    return { inv, loc: text.loc };
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
    const members: MemberSpec[] = [];
    for (const office of offices) {
      const grantKind = GRANT_KIND[office];
      const pubs: PubSpec[] = [];
      if (office === 'US' && rng.chance(0.1)) {
        pubs.push({ kind: 'B1' });
      } else {
        pubs.push({ kind: APP_KIND[office] });
        const grantRate: Record<Office, number> = { US: 0.6, EP: 0.45, WO: 0, CN: 0.5, JP: 0.45, KR: 0.55 };
        if (grantKind && rng.chance(grantRate[office])) pubs.push({ kind: grantKind });
      }
      members.push({ office, pubs });
    }
    // Chinese applicants often file a utility model beside the invention application.
    if (inv.company.home === 'CN' && rng.chance(0.2)) members.push({ office: 'CN', pubs: [{ kind: 'U' }], cnType: '2' });
    return members;
  };

  const addInvention = (o?: InventionOverrides): void => {
    const { inv, loc } = makeInvention(o);
    const members = o ? o.members : randomMembers(inv);
    const wo = members.find((m) => m.office === 'WO');
    let woFiling: { apno: string; apdt: number } | undefined;
    let woPub: { pn: string; pbdt: number } | undefined;
    const prioApno = { value: '' };
    const built: Array<{ member: MemberSpec; apno: string; apdt: number; pubs: Array<Required<Pick<PubSpec, 'kind' | 'pn' | 'pbdt'>> & PubSpec> }> = [];

    // The WO member first, so national members can refer to it.
    const ordered = wo ? [wo, ...members.filter((m) => m !== wo)] : members;
    for (const member of ordered) {
      const office = member.office;
      const isPrioOffice = office === inv.prioOffice && members.indexOf(member) === members.findIndex((m) => m.office === inv.prioOffice);
      const apdt = member.apdt ?? (isPrioOffice ? inv.prio : office === 'WO' ? addDays(inv.prio, rng.int(350, 364)) : addDays(inv.prio, rng.int(300, 364)));
      if (office === 'CN' && apdt < 20060101) continue; // old CN numbers had another format
      if (office === 'US' && member.pubs.some((p) => p.kind === 'A1') && apdt < 20001129 && !member.pubs.some((p) => p.pn)) {
        member.pubs = [{ kind: 'B1' }];
      }
      const homeCountry = inv.company.home === 'EP' ? inv.company.address.slice(-2) : inv.company.home;
      const apno = member.apno ?? numbering.application(office, apdt, homeCountry, member.cnType ?? '1');
      if (isPrioOffice) prioApno.value = apno;
      const pubs: Array<Required<Pick<PubSpec, 'kind' | 'pn' | 'pbdt'>> & PubSpec> = [];
      let sharedBase: string | undefined;
      for (const spec of member.pubs) {
        const grant = isGrant(spec.kind);
        const pbdt =
          spec.pbdt ??
          (spec.kind === 'S' || spec.kind === 'U' ? addDays(apdt, rng.int(150, 420))
          : grant ? addDays(apdt, office === 'CN' ? rng.int(700, 1400) : rng.int(900, 1800))
          : addDays(inv.prio, rng.int(540, 560)));
        if (pbdt > REFERENCE_DATE) continue;
        // EP, CN, KR-A/B and JP keep their serial across A and B only where the office does.
        const keepsSerial = office === 'EP' || (office === 'CN' && (spec.kind === 'A' || spec.kind === 'B'));
        const pn = spec.pn ?? numbering.publication(office, spec.kind, pbdt, keepsSerial ? sharedBase : undefined);
        if (keepsSerial && !spec.pn) sharedBase = pnBase(pn);
        pubs.push({ ...spec, pn, pbdt });
      }
      if (pubs.length === 0) continue;
      if (office === 'WO') {
        woFiling = { apno, apdt };
        const first = pubs[0];
        if (first) woPub = { pn: first.pn, pbdt: first.pbdt };
      }
      built.push({ member, apno, apdt, pubs });
    }
    if (!prioApno.value) prioApno.value = built[0]?.apno ?? '';
    const prioCountry = prioApno.value.startsWith('PCT/') ? 'WO' : prioApno.value.slice(0, 2);

    for (const { member, apno, apdt, pubs } of built) {
      const granted = pubs.find((p) => isGrant(p.kind) && p.kind !== 'U' && p.kind !== 'S');
      const status = member.status ?? legalStatusFor(rng, member.office, pubs.some((p) => isGrant(p.kind)), apdt, inv.prio, granted?.pbdt);
      for (const p of pubs) {
        const kind = p.kind;
        const office = member.office;
        const base = pnBase(p.pn);
        const docNumber = base.slice(2);
        const topic = inv.topic;
        const seedRng = new Random(rng.int(1, 2 ** 31));
        const inCn = office === 'CN';
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
          titles: inCn ? [{ lang: 'CN', text: inv.titleZh }, { lang: 'EN', text: inv.title }] : [{ lang: 'EN', text: inv.title }],
          abstract: inv.abstract,
          abstracts: inCn ? [{ lang: 'CN', text: inv.abstractZh }, { lang: 'EN', text: inv.abstract }] : [{ lang: 'EN', text: inv.abstract }],
          claims: inv.claims,
          description: inv.description,
          originalAssignees: [inv.original],
          currentAssignees: [inv.current],
          inventors: inv.inventors,
          ipc: inv.ipc,
          cpc: inv.cpc,
          gbc: [topic.key === 'pharma' ? 'C2710' : topic.key === 'battery' ? 'C3841' : 'C3962'],
          ...(loc ? { loc } : {}),
          priorityClaims: prioApno.value ? [{ country: prioCountry, doc_number: prioApno.value.replace(/^PCT\//, '').replace(/^[A-Z]{2}/, ''), date: inv.prio }] : [],
          citedPatents: [],
          citedOthers: seedRng.chance(0.3) ? [seedRng.pick(CITED_OTHERS)] : [],
          legalStatus: status,
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
          examDocCount: inCn ? 0 : (p.examDocCount ?? seedRng.int(3, 40)),
        });
      }
    }
  };

  for (const o of CANONICAL) addInvention(o);
  while (patents.length < target) addInvention();

  // Citations point back in time, to patents published before the citing application.
  const byDate = [...patents].sort((a, b) => a.pbdt - b.pbdt);
  for (const p of patents) {
    const earlier = byDate.filter((q) => q.pbdt < p.apdt && q.docdbFamily !== p.docdbFamily);
    if (earlier.length > 0) p.citedPatents = rng.sample(earlier, rng.int(0, 4)).map((q) => q.pn);
  }

  return indexData(patents);
}

function legalStatusFor(rng: Random, office: Office, granted: boolean, apdt: number, prio: number, grantDate?: number): string[] {
  if (office === 'WO') return [addDays(prio, 913) > REFERENCE_DATE ? 'PCT designated period' : 'PCT designated expiration'];
  if (granted) {
    const old = (grantDate ?? apdt) < 20060101 || apdt < 20050101;
    return [old ? (rng.chance(0.85) ? 'Inactive' : 'Active') : rng.chance(0.85) ? 'Active' : 'Inactive'];
  }
  if (apdt >= 20200101) return [rng.chance(0.85) ? 'Pending' : 'Inactive'];
  return [rng.chance(0.8) ? 'Inactive' : 'Undetermined'];
}

function indexData(patents: SamplePatent[]): SampleData {
  const byId = new Map<string, SamplePatent>();
  const byPn = new Map<string, SamplePatent>();
  const byBase = new Map<string, SamplePatent[]>();
  const byApno = new Map<string, SamplePatent[]>();
  for (const p of patents) {
    byId.set(p.patentId, p);
    byPn.set(p.pn.toUpperCase(), p);
    const base = pnBase(p.pn);
    byBase.set(base, [...(byBase.get(base) ?? []), p]);
    const key = apnoKey(p.apno);
    byApno.set(key, [...(byApno.get(key) ?? []), p]);
  }
  return { patents, byId, byPn, byBase, byApno };
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
