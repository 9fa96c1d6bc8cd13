/** `patent-lookup lint` and `cite` against the sandbox, on real files. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { lines, runIn } from './harness';

const MEMO = [
  '# Opinion on claim 1',
  '',
  'Claim 1 is anticipated by EP 1 234 567 B1 and obvious over US 2005/0262868 A1.',
  'The applicant also cites US 9,999,999 B2 and EP 12345678901 B1.',
  'As noted, US 11,205,304 B2 teaches the display; see US11205304B2 at col. 4.',
].join('\n');

describe('patent-lookup lint and cite', () => {
  let sandbox: SandboxServer;
  let dir: string;
  before(async () => {
    sandbox = await startSandbox();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patent-lookup-lint-'));
    fs.writeFileSync(path.join(dir, 'memo.md'), MEMO);
    fs.writeFileSync(path.join(dir, 'clean.txt'), 'Only US 11,205,304 B2 here, and a version 1.2.3.');
  });
  after(async () => {
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => sandbox.reset());
  const run = (argv: string[]) => runIn(sandbox.url, argv, { cwd: dir });

  it('--json lists each problem with the fields design.md names, and exits 6', async () => {
    const r = await run(['lint', 'memo.md', '--json']);
    assert.equal(r.code, 6, r.stderr);
    const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(findings[0] ?? {}), ['file', 'line', 'column', 'text', 'number', 'code', 'severity', 'message', 'fix']);
    assert.deepEqual(
      findings.map((f) => [f.line, f.column, f.text, f.number, f.code, f.severity, f.fix]),
      [
        [3, 27, 'EP 1 234 567 B1', 'EP1234567B1', 'inactive', 'warning', null],
        [3, 60, 'US 2005/0262868 A1', 'US20050262868A1', 'grantedSince', 'warning', 'US 7,123,456 B2'],
        [4, 26, 'US 9,999,999 B2', 'US9999999B2', 'notFound', 'error', null],
        [4, 46, 'EP 12345678901 B1', 'EP12345678901B1', 'malformed', 'error', null],
        [5, 53, 'US11205304B2', 'US11205304B2', 'duplicate', 'information', ''],
      ],
    );
    assert.equal(findings[0]?.message, 'EP1234567B1 is no longer in force (Revoked since 2007-09-21).');
    assert.equal(findings[0]?.file, 'memo.md');
  });

  it('prints one line per problem, as compilers do, and exits 0 when a file is clean', async () => {
    const r = await run(['lint', 'memo.md', 'clean.txt']);
    assert.equal(r.code, 6);
    assert.equal(lines(r.stdout)[1], 'memo.md:3:60: warning grantedSince: US20050262868A1 is a pre-grant publication: its application was granted as US7123456B2 on 2006-10-17. [fix: US 7,123,456 B2]');
    assert.match(lines(r.stdout)[4] ?? '', /^memo\.md:5:53: information duplicate: .* \[fix: remove it\]$/);
    const clean = await run(['lint', 'clean.txt']);
    assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '', '']);
  });

  it('--offline checks what needs no lookup and sends nothing, without credentials', async () => {
    const r = await runIn(sandbox.url, ['lint', 'memo.md', '--offline', '--json'], { cwd: dir, env: {} });
    assert.equal(r.code, 6, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ code: string }>).map((f) => f.code), ['malformed', 'duplicate']);
    assert.equal(sandbox.stats.calls(), 0);
  });

  it('still checks the other files when one cannot be read, and exits 2', async () => {
    const r = await run(['lint', 'missing.md', 'clean.txt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Cannot read missing\.md: no such file\./);
  });

  it('reports what it could check when a lookup fails, and exits with the failure\u2019s code', async () => {
    sandbox.faults.add({ path: '/basic-patent-data/legal-status', errorCode: 67200100, times: 0 });
    const r = await run(['lint', 'memo.md', '--json']);
    assert.equal(r.code, 5);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ code: string }>).map((f) => f.code), ['grantedSince', 'notFound', 'malformed', 'duplicate']);
    assert.match(r.stderr, /Some numbers could not be looked up and were checked offline only\./);
  });

  it('needs credentials only when it looks numbers up', async () => {
    const r = await runIn(sandbox.url, ['lint', 'memo.md'], { cwd: dir, env: {} });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No PatSnap credentials/);
  });

  describe('cite', () => {
    it('prints a list in each format, each patent once', async () => {
      const md = await run(['cite', 'memo.md', 'clean.txt', '--format', 'markdown']);
      assert.equal(md.code, 0, md.stderr);
      assert.equal(lines(md.stdout).length, 2 + 4, 'EP1234567B1, US20050262868A1, US9999999B2, US11205304B2');
      assert.match(md.stdout, /\| 1 \| EP 1 234 567 B1 \| Systems and methods for cooling the stator in a motor drive circuit \| SIEMENS AKTIENGESELLSCHAFT \|/);
      const csl = JSON.parse((await run(['cite', 'memo.md', '--format', 'csl-json'])).stdout) as Array<{ id: string; type: string }>;
      assert.deepEqual(csl.map((i) => [i.id, i.type]), [
        ['EP1234567B1', 'patent'],
        ['US20050262868A1', 'patent'],
        ['US9999999B2', 'patent'],
        ['US11205304B2', 'patent'],
      ]);
      assert.match((await run(['cite', 'memo.md', '--format', 'bibtex'])).stdout, /^@patent\{EP1234567B1,$/m);
      assert.match((await run(['cite', 'memo.md', '--format', 'csv'])).stdout, /^number,written,type,office,kind,found,title,/);
      const ids = (await run(['cite', 'memo.md', '--format', 'ids'])).stdout;
      assert.match(ids, /## U\.S\. Patents[\s\S]*\| 1 \| 9999999 \| B2 \|[\s\S]*\| 2 \| 11205304 \| B2 \|/);
      assert.match(ids, /## Foreign Patent Documents[\s\S]*\| 4 \| 1234567 \| EP \| B1 \|/);
    });

    it('saves to --out once complete, and keeps an existing file unless --force', async () => {
      const r = await run(['cite', 'memo.md', '--format', 'bibtex', '--out', 'refs.bib']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /Saved 4 citation\(s\) to refs\.bib\./);
      assert.match(fs.readFileSync(path.join(dir, 'refs.bib'), 'utf8'), /@patent\{US11205304B2,/);
      const again = await run(['cite', 'memo.md', '--format', 'csv', '--out', 'refs.bib']);
      assert.equal(again.code, 2);
      assert.match(fs.readFileSync(path.join(dir, 'refs.bib'), 'utf8'), /@patent/);
      assert.equal((await run(['cite', 'memo.md', '--format', 'csv', '--out', 'refs.bib', '--force'])).code, 0);
      assert.match(fs.readFileSync(path.join(dir, 'refs.bib'), 'utf8'), /^number,/);
    });

    it('refuses a missing or unknown format with the usage line', async () => {
      for (const argv of [['cite', 'memo.md'], ['cite', 'memo.md', '--format', 'ris']]) {
        const r = await run(argv);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /--format|markdown, csv, csl-json, bibtex, ids/);
        assert.match(r.stderr, /Usage: patent-lookup cite FILE\.\.\. --format markdown\|csv\|csl-json\|bibtex\|ids/);
      }
    });

    it('--offline lists the numbers with nothing sent', async () => {
      const r = await runIn(sandbox.url, ['cite', 'memo.md', '--format', 'csv', '--offline'], { cwd: dir, env: {} });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(sandbox.stats.calls(), 0);
      assert.equal(lines(r.stdout).length, 1 + 4);
    });
  });
});
