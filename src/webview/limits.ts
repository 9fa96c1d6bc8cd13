/**
 * The sizes the panel's protocol allows, without the schema (no zod): the host shortens
 * API text to them before it sends anything, in code that must stay light.
 */

/** The longest text a field may carry. */
export const TEXT_MAX = 100_000;
/** The longest number and patent id a panel's persisted state keeps. */
export const NUMBER_MAX = 64;
export const PATENT_ID_MAX = 128;
