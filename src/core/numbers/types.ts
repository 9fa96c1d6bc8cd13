/** Offices whose numbers are recognised, in the order settings and docs list them. */
export const SUPPORTED_OFFICES = ['US', 'EP', 'WO', 'CN', 'JP', 'KR'] as const;

export type OfficeCode = (typeof SUPPORTED_OFFICES)[number];

export type NumberType = 'publication' | 'application';

/** One patent number found in text (or typed alone), with where it was written. */
export interface PatentNumberMatch {
  /** 0-based offset in UTF-16 code units. */
  index: number;
  length: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (as VS Code counts). */
  column: number;
  /** Exactly as written: `text === input.slice(index, index + length)`. */
  text: string;
  /** Compact normalised form: US20050262868A1, US14/706838, PCT/US2020/012345. */
  number: string;
  type: NumberType;
  /** One of SUPPORTED_OFFICES; PCT application numbers belong to 'WO'. */
  office: OfficeCode;
  /** WIPO ST.16 kind code as written (A1, B2, S …), or null when none was written. */
  kind: string | null;
}

export interface FindOptions {
  /** Offices to recognise; unknown codes are ignored. Default: all of SUPPORTED_OFFICES. */
  offices?: readonly string[];
}
