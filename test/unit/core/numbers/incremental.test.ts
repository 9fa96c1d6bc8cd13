/** Rescanning only the lines near an edit gives what one scan of the whole new text gives. */
import * as assert from 'node:assert/strict';
import { findPatentNumbers, type PatentNumberMatch } from '../../../../src/core/numbers';
import { rescanEdit } from '../../../../src/core/numbers/incremental';
import { applyEdit, assertRescanMatchesFullScan, linesOf } from './edits';

const plain = (ms: readonly PatentNumberMatch[]) => ms.map((m) => ({ ...m }));

const PIECES = [
  'US 7,123,456 B2', 'U.S. Pat.', '\nNo. 7,123,456', ' and ', '\n', 'EP 1 234 567', ' B1', 'WO 98/12345', 'KR 10-2019-0467631 ', 'U.S. Patent No. 9,655,486',
  'U.S. Pat. Nos. 7,123,456,', ' 8,234,567', 'JP Hei 7-264711', '公開特許公報 ', '공개특허공보 제10-2016-0012345호', 'DE 10 2019 123 456 A1', ' text ', '7', ',', ' ', 'B2', 'US',
  'PCT/US2020/012345', 'CN201510570472.5', 'the claims', '\n\n', 'USD4,210,500', 'Appl. No. 14/706,838',
];

describe('rescanEdit', () => {
  it('matches a full rescan after any edit of any text', () => {
    assertRescanMatchesFullScan(PIECES);
  });

  it('keeps the matches far from the edit, shifting those after it', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i}: see US ${(7_000_000 + i).toLocaleString('en-US')} B2.`);
    const before = lines.join('\n');
    const old = findPatentNumbers(before);
    const firstOld = old[0];
    const lastOld = old[199];
    // Type "x" at the start of line 100.
    const at = before.indexOf('Line 100:');
    const { text: after, edit } = applyEdit(before, at, at, 'x');
    const result = rescanEdit(old, edit, linesOf(after));
    assert.ok(result);
    assert.equal(result.length, 200);
    assert.equal(result[0], firstOld, 'the same object: untouched');
    assert.equal(result[199], lastOld);
    assert.equal(lastOld?.index, after.lastIndexOf('US 7,'));
    assert.deepEqual(plain(result), plain(findPatentNumbers(after)));
  });

  it('sees a number completed by typing (its kind), and one broken by typing inside it', () => {
    const before = 'Claim 1: US 7,123,456 and more.\nSecond line with EP 1 234 567 B1.';
    let state = { text: before, matches: findPatentNumbers(before) };
    const type = (at: number, s: string, del = 0) => {
      const { text, edit } = applyEdit(state.text, at, at + del, s);
      state = { text, matches: rescanEdit(state.matches, edit, linesOf(text)) ?? findPatentNumbers(text) };
    };
    type(before.indexOf(' and'), ' B2');
    assert.deepEqual(state.matches.map((m) => m.number), ['US7123456B2', 'EP1234567B1']);
    type(state.text.indexOf('567 B1'), 'x');
    assert.deepEqual(state.matches.map((m) => m.number), ['US7123456B2']);
  });
});
