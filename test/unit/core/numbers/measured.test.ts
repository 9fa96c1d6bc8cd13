/**
 * Issue #12's measured targets, against the tables in test/fixtures/numbers: at least 400 forms
 * across twenty offices, each with its source; at least 95% normalised right and no wrong number
 * ever (a miss is better); at most 1% of 500+ lines of ordinary text with a false match.
 */
import * as assert from 'node:assert/strict';
import { findPatentNumbers, parsePatentNumber, SUPPORTED_OFFICES } from '../../../../src/core/numbers';
import { readDistractors, readForms } from './table';

const officeOf = (n: string): string => (n.startsWith('PCT/') ? 'WO' : n.slice(0, 2));

describe('patent numbers as the world writes them (measured)', () => {
  const rows = readForms();

  it('has at least 400 forms across at least twenty offices, each with its source', () => {
    assert.ok(rows.length >= 400, `${rows.length} forms`);
    const offices = new Set(rows.flatMap((r) => r.expected.map(officeOf)));
    assert.ok(offices.size >= 20, `${offices.size} offices: ${[...offices].join(' ')}`);
    for (const o of offices) assert.ok((SUPPORTED_OFFICES as readonly string[]).includes(o), o);
    for (const r of rows) assert.ok(r.source.trim().length > 0, `line ${r.line} has no source`);
  });

  it('normalises at least 95% of the forms right and never gives a wrong number', () => {
    let right = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const r of rows) {
      const found = findPatentNumbers(r.input);
      const numbers = found.map((m) => m.number);
      const typeOk = r.type === undefined || found.every((m) => m.type === r.type);
      if (JSON.stringify(numbers) === JSON.stringify(r.expected) && typeOk) right++;
      else if (numbers.some((n) => !r.expected.includes(n)) || !typeOk) wrong.push(`${r.line}: ${r.input} -> ${numbers.join(', ')} (want ${r.expected.join(', ') || 'nothing'})`);
      else missed.push(`${r.line}: ${r.input} -> ${numbers.join(', ') || 'nothing'} (want ${r.expected.join(', ')})`);
    }
    const share = right / rows.length;
    console.log(`      forms: ${right}/${rows.length} right (${(100 * share).toFixed(1)}%, target >= 95%), ${wrong.length} wrong (target 0), ${missed.length} missed`);
    assert.deepEqual(wrong, [], 'wrong numbers');
    assert.ok(share >= 0.95, `only ${(100 * share).toFixed(1)}% right; missed:\n${missed.join('\n')}`);
  });

  it('reads each expected number back as itself when typed alone', () => {
    for (const r of rows) {
      for (const n of r.expected) assert.equal(parsePatentNumber(n)?.number, n, `line ${r.line}: ${n}`);
    }
  });

  it('finds a false number on at most 1% of 500+ lines of ordinary text', () => {
    const lines = readDistractors();
    assert.ok(lines.length >= 500, `${lines.length} lines`);
    const hits = lines.filter((l) => findPatentNumbers(l).length > 0);
    const share = hits.length / lines.length;
    console.log(`      distractors: ${hits.length}/${lines.length} lines with a match (${(100 * share).toFixed(2)}%, target <= 1%)`);
    assert.ok(share <= 0.01, hits.map((l) => `${l} -> ${findPatentNumbers(l).map((m) => m.number).join(', ')}`).join('\n'));
  });
});
