/**
 * How the composition root builds the patent-number features (with the session's shared lookup
 * cache) and the citation checks on their scan. One module, so one chunk: both load for the
 * first editor, and a chunk of their own would repeat the code they share.
 */
import { CitationsFeature } from '../citations/citationsFeature';
import type { FeatureHost } from '../common/feature';
import { PatentNumberFeatures } from './index';

export async function createPatentNumbersFeature(host: FeatureHost): Promise<PatentNumberFeatures> {
  const { session, log } = host;
  // The cache loads no HTTP code: that comes with the first lookup, once a document shows numbers.
  const lookups = await session.lookupService();
  return new PatentNumberFeatures({ lookups, canLookUp: () => session.hasCredentials, onDidChangeLookups: session.onDidChange, log, records: () => session.recordLookup() });
}

export function createCitationsFeature(host: FeatureHost, numbers: PatentNumberFeatures): CitationsFeature {
  return new CitationsFeature(host, numbers);
}
