/**
 * The legal life of a sample application, from filing to grant, fees, transfer and
 * lapse, in the order it happens and consistent with its simple status (P041): P013's
 * detailed and event status and P026's INPADOC and office events are both read from
 * it. Codes are INPADOC's per office (STPP, 17P, SE01, A621, …); the Chinese office
 * writes its events in Chinese and the Brazilian one numbers them (1.3, 16.1).
 */
import { addDays } from './dates';
import { REFERENCE_DATE, type SamplePatent } from './data';
import { Random, hashString } from './random';

type Step =
  | 'published'
  | 'nationalPhase'
  | 'examination'
  | 'officeAction'
  | 'allowance'
  | 'grant'
  | 'noOpposition'
  | 'opposition'
  | 'revoked'
  | 'transfer'
  | 'license'
  | 'pledge'
  | 'litigation'
  | 'fee'
  | 'lapsed'
  | 'expired'
  | 'withdrawn'
  | 'rejected';

interface Happening {
  date: number;
  step: Step;
  /** Fee year, or the office a PCT application entered. */
  detail?: string;
}

export interface LegalRecord {
  legalDate: number;
  simple: string[];
  detailed: string[];
  events: string[];
  inpadoc: Array<{ event_code: string; event_date: number; event_desc: string; ref_country_code: string }>;
  official: Array<{ event_vol: string; event_code: string | number; event_date: number; event_desc: string; event_legal_status: string; event_others: string }>;
}

type CodeTable = Partial<Record<Step, ReadonlyArray<readonly [string, string]>>>;

const US: CodeTable = {
  published: [['STPP', 'INFORMATION ON STATUS: PATENT APPLICATION AND GRANTING PROCEDURE IN GENERAL - DOCKETED NEW CASE - READY FOR EXAMINATION']],
  officeAction: [['STPP', 'INFORMATION ON STATUS: PATENT APPLICATION AND GRANTING PROCEDURE IN GENERAL - NON FINAL ACTION MAILED']],
  allowance: [['STPP', 'INFORMATION ON STATUS: PATENT APPLICATION AND GRANTING PROCEDURE IN GENERAL - NOTICE OF ALLOWANCE MAILED -- APPLICATION RECEIVED IN OFFICE OF PUBLICATIONS']],
  grant: [['STCF', 'INFORMATION ON STATUS: PATENT GRANT - PATENTED CASE']],
  transfer: [['AS', 'ASSIGNMENT OF ASSIGNORS INTEREST']],
  license: [['AS', 'LICENSE']],
  litigation: [['IPRC', 'TRIAL AND APPEAL BOARD: INTER PARTES REVIEW CERTIFICATE']],
  fee: [['MAFP', 'MAINTENANCE FEE PAYMENT - PAYMENT OF MAINTENANCE FEE, LARGE ENTITY']],
  lapsed: [['LAPS', 'LAPSE FOR FAILURE TO PAY MAINTENANCE FEES'], ['STCH', 'INFORMATION ON STATUS: PATENT DISCONTINUATION - PATENT EXPIRED DUE TO NONPAYMENT OF MAINTENANCE FEES UNDER 37 CFR 1.362']],
  expired: [['STCH', 'INFORMATION ON STATUS: PATENT DISCONTINUATION - EXPIRED DUE TO TERM']],
  withdrawn: [['STCB', 'INFORMATION ON STATUS: APPLICATION DISCONTINUATION - ABANDONED -- FAILURE TO RESPOND TO AN OFFICE ACTION']],
  rejected: [['STCB', 'INFORMATION ON STATUS: APPLICATION DISCONTINUATION - ABANDONED -- AFTER EXAMINER\u2019S ANSWER OR BOARD OF APPEALS DECISION']],
};

