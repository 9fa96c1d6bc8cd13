import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { tokenize, tokenAt, type Token } from '../../../../src/core/query';
import { VALID } from './queries';

const kinds = (q: string): string[] => tokenize(q).map((t) => `${t.kind}:${t.text}`);

/** Characters that mean something in a query, mixed with ordinary ones and white space. */
const QUERY_CHARS = [...'()[]"$:*?#@ \t\nANDORTNOWSPEFQaz019_-/.,', '\uff08', '\uff09', '\uff1a', '\u201c', '\u201d', '\u201e', '\u6c7d', '\ud83d\ude00', 'TTL:', 'PBD:', ' TO ', ' AND ', '$W5', '$FREQ2', 'TREE@'];
const queryText = fc.array(fc.constantFrom(...QUERY_CHARS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(queryText, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

function assertCovers(text: string, tokens: readonly Token[]): void {
  let pos = 0;
  for (const t of tokens) {
    assert.ok(t.start >= pos, `tokens in order and apart: ${t.start} after ${pos}`);
    assert.ok(t.end > t.start, 'no empty token');
    assert.match(text.slice(pos, t.start), /^\s*$/, 'only white space between tokens');
    assert.equal(t.text, text.slice(t.start, t.end));
    pos = t.end;
  }
  assert.match(text.slice(pos), /^\s*$/, 'only white space after the last token');
}

describe('query tokenizer', () => {
  it('splits a query into fields, operators, terms, phrases and brackets', () => {
    assert.deepEqual(kinds('TTL:(car OR "electric vehicle") AND PBD:[20200101 TO *]'), [
      'field:TTL:', 'lparen:(', 'word:car', 'operator:OR', 'phrase:"electric vehicle"', 'rparen:)', 'operator:AND', 'field:PBD:', 'lbracket:[', 'word:20200101', 'operator:TO', 'word:*', 'rbracket:]',
    ]);
  });

  it('reads positional operators with their number, $FREQ after a term, and TREE@', () => {
    const ts = tokenize('book $W2 case $PRE10 x $SEN y TTL:("car" $FREQ2) ANCS:TREE@"Alphabet Inc"');
    const pos = ts.filter((t) => t.kind === 'positional').map((t) => [t.value, t.n]);
    assert.deepEqual(pos, [['$W', 2], ['$PRE', 10], ['$SEN', undefined], ['$FREQ', 2]]);
    assert.deepEqual(ts.filter((t) => t.kind === 'tree').map((t) => t.text), ['TREE@']);
  });

  it('takes TO as an operator only inside a range, and operators in any case', () => {
    assert.deepEqual(kinds('method to produce'), ['word:method', 'word:to', 'word:produce']);
    assert.deepEqual(kinds('pbd:[2020 to 2021] and x'), ['field:pbd:', 'lbracket:[', 'word:2020', 'operator:to', 'word:2021', 'rbracket:]', 'operator:and', 'word:x']);
    assert.equal(tokenize('and')[0]?.value, 'AND');
  });

  it('keeps numbers and codes with their punctuation as one term', () => {
    assert.deepEqual(kinds('APNO:US10/123456 IPC:H01M10/0525 CN201510570472.5 10:30'), ['field:APNO:', 'word:US10/123456', 'field:IPC:', 'word:H01M10/0525', 'word:CN201510570472.5', 'word:10:30']);
  });

  it('marks full-width and typographic look-alikes, and an unclosed phrase', () => {
    const ts = tokenize('TTL\uff1a\uff08\u201ccar\u201d\uff09 "open');
    assert.deepEqual(ts.map((t) => [t.kind, Boolean(t.nonAscii)]), [['field', true], ['lparen', true], ['phrase', true], ['rparen', true], ['phrase', false]]);
    assert.equal(ts[4]?.closed, false);
    assert.equal(ts[2]?.closed, true);
  });

  it('finds the token under an offset', () => {
    const q = 'TTL:car OR truck';
    const ts = tokenize(q);
    assert.equal(tokenAt(ts, 0)?.text, 'TTL:');
    assert.equal(tokenAt(ts, 5)?.text, 'car');
    assert.equal(tokenAt(ts, 7), undefined);
    assert.equal(tokenAt(ts, q.length - 1)?.text, 'truck');
    assert.equal(tokenAt(ts, q.length), undefined);
  });

  it('tokenizes every documented query into known tokens that cover it', () => {
    for (const [, q] of VALID) assertCovers(q, tokenize(q));
  });

  describe('properties', () => {
    it('never throws, and covers the input: every character not white space is in exactly one token', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          assertCovers(text, tokenize(text));
        }),
        { numRuns: 2000 },
      );
    });

    it('decides each token locally: a query after a closed one tokenizes the same on its own', () => {
      // No state leaks across a white-space boundary once phrases and ranges are closed,
      // which is what keeps the tokenizer a single forward pass.
      const closed = queryText.filter((t) => !/["\u201c\u201d\u201e[\]]/.test(t));
      fc.assert(
        fc.property(closed, closed, (a, b) => {
          const joined = tokenize(`${a} ${b}`);
          const shift = a.length + 1;
          const alone = [...tokenize(a), ...tokenize(b).map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }))];
          assert.deepEqual(joined, alone);
        }),
        { numRuns: 1000 },
      );
    });

    it('makes at most one token per character, on any input size', () => {
      fc.assert(
        fc.property(fc.array(queryText, { maxLength: 50 }), (parts) => {
          const text = parts.join('');
          assert.ok(tokenize(text).length <= text.replace(/\s/g, '').length);
        }),
      );
    });
  });
});
