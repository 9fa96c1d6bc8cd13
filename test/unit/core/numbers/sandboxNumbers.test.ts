/** Every publication number the sandbox answers with reads back as itself: hovers and Open Patent… find them. */
import * as assert from 'node:assert/strict';
import { parsePatentNumber } from '../../../../src/core/numbers';
import { CANONICAL_NUMBERS, generateSampleData } from '../../../../src/sandbox/data';

describe('the sandbox\u2019s numbers', () => {
  it('every pn of the sample data, all 23 offices, parses back to itself as a publication', () => {
    const data = generateSampleData();
    const pns = [...new Set([...data.patents.map((p) => p.pn), ...CANONICAL_NUMBERS])];
    assert.ok(new Set(pns.map((pn) => pn.slice(0, 2))).size >= 20);
    const wrong = pns.filter((pn) => {
      const m = parsePatentNumber(pn);
      return m?.number !== pn || m.type !== 'publication';
    });
    assert.deepEqual(wrong, []);
  });
});
