/** The extension bundle's entity decoder (scripts/shims/entities-decode.cjs) against the `entities` package the CLI uses. */
import * as assert from 'node:assert/strict';
import { decodeHTML as full } from 'entities/lib/decode.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim of the build, loaded as the bundle loads it
const shim = require('../../../scripts/shims/entities-decode.cjs') as { decodeHTML(s: string): string; NAMES: string[] };

describe('the extension\u2019s HTML entity decoder', () => {
  it('decodes every HTML 4 name as the entities package does', () => {
    assert.equal(shim.NAMES.length, 253, 'HTML 4\u2019s 252 names and XML\u2019s &apos;');
    for (const name of shim.NAMES) assert.equal(shim.decodeHTML(`a&${name};b`), full(`a&${name};b`), name);
  });

  it('decodes numeric references as HTML does, the odd ones included', () => {
    for (const ref of ['&#65;', '&#x41;', '&#X6C34;', '&#128512;', '&#0;', '&#x80;', '&#150;', '&#xD800;', '&#x110000;', '&#99999999;', '&#x1F600']) {
      assert.equal(shim.decodeHTML(ref), full(ref), ref);
    }
  });

  it('leaves what is not a reference, or not an HTML 4 name, as text', () => {
    for (const text of ['AT&T', '&;', '& amp;', 'a &unknownname; b', '<b>&lt;not markup&gt;</b>']) {
      const out = shim.decodeHTML(text);
      if (text.startsWith('<b>')) assert.equal(out, '<b><not markup></b>');
      else assert.equal(out, text.replace('&lt;', '<'));
    }
    assert.equal(shim.decodeHTML('&copy2020'), '&copy2020', 'a name without its semicolon stays');
  });
});
