/** The citation settings' values, read strictly: anything unknown falls back to the default. */
import { DEFAULT_SEVERITIES, LINT_CODES, SEVERITIES, type LintCode, type Severity } from '../../core/citations';
import type { NumberStyle } from '../../core/numbers';

export type SeveritySetting = Severity | 'off';

/** `patentLookup.citations.severity`: an object of code -> error | warning | information | hint | off. */
export function readSeverities(value: unknown): Record<LintCode, SeveritySetting> {
  const given = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SEVERITIES } as Record<LintCode, SeveritySetting>;
  for (const code of LINT_CODES) {
    const v = given[code];
    if (typeof v === 'string' && (v === 'off' || (SEVERITIES as readonly string[]).includes(v))) out[code] = v as SeveritySetting;
  }
  return out;
}

/** `patentLookup.citations.style`: `office` (US 11,205,304 B2, the default) or `compact` (US11205304B2). */
export function readStyle(value: unknown): NumberStyle {
  return value === 'compact' ? 'compact' : 'office';
}
