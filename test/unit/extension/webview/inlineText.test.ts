import * as assert from 'node:assert/strict';
import * as vm from 'node:vm';
import { inlineText } from '../../../../src/extension/webview/inlineText.pure';

describe('inlining our script and style sheet into a webview page', () => {
  // What a bundle may hold that would end, or change, its <script> element.
  const source = [
    'var a = "</script><img src=x onerror=alert(1)>";',
    "var b = '</SCRIPT >';",
    'var c = `<!--<script>`;',
    'var d = /<\\/script>|<!--/.test("x</script>");',
    'var e = "<div>" + "</div>";',
    'result = [a, b, c, d, e];',
  ].join('\n');

  it('leaves no sequence that ends the script element or starts an HTML comment', () => {
    const inlined = inlineText(source, 'script');
    assert.doesNotMatch(inlined, /<\/script|<!--/i);
    // What is not a danger is left as it was.
    assert.match(inlined, /"<div>" \+ "<\/div>"/);
  });

  it('means the same to JavaScript', () => {
    const run = (code: string): string => {
      const context: { result?: unknown } = {};
      vm.runInNewContext(code, context);
      return JSON.stringify(context.result);
    };
    assert.deepEqual(run(inlineText(source, 'script')), run(source));
    assert.equal(run(source), JSON.stringify(['</script><img src=x onerror=alert(1)>', '</SCRIPT >', '<!--<script>', true, '<div></div>']));
  });

  it('leaves no end of the style element in a style sheet, in a string where CSS reads the escape as "<"', () => {
    const css = '.a::after { content: "</style><script>alert(1)</script>"; }\n<!-- -->\n.b { color: red; }';
    const inlined = inlineText(css, 'style');
    assert.doesNotMatch(inlined, /<\/style|<!--/i);
    assert.match(inlined, /content: "\\3C \/style><script>alert\(1\)<\/script>"/);
    assert.match(inlined, /\.b \{ color: red; \}/);
  });
});