const EP: CodeTable = {
  published: [['AK', 'DESIGNATED CONTRACTING STATES - KIND CODE OF REF DOCUMENT: A1'], ['STAA', 'INFORMATION ON THE STATUS OF AN EP PATENT APPLICATION OR GRANTED EP PATENT - STATUS: THE APPLICATION HAS BEEN PUBLISHED']],
  examination: [['17P', 'REQUEST FOR EXAMINATION FILED']],
  officeAction: [['STAA', 'INFORMATION ON THE STATUS OF AN EP PATENT APPLICATION OR GRANTED EP PATENT - STATUS: EXAMINATION IS IN PROGRESS']],
  allowance: [['GRAP', 'DESPATCH OF COMMUNICATION OF INTENTION TO GRANT A PATENT']],
  grant: [['GRAA', '(EXPECTED) GRANT'], ['AK', 'DESIGNATED CONTRACTING STATES - KIND CODE OF REF DOCUMENT: B1'], ['STAA', 'INFORMATION ON THE STATUS OF AN EP PATENT APPLICATION OR GRANTED EP PATENT - STATUS: THE PATENT HAS BEEN GRANTED']],
  noOpposition: [['26N', 'NO OPPOSITION FILED'], ['PLBE', 'NO OPPOSITION FILED WITHIN TIME LIMIT']],
  opposition: [['PLBI', 'OPPOSITION FILED'], ['26', 'OPPOSITION FILED']],
  revoked: [['RDAG', 'PATENT REVOKED'], ['STAA', 'INFORMATION ON THE STATUS OF AN EP PATENT APPLICATION OR GRANTED EP PATENT - STATUS: PATENT REVOKED']],
  transfer: [['RAP1', 'PARTY DATA CHANGED (APPLICANT DATA CHANGED OR RIGHTS OF AN APPLICATION TRANSFERRED)']],
  fee: [['PGFP', 'ANNUAL FEE PAID TO NATIONAL OFFICE [ANNOUNCED VIA POSTGRANT INFORMATION FROM NATIONAL OFFICE TO EPO]']],
  lapsed: [['PG25', 'LAPSED IN A CONTRACTING STATE [ANNOUNCED VIA POSTGRANT INFORMATION FROM NATIONAL OFFICE TO EPO] - LAPSE BECAUSE OF NON-PAYMENT OF DUE FEES']],
  expired: [['PG25', 'LAPSED IN A CONTRACTING STATE [ANNOUNCED VIA POSTGRANT INFORMATION FROM NATIONAL OFFICE TO EPO] - LAPSE BECAUSE OF EXPIRATION OF PROTECTION']],
  withdrawn: [['18D', 'APPLICATION DEEMED TO BE WITHDRAWN']],
  rejected: [['18R', 'APPLICATION REFUSED']],
};

const CN: CodeTable = {
  published: [['PB01', 'PUBLICATION']],
  examination: [['SE01', 'ENTRY INTO FORCE OF REQUEST FOR SUBSTANTIVE EXAMINATION']],
  grant: [['GR01', 'PATENT GRANT']],
  transfer: [['TR01', 'TRANSFER OF PATENT RIGHT']],
  license: [['EE01', 'ENTRY INTO FORCE OF RECORDATION OF PATENT LICENSING CONTRACT']],
  pledge: [['PE01', 'ENTRY INTO FORCE OF THE REGISTRATION OF THE CONTRACT FOR PLEDGE OF PATENT RIGHT']],
  lapsed: [['CF01', 'TERMINATION OF PATENT RIGHT DUE TO NON-PAYMENT OF ANNUAL FEE']],
  expired: [['CF01', 'TERMINATION OF PATENT RIGHT DUE TO EXPIRATION OF TERM']],
  withdrawn: [['WD01', 'INVENTION PATENT APPLICATION DEEMED WITHDRAWN AFTER PUBLICATION']],
  rejected: [['RJ01', 'REJECTION OF INVENTION PATENT APPLICATION AFTER PUBLICATION']],
};

const JP: CodeTable = {
  examination: [['A621', 'WRITTEN REQUEST FOR APPLICATION EXAMINATION']],
  officeAction: [['A131', 'NOTIFICATION OF REASONS FOR REFUSAL']],
  allowance: [['A01', 'WRITTEN DECISION TO GRANT A PATENT OR TO GRANT A REGISTRATION (UTILITY MODEL)']],
  grant: [['R150', 'CERTIFICATE OF PATENT OR REGISTRATION OF UTILITY MODEL']],
  fee: [['R250', 'RECEIPT OF ANNUAL FEES']],
  transfer: [['S533', 'WRITTEN REQUEST FOR REGISTRATION OF CHANGE OF NAME']],
  lapsed: [['LAPS', 'CANCELLATION BECAUSE OF NO PAYMENT OF ANNUAL FEES']],
  expired: [['EXPY', 'CANCELLATION BECAUSE OF COMPLETION OF TERM']],
  withdrawn: [['A761', 'WRITTEN WITHDRAWAL OF APPLICATION']],
  rejected: [['A02', 'DECISION OF REFUSAL']],
};

