/** Grouping the numbers of a document by patent, with the real number finder. */
import * as assert from 'node:assert/strict';
import { findPatentNumbers } from '../../../../src/core/numbers';
import { groupMatches, numbersToLookUp } from '../../../../src/extension/patentNumbers/documentPatentsModel.pure';

const TEXT = [
  'Claims 1-3 are rejected over US 7,123,456 B2 in view of EP 1 234 567 B1.',
  'See also U.S. Pat. No. 7,123,456 and US7123456B2, and US 2005/0262868 A1.',
  'Application: U.S. Appl. No. 14/706,838. EP1234567B1 again.',
].join('\n');

describe('groupMatches', () => {
  const matches = findPatentNumbers(TEXT);

  it('makes one group per normalised number, in order of first appearance', () => {
    const groups = groupMatches(matches);
    assert.deepEqual(
      groups.map((g) => [g.key, g.occurrences.length]),
      [
        ['US7123456B2', 2],
        ['EP1234567B1', 2],
        ['US7123456', 1],
        ['US20050262868A1', 1],
        ['US14/706838', 1],
      ],
    );
  });

  it('joins a kind-less number to its patent once the lookup gives the same pn', () => {
    const groups = groupMatches(matches, (n) => (n === 'US7123456' ? 'US7123456B2' : n));
    const us = groups.find((g) => g.key === 'US7123456B2');
    assert.ok(us);
    assert.deepEqual(us.numbers, ['US7123456B2', 'US7123456']);
    assert.deepEqual(
      us.occurrences.map((m) => [m.line, m.column, m.text]),
      [
        [1, 30, 'US 7,123,456 B2'],
        [2, 10, 'U.S. Pat. No. 7,123,456'],
        [2, 38, 'US7123456B2'],
      ],
    );
    assert.equal(groups.length, 4);
  });

  it('keeps application numbers apart from publications', () => {
    const groups = groupMatches(matches, () => 'US14/706838');
    const app = groups.filter((g) => g.type === 'application');
    assert.deepEqual(app.map((g) => g.key), ['US14/706838']);
  });

  it('returns nothing for a document without numbers', () => {
    assert.deepEqual(groupMatches(findPatentNumbers('version 1.2.3, call 555-1234')), []);
  });
});

describe('numbersToLookUp', () => {
  it('lists each publication number once, applications never', () => {
    assert.deepEqual(numbersToLookUp(findPatentNumbers(TEXT)), ['US7123456B2', 'EP1234567B1', 'US7123456', 'US20050262868A1']);
  });
});
