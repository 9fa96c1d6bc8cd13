import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { claimTree, independentClaims, parseClaims, pickClaimText, referencedClaims } from '../../../../src/core/record/claims';

// eslint-disable-next-line no-control-regex -- controls are what must not be left
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

const shape = (html: string): Array<[number, boolean, number[]]> => parseClaims(html).map((c) => [c.num, c.independent, c.parents]);

describe('claims: P018 claim HTML to a tree', () => {
  it('reads the parent attribute, and "claim N" in the text where it is missing', () => {
    const html = [
      '<div class="indep-clm" num="1"><seg-pre>1. A battery module, comprising:</seg-pre></div>',
      '<div class="indep-clm" num="1">a plurality of cells; and</div>',
      '<div class="indep-clm" num="1">a cooling plate &amp; a housing.</div>',
      '<div class="dep-clm" num="2" parent="1">2. The battery module of claim 1, wherein the plate is aluminium.</div>',
      '<div class="dep-clm" num="3">3. The battery module according to any one of claims 1 to 2, wherein T &lt; 60&deg;C.</div>',
      '<div class="dep-clm" num="4">4. The battery module as claimed in claim 2 or claim 3.</div>',
      '<div class="indep-clm" num="5">5. A vehicle comprising the battery module of claim 1.</div>',
    ].join('\n');
    assert.deepEqual(shape(html), [
      [1, true, []],
      [2, false, [1]],
      [3, false, [1, 2]],
      [4, false, [2, 3]],
      [5, true, []],
    ]);
    const [first, , third] = parseClaims(html);
    assert.deepEqual(first?.paragraphs, ['A battery module, comprising:', 'a plurality of cells; and', 'a cooling plate & a housing.']);
    assert.equal(first?.text, 'A battery module, comprising:\na plurality of cells; and\na cooling plate & a housing.');
    assert.equal(third?.text, 'The battery module according to any one of claims 1 to 2, wherein T < 60°C.');
    const tree = claimTree(parseClaims(html));
    assert.deepEqual(tree.map((n) => [n.num, n.children.map((k) => [k.num, k.children.map((g) => g.num)])]), [[1, [[2, [4]], [3, []]]], [5, []]]);
    assert.deepEqual(independentClaims(parseClaims(html)).map((c) => c.num), [1, 5]);
  });

  it('reads Chinese, Japanese and Korean references: 权利要求N, 請求項N, 청구항 N', () => {
    const cn = '<div class="dep-clm" num="4"><seg-con>4.根据权利要求1至3中任一项所述的电池，</seg-con>其特征在于</div>';
    assert.deepEqual(parseClaims(cn)[0]?.parents, [1, 2, 3]);
    assert.equal(parseClaims(cn)[0]?.text, '根据权利要求1至3中任一项所述的电池，其特征在于');
    assert.deepEqual(referencedClaims('根据权利要求1或2所述的方法', 5), [1, 2]);
    assert.deepEqual(referencedClaims('根据权利要求1、3所述的方法', 5), [1, 3]);
    assert.deepEqual(referencedClaims('請求項１～３のいずれか１項に記載の電池', 6), [1, 2, 3]);
    assert.deepEqual(referencedClaims('請求項2に記載の装置であって', 6), [2]);
    assert.deepEqual(referencedClaims('請求項1ないし3のいずれか', 6), [1, 2, 3]);
    assert.deepEqual(referencedClaims('제1항에 있어서, 청구항 2 또는', 6), [2]);
    assert.deepEqual(referencedClaims('Vorrichtung nach Anspruch 1 oder 2', 4), [1, 2]);
    assert.deepEqual(referencedClaims('Dispositif selon l\u2019une des revendications 1 à 3', 4), [1, 2, 3]);
    assert.deepEqual(referencedClaims('The method of any one of the preceding claims', 4), [1, 2, 3]);
    const jp = '<div class="indep-clm" num="1">【請求項１】\n電池であって、</div><div class="dep-clm" num="2">【請求項２】請求項１に記載の電池。</div>';
    assert.deepEqual(shape(jp), [
      [1, true, []],
      [2, false, [1]],
    ]);
    assert.equal(parseClaims(jp)[0]?.text, '電池であって、');
  });

  it('ignores references forward, to itself, and numbers that are not claim references', () => {
    assert.deepEqual(referencedClaims('The device of claim 3, with 12 cells, as in claim 7', 5), [3]);
    assert.deepEqual(referencedClaims('A device with 3 claims of priority', 5), []);
  });

  it('reads claims sent as plain text, <p> or <br> lines', () => {
    assert.deepEqual(shape('1. A widget.\n2. The widget of claim 1.\n   continued here.\n3. A method using claim 2.'), [
      [1, true, []],
      [2, false, [1]],
      [3, false, [2]],
    ]);
    assert.deepEqual(parseClaims('1. A widget.<br/>2. The widget of claim 1.')[1]?.text, 'The widget of claim 1.');
    assert.deepEqual(shape('<p>1. A widget.</p><p>2. The widget of claim 1.</p>'), [
      [1, true, []],
      [2, false, [1]],
    ]);
  });

  it('numbers claims without num from their text, else one after the other', () => {
    assert.deepEqual(shape('<div class="indep-clm">1. A.</div><div class="dep-clm">The A of claim 1.</div><div class="dep-clm">7. The A of claim 2.</div>'), [
      [1, true, []],
      [2, false, [1]],
      [7, false, [2]],
    ]);
  });

  it('keeps only the text of hostile markup: scripts, handlers, comments, controls and broken tags', () => {
    const html = [
      '<div class="indep-clm" num="1" onclick="alert(1)">1. A <img src=x onerror=alert(1)>widget<script>alert("x")</script><!-- hidden <div num="9"> -->,',
      '<style>div{}</style>comprising \u001b[31mred\u001b[0m a part\u202e &#x1b;[2J &lt;b&gt;</div>',
      '<div class="dep-clm" num="2" parent="1">2. The widget of claim 1 <b unclosed',
    ].join('');
    const claims = parseClaims(html);
    assert.deepEqual(claims.map((c) => c.num), [1, 2]);
    const all = claims.map((c) => c.text).join('\n');
    assert.equal(claims[0]?.text, 'A widget,comprising [31mred[0m a part [2J <b>');
    assert.ok(!CONTROLS.test(all));
    assert.ok(!/alert|hidden|div\{/.test(all));
    assert.equal(claims[1]?.text, 'The widget of claim 1 <b unclosed');
  });

  it('answers nothing for empty or non-claim input', () => {
    assert.deepEqual(parseClaims(''), []);
    assert.deepEqual(parseClaims('   \n '), []);
    assert.deepEqual(parseClaims('<div class="indep-clm" num="1">   </div>'), []);
    assert.deepEqual(parseClaims(undefined as unknown as string), []);
  });

  it('picks the claim text in the preferred language, else English, else the first', () => {
    const texts = [{ lang: 'CN', html: 'a' }, { lang: 'EN', html: 'b' }, { lang: 'JP', html: 'c' }];
    assert.equal(pickClaimText(texts, 'jp')?.html, 'c');
    assert.equal(pickClaimText(texts, 'de')?.html, 'b');
    assert.equal(pickClaimText([{ lang: 'CN', html: 'a' }], undefined)?.html, 'a');
  });
});

describe('claims: properties', () => {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const word = fc.stringMatching(/^[A-Za-z&<>"'°µ±≤电池装置]{1,8}$/);
  const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));

  it('never throws, and never leaves controls or a number below 1, on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom('<div class="dep-clm" num="2" parent="1">', '</div>', '<div num="x">', '<seg-a>', '<', '>', '&', '&#0;', '&#x110000;', 'claim 1', '1.', '<!--', '-->', '<script>', '"', "'", '\u001b', ' '), { maxLength: 60 }).map((a) => a.join(''))), (html) => {
        const claims = parseClaims(html);
        for (const c of claims) {
          assert.ok(Number.isInteger(c.num) && c.num > 0);
          assert.ok(!CONTROLS.test(c.text));
          assert.ok(c.parents.every((p) => p !== c.num));
        }
        assert.equal(new Set(claims.map((c) => c.num)).size, claims.length);
      }),
      { numRuns: 400 },
    );
  });

  it('reads back any claim set written as P018 markup, with or without parent attributes and split into paragraphs', () => {
    const claimSet = fc
      .array(fc.record({ paragraphs: fc.array(sentence, { minLength: 1, maxLength: 3 }), parentPick: fc.nat(), dependent: fc.boolean(), writeParent: fc.boolean() }), { minLength: 1, maxLength: 8 })
      .map((specs) =>
        specs.map((s, i) => {
          const num = i + 1;
          const parent = s.dependent && num > 1 ? (s.parentPick % (num - 1)) + 1 : undefined;
          return { num, parent, paragraphs: s.paragraphs, writeParent: s.writeParent };
        }),
      );
    fc.assert(
      fc.property(claimSet, (set) => {
        const html = set
          .map((c) => {
            const first = c.parent ? `${c.num}. The thing of claim ${c.parent}, ${c.paragraphs[0]}` : `${c.num}. ${c.paragraphs[0]}`;
            const texts = [first, ...c.paragraphs.slice(1)];
            const cls = c.parent ? 'dep-clm' : 'indep-clm';
            const parentAttr = c.parent && c.writeParent ? ` parent="${c.parent}"` : '';
            return texts.map((t) => `<div class="${cls}" num="${c.num}"${parentAttr}><seg-x>${escape(t)}</seg-x></div>`).join('\n');
          })
          .join('\n');
        const claims = parseClaims(html);
        assert.deepEqual(
          claims.map((c) => [c.num, c.independent, c.parents, c.paragraphs.length]),
          set.map((c) => [c.num, c.parent === undefined, c.parent ? [c.parent] : [], c.paragraphs.length]),
        );
        for (const [i, c] of set.entries()) assert.equal(claims[i]?.paragraphs.at(-1), (c.paragraphs.length > 1 ? c.paragraphs.at(-1) : claims[i]?.paragraphs.at(-1))?.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 300 },
    );
  });
});
