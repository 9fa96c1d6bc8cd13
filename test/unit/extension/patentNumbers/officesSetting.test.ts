/** The `patentLookup.numbers.offices` setting lists exactly the offices the core recognises. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SUPPORTED_OFFICES } from '../../../../src/core/numbers';

interface OfficesSetting {
  items: { enum: string[]; enumDescriptions: string[] };
  default: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
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
