/** `lookup` when some batches fail, and `image` when the drawing is not an image. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { envelope, startHostile } from '../core/api/hostile';
import { lines, runIn } from './harness';
import { useSandbox } from '../core/api/helpers';

const BIB = '/basic-patent-data/simple-bibliography';

describe('patent-lookup lookup: partial results', () => {
  const ctx = useSandbox();

  for (const json of [false, true]) {
    it(`prints what came${json ? ' (--json)' : ''}, names the numbers not looked up in one line, and exits with the failure's code`, async () => {
      const numbers = ctx.sb.data.patents.slice(0, 250).map((p) => p.pn);
      // The third P011 call (the last 50 numbers: two batches run at a time) finds the quota spent.
      ctx.sb.faults.add({ path: BIB, errorCode: 67200005, skip: 2 });
      const r = await runIn(ctx.sb.url, ['lookup', ...numbers, ...(json ? ['--json'] : [])]);
      assert.equal(r.code, 4, r.stderr);
      const printed = json
        ? (JSON.parse(r.stdout) as Array<{ number: string; found: boolean }>).map((e) => (assert.ok(e.found), e.number))
        : lines(r.stdout).filter((l) => /^[A-Z]{2}\S+ {2}/.test(l)).map((l) => l.split(' ')[0] as string);
      assert.equal(printed.length, 200);
      const err = lines(r.stderr);
      assert.equal(err.length, 1, r.stderr);
      const named = /Not looked up \(50 of 250\): (.*?)\.(?:\s|$)/.exec(err[0] ?? '')?.[1]?.split(', ') ?? [];
      assert.deepEqual(named, numbers.slice(200), err[0]);
      assert.deepEqual([...printed, ...named].sort(), [...numbers].sort());
      assert.match(err[0] ?? '', /balance or call count is exhausted/);
    });
  }
});

describe('patent-lookup image: a login page served as the drawing', () => {
  it('is refused, nothing is saved, and it exits 5', async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-cli-'));
    const hostile = await startHostile((req, res) => {
      if (req.url?.startsWith('/basic-patent-data/abstract-image')) {
        res.setHeader('Content-Type', 'application/json');
        res.end(envelope([{ pn: 'US11205304B2', patent_id: 'p1', abstract_drawing: { num: '1', path: `${hostile.url}/drawing.png?sign=x` } }]));
      } else {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end('<html><body>Please sign in</body></html>');
      }
    });
    try {
      const r = await runIn(hostile.url, ['image', 'US11205304B2', '--out', scratch]);
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, /is not an image: it is an HTML page/);
      assert.deepEqual(await fs.readdir(scratch), []);
    } finally {
      await hostile.close();
      await fs.rm(scratch, { recursive: true, force: true });
    }
  });
});
