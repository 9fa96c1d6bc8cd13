import type { OfficeCode } from '../numbers';

/** The issuing authority of each office, as a citation names it (CSL `authority`). */
export const OFFICE_NAMES: Readonly<Record<OfficeCode, string>> = {
  US: 'United States Patent and Trademark Office',
  EP: 'European Patent Office',
  WO: 'World Intellectual Property Organization',
  CN: 'China National Intellectual Property Administration',
  JP: 'Japan Patent Office',
  KR: 'Korean Intellectual Property Office',
  DE: 'German Patent and Trade Mark Office',
  IN: 'Indian Patent Office',
  CA: 'Canadian Intellectual Property Office',
  AU: 'IP Australia',
  BR: 'National Institute of Industrial Property (Brazil)',
  GB: 'UK Intellectual Property Office',
  RU: 'Federal Service for Intellectual Property (Rospatent)',
  FR: 'National Institute of Industrial Property (France)',
  TW: 'Taiwan Intellectual Property Office',
  MX: 'Mexican Institute of Industrial Property',
  IT: 'Italian Patent and Trademark Office',
  ES: 'Spanish Patent and Trademark Office',
  NL: 'Netherlands Patent Office',
  CH: 'Swiss Federal Institute of Intellectual Property',
  AT: 'Austrian Patent Office',
  SE: 'Swedish Intellectual Property Office',
  DK: 'Danish Patent and Trademark Office',
};

export function officeName(office: string): string | undefined {
  return (OFFICE_NAMES as Readonly<Record<string, string>>)[office];
}
