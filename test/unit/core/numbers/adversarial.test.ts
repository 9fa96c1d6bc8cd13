import * as assert from 'node:assert/strict';
import { findPatentNumbers } from '../../../../src/core/numbers';

/**
 * Counts the string and regex operations a call makes, by wrapping the prototype
 * methods the scanner uses. A work measure that does not depend on machine speed.
 */
function countOperations(f: () => void): number {
  let ops = 0;
  const proto = String.prototype;
  const saved = { charCodeAt: proto.charCodeAt, startsWith: proto.startsWith, slice: proto.slice, exec: RegExp.prototype.exec };
  proto.charCodeAt = function (this: string, i: number) {
    ops++;
    return saved.charCodeAt.call(this, i);
  };
  proto.startsWith = function (this: string, s: string, p?: number) {
    ops++;
    return saved.startsWith.call(this, s, p);
  };
  proto.slice = function (this: string, a?: number, b?: number) {
    ops++;
    return saved.slice.call(this, a, b);
  };
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    ops++;
    return saved.exec.call(this, s);
  };
  try {
    f();
  } finally {
    Object.assign(proto, { charCodeAt: saved.charCodeAt, startsWith: saved.startsWith, slice: saved.slice });
    RegExp.prototype.exec = saved.exec;
  }
  return ops;
}

const repeat = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const ADVERSARIAL: ReadonlyArray<readonly [name: string, unit: string]> = [
  ['digits', '1234567890'],
  ["'1,' repeats", '1,'],
  ["'US ' repeats", 'US '],
  ["'/'-separated digits", '12/'],
  ["'US1,' repeats", 'US1,'],
  ['list of numbers', 'U.S. Pat. Nos. 7,123,456 and '],
  ['labels without numbers', 'U.S. Patent Application Publication No. '],
  ['grouped digits after a code', 'EP 1 234 567 890 '],
  ['PCT prefixes', 'PCT/US'],
  ['era letters', 'JP H08-'],
  ['KR dashes', 'KR 10-10-'],
  ['Appl labels', 'Appl. No. Ser. No. '],
];

describe('findPatentNumbers: adversarial input', () => {
  for (const [name, unit] of ADVERSARIAL) {
    it(`completes on 200 KB of ${name}, with work linear in the length`, () => {
      const text = repeat(unit, 200 * 1024);
      const found = findPatentNumbers(text);
      for (const m of found) assert.equal(text.slice(m.index, m.index + m.length), m.text);

      const n = 8 * 1024;
      const small = countOperations(() => findPatentNumbers(repeat(unit, n)));
      const large = countOperations(() => findPatentNumbers(repeat(unit, 4 * n)));
      // Linear work: 4× the input costs about 4× the operations (quadratic would be 16×).
      assert.ok(large <= 4.5 * small + 100, `${name}: ${small} operations for n, ${large} for 4n`);
    });
  }

  it('a long list after one plural label yields every number once', () => {
    const text = 'U.S. Pat. Nos. ' + Array.from({ length: 5000 }, (_, i) => (7_000_000 + i).toLocaleString('en-US')).join(', ');
    const found = findPatentNumbers(text);
    assert.equal(found.length, 5000);
    assert.equal(found[4999]?.number, 'US7004999');
  });

  it('the operation counter does see the scanner work', () => {
    assert.ok(countOperations(() => findPatentNumbers('See US 7,123,456 B2.')) > 5);
  });
});