const KR: CodeTable = {
  examination: [['A201', 'REQUEST FOR EXAMINATION']],
  officeAction: [['E902', 'NOTIFICATION OF REASON FOR REFUSAL']],
  allowance: [['E701', 'DECISION TO GRANT OR REGISTRATION OF PATENT RIGHT']],
  grant: [['GRNT', 'WRITTEN DECISION TO GRANT'], ['PR0701', 'REGISTRATION OF ESTABLISHMENT']],
  fee: [['PR1001', 'PAYMENT OF ANNUAL FEE']],
  transfer: [['PN2301', 'CHANGE OF APPLICANT']],
  lapsed: [['PC1903', 'UNPAID ANNUAL FEE']],
  expired: [['PC1801', 'EXPIRATION OF TERM']],
  withdrawn: [['E601', 'DECISION TO REFUSE APPLICATION']],
  rejected: [['E601', 'DECISION TO REFUSE APPLICATION']],
};

const WO: CodeTable = {
  published: [['121', 'EP: THE EPO HAS BEEN INFORMED BY WIPO THAT EP WAS DESIGNATED IN THIS APPLICATION']],
  nationalPhase: [['WWE', 'WIPO INFORMATION: ENTRY INTO NATIONAL PHASE']],
  expired: [['NENP', 'NON-ENTRY INTO THE NATIONAL PHASE']],
};

const DE: CodeTable = {
  published: [['R163', 'IDENTIFIED PUBLICATIONS NOTIFIED']],
  examination: [['R012', 'REQUEST FOR EXAMINATION VALIDLY FILED']],
  officeAction: [['R016', 'RESPONSE TO EXAMINATION COMMUNICATION']],
  grant: [['R018', 'GRANT DECISION BY EXAMINATION SECTION/EXAMINING DIVISION'], ['R020', 'PATENT GRANT NOW FINAL']],
  transfer: [['R081', 'CHANGE OF APPLICANT/PATENTEE']],
  lapsed: [['R119', 'APPLICATION DEEMED WITHDRAWN, OR IP RIGHT LAPSED, DUE TO NON-PAYMENT OF RENEWAL FEE']],
  withdrawn: [['R119', 'APPLICATION DEEMED WITHDRAWN, OR IP RIGHT LAPSED, DUE TO NON-PAYMENT OF RENEWAL FEE']],
  rejected: [['R120', 'APPLICATION WITHDRAWN OR IP RIGHT ABANDONED']],
};

const BR: CodeTable = {
  published: [['B03A', 'PUBLICATION OF A PATENT APPLICATION OR OF A CERTIFICATE OF ADDITION OF INVENTION']],
  examination: [['B06U', 'PRELIMINARY REQUIREMENT: REQUESTS WITH SEARCHES PERFORMED BY OTHER PATENT OFFICES: SUSPENSION OF THE PATENT APPLICATION PROCEDURE']],
  allowance: [['B09A', 'DECISION: INTENTION TO GRANT']],
  grant: [['B16A', 'PATENT OR CERTIFICATE OF ADDITION OF INVENTION GRANTED'], ['B350', 'ATUALIZACAO DE INFORMACOES NO PORTAL [CODIGO 15.35 RPI]']],
  lapsed: [['B08F', 'APPLICATION DISMISSED BECAUSE OF NON-PAYMENT OF ANNUAL FEES [CHAPTER 8.6 PATENT GAZETTE]']],
};

const GENERIC: CodeTable = {
  grant: [['FG4A', 'GRANT OR REGISTRATION']],
  fee: [['PLFP', 'FEE PAYMENT']],
  transfer: [['PC', 'TRANSFER OF RIGHTS']],
  lapsed: [['MM4A', 'PATENT LAPSED']],
  expired: [['MK4A', 'EXPIRATION OF PATENT TERM']],
  withdrawn: [['FA9A', 'APPLICATION WITHDRAWN']],
  rejected: [['FC9A', 'APPLICATION REFUSED']],
};

