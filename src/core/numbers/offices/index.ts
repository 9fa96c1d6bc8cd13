import type { OfficeCode } from '../types';
import { CN } from './cn';
import { EP } from './ep';
import { JP } from './jp';
import { KR } from './kr';
import { AT, AU, BR, CA, CH, DE, DK, ES, FR, GB, IN, IT, MX, NL, RU, SE, TW } from './more';
import type { OfficeRules } from './office';
import { US } from './us';
import { WO } from './wo';

export const OFFICE_RULES: Readonly<Record<OfficeCode, OfficeRules>> = {
  US, EP, WO, CN, JP, KR, DE, IN, CA, AU, BR, GB, RU, FR, TW, MX, IT, ES, NL, CH, AT, SE, DK,
};

export { cnCheckDigit } from './cn';
export { eraForm, parseJp, type JpDocument } from './jp';
export { parsePct } from './wo';
export { numberContext, type Intent, type NumberContext, type OfficeRules, type ParsedNumber } from './office';
