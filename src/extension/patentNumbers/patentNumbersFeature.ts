/** How the composition root builds the patent-number features: with the session's shared lookup cache. */
import type { FeatureHost } from '../common/feature';
import { PatentNumberFeatures } from './index';

export async function createPatentNumbersFeature(host: FeatureHost): Promise<PatentNumberFeatures> {
  const { session, log } = host;
  // The cache loads no HTTP code: that comes with the first lookup, once a document shows numbers.
  const lookups = await session.lookupService();
  return new PatentNumberFeatures({ lookups, canLookUp: () => session.hasCredentials, onDidChangeLookups: session.onDidChange, log, records: () => session.recordLookup() });
}