const TABLES: Readonly<Record<string, CodeTable>> = {
  US,
  EP,
  CN,
  JP,
  KR,
  WO,
  DE,
  BR,
  GB: { ...GENERIC, transfer: [['732E', 'AMENDMENTS TO THE REGISTER IN RESPECT OF CHANGES OF NAME OR CHANGES AFFECTING RIGHTS (SECT. 32/1977)']], lapsed: [['PCNP', 'PATENT CEASED THROUGH NON-PAYMENT OF RENEWAL FEE']] },
  FR: { ...GENERIC, published: [['PLSC', 'PUBLICATION OF THE PRELIMINARY SEARCH REPORT']], lapsed: [['ST', 'NOTIFICATION OF LAPSE']] },
  CA: { ...GENERIC, examination: [['EEER', 'EXAMINATION REQUEST']] },
  AU: { ...GENERIC, grant: [['FGA', 'LETTERS PATENT SEALED OR GRANTED (STANDARD PATENT)']] },
  RU: { ...GENERIC, lapsed: [['MM4A', 'THE PATENT IS INVALID DUE TO NON-PAYMENT OF FEES']] },
};

/** What the Chinese office writes (event description, status after), in Chinese as it does. */
const CN_OFFICE: Partial<Record<Step, readonly [string, string]>> = {
  published: ['公开', '公开'],
  examination: ['实质审查的生效', '实质审查'],
  grant: ['授权', '授权'],
  transfer: ['专利申请权、专利权的转移', '权利转移'],
  license: ['专利实施许可合同备案的生效', '许可'],
  pledge: ['专利权质押合同登记的生效', '质押'],
  lapsed: ['未缴年费专利权终止', '专利权的终止'],
  expired: ['专利权有效期届满', '专利权的终止'],
  withdrawn: ['发明专利申请公布后的视为撤回', '撤回'],
  rejected: ['发明专利申请公布后的驳回', '驳回'],
};

/** The Brazilian gazette (RPI) numbers its dispatches; the service sends some as numbers. */
const BR_OFFICE: Partial<Record<Step, readonly [number, string, string]>> = {
  nationalPhase: [1.3, 'Notificação - Fase Nacional - PCT', 'Pedido'],
  published: [3.1, 'Publicação Nacional do Pedido', 'Pedido publicado'],
  examination: [7.1, 'Conhecimento de Parecer Técnico', 'Em exame'],
  grant: [16.1, 'Concessão de Patente ou Certificado de Adição de Invenção', 'Concedida'],
  lapsed: [8.6, 'Arquivamento - Art. 86 da LPI', 'Extinta'],
};

/** The European Patent Register's events: (code, description). */
const EP_OFFICE: Partial<Record<Step, readonly [string, string]>> = {
  examination: ['EXRQ', 'Request for examination filed'],
  officeAction: ['EXCOM', 'Communication from the Examining Division'],
  allowance: ['IGRA', 'Communication of intention to grant the patent (Rule 71(3) EPC)'],
  grant: ['DECGR', 'Decision to grant a European patent'],
  opposition: ['OPPO', 'Opposition filed'],
  revoked: ['REVO', 'Decision revoking the European patent'],
  noOpposition: ['NOOPP', 'No opposition filed within time limit'],
  withdrawn: ['WDRN', 'Application deemed to be withdrawn'],
  rejected: ['REFU', 'Refusal of the application'],
};

/** The detailed status a step leaves the application in. */
const STATUS_AFTER: Partial<Record<Step, string>> = {
  published: 'Published',
  examination: 'Examining',
  officeAction: 'Examining',
  allowance: 'Examining',
  grant: 'Granted',
  noOpposition: 'Granted',
  opposition: 'Granted',
  revoked: 'Revoked',
  lapsed: 'Non-Payment',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  rejected: 'Rejected',
};

const EXAMINED = new Set(['EP', 'CN', 'JP', 'KR', 'DE', 'CA', 'BR', 'TW', 'IN', 'RU', 'AU']);

