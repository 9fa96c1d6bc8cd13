import type { OfficeCode } from '../types';
import { CN } from './cn';
import { EP } from './ep';
import { JP } from './jp';
import { KR } from './kr';
import type { OfficeRules } from './office';
import { US } from './us';
import { WO } from './wo';

export const OFFICE_RULES: Readonly<Record<OfficeCode, OfficeRules>> = { US, EP, WO, CN, JP, KR };

export { eraForm, yearSerial as jpYearSerial } from './jp';
export { parsePct } from './wo';
export type { Intent, NumberContext, OfficeRules, ParsedNumber } from './office';
