// Kind codes per office: WIPO Standard ST.16 and each office's own list of the codes it
// prints (Annex of ST.16, the EPO's kind-code pages, the USPTO's "Kind codes included on
// USPTO patent documents", JPO, KIPO, CNIPA and DPMA notices). One table: the office rules
// take their allowed codes from here, and a citation check reads what a code means.
import type { OfficeCode } from './types';

/** What a document of that kind is: a granted right, or published before any grant. */
export type KindStage = 'grant' | 'pre-grant';
export type KindRight = 'patent' | 'utility model' | 'design' | 'plant' | 'certificate';

export interface KindCode {
  office: OfficeCode;
  kind: string;
  stage: KindStage;
  right: KindRight;
  description: string;
}

type Row = readonly [kind: string, stage: KindStage, right: KindRight, description: string];

const G = 'grant';
const P = 'pre-grant';

const TABLE: Readonly<Record<OfficeCode, readonly Row[]>> = {
  US: [
    ['A', G, 'patent', 'Patent (before 2001)'],
    ['A1', P, 'patent', 'Patent application publication'],
    ['A2', P, 'patent', 'Patent application publication, republished'],
    ['A9', P, 'patent', 'Patent application publication, corrected'],
    ['B1', G, 'patent', 'Patent, no previous application publication'],
    ['B2', G, 'patent', 'Patent, with a previous application publication'],
    ['C1', G, 'certificate', 'Reexamination certificate'],
    ['C2', G, 'certificate', 'Reexamination certificate, second'],
    ['C3', G, 'certificate', 'Reexamination certificate, third'],
    ['E', G, 'patent', 'Reissue patent'],
    ['E1', G, 'patent', 'Reissue patent'],
    ['H', G, 'patent', 'Statutory invention registration'],
    ['H1', G, 'patent', 'Statutory invention registration'],
    ['S', G, 'design', 'Design patent'],
    ['S1', G, 'design', 'Design patent'],
    ['P', G, 'plant', 'Plant patent (before 2001)'],
    ['P1', P, 'plant', 'Plant patent application publication'],
    ['P2', G, 'plant', 'Plant patent, no previous application publication'],
    ['P3', G, 'plant', 'Plant patent, with a previous application publication'],
    ['P4', P, 'plant', 'Plant patent application publication, republished'],
    ['P9', P, 'plant', 'Plant patent application publication, corrected'],
  ],
  EP: [
    ['A1', P, 'patent', 'Application published with the search report'],
    ['A2', P, 'patent', 'Application published without the search report'],
    ['A3', P, 'patent', 'Search report'],
    ['A4', P, 'patent', 'Supplementary search report'],
    ['A8', P, 'patent', 'Application, corrected title page'],
    ['A9', P, 'patent', 'Application, complete reprint'],
    ['B1', G, 'patent', 'Patent specification'],
    ['B2', G, 'patent', 'Patent specification after opposition'],
    ['B3', G, 'patent', 'Patent specification after limitation'],
    ['B8', G, 'patent', 'Patent, corrected title page'],
    ['B9', G, 'patent', 'Patent, complete reprint'],
  ],
  WO: [
    ['A1', P, 'patent', 'International application with the search report'],
    ['A2', P, 'patent', 'International application without the search report'],
    ['A3', P, 'patent', 'Search report published later'],
    ['A4', P, 'patent', 'Amended claims published later'],
    ['A8', P, 'patent', 'Corrected front page'],
    ['A9', P, 'patent', 'Corrected application or search report'],
  ],
  CN: [
    ['A', P, 'patent', 'Invention application publication'],
    ['B', G, 'patent', 'Invention patent (since 2010)'],
    ['C', G, 'patent', 'Invention patent (before 2010)'],
    ['U', G, 'utility model', 'Utility model (since 2010)'],
    ['Y', G, 'utility model', 'Utility model (before 2010)'],
    ['S', G, 'design', 'Design patent'],
    ['A8', P, 'patent', 'Application publication, corrected title page'],
    ['A9', P, 'patent', 'Application publication, corrected'],
    ['B8', G, 'patent', 'Invention patent, corrected title page'],
    ['B9', G, 'patent', 'Invention patent, corrected'],
    ['C8', G, 'patent', 'Invention patent, corrected title page'],
    ['C9', G, 'patent', 'Invention patent, corrected'],
    ['U8', G, 'utility model', 'Utility model, corrected title page'],
    ['U9', G, 'utility model', 'Utility model, corrected'],
    ['Y8', G, 'utility model', 'Utility model, corrected title page'],
    ['Y9', G, 'utility model', 'Utility model, corrected'],
    ['S8', G, 'design', 'Design, corrected title page'],
    ['S9', G, 'design', 'Design, corrected'],
  ],
  JP: [
    ['A', P, 'patent', 'Unexamined application (kokai) or PCT translation (kohyo)'],
    ['A1', P, 'patent', 'Domestic re-publication of a PCT application (saikohyo)'],
    ['B', G, 'patent', 'Examined application (kokoku)'],
    ['B1', G, 'patent', 'Patent, no previous publication'],
    ['B2', G, 'patent', 'Patent or examined application, with a previous publication'],
    ['B4', G, 'patent', 'Examined application, no previous publication'],
    ['C', G, 'patent', 'Patent specification (before 1996)'],
    ['U', P, 'utility model', 'Unexamined utility model application, or registered utility model (since 1994)'],
    ['U1', P, 'utility model', 'Unexamined utility model application'],
    ['Y', G, 'utility model', 'Examined utility model (jitsuko)'],
    ['Y1', G, 'utility model', 'Registered utility model, no previous publication'],
    ['Y2', G, 'utility model', 'Examined or registered utility model, with a previous publication'],
    ['S', G, 'design', 'Design registration'],
  ],
  KR: [
    ['A', P, 'patent', 'Unexamined application publication'],
    ['B1', G, 'patent', 'Registered patent'],
    ['B2', G, 'patent', 'Registered patent, with a previous publication'],
    ['U', P, 'utility model', 'Unexamined utility model publication'],
    ['Y1', G, 'utility model', 'Registered utility model'],
    ['Y2', G, 'utility model', 'Registered utility model, with a previous publication'],
    ['S', G, 'design', 'Design registration'],
  ],
  DE: [
    ['A', P, 'patent', 'Offenlegungsschrift or Auslegeschrift (before 1981)'],
    ['A1', P, 'patent', 'Offenlegungsschrift (application publication)'],
    ['A5', P, 'patent', 'Offenlegungsschrift of a PCT application'],
    ['A8', P, 'patent', 'Offenlegungsschrift, corrected title page'],
    ['A9', P, 'patent', 'Offenlegungsschrift, corrected'],
    ['B', P, 'patent', 'Auslegeschrift (examined application, before 1981)'],
    ['B3', G, 'patent', 'Patent, no previous Offenlegungsschrift'],
    ['B4', G, 'patent', 'Patent, with a previous Offenlegungsschrift'],
    ['B8', G, 'patent', 'Patent, corrected title page'],
    ['B9', G, 'patent', 'Patent, corrected'],
    ['C', G, 'patent', 'Patentschrift (before 1981)'],
    ['C1', G, 'patent', 'Patent, no previous Offenlegungsschrift (before 2004)'],
    ['C2', G, 'patent', 'Patent, with a previous Offenlegungsschrift (before 2004)'],
    ['C3', G, 'patent', 'Patent, amended'],
    ['C5', G, 'patent', 'Patent of the former GDR, extended'],
    ['C8', G, 'patent', 'Patent, corrected title page'],
    ['C9', G, 'patent', 'Patent, corrected'],
    ['T1', P, 'patent', 'Translation of the claims of a European application'],
    ['T2', G, 'patent', 'Translation of a European patent'],
    ['T3', G, 'patent', 'Translation of an amended European patent'],
    ['T4', G, 'patent', 'Translation of a corrected European patent'],
    ['T5', G, 'patent', 'Translation of a European patent after opposition'],
    ['T8', G, 'patent', 'Translation, corrected title page'],
    ['T9', G, 'patent', 'Translation, corrected'],
    ['D1', G, 'patent', 'European patent in German, no translation needed'],
    ['U', G, 'utility model', 'Gebrauchsmuster (before 1981)'],
    ['U1', G, 'utility model', 'Gebrauchsmuster (utility model)'],
    ['U8', G, 'utility model', 'Gebrauchsmuster, corrected title page'],
    ['U9', G, 'utility model', 'Gebrauchsmuster, corrected'],
  ],
  GB: [
    ['A', P, 'patent', 'Application publication'],
    ['A8', P, 'patent', 'Application publication, corrected title page'],
    ['A9', P, 'patent', 'Application publication, corrected'],
    ['B', G, 'patent', 'Patent specification'],
    ['B8', G, 'patent', 'Patent, corrected title page'],
    ['B9', G, 'patent', 'Patent, corrected'],
    ['C', G, 'patent', 'Amended patent specification'],
  ],
  FR: [
    ['A', G, 'patent', 'Patent (before 1969)'],
    ['A1', P, 'patent', 'Application publication'],
    ['A3', P, 'utility model', 'Utility certificate application publication'],
    ['A7', P, 'patent', 'Application publication, second edition'],
    ['A8', P, 'patent', 'Application publication, corrected title page'],
    ['B1', G, 'patent', 'Patent'],
    ['B3', G, 'utility model', 'Utility certificate'],
    ['M', G, 'patent', 'Special medicament patent (before 1978)'],
  ],
  CA: [
    ['A', P, 'patent', 'Application open to public inspection'],
    ['A1', P, 'patent', 'Application open to public inspection'],
    ['C', G, 'patent', 'Patent'],
    ['E', G, 'patent', 'Reissued patent'],
    ['F', G, 'certificate', 'Re-examination certificate'],
  ],
  AU: [
    ['A', P, 'patent', 'Application open to public inspection (before 2002)'],
    ['A1', P, 'patent', 'Application open to public inspection'],
    ['A4', G, 'patent', 'Innovation patent'],
    ['A8', P, 'patent', 'Application, corrected'],
    ['A9', P, 'patent', 'Application, corrected'],
    ['B', G, 'patent', 'Standard patent (before 2002)'],
    ['B2', G, 'patent', 'Standard patent'],
    ['B4', G, 'patent', 'Innovation patent, certified'],
    ['B8', G, 'patent', 'Standard patent, corrected'],
    ['B9', G, 'patent', 'Standard patent, corrected'],
    ['C1', G, 'patent', 'Amended standard patent'],
    ['C4', G, 'patent', 'Amended innovation patent'],
  ],
  TW: [
    ['A', P, 'patent', 'Invention application publication'],
    ['B', G, 'patent', 'Invention patent'],
    ['U', G, 'utility model', 'Utility model'],
    ['S', G, 'design', 'Design patent'],
  ],
  IN: [
    ['A', P, 'patent', 'Application publication'],
    ['B', G, 'patent', 'Patent'],
  ],
  BR: [
    ['A', P, 'patent', 'Application publication (before 2013)'],
    ['A2', P, 'patent', 'Application publication'],
    ['A8', P, 'patent', 'Application publication, corrected'],
    ['B1', G, 'patent', 'Patent'],
    ['B8', G, 'patent', 'Patent, corrected'],
    ['E2', P, 'patent', 'Certificate of addition, application publication'],
    ['U2', P, 'utility model', 'Utility model application publication'],
    ['U8', P, 'utility model', 'Utility model application, corrected'],
    ['Y1', G, 'utility model', 'Utility model'],
    ['S', G, 'design', 'Industrial design'],
  ],
  RU: [
    ['A', P, 'patent', 'Application publication'],
    ['A8', P, 'patent', 'Application publication, corrected title page'],
    ['A9', P, 'patent', 'Application publication, corrected'],
    ['C1', G, 'patent', 'Patent, no previous application publication'],
    ['C2', G, 'patent', 'Patent, with a previous application publication'],
    ['C9', G, 'patent', 'Patent, corrected'],
    ['U1', G, 'utility model', 'Utility model'],
    ['U8', G, 'utility model', 'Utility model, corrected title page'],
    ['U9', G, 'utility model', 'Utility model, corrected'],
    ['S', G, 'design', 'Industrial design'],
  ],
  ES: [
    ['A1', P, 'patent', 'Application published with the search report'],
    ['A2', P, 'patent', 'Application published without the search report'],
    ['A6', P, 'patent', 'Application publication (before 1986)'],
    ['A8', P, 'patent', 'Application publication, corrected'],
    ['A9', P, 'patent', 'Application publication, corrected'],
    ['B1', G, 'patent', 'Patent, no prior examination'],
    ['B2', G, 'patent', 'Patent, with prior examination'],
    ['B8', G, 'patent', 'Patent, corrected'],
    ['B9', G, 'patent', 'Patent, corrected'],
    ['R1', P, 'patent', 'Search report'],
    ['T1', P, 'patent', 'Translation of a European application'],
    ['T3', G, 'patent', 'Translation of a European patent'],
    ['T4', G, 'patent', 'Translation of an amended European patent'],
    ['T5', G, 'patent', 'Translation of a European patent after opposition'],
    ['T8', G, 'patent', 'Translation, corrected'],
    ['T9', G, 'patent', 'Translation, corrected'],
    ['U', P, 'utility model', 'Utility model application'],
    ['U1', P, 'utility model', 'Utility model application'],
    ['Y', G, 'utility model', 'Utility model'],
    ['Y1', G, 'utility model', 'Utility model'],
  ],
  IT: [
    ['A', P, 'patent', 'Application publication (before 2015, by province)'],
    ['A1', P, 'patent', 'Application publication'],
    ['B', G, 'patent', 'Patent'],
    ['B1', G, 'patent', 'Patent'],
    ['U', G, 'utility model', 'Utility model'],
    ['U1', G, 'utility model', 'Utility model'],
  ],
  NL: [
    ['A', P, 'patent', 'Application publication (before 1995)'],
    ['B', G, 'patent', 'Patent (before 1995)'],
    ['B1', G, 'patent', 'Patent'],
    ['C', G, 'patent', 'Patent'],
    ['C1', G, 'patent', 'Patent, no search report'],
    ['C2', G, 'patent', 'Patent, with the search report'],
  ],
  CH: [
    ['A', G, 'patent', 'Patent (before 1980)'],
    ['A1', P, 'patent', 'Application publication'],
    ['A2', P, 'patent', 'Application publication, without search report'],
    ['A3', P, 'patent', 'Application publication, search report'],
    ['A5', G, 'patent', 'Patent, not examined'],
    ['A8', P, 'patent', 'Application publication, corrected'],
    ['A9', P, 'patent', 'Application publication, corrected'],
    ['B1', G, 'patent', 'Patent'],
    ['B5', G, 'patent', 'Patent, examined'],
    ['B8', G, 'patent', 'Patent, corrected'],
    ['B9', G, 'patent', 'Patent, corrected'],
  ],
  AT: [
    ['A', P, 'patent', 'Application publication'],
    ['A1', P, 'patent', 'Application published with the search report'],
    ['A2', P, 'patent', 'Application published without the search report'],
    ['A3', P, 'patent', 'Search report'],
    ['B', G, 'patent', 'Patent'],
    ['B1', G, 'patent', 'Patent, no previous publication'],
    ['B2', G, 'patent', 'Patent, with a previous publication'],
    ['B8', G, 'patent', 'Patent, corrected'],
    ['E', G, 'patent', 'Translation of a European patent (before 2000)'],
    ['T', G, 'patent', 'Translation of a European patent'],
    ['T1', G, 'patent', 'Translation of a European patent'],
    ['U1', G, 'utility model', 'Utility model'],
    ['U2', G, 'utility model', 'Utility model, after an application publication'],
    ['U3', G, 'utility model', 'Utility model, amended'],
    ['U8', G, 'utility model', 'Utility model, corrected'],
  ],
  SE: [
    ['A', P, 'patent', 'Application publication (before 1995)'],
    ['A1', P, 'patent', 'Application publication'],
    ['B', P, 'patent', 'Examined application (before 1995)'],
    ['C', G, 'patent', 'Patent (before 1995)'],
    ['C2', G, 'patent', 'Patent'],
    ['L', P, 'patent', 'Application made available to the public'],
  ],
  DK: [
    ['A', P, 'patent', 'Application publication (before 2010)'],
    ['A1', P, 'patent', 'Application publication'],
    ['B', P, 'patent', 'Examined application (before 1990)'],
    ['B1', G, 'patent', 'Patent'],
    ['C', G, 'patent', 'Patent (before 1990)'],
    ['T3', G, 'patent', 'Translation of a European patent'],
    ['T4', G, 'patent', 'Translation of an amended European patent'],
    ['T5', G, 'patent', 'Translation of a limited European patent'],
    ['U1', G, 'utility model', 'Utility model'],
    ['U3', G, 'utility model', 'Utility model'],
    ['U4', G, 'utility model', 'Utility model, amended'],
    ['Y3', G, 'utility model', 'Utility model, examined'],
    ['Y4', G, 'utility model', 'Utility model, examined and amended'],
  ],
  MX: [
    ['A', P, 'patent', 'Application publication'],
    ['B', G, 'patent', 'Patent'],
    ['U', G, 'utility model', 'Utility model'],
    ['S', G, 'design', 'Industrial design'],
  ],
};

const BY_OFFICE = new Map<OfficeCode, ReadonlyMap<string, KindCode>>(
  (Object.keys(TABLE) as OfficeCode[]).map((office) => [
    office,
    new Map(TABLE[office].map(([kind, stage, right, description]) => [kind, { office, kind, stage, right, description }])),
  ]),
);

/** The kind codes an office prints, in the order of its own list. */
export function kindCodes(office: OfficeCode): KindCode[] {
  return [...(BY_OFFICE.get(office)?.values() ?? [])];
}

/** What `kind` means at `office`; undefined when the office does not use that code. */
export function kindCode(office: OfficeCode, kind: string): KindCode | undefined {
  return BY_OFFICE.get(office)?.get(kind.toUpperCase());
}

/** Whether `kind` marks a document published before any grant (`US…A1`, `EP…A2`, `WO…`, `CN…A`). */
export function isPreGrant(office: OfficeCode, kind: string): boolean {
  return kindCode(office, kind)?.stage === 'pre-grant';
}

/** Every kind code of the office, for the scanner's allowed set. */
export function officeKinds(office: OfficeCode): string[] {
  return TABLE[office].map((row) => row[0]);
}
