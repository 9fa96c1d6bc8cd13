import * as assert from 'node:assert/strict';
import { createReadStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { scanByWindows, WindowedScan } from '../../../src/cli/commands/find';
import { textPieces } from '../../../src/cli/files';
import { findPatentNumbers } from '../../../src/core/numbers';
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

  it('--json is terminal-safe as written: a file name with escapes and C1 controls comes out escaped, whole', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'find-'));
    try {
      const name = 'art\x1b]52;c;aGk=\x07\x9b2J\x7f审中.txt';
      await fs.writeFile(path.join(dir, name), 'See US 7,123,456 B2.\n');
      const r = await runIn(undefined, ['find', name, '--json'], { env: {}, cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      // eslint-disable-next-line no-control-regex -- control characters are what the test looks for
      assert.doesNotMatch(r.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
      assert.deepEqual(JSON.parse(r.stdout), [{ file: name, line: 1, column: 5, text: 'US 7,123,456 B2', number: 'US7123456B2', type: 'publication', office: 'US', kind: 'B2' }]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('--json writes a text beyond printable ASCII escaped or as UTF-8: a tab, a wrapped label, full-width digits', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'find-'));
    try {
      await fs.writeFile(path.join(dir, 'mixed.txt'), 'See US\t7,123,456 B2 and U.S. Pat.\nNo. 7,234,567; ＵＳ７，１２３，４５６Ｂ２ "US 8,123,456".\n');
      const r = await runIn(undefined, ['find', 'mixed.txt', '--json'], { env: {}, cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      // eslint-disable-next-line no-control-regex -- control characters are what the test looks for
      assert.doesNotMatch(r.stdout.replace(/\n/g, ''), /[\x00-\x1f]/);
      const found = JSON.parse(r.stdout) as Array<{ text: string; number: string }>;
      assert.deepEqual(
        found.map((f) => [f.text, f.number]),
        [
          ['US\t7,123,456 B2', 'US7123456B2'],
          ['U.S. Pat.\nNo. 7,234,567', 'US7234567'],
          ['ＵＳ７，１２３，４５６Ｂ２', 'US7123456B2'],
          ['US 8,123,456', 'US8123456'],
        ],
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads UTF-8 as it always has: a BOM is a column, an invalid byte one U+FFFD', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'find-'));
    try {
      await fs.writeFile(path.join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('See US 7,123,456 B2 '), Buffer.from([0xff, 0xfe]), Buffer.from(' and EP 1 234 567 B1\n')]));
      const r = await runIn(undefined, ['find', 'bom.txt'], { env: {}, cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(lines(r.stdout), ['bom.txt:1:6  US 7,123,456 B2 -> US7123456B2', 'bom.txt:1:29  EP 1 234 567 B1 -> EP1234567B1']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('finds a number whose characters the 64 KB read cuts, whole', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'find-'));
    try {
      // 65,532 bytes, then ＵＳ７… (3 bytes each): byte 65,536, where the first read ends, is inside Ｓ.
      await fs.writeFile(path.join(dir, 'seam.txt'), `${'x'.repeat(65_531)} ＵＳ７，１２３，４５６Ｂ２ and US 8,123,456\n`);
      const r = await runIn(undefined, ['find', 'seam.txt', '--json'], { env: {}, cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as Array<{ column: number; text: string; number: string }>).map((f) => [f.column, f.text, f.number]),
        [
          [65_533, 'ＵＳ７，１２３，４５６Ｂ２', 'US7123456B2'],
          [65_551, 'US 8,123,456', 'US8123456'],
        ],
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 for a folder, naming it, but still scans the others', async () => {
    const r = await run(['find', '.', 'notes.md']);
    assert.equal(r.code, 2);
    assert.deepEqual(lines(r.stderr), ['Cannot read .: it is a folder.']);
    assert.ok(lines(r.stdout).length > 0);
  });

  it('exits 2 for an unreadable file but still scans the others', async () => {
    const r = await run(['find', 'missing.txt', 'notes.md', '--json']);
    assert.equal(r.code, 2);
    assert.deepEqual(lines(r.stderr), ['Cannot read missing.txt: no such file.']);
    assert.ok((JSON.parse(r.stdout) as unknown[]).length > 0);
  });
});

describe('textPieces: a file read in pieces as createReadStream with utf8 read it', () => {
  const UTF8 = ['a', ' ', '\n', '7', 'é', '审', 'Ｕ', '😀', '\ufeff'].map((c) => [...Buffer.from(c)]);

  async function streamed(file: string, size: number): Promise<string> {
    let text = '';
    for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: size })) text += piece as string;
    return text;
  }

  it('gives the same text for any bytes (characters cut anywhere, invalid ones, a BOM) and any read size', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pieces-'));
    try {
      const file = path.join(dir, 'f.txt');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...UTF8), fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 })), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (parts, size) => {
          await fs.writeFile(file, Buffer.from(parts.flat()));
          const pieces: string[] = [];
          for await (const piece of textPieces(file, size)) pieces.push(piece);
          assert.ok(pieces.every((p) => p.length > 0));
          assert.equal(pieces.join(''), await streamed(file, size));
        }),
        { numRuns: 200 },
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects with the error code of a missing file or a folder', async () => {
    const first = async (file: string) => textPieces(file, 16).next();
    await assert.rejects(first(path.join(FIXTURES, 'missing.txt')), { code: 'ENOENT' });
    await assert.rejects(first(FIXTURES), { code: 'EISDIR' });
  });
});

