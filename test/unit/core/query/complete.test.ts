import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FIELDS, complete, hover } from '../../../../src/core/query';

/** The query with `|` marking the cursor. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}
const labels = (marked: string, endpoints?: Parameters<typeof complete>[2]): string[] => {
  const [text, offset] = at(marked);
  return complete(text, offset, endpoints).items.map((i) => i.label);
};

describe('query completion', () => {
  it('offers field codes for the letters typed, in any case, replacing them', () => {
    const [text, offset] = at('car AND tt|');
    const c = complete(text, offset);
    assert.equal(text.slice(c.start, c.end), 'tt');
    assert.ok(c.items.some((i) => i.label === 'TTL:' && i.insertText === 'TTL:' && i.detail === 'Title'));
    assert.ok(c.items.every((i) => i.label.startsWith('T')));
  });

  it('matches the letters of a code in order, after the codes that start with them', () => {
    const items = [...complete(...at('pbdy|')).items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(items[0]?.label, 'PBD_Y:');
    const clm = [...complete(...at('clm|')).items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.equal(clm[0], 'CLMS:');
    assert.ok(clm.includes('CLAIM_COUNT:'));
  });

  it('puts the common fields first', () => {
    const items = [...complete(...at('A|')).items].filter((i) => i.kind === 'field').sort((a, b) => a.sortText.localeCompare(b.sortText));
    const common = [...FIELDS.values()].filter((f) => f.common && f.code.startsWith('A')).map((f) => `${f.code}:`);
    assert.ok(common.length >= 5);
    assert.deepEqual(items.slice(0, common.length).map((i) => i.label).sort(), common.sort());
  });

  it('offers operators with their documentation, and AND among the words starting with A', () => {
    const and = complete(...at('car A|')).items.find((i) => i.label === 'AND');
    assert.ok(and);
    assert.match(and.documentation, /both sides/);
  });

  it('offers positional operators after $, with a number placeholder, unless facets will run', () => {
    const c = complete(...at('book $|'));
    assert.deepEqual(c.items.map((i) => i.label).sort(), ['$FREQn', '$PARA', '$PREn', '$SEN', '$WS', '$Wn'].sort());
    const w = c.items.find((i) => i.label === '$Wn');
    assert.equal(w?.insertText, '$W5');
    assert.equal(w?.snippet, '\\$W${1:5}');
    assert.deepEqual(labels('book $|', { endpoints: ['search', 'facets'] }), []);
    assert.ok(!labels('book |', { endpoints: ['facets'] }).some((l) => l.startsWith('$')));
  });

  it('offers a range after a date field, and listed values after a code field', () => {
    const range = complete(...at('PBD:|')).items;
    assert.equal(range[0]?.insertText, '[20200101 TO 20241231]');
    assert.equal(range[0]?.snippet, '[${1:20200101} TO ${2:20241231}]');
    assert.ok(labels('SIMPLE_LEGAL_STATUS:|').includes('Active'));
    assert.ok(labels('SIMPLE_LEGAL_STATUS:|').includes('"PCT designated period"'));
    assert.deepEqual(labels('TTL:|'), []);
  });

  it('offers TO inside a range, and nothing inside a phrase or after a wildcard', () => {
    assert.deepEqual(labels('PBD:[20200101 T|'), ['TO']);
    assert.deepEqual(labels('TTL:"electric ve|hicle"'), []);
    assert.deepEqual(labels('TTL:batter*|'), []);
  });

  it('replaces a whole field code when the cursor is inside it', () => {
    const [text, offset] = at('TT|L:car');
    const c = complete(text, offset);
    assert.equal(text.slice(c.start, c.end), 'TTL:');
    assert.ok(c.items.some((i) => i.label === 'TTL:'));
  });

  it('never throws and always answers a range inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(70), (text, offset) => {
        const c = complete(text, offset);
        assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length);
        hover(text, offset);
      }),
    );
  });
});

describe('query hover', () => {
  it('documents a field from the table, for the code and its colon', () => {
    const q = 'ttl:car';
    const h = hover(q, 1);
    assert.ok(h);
    assert.equal(q.slice(h.start, h.end), 'ttl:');
    assert.match(h.markdown, /^\*\*TTL\*\* \u2014 Title/);
    assert.match(h.markdown, /Example: `TTL:car`/);
  });

  it('documents operators, positional ones with n, ranges, phrases and wildcards', () => {
    const q = 'TTL:(book $W2 case) AND PBD:[20200101 TO *] "a b" batter*';
    const md = (needle: string): string => hover(q, q.indexOf(needle))?.markdown ?? '';
    assert.match(md('$W2'), /\*\*\$Wn\*\* \u2014 Within n words[\s\S]*Refused in facet \(P003\)/);
    assert.match(md('AND'), /\*\*AND\*\*/);
    assert.match(md('TO'), /\*\*TO\*\* \u2014 Range/);
    assert.match(md('['), /\*\*TO\*\*/);
    assert.match(md('"a b"'), /phrase/);
    assert.match(md('batter*'), /Wildcards/);
    assert.match(md('(book'), /Parentheses group/);
    assert.equal(hover(q, q.indexOf('case')), undefined);
  });

  it('says nothing of an unknown field (a diagnostic does) and never echoes the query', () => {
    assert.equal(hover('FOO:bar', 1), undefined);
    const h = hover('TTL:<script>', 0);
    assert.ok(h && !h.markdown.includes('<script>'));
  });
});
