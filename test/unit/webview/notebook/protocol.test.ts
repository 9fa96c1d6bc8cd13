import * as assert from 'node:assert/strict';
import { parseRendererMessage } from '../../../../src/webview/notebook/protocol';

const CELL = 'vscode-notebook-cell:/work/search.patentsearch#W1sZmlsZQ%3D%3D';

describe('search notebook renderer messages', () => {
  it('accepts every message the renderer sends', () => {
    const messages = [
      { type: 'openPatent', number: 'US11205304B2' },
      { type: 'openPatent', number: 'CN105161234A', patentId: '3f1c2a9e-5b7d-4c21-9a0e-1d2b3c4d5e6f' },
      { type: 'openPatent', number: 'US14/706838' },
      { type: 'errorAction', cell: CELL, action: 'retry' },
      { type: 'errorAction', cell: CELL, action: 'setCredentials' },
      { type: 'runAgain', cell: CELL },
    ];
    for (const m of messages) assert.deepEqual(parseRendererMessage(m), m, JSON.stringify(m));
  });

  it('rejects anything else, so no text from an output becomes a command', () => {
    const bad: unknown[] = [
      null,
      'openPatent',
      { type: 'openPatent' },
      { type: 'openPatent', number: 'javascript:alert(1)' },
      { type: 'openPatent', number: 'US1B2 OR TTL:x' },
      { type: 'openPatent', number: 'US1B2', patentId: '../../etc' },
      { type: 'openPatent', number: `US${'1'.repeat(60)}` },
      { type: 'errorAction', cell: CELL, action: 'deleteEverything' },
      { type: 'errorAction', cell: 'file:///etc/passwd', action: 'retry' },
      { type: 'runAgain', cell: 'command:workbench.action.quit' },
      { type: 'runCommand', command: 'workbench.action.quit' },
    ];
    for (const m of bad) assert.equal(parseRendererMessage(m), undefined, JSON.stringify(m));
  });
});
