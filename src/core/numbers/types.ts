/**
 * Offices whose numbers are recognised, in the order settings and docs list them: the six
 * the sandbox carries, then the other large offices by filing volume (WIPO IP statistics).
 */
export const SUPPORTED_OFFICES = [
  'US', 'EP', 'WO', 'CN', 'JP', 'KR',
  'DE', 'IN', 'CA', 'AU', 'BR', 'GB', 'RU', 'FR', 'TW', 'MX', 'IT', 'ES', 'NL', 'CH', 'AT', 'SE', 'DK',
] as const;

export type OfficeCode = (typeof SUPPORTED_OFFICES)[number];

export type NumberType = 'publication' | 'application';

/** Why a number that reads as an office's cannot be one (only with `FindOptions.flagImpossible`). */
export type NumberProblemReason = 'digits' | 'kind' | 'checkDigit' | 'range';

export interface NumberProblem {
  reason: NumberProblemReason;
  /** One sentence a person can act on: `EP numbers have seven digits; this has nine.` */
  message: string;
}

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
  /**
   * WIPO ST.16 kind code as written (A1, B2, S …), or null when none was written. Where the
   * document's type fixes a kind the number alone would not (特公 B, 実開 U, 実用新案登録 U,
   * Korean 20- utility model publications U), that kind is given.
   */
  kind: string | null;
  /** Set only on matches `flagImpossible` asked for: the number cannot exist as written. */
  problem?: NumberProblem;
}

export interface FindOptions {
  /** Offices to recognise; unknown codes are ignored. Default: all of SUPPORTED_OFFICES. */
  offices?: readonly string[];
  /**
   * Also give numbers that read as an office's but that it cannot have issued (wrong digit
   * count for the series, a kind code it does not use, a failed check digit, past the
   * series' bound), each with its `problem`. Off by default: a miss is better than a wrong number.
   */
  flagImpossible?: boolean;
}
