import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lines, runIn } from './harness';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('patent-lookup find (offline)', () => {
  // No PATSNAP_BASE_URL and no credentials: find must not need either.
  const run = (argv: string[]) => runIn(undefined, argv, { env: {}, cwd: FIXTURES });

  it('--json prints the occurrences in exactly the documented shape', async () => {
    const r = await run(['find', 'office-action.txt', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const found = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    for (const f of found) assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'text', 'number', 'type', 'office', 'kind']);
    const pick = (number: string) => found.find((f) => f.number === number);
    assert.deepEqual(pick('US20050262868A1'), { file: 'office-action.txt', line: 3, column: 27, text: 'US 2005/0262868 A1', number: 'US20050262868A1', type: 'publication', office: 'US', kind: 'A1' });
    assert.deepEqual(pick('US7123456'), { file: 'office-action.txt', line: 4, column: 10, text: 'U.S. Pat. No. 7,123,456', number: 'US7123456', type: 'publication', office: 'US', kind: null });
    assert.deepEqual(pick('US14/706838'), { file: 'office-action.txt', line: 1, column: 22, text: 'U.S. Appl. No. 14/706,838', number: 'US14/706838', type: 'application', office: 'US', kind: null });
    assert.deepEqual(pick('EP1234567B1'), { file: 'office-action.txt', line: 5, column: 1, text: 'EP 1 234 567 B1', number: 'EP1234567B1', type: 'publication', office: 'EP', kind: 'B1' });
    assert.equal(found.filter((f) => f.line === 6).length, 0, 'dates and versions are not patent numbers');
  });

  it('prints file:line:column  text -> number, across several files', async () => {
    const r = await run(['find', 'office-action.txt', 'notes.md']);
    assert.equal(r.code, 0, r.stderr);
    const out = lines(r.stdout);
    assert.ok(out.includes('office-action.txt:3:27  US 2005/0262868 A1 -> US20050262868A1'), r.stdout);
    assert.ok(out.includes('notes.md:3:7  WO 2020/123456 A1 -> WO2020123456A1'), r.stdout);
    assert.ok(out.every((l) => /^(office-action\.txt|notes\.md):\d+:\d+ {2}.+ -> \S+$/.test(l)));
  });

  it('prints an empty JSON array when there are none', async () => {
    const r = await run(['find', 'none.txt', '--json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  it('exits 2 for an unreadable file but still scans the others', async () => {
    const r = await run(['find', 'missing.txt', 'notes.md', '--json']);
    assert.equal(r.code, 2);
    assert.deepEqual(lines(r.stderr), ['Cannot read missing.txt: no such file.']);
    assert.ok((JSON.parse(r.stdout) as unknown[]).length > 0);
  });
});