describe('patent-lookup find: by windows of lines, streamed', () => {
  const sample = [
    'Claim 1 is anticipated by US 2005/0262868 A1 (Smith); see also U.S. Pat.',
    'No. 7,123,456 and U.S. Pat. Nos. 7,123,456, 8,234,567 and',
    '9,345,678.\r\nKR 10-2019-0467631 U.S. Patent No. 9,655,486\rWO 98/12345, DE 10 2019 123 456 A1',
    '공개특허공보 제10-2016-0012345호 特開平8-179521号公報 ＵＳ７，１２３，４５６Ｂ２',
  ].join('\n');

  it('finds exactly what one scan of the whole text finds, whatever the window size', () => {
    const whole = findPatentNumbers(sample);
    assert.ok(whole.length >= 10, `${whole.length}`);
    for (const size of [1, 5, 17, 40, 80, 1000]) assert.deepEqual([...scanByWindows(sample, size)], whole, `window ${size}`);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sample.split(/(?<=[\n ])/)), { maxLength: 40 }), fc.integer({ min: 1, max: 200 }), (parts, size) => {
        const text = parts.join('');
        assert.deepEqual([...scanByWindows(text, size)], findPatentNumbers(text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same when the text arrives in pieces cut anywhere, as a file is read', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sample.split(/(?<=[\n ])/)), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }), fc.integer({ min: 1, max: 120 }), (parts, cuts, size) => {
        const text = parts.join('');
        const scan = new WindowedScan(size);
        const found = [];
        let at = 0;
        for (const cut of cuts) {
          found.push(...scan.push(text.slice(at, at + cut)));
          at += cut;
        }
        found.push(...scan.push(text.slice(at), true));
        assert.deepEqual(found, findPatentNumbers(text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same with the read cut at every position, and at any set of seams', () => {
    const whole = findPatentNumbers(sample);
    const readAt = (seams: readonly number[], size: number) => {
      const scan = new WindowedScan(size);
      const found = [];
      let at = 0;
      for (const seam of seams) {
        found.push(...scan.push(sample.slice(at, seam)));
        at = seam;
      }
      found.push(...scan.push(sample.slice(at), true));
      return found;
    };
    for (const size of [1, 30, 1 << 14]) {
      for (let seam = 0; seam <= sample.length; seam++) assert.deepEqual(readAt([seam], size), whole, `seam at ${seam}, window ${size}`);
    }
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: sample.length }), { maxLength: 12 }), fc.integer({ min: 1, max: 400 }), (seams, size) => {
        assert.deepEqual(readAt([...seams].sort((x, y) => x - y), size), whole);
      }),
      { numRuns: 300 },
    );
  });

  it('--json streams a large file: every number once, valid JSON, in order', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'find-'));
    try {
      const n = 40_000;
      await fs.writeFile(path.join(dir, 'dense.txt'), Array.from({ length: n }, (_, i) => `Ref ${i}: US ${(7_000_000 + i).toLocaleString('en-US')} B2`).join('\n'));
      const r = await runIn(undefined, ['find', 'dense.txt', '--json'], { env: {}, cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const found = JSON.parse(r.stdout) as Array<{ line: number; number: string }>;
      assert.equal(found.length, n);
      assert.deepEqual(found[n - 1], { file: 'dense.txt', line: n, column: `Ref ${n - 1}: `.length + 1, text: `US ${(7_000_000 + n - 1).toLocaleString('en-US')} B2`, number: `US${7_000_000 + n - 1}B2`, type: 'publication', office: 'US', kind: 'B2' });
      assert.ok(found.every((f, i) => f.line === i + 1));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
