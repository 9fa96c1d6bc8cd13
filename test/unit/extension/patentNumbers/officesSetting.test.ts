/** The `patentLookup.numbers.offices` setting lists exactly the offices the core recognises. */
import * as assert from 'node:assert/strict';
import { SUPPORTED_OFFICES } from '../../../../src/core/numbers';
import { localizedManifest } from '../localizedManifest';

interface OfficesSetting {
  items: { enum: string[]; enumDescriptions: string[] };
  default: string[];
}

const manifest = localizedManifest() as {
  contributes: { configuration: { properties: Record<string, unknown> } };
};
const setting = manifest.contributes.configuration.properties['patentLookup.numbers.offices'] as OfficesSetting;

describe('patentLookup.numbers.offices', () => {
  it('offers and enables every supported office, each described', () => {
    assert.deepEqual(setting.items.enum, [...SUPPORTED_OFFICES]);
    assert.deepEqual(setting.default, [...SUPPORTED_OFFICES]);
    assert.equal(setting.items.enumDescriptions.length, SUPPORTED_OFFICES.length);
  });
});
