/**
 * What scripts/run-e2e.mjs hands the specs: a browser context (fresh profile),
 * the workbench URL of a code-server with the packaged extension installed, the
 * workspace folder it opens, and where screenshots go. Shared through a global
 * because the runner is plain ESM and the specs are TypeScript loaded by tsx.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface E2EEnvironment {
  context: BrowserContext;
  workbenchUrl: string;
  workspace: string;
  artifacts: string;
  sandboxUrl?: string;
  /** The extension's global storage in code-server's profile (its lookup cache is under lookups/). */
  globalStorage: string;
  /** Pages opened by specs, screenshotted by the runner when a test fails. */
  pages: Set<Page>;
}

const KEY = Symbol.for('patent-lookup.e2e');

export function e2eEnvironment(): E2EEnvironment {
  const env = (globalThis as Record<symbol, unknown>)[KEY] as E2EEnvironment | undefined;
  if (!env) throw new Error('The e2e specs run inside `npm run test:e2e` (scripts/run-e2e.mjs), which starts code-server and Chromium.');
  return env;
}
