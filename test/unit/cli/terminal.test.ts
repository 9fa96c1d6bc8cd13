import * as assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { terminalOutput, terminalSafe, terminalSafeJson } from '../../../src/cli/terminal';
import { runIn } from './harness';
import { useScratchDir } from '../scratchDir';

const ESC = '\x1b';
/** What a hostile answer hides in a string: a clipboard write, a link, screen and colour changes, a title, C1 forms, CR, backspace, BEL. */
const HOSTILE = [
  `${ESC}]52;c;cm0gLXJmIH4K${ESC}\\`, // OSC 52: write "rm -rf ~" to the clipboard, ST-terminated
  `${ESC}]8;;https://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\`, // OSC 8 hyperlink around "link"
  `${ESC}]0;pwned\x07`, // window title, BEL-terminated
  `${ESC}[2J${ESC}[H${ESC}[31;1m`, // clear screen, home, red bold
  `${ESC}P+q544e${ESC}\\`, // DCS (XTGETTCAP)
  `${ESC}c`, // full reset
  '\x9b6n', // 8-bit CSI: cursor report request (the terminal types an answer into stdin)
  '\x9d0;title\x9c', // 8-bit OSC
  '\rsafe\b\b\b\b\x07\x00\x7f',
].join('');
/** The printable text left of HOSTILE. */
const HOSTILE_LEFT = 'linksafe';

/** Any byte a terminal would act on: C0 but tab and newline, DEL, C1. */
// eslint-disable-next-line no-control-regex -- control characters are what the tests look for
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('terminal-safe output', () => {
  it("keeps the stream's backpressure: a full stream says so, and 'drain' reaches who waits for it", async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const out = terminalOutput(stream);
    assert.equal(out.write('x'.repeat(64)), false, 'the stream is full');
    assert.ok(out.once, 'a writer can wait for drain');
    const drained = new Promise<void>((resolve) => out.once?.('drain', resolve));
    stream.resume();
    await drained;
    assert.equal(out.write('\x1b]52;c;aGk=\x07ok'), true);
  });
});

describe('terminal-safe text', () => {
  it('removes escape sequences whole and keeps the text around them', () => {
    assert.equal(terminalSafe(`Battery ${HOSTILE} pack`), `Battery ${HOSTILE_LEFT} pack`);
    assert.equal(terminalSafe(`${ESC}[38;5;196mred${ESC}[0m`), 'red');
    assert.equal(terminalSafe(`a${ESC}(Bb${ESC}7c${ESC}8`), 'abc');
  });

  it('keeps tabs, newlines and every printable character, in any script', () => {
    const text = 'US 11,205,304 B2\tSystems & <methods> "quoted" ~`!@#$%^*()[]{}\n审中 特開２０２０－１２３４５６号 Ünïcödé — … 🔋\n';
    assert.equal(terminalSafe(text), text);
  });

  it('does not let an unterminated sequence swallow the lines after it', () => {
    assert.equal(terminalSafe(`title${ESC}]52;c;abc\nnext line\n`), 'title\nnext line\n');
    assert.equal(terminalSafe(`a${ESC}`), 'a');
    assert.equal(terminalSafe(`a${ESC}[12`), 'a12', 'a cut CSI loses its introducer; digits alone do nothing');
  });

  it('leaves nothing a terminal acts on, whatever the input', () => {
    // Every control character, alone and in the places escape parsing looks at.
    for (let c = 0; c <= 0x9f; c++) {
      if (c >= 0x20 && c < 0x7f) continue;
      const ch = String.fromCharCode(c);
      for (const input of [ch, `x${ch}y`, `${ESC}${ch}`, `${ESC}[${ch}m`, `${ESC}]${ch}\x07`, `${ch}${ESC}`]) {
        assert.doesNotMatch(terminalSafe(input).replace(/[\t\n]/g, ''), CONTROL, JSON.stringify(input));
      }
    }
  });

  it('JSON keeps the hostile string as data, escaped, with no raw control character', () => {
    const value = { title: `Battery ${HOSTILE}` };
    const json = terminalSafeJson(value);
    assert.doesNotMatch(json.replace(/\n/g, ''), CONTROL);
    assert.deepEqual(JSON.parse(json), value);
  });
});

/** PatSnap's published answers, every descriptive string laced with HOSTILE. */
function hostileAnswer(name: string): unknown {
  const example = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/patsnap-examples', name), 'utf8')) as unknown;
  const keep = new Set(['pn', 'patent_id', 'patent_number', 'apno', 'lang', 'path', 'country', 'doc_number', 'kind']);
  const lace = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key !== undefined && keep.has(key) ? v : `${v} ${HOSTILE}`;
    if (Array.isArray(v)) return v.map((x) => lace(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lace(x, k)]));
    return v;
  };
  return lace(example);
}

