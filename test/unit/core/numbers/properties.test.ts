import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPatentNumbers, parsePatentNumber, type PatentNumberMatch } from '../../../../src/core/numbers';
import { POSITIVE } from './cases';

// Pieces that reach every branch of the readers, so random text is not just noise:
// office codes, labels, separators, era letters, kind codes and digit runs of every length.
const CODES = ['US', 'EP', 'WO', 'CN', 'JP', 'KR', 'PCT/US', 'ZL', 'U.S. Pat. No. ', 'U.S. Pat. Nos. ', 'Appl. No. ', 'U.S. Design Pat. No. ', 'European Patent Application No. ', 'Japanese Patent Application No. ', '特開', '特願', '特許第'];
const SEPARATORS = [' ', ' ', ',', '.', '/', '-', ':', '\n', '\r\n', '\u00a0', ' and ', '; '];
const OTHERS = ['D', 'RE', 'PP', 'H', 'S', 'A', 'A1', 'B1', 'B2', 'E', 'X', 'x', '平', '号', '#', '(', '|', 'Nos.'];
const digitsOf = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
// Mostly the lengths numbers really have, so random candidates often are numbers.
const digitRun = fc.oneof(digitsOf(1, 13), fc.constantFrom(2, 4, 6, 7, 8, 9, 10, 11).chain((n) => digitsOf(n, n)));
const patentish = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...CODES), weight: 2 },
      { arbitrary: digitRun, weight: 4 },
      { arbitrary: fc.constantFrom(...SEPARATORS), weight: 3 },
      { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
/** One number-like candidate: code, digits, maybe more digits, maybe a kind. */
const candidate = fc
  .tuple(
    fc.constantFrom(...CODES),
    fc.constantFrom('', ' ', '-'),
    fc.constantFrom('', '', 'D', 'RE', 'H', 'S'),
    digitRun,
    fc.option(fc.tuple(fc.constantFrom('/', '-', ',', ' ', '.'), digitRun), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom('', ' ', '-'), fc.constantFrom('A', 'A1', 'B1', 'B2', 'E', 'S', 'U', 'Q')), { nil: undefined }),
  )
  .map(([code, sep, prefix, digits, more, kind]) => code + sep + prefix + digits + (more ? more.join('') : '') + (kind ? kind.join('') : ''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), patentish, candidate);

function checkInvariants(text: string, found: readonly PatentNumberMatch[]): void {
  let lastEnd = 0;
  for (const m of found) {
    assert.ok(m.index >= lastEnd, 'sorted and non-overlapping');
    assert.ok(m.length > 0);
    assert.equal(text.slice(m.index, m.index + m.length), m.text);
    const before = text.slice(0, m.index);
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    assert.equal(m.line, before.split(/\r\n?|\n/).length, 'line');
    assert.equal(m.column, m.index - lineStart + 1, 'column');
    lastEnd = m.index + m.length;
  }
}

describe('findPatentNumbers: properties', () => {
  it('never throws, and results are sorted, non-overlapping and sliced from the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkInvariants(text, findPatentNumbers(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('every number found parses back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(patentish, candidate), (text) => {
        for (const m of findPatentNumbers(text)) {
          const back = parsePatentNumber(m.number);
          assert.deepEqual([back?.number, back?.type, back?.office, back?.kind], [m.number, m.type, m.office, m.kind], m.number);
        }
      }),
      { numRuns: 5000 },
    );
    for (const [input] of POSITIVE) {
      for (const m of findPatentNumbers(input)) assert.equal(parsePatentNumber(m.number)?.number, m.number, m.number);
    }
  });

  it('parsePatentNumber never throws and, when it answers, covers the whole input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const m = parsePatentNumber(text);
        if (m) assert.equal(m.text, text.trim().replace(/[.,;]+$/, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a known number embedded in random surrounding text', () => {
    const known = POSITIVE.filter(([input, expected]) => expected.length === 1 && expected[0]?.[0] === input);
    const separator = fc.constantFrom('\n', ' ', ', ', '; ', ' | ', '\t', ' (', '"');
    const closing = fc.constantFrom('\n', ', ', '; ', ' | ', ')', '"', '. ');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), separator, fc.constantFrom(...known), closing, fc.string({ maxLength: 60 }), (before, sep, [written, expected], close, after) => {
        const text = before + sep + written + close + after;
        const numbers = findPatentNumbers(text).map((m) => m.number);
        assert.ok(numbers.includes(expected[0]?.[1] as string), `${JSON.stringify(text)} -> ${numbers.join(', ')}`);
      }),
      { numRuns: 3000 },
    );
  });
});
