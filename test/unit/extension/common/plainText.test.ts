import * as assert from 'node:assert/strict';
import { externalLinkProblem } from '../../../../src/extension/common/links.pure';
import { notificationText } from '../../../../src/extension/common/plainText.pure';

/** VS Code's own pattern for links in notification messages (vs/base/common/linkedText.ts). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('API text in notifications', () => {
  it('keeps every link VS Code would render from forming, and the words readable', () => {
    const hostile = [
      'Try [Retry](command:workbench.action.terminal.new) now',
      '[x](https://evil.example/login "Sign in")',
      '[[nested](command:a)](command:b)',
      '[a](file:///etc/passwd) and [b](command:c?%5B%22arg%22%5D)',
    ];
    for (const text of hostile) {
      const shown = notificationText(text);
      assert.equal([...shown.matchAll(NOTIFICATION_LINK)].length, 0, shown);
      assert.equal(shown.replace(/\s/g, ''), text.replace(/\s/g, ''), 'nothing but spaces is added');
    }
    assert.equal(notificationText('Try [Retry](command:x) now'), 'Try [Retry] (command:x) now');
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['Search failed: PatSnap rejected the credentials.', 'Claims [1-3] (see below)', 'US 11,205,304 B2']) assert.equal(notificationText(text), text);
  });
});

describe('links from the API', () => {
  it('opens https and http links only', () => {
    assert.equal(externalLinkProblem('https://pdf.patsnap.example/a.pdf?sig=1'), undefined);
    assert.equal(externalLinkProblem('http://127.0.0.1:8787/_files/a.pdf'), undefined);
  });

  it('refuses every other scheme, and says which', () => {
    for (const [url, scheme] of [
      ['file:///etc/passwd', 'file'],
      ['vscode://some.extension/run', 'vscode'],
      ['command:workbench.action.terminal.new', 'command'],
      ['javascript:alert(1)', 'javascript'],
      ['data:text/html,<script>', 'data'],
    ]) {
      assert.match(externalLinkProblem(url as string) ?? '', new RegExp(`a ${scheme} link .*only http\\(s\\) links`), url);
    }
    assert.match(externalLinkProblem('not a url') ?? '', /not a web address/);
  });
});