/** A one-pixel PNG, so a drawing passes any check that it is an image. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of b) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

/** A PatSnap stand-in whose every answer is hostile text; `/fail` in a query gets an error envelope with a hostile message. */
async function hostileServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (value: unknown): void => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === '/drawing.png') {
        res.writeHead(200, { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="x\x9b6n\x9d0;t\x9c.png"' });
        res.end(png());
        return;
      }
      if (body.includes('__fail__')) return send({ status: false, error_code: 68300004, error_msg: `Invalid query ${HOSTILE}`, data: null });
      const answers: Record<string, () => unknown> = {
        '/search/patent/query-search-patent': () => hostileAnswer('P002-query-search.json'),
        '/basic-patent-data/simple-bibliography': () => hostileAnswer('P011-simple-bibliography.json'),
        '/basic-patent-data/simple-legal-status': () => hostileAnswer('P041-simple-legal-status.json'),
        '/advanced-patent-data/overseas-patent-documents': () => hostileAnswer('P048-examination-documents.json'),
        '/patent-field/query': () => hostileAnswer('P003-field-statistics.json'),
        '/basic-patent-data/abstract-image': () => {
          const answer = hostileAnswer('P021-abstract-image.json') as { data: Array<{ pn: string; abstract_drawing: { path: string } }> };
          for (const d of answer.data) {
            d.abstract_drawing.path = `http://127.0.0.1:${(server.address() as AddressInfo).port}/drawing.png?sign=x`;
          }
          return answer;
        },
      };
      const answer = answers[url.pathname];
      if (answer) send(answer());
      else send({ status: false, error_code: 67200101, error_msg: 'no such path' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('patent-lookup prints hostile API text as plain text', () => {
  let hostile: { url: string; close: () => Promise<void> };
  before(async () => {
    hostile = await hostileServer();
  });
  after(() => hostile.close());
  const scratch = useScratchDir('patent-hostile-');
  const run = (argv: string[]) => runIn(hostile.url, argv, { cwd: scratch.path });

  function assertPlain(r: { stdout: string; stderr: string }): void {
    assert.doesNotMatch(r.stdout.replace(/[\t\n]/g, ''), CONTROL, `stdout: ${JSON.stringify(r.stdout.slice(0, 400))}`);
    assert.doesNotMatch(r.stderr.replace(/[\t\n]/g, ''), CONTROL, `stderr: ${JSON.stringify(r.stderr.slice(0, 400))}`);
  }

  it('search: titles and assignees in the table', async () => {
    const r = await run(['search', 'TTL:battery', '--limit', '1']);
    assert.equal(r.code, 0, r.stderr);
    assertPlain(r);
    assert.match(r.stdout, /US11205304B2\s+Systems and methods/);
  });

  it('search --json: the hostile strings stay in the data, escaped', async () => {
    const r = await run(['search', 'TTL:battery', '--limit', '1', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assertPlain(r);
    const page = JSON.parse(r.stdout) as { hits: Array<{ title: string }> };
    assert.ok(page.hits[0]?.title.endsWith(HOSTILE), 'JSON is data: lossless');
  });

  it('lookup: every field of the record', async () => {
    const r = await run(['lookup', 'US11205304B2']);
    assert.equal(r.code, 0, r.stderr);
    assertPlain(r);
    assert.match(r.stdout, /MAGIC LEAP, INC\. linksafe/);
    assert.match(r.stdout, new RegExp(`Legal status: +审中 ${HOSTILE_LEFT}`));
  });

  it('exam-docs: document codes and descriptions', async () => {
    const r = await run(['exam-docs', 'US11205304B2']);
    assert.equal(r.code, 0, r.stderr);
    assertPlain(r);
    assert.match(r.stdout, /Non-Final Rejection linksafe/);
  });

  it('facets: the field values', async () => {
    const r = await run(['facets', 'TTL:battery', '--field', 'ASSIGNEE']);
    assert.equal(r.code, 0, r.stderr);
    assertPlain(r);
    assert.match(r.stdout, /APPLE INC\. linksafe/);
  });

  it('an error message on stderr, still one line', async () => {
    const r = await run(['search', 'TTL:battery __fail__']);
    assert.equal(r.code, 2, r.stderr);
    assertPlain(r);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /Invalid query .*safe/);
  });

  it('image: the file is named by the number, never by the host\'s Content-Disposition', async () => {
    const r = await run(['image', 'CN104169186A']);
    assert.equal(r.code, 0, r.stderr);
    assertPlain(r);
    assert.deepEqual(await fs.readdir(scratch.path), ['CN104169186A.png']);
    assert.match(r.stdout, /^Saved CN104169186A\.png \(/);
  });
});
