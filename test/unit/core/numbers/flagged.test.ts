/**
 * The editor scans once, with impossible numbers flagged (the citation checks need them), and the
 * hover, links and views take the possible ones from that scan. That must be exactly what a scan
 * without flags finds, and rescanning an edit must hold in flagged mode too.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPatentNumbers, type PatentNumberMatch } from '../../../../src/core/numbers';
import { assertRescanMatchesFullScan } from './edits';
import { readDistractors, readForms } from './table';

const FLAGGED = { flagImpossible: true } as const;
const plain = (ms: readonly PatentNumberMatch[]) => ms.map((m) => ({ ...m }));
const possible = (text: string) => findPatentNumbers(text, FLAGGED).filter((m) => !m.problem);

const PIECES = [
  'US 7,123,456 B2', 'EP 12345678 B1', 'EP1234567S', 'US 19,876,543 B2', 'CN201510570472.6', ' and ', '\n', 'EP 1 234 567', ' B1', 'WO 98/12345',
  'U.S. Pat. Nos. 7,123,456,', ' 8,234,567', 'DE 10 2019 123 456 A1', ' text ', '7', ',', ' ', 'B2', 'US', 'EP', ' 1234', 'Appl. No. 14/706,838',
];

describe('findPatentNumbers: the flagged scan as the editor runs it', () => {
  it('finds, besides the flagged numbers, exactly what a scan without flags finds: every measured form and distractor', () => {
    for (const row of readForms()) assert.deepEqual(plain(possible(row.input)), plain(findPatentNumbers(row.input)), `forms.tsv line ${row.line}`);
    for (const line of readDistractors()) assert.deepEqual(plain(possible(line)), plain(findPatentNumbers(line)), line);
  });

  it('finds what a scan without flags finds in any text', () => {
    const text = fc.oneof(fc.string({ maxLength: 120 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(plain(possible(t)), plain(findPatentNumbers(t)), JSON.stringify(t))),
      { numRuns: 3000 },
    );
  });

  it('rescans an edit to what a flagged scan of the whole new text gives', () => {
    assertRescanMatchesFullScan(PIECES, FLAGGED);
  });
});
