import type { CredentialStore } from './credentials/credentialStore';
import type { PatentPanelManager } from './patent/patentPanelManager';
import type { PatentNumberFeatures } from './patentNumbers';
import type { SearchResultsView } from './search/searchResultsView';
import type { PatsnapSession } from './session';

/**
 * What `activate()` returns. Used by the in-host integration tests to look at
 * what the UI shows (the tree's rows, a panel's content) without scraping it.
 */
export interface PatentLookupApi {
  readonly session: PatsnapSession;
  readonly credentials: CredentialStore;
  readonly results: SearchResultsView;
  readonly panels: PatentPanelManager;
  readonly numbers: PatentNumberFeatures;
}
