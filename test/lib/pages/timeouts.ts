/** Waits are on states, with these upper bounds (2 shared cores: be generous). */
export const WORKBENCH_READY_MS = 90_000;
export const UI_MS = 15_000;