/** The application's life, oldest first, cut at REFERENCE_DATE. */
function lifeOf(p: SamplePatent, group: readonly SamplePatent[]): Happening[] {
  const rng = new Random(hashString(`${p.apno}|legal`));
  const first = [...group].sort((a, b) => a.pbdt - b.pbdt)[0] ?? p;
  const grant = group.find((g) => g.isd !== undefined && g.patentType !== 'APPLICATION');
  const status = p.legalStatus[0] ?? '';
  const out: Happening[] = [];
  const at = (date: number, step: Step, detail?: string): void => {
    if (date <= REFERENCE_DATE) out.push({ date, step, detail });
  };
  if (p.office === 'WO') {
    at(first.pbdt, 'published');
    const entry = addDays(p.apdt, rng.int(540, 580));
    if (status === 'PCT designated expiration') {
      at(entry, 'nationalPhase', 'US');
      at(addDays(entry, rng.int(30, 120)), 'expired');
    }
    return out;
  }
  if (p.pct) at(p.pct.entryDate, 'nationalPhase');
  if (first.patentType === 'APPLICATION') at(first.pbdt, 'published');
  const examined = EXAMINED.has(p.office) && (first.patentType === 'APPLICATION' || p.office === 'EP');
  const exam = addDays(p.apdt, rng.int(120, 700));
  if (examined) at(Math.max(exam, first.patentType === 'APPLICATION' ? addDays(first.pbdt, 1) : exam), 'examination');
  const end = grant?.isd ?? REFERENCE_DATE;
  if (grant?.isd !== undefined) {
    const g = grant.isd;
    if (grant.patentType === 'PATENT' && first.patentType === 'APPLICATION') {
      at(addDays(g, -rng.int(300, 500)), 'officeAction');
      at(addDays(g, -rng.int(90, 150)), 'allowance');
    }
    at(g, 'grant');
    if (p.office === 'EP') {
      if (p.opposition === 'revoked') {
        at(addDays(g, rng.int(200, 270)), 'opposition');
        at(addDays(g, rng.int(800, 1000)), 'revoked');
      } else at(addDays(g, rng.int(280, 320)), 'noOpposition');
    }
  } else if (status === 'Pending' && examined) {
    at(Math.min(addDays(exam, rng.int(200, 500)), REFERENCE_DATE), 'officeAction');
  }
  const granted = grant?.isd !== undefined;
  // How it ended, for an inactive one.
  let stop = REFERENCE_DATE;
  if (status === 'Inactive') {
    if (p.opposition === 'revoked') stop = out.find((h) => h.step === 'revoked')?.date ?? REFERENCE_DATE;
    else if (granted) {
      const term = addDays(p.apdt, 20 * 365 + 5);
      const lapse = addDays(end, rng.int(3, 9) * 365 + rng.int(0, 60));
      if (term <= REFERENCE_DATE && term < lapse) {
        stop = term;
        at(term, 'expired');
      } else {
        stop = Math.min(lapse, REFERENCE_DATE);
        at(stop, 'lapsed');
      }
    } else {
      stop = Math.min(addDays(Math.max(first.pbdt, p.apdt), rng.int(400, 1100)), REFERENCE_DATE);
      at(stop, rng.chance(0.6) ? 'withdrawn' : 'rejected');
    }
  }
  if (granted) {
    const g = end;
    const fees = p.office === 'US' ? [3.5, 7.5, 11.5] : Array.from({ length: 19 }, (_, i) => i + 2);
    for (const year of fees) {
      const date = addDays(g, Math.round((p.office === 'US' ? year : year - 1.5) * 365));
      if (date < stop && date > g) at(date, 'fee', String(year));
    }
  }
  if (p.originalAssignees[0]?.name !== p.currentAssignees[0]?.name) at(addDays(p.apdt, rng.int(200, Math.max(201, Math.min(3000, daysBetween(p.apdt, stop) - 10)))), 'transfer');
  if (status === 'Active' && granted) {
    if (p.office === 'CN' && rng.chance(0.2)) at(addDays(end, rng.int(100, 900)), 'pledge');
    if (rng.chance(0.1)) at(addDays(end, rng.int(100, 1500)), 'license');
    if (p.office === 'US' && rng.chance(0.08)) at(addDays(end, rng.int(300, 1500)), 'litigation');
  }
  return out.filter((h) => h.date <= stop || h.step === 'revoked').sort((a, b) => a.date - b.date);
}

