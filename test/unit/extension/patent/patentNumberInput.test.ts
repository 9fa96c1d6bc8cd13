import * as assert from 'node:assert/strict';
import { readOpenPatentArgs } from '../../../../src/extension/patent/openPatentArgs.pure';
import { normalisePatentInput, openPatentInput } from '../../../../src/extension/patent/patentNumberInput';

describe('Open Patent input', () => {
  it('normalises numbers as people write them', () => {
    const cases: Array<[string, string]> = [
      ['US 11,205,304 B2', 'US11205304B2'],
      ['US11205304B2', 'US11205304B2'],
      ['EP 1 234 567 B1', 'EP1234567B1'],
      ['WO 2020/123456 A1', 'WO2020123456A1'],
      ['US 2005/0262868 A1', 'US20050262868A1'],
      ['  cn104169186a ', 'CN104169186A'],
    ];
    for (const [typed, number] of cases) assert.deepEqual(normalisePatentInput(typed), { ok: true, number }, typed);
  });

  it('refuses empty input, application numbers and text that is no number', () => {
    assert.equal(normalisePatentInput('  ').ok, false);
    const app = normalisePatentInput('U.S. Appl. No. 14/706,838');
    assert.equal(app.ok, false);
    assert.match(app.ok ? '' : app.problem, /application number/);
    assert.equal(normalisePatentInput('hello world').ok, false);
    assert.equal(normalisePatentInput('12345').ok, false);
  });
});

describe('openPatent arguments', () => {
  it('accepts a number string, the documented object and a tree node', () => {
    assert.deepEqual(readOpenPatentArgs('US7123456B2'), { number: 'US7123456B2' });
    assert.deepEqual(readOpenPatentArgs({ number: 'US7123456B2', section: 'documents' }), { number: 'US7123456B2', section: 'documents' });
    assert.deepEqual(readOpenPatentArgs({ patentId: 'abc' }), { patentId: 'abc' });
    assert.deepEqual(readOpenPatentArgs({ id: 'patent/x', hit: { pn: 'EP1234567B1', patentId: 'x' } }), { number: 'EP1234567B1', patentId: 'x' });
  });

  it('ignores what names no patent, and unknown sections', () => {
    for (const arg of [undefined, null, '', 42, {}, { number: 7 }, { section: 'documents' }]) assert.equal(readOpenPatentArgs(arg), undefined);
    assert.deepEqual(readOpenPatentArgs({ number: 'US1B1', section: 'javascript:' }), { number: 'US1B1' });
  });
});

describe('Open Patent… input', () => {
  it('takes publication and application numbers as people write them', () => {
    assert.deepEqual(openPatentInput('US 11,205,304 B2'), { ok: true, kind: 'publication', number: 'US11205304B2' });
    assert.deepEqual(openPatentInput('U.S. Appl. No. 17/521,392'), { ok: true, kind: 'application', number: 'US17/521392' });
    assert.deepEqual(openPatentInput('ZL 2015 1 0570472.5'), { ok: true, kind: 'application', number: 'CN201510570472.5' });
    assert.deepEqual(openPatentInput('CN201510570472.5'), { ok: true, kind: 'application', number: 'CN201510570472.5' });
  });

  it('refuses what is neither, saying why', () => {
    const r = openPatentInput('hello');
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.problem, /does not look like a patent number/);
    assert.equal(openPatentInput('').ok, false);
  });
});
