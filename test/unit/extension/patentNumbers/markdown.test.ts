/** Escaping API text for hover Markdown: rendered with a real CommonMark renderer (linkify on). */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { commandLink, commandUri, escapeMarkdown } from '../../../../src/extension/patentNumbers/markdown.pure';

interface MarkdownIt {
  render(src: string): string;
  renderInline(src: string): string;
}
// markdown-it ships no types; only these two calls are used.
const markdownIt = createRequire(__filename)('markdown-it') as (options: { html: boolean; linkify: boolean }) => MarkdownIt;
// html: true is the worst case (VS Code's hovers have HTML off; escaping must not rely on that).
const md = markdownIt({ html: true, linkify: true });

/** The HTML of `text` escaped, inside a paragraph: it must be that paragraph and plain text only. */
function renderedTags(text: string): string[] {
  const html = md.render(escapeMarkdown(text));
  return [...html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => (m[1] ?? '').toLowerCase());
}

const NASTY_TITLES = [
  '[Open me](command:workbench.action.terminal.new)',
  '[x](command:patentLookup.openPatent?%5B%7B%22number%22%3A%22US1%22%7D%5D)',
  '![img](https://evil.example/track.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="command:workbench.action.files.delete">click</a>',
  '<script>alert(1)</script>',
  'See https://evil.example/path and www.evil.example now',
  '`code` and ```fence```',
  '# Heading\n- list item\n> quote\n\n1. numbered',
  '*bold* _em_ ~~strike~~ **strong**',
  '[ref]: https://evil.example\n[ref]',
  'a | b | c\n--|--|--\n1 | 2 | 3',
  'Title\u202e with a bidi override\u200b and zero-width',
  '&lt;b&gt; &#x5B;entity&#x5D; &amp;',
  '\\[escaped\\](command:x)',
  'line one\r\n\r\n---\r\nline two',
  '$(alert) theme icon syntax',
  'mail me: someone@evil.example',
];

describe('escapeMarkdown', () => {
  for (const title of NASTY_TITLES) {
    it(`renders ${JSON.stringify(title).slice(0, 60)} as one paragraph of plain text`, () => {
      assert.deepEqual(renderedTags(title), ['p', 'p']);
    });
  }

  it('keeps the text readable: the rendered text is the input with whitespace collapsed', () => {
    const html = md.renderInline(escapeMarkdown('Systems & methods (improved) for [AR]: 50% faster!'));
    assert.equal(html, 'Systems &amp; methods (improved) for [AR]: 50% faster!');
  });

  it('drops invisible and bidi control characters and collapses line breaks', () => {
    assert.equal(escapeMarkdown('a\u202eb\u200bc\n\nd\te'), 'abc d e');
  });

  it('cuts long text at a code point boundary with an ellipsis', () => {
    const out = escapeMarkdown('😀'.repeat(500), 10);
    assert.equal(Array.from(out).length, 10);
    assert.ok(out.endsWith('…'));
    assert.ok(!/[\ud800-\udbff]…$/.test(out), 'a surrogate pair was split');
  });

  it('never lets any string produce a tag other than its paragraph (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'[]()<>!`*_#&:/\\|~-=+.{}"\' \nabchttpswcommand:@$'.split('')), maxLength: 80 }), (s) => {
        const tags = renderedTags(s);
        return tags.length === 0 || (tags.length === 2 && tags[0] === 'p');
      }),
      { numRuns: 500 },
    );
  });
});

describe('commandUri / commandLink', () => {
  it('encodes the arguments as one JSON array, parentheses included', () => {
    const uri = commandUri('patentLookup.openPatent', { number: 'US(1)' });
    assert.ok(!/[()]/.test(uri));
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), [{ number: 'US(1)' }]);
  });

  it('renders as exactly one link to the command', () => {
    const html = md.renderInline(commandLink('Open Patent', 'patentLookup.openPatent', { number: 'US14/706838' }));
    const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
    assert.equal(links.length, 1);
    assert.equal(links[0]?.[2], 'Open Patent');
    assert.ok(links[0]?.[1]?.startsWith('command:patentLookup.openPatent?'));
  });
});