function daysBetween(a: number, b: number): number {
  const d = (ymd: number): number => Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100);
  return Math.round((d(b) - d(a)) / 86_400_000);
}

function detailedStatus(p: SamplePatent, life: readonly Happening[], granted: boolean): string[] {
  const status = p.legalStatus[0] ?? '';
  const last = (steps: readonly Step[]): Step | undefined => [...life].reverse().find((h) => steps.includes(h.step))?.step;
  switch (status) {
    case 'Active':
      return granted || p.patentType !== 'APPLICATION' ? ['Granted'] : ['Examining'];
    case 'Pending':
      return life.some((h) => h.step === 'examination') ? ['Examining'] : ['Published'];
    case 'Inactive': {
      const end = last(['revoked', 'expired', 'lapsed', 'withdrawn', 'rejected']);
      return [end === 'revoked' ? 'Revoked' : end === 'expired' ? 'Expired' : end === 'lapsed' ? 'Non-Payment' : end === 'rejected' ? 'Rejected' : 'Withdrawn'];
    }
    case 'PCT designated period':
    case 'PCT designated expiration':
      return [status];
    default:
      return ['Undetermined'];
  }
}

const EVENT_STATUS: Partial<Record<Step, string>> = { transfer: 'Transfer', license: 'License', pledge: 'Pledge', litigation: 'Litigation', opposition: 'Opposition' };

export function legalRecordOf(p: SamplePatent, group: readonly SamplePatent[]): LegalRecord {
  const life = lifeOf(p, group);
  const granted = group.some((g) => g.isd !== undefined && g.patentType !== 'APPLICATION');
  const table = TABLES[p.office] ?? GENERIC;
  const inpadoc: LegalRecord['inpadoc'] = [];
  const official: LegalRecord['official'] = [];
  for (const h of life) {
    for (const [code, desc] of table[h.step] ?? []) {
      const detail = h.step === 'fee' ? ` - YEAR OF FEE PAYMENT: ${h.detail}` : h.step === 'transfer' ? ` - OWNER NAME: ${p.currentAssignees[0]?.name ?? ''}` : '';
      inpadoc.push({ event_code: code, event_date: h.date, event_desc: `${desc}${detail}`, ref_country_code: p.office });
    }
    const vol = String(Math.floor(h.date / 10000) * 100 + Math.ceil(((Math.floor(h.date / 100) % 100) * 52) / 12));
    if (p.office === 'CN' && CN_OFFICE[h.step]) {
      const [desc, status] = CN_OFFICE[h.step] as readonly [string, string];
      official.push({ event_vol: vol, event_code: h.step === 'grant' ? 'C14' : h.step === 'published' ? 'C06' : h.step === 'examination' ? 'C10' : 'C19', event_date: h.date, event_desc: desc, event_legal_status: status, event_others: `申请号：${p.apno}` });
    } else if (p.office === 'BR' && BR_OFFICE[h.step]) {
      const [code, desc, status] = BR_OFFICE[h.step] as readonly [number, string, string];
      const rpi = String(2500 + Math.floor((h.date - 20190101) / 700)); // the weekly gazette's issue
      official.push({ event_vol: rpi, event_code: code, event_date: h.date, event_desc: desc, event_legal_status: status, event_others: `RPI ${rpi}` });
    } else if (p.office === 'EP' && EP_OFFICE[h.step]) {
      const [code, desc] = EP_OFFICE[h.step] as readonly [string, string];
      official.push({ event_vol: vol, event_code: code, event_date: h.date, event_desc: desc, event_legal_status: STATUS_AFTER[h.step] ?? '', event_others: `European Patent Bulletin ${vol}` });
    }
  }
  const events = [...new Set(life.map((h) => EVENT_STATUS[h.step]).filter((s): s is string => s !== undefined))];
  return {
    legalDate: life.length > 0 ? (life[life.length - 1] as Happening).date : p.pbdt,
    simple: [...p.legalStatus],
    detailed: detailedStatus(p, life, granted),
    events,
    inpadoc,
    official,
  };
}
