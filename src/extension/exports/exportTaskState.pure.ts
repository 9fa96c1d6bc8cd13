/**
 * What the composition root checks at activation, without loading the exports
 * feature: whether the stored task list may hold a task to follow (one still
 * pending at PatSnap, or finished but not yet saved). The feature then checks each
 * record properly. Pure.
 */
export const EXPORTS_VIEW_ID = 'patentLookup.exports';

/** Where the task list lives in globalState, shared by the windows of a profile. */
export const EXPORT_TASKS_STATE_KEY = 'patentLookup.exports.tasks';

export function mayNeedFollowing(stored: unknown): boolean {
  return Array.isArray(stored) && stored.some((r) => typeof r === 'object' && r !== null && ['pending', 'succeeded'].includes((r as { status?: unknown }).status as string));
}
