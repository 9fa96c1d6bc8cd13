import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { call, checkXml, ok, parseCsv } from './helpers';

type Task = { url?: string; count: number; export_status: string };

describe('sandbox: export tasks', () => {
  let sb: SandboxServer;
  let clock = Date.UTC(2024, 5, 1, 12);
  before(async () => {
    sb = await startSandbox({ now: () => clock, exportPendingPolls: 2 });
  });
  after(() => sb.close());
  afterEach(() => sb.reset());

  const create = (body: Record<string, unknown>) => call(sb, '/patent-search/export/V2', { body: { query_text: 'TTL:battery', fields: 'PN,TTL', export_type: 'csv', rows: 100, ...body } });
  const poll = async (taskId: string): Promise<Task> => ok<Task>(await call(sb, '/patent-search/task', { query: { task_id: taskId } }));
  const finish = async (body: Record<string, unknown>): Promise<{ task: Task; bytes: Buffer; res: Response }> => {
    const { task_id } = ok<{ task_id: string }>(await create(body));
    let task = await poll(task_id);
    while (task.export_status === 'PENDING') task = await poll(task_id);
    const res = await fetch(task.url as string);
    return { task, res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('goes PENDING for the configured polls, then SUCCESS with a 7-day link to a CSV of the fields', async () => {
    const created = ok<{ task_id: string; count: number }>(await create({ fields: 'PN,TTL,APD,IN' }));
    assert.match(created.task_id, /^[0-9a-f]{32}$/);
    const matching = sb.data.patents.filter((p) => /\bbattery\b/i.test(p.titles.map((t) => t.text).join(' ')));
    assert.equal(created.count, Math.min(100, matching.length));
    assert.deepEqual(await poll(created.task_id), { count: created.count, export_status: 'PENDING' });
    assert.equal((await poll(created.task_id)).export_status, 'PENDING');
    const done = await poll(created.task_id);
    assert.equal(done.export_status, 'SUCCESS');
    assert.equal(done.count, created.count);
    assert.match(done.url as string, /X-Amz-Expires=604800/);
    assert.deepEqual(await poll(created.task_id), done, 'stays SUCCESS with the same link');
    const res = await fetch(done.url as string);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="\d+\.csv"/);
    const rows = parseCsv(await res.text());
    assert.deepEqual(rows[0], ['PN', 'TTL', 'APD', 'IN']);
    assert.equal(rows.length - 1, created.count);
    assert.deepEqual(new Set(rows.slice(1).map((r) => r[0])), new Set(matching.map((p) => p.pn)));
    const us = rows.find((r) => r[0] === matching[0]?.pn);
    assert.match(us?.[2] ?? '', /^\d{8}$/);
    clock += 7 * 86400_000;
    assert.equal((await fetch(done.url as string)).status, 403);
    clock -= 7 * 86400_000;
  });

  it('count is min(rows, matches after offset)', async () => {
    const total = ok<{ total_search_result_count: number }>(await call(sb, '/search/patent/query-search-patent', { body: { query_text: 'PNC:US' } })).total_search_result_count;
    assert.equal(ok<{ count: number }>(await create({ query_text: 'PNC:US', rows: 5 })).count, 5);
    assert.equal(ok<{ count: number }>(await create({ query_text: 'PNC:US', rows: 1000, offset: 10 })).count, total - 10);
    assert.equal(ok<{ count: number }>(await create({ query_text: 'PNC:US', rows: 10, offset: 5000 })).count, 0);
    const dated = ok<{ count: number }>(await create({ query_text: 'PNC:US', rows: 1000, pbdt_from: '20200101', pbdt_to: '*' })).count;
    assert.equal(dated, sb.data.patents.filter((p) => p.office === 'US' && p.pbdt >= 20200101).length);
  });

  it('writes JSON, XML, SpreadsheetML, a ZIP of PDFs and a ZIP of full-text XML', async () => {
    const json = await finish({ export_type: 'json', fields: 'PN,APNO,PBD,LEGAL_STATUS' });
    const records = JSON.parse(json.bytes.toString('utf8')) as Array<Record<string, unknown>>;
    assert.equal(records.length, json.task.count);
    assert.deepEqual(Object.keys(records[0] as object), ['PN', 'APNO', 'PBD', 'LEGAL_STATUS']);
    assert.equal(typeof records[0]?.PBD, 'number');

    const xml = await finish({ export_type: 'xml', fields: 'PN,TTL,AN', query_text: 'AN:"PROCTER" OR AN:"AT&T" OR TTL:battery' });
    const text = xml.bytes.toString('utf8');
    checkXml(text);
    assert.equal(text.match(/<patent>/g)?.length, xml.task.count);

    const xls = await finish({ export_type: 'xls', fields: 'PN,TTL,PBD' });
    const sheet = xls.bytes.toString('utf8');
    checkXml(sheet);
    assert.match(sheet, /urn:schemas-microsoft-com:office:spreadsheet/);
    assert.equal(sheet.match(/<Row>/g)?.length, xls.task.count + 1);
    assert.match(xls.res.headers.get('content-disposition') ?? '', /\.xls"/);

    const pdf = await finish({ export_type: 'pdf', fields: 'PN,TTL,CLMS', rows: 5 });
    const pdfs = unzipSync(new Uint8Array(pdf.bytes));
    assert.equal(Object.keys(pdfs).length, 5);
    for (const [name, bytes] of Object.entries(pdfs)) {
      assert.match(name, /^[A-Z]{2}\w+\.pdf$/);
      assert.ok(strFromU8(bytes.subarray(0, 8)).startsWith('%PDF'));
    }

    const full = await finish({ export_type: 'full_text', fields: 'PN,ABST,CLMS,DESC', rows: 4 });
    const files = unzipSync(new Uint8Array(full.bytes));
    assert.equal(Object.keys(files).length, 4);
    for (const [name, bytes] of Object.entries(files)) {
      assert.match(name, /\.xml$/);
      const doc = strFromU8(bytes);
      checkXml(doc);
      assert.match(doc, /<claims>/);
      assert.match(doc, /<description>/);
      assert.ok(doc.includes(`pn="${name.slice(0, -4)}"`));
    }
  });

  it('ends in FAIL when the query contains __fail__', async () => {
    const { task_id } = ok<{ task_id: string }>(await create({ query_text: 'TTL:battery OR __fail__' }));
    await poll(task_id);
    await poll(task_id);
    const t = await poll(task_id);
    assert.equal(t.export_status, 'FAIL');
    assert.equal(t.url, undefined);
  });

  it('forgets task ids after 24 hours and refuses unknown ones (68300004)', async () => {
    const { task_id } = ok<{ task_id: string }>(await create({}));
    clock += 24 * 3600_000 - 1000;
    assert.equal((await poll(task_id)).export_status, 'PENDING');
    clock += 1000;
    const gone = await call(sb, '/patent-search/task', { query: { task_id } });
    assert.equal(gone.body.error_code, 68300004);
    clock -= 24 * 3600_000;
    for (const id of ['0'.repeat(32), 'not-a-task', '']) {
      assert.equal((await call(sb, '/patent-search/task', { query: { task_id: id } })).body.error_code, 68300004, id);
    }
    assert.equal((await call(sb, '/patent-search/task')).body.error_code, 68300004);
  });

  it('enforces the export rules with 68300004', async () => {
    const bad: Array<Record<string, unknown>> = [
      { query_text: '' },
      { query_text: 'x'.repeat(2001) },
      { export_type: 'docx' },
      { export_type: undefined },
      { fields: '' },
      { fields: 'PN,NOPE' },
      { fields: 'PN,DESC', export_type: 'csv' },
      { fields: 'PN,CLMS', export_type: 'json' },
      { fields: 'PN,TTL', export_type: 'full_text' },
      { rows: 0 },
      { rows: undefined },
      { rows: 100_001 },
      { rows: 1001, export_type: 'pdf', fields: 'PN' },
      { rows: 1001, export_type: 'full_text', fields: 'PN' },
      { rows: 50_000, offset: 50_001 },
      { offset: -1 },
      { apdt_from: '2020-01-01' },
      { pbdt_to: '20201301' },
      { pbdt_from: 20200101 },
      { apdt_from: '20200101', apdt_to: '20190101' },
      { lang: 'es' },
      { trans_lang: 'de' },
      { stemming: 2 },
      { collapse_type: 'X' },
    ];
    for (const body of bad) {
      const a = await create(body);
      assert.equal(a.body.error_code, 68300004, JSON.stringify(body).slice(0, 80));
    }
    ok(await create({ rows: 50_000, offset: 50_000 }));
    ok(await create({ rows: 1000, export_type: 'pdf', fields: 'PN,CLMS', lang: 'cn', trans_lang: 'jp', stemming: 1, apdt_from: '*', apdt_to: '20251231' }));
  });

  it('stemming widens English matches', async () => {
    const plain = ok<{ count: number }>(await create({ query_text: 'TTL:batteries', rows: 1000 })).count;
    const stemmed = ok<{ count: number }>(await create({ query_text: 'TTL:batteries', rows: 1000, stemming: 1 })).count;
    assert.equal(plain, 0);
    assert.ok(stemmed > 0);
  });

  it('streams a synthetic CSV of exactly syntheticExportBytes, and dropMidBody cuts it', async () => {
    const size = 3_000_000 + 17;
    const big = await startSandbox({ syntheticExportBytes: size, exportPendingPolls: 0 });
    try {
      const { task_id } = ok<{ task_id: string }>(await call(big, '/patent-search/export/V2', { body: { query_text: 'TTL:battery', fields: 'PN', export_type: 'csv', rows: 10 } }));
      const t = ok<Task>(await call(big, '/patent-search/task', { query: { task_id } }));
      assert.equal(t.export_status, 'SUCCESS');
      const res = await fetch(t.url as string);
      assert.equal(Number(res.headers.get('content-length')), size);
      const text = Buffer.from(await res.arrayBuffer());
      assert.equal(text.length, size);
      const lines = text.toString('latin1').split('\n');
      assert.equal(lines[0], 'PN,TTL,APD,PBD');
      assert.equal(lines[lines.length - 1], '', 'ends with a full line');
      assert.ok(lines.slice(1, -1).every((l) => /^SYN\d{10}A1,"[^"]*",20200101,20210101$/.test(l)));

      big.faults.add({ dropMidBody: true });
      const cut = await fetch(t.url as string);
      assert.equal(Number(cut.headers.get('content-length')), size);
      await assert.rejects(cut.arrayBuffer());
    } finally {
      await big.close();
    }
  });

  it('stallMidBody sends half of a file, then holds the connection open sending nothing', async () => {
    const { task_id } = ok<{ task_id: string }>(await create({ rows: 20 }));
    let task = await poll(task_id);
    while (task.export_status === 'PENDING') task = await poll(task_id);
    const whole = Buffer.from(await (await fetch(task.url as string)).arrayBuffer());
    sb.faults.add({ stallMidBody: true });
    const controller = new AbortController();
    const res = await fetch(task.url as string, { signal: controller.signal });
    assert.equal(Number(res.headers.get('content-length')), whole.length);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const received: Buffer[] = [];
    while (Buffer.concat(received).length < Math.floor(whole.length / 2)) {
      const { value, done } = await reader.read();
      assert.equal(done, false, 'the body does not end at the cut');
      received.push(Buffer.from(value as Uint8Array));
    }
    assert.deepEqual(Buffer.concat(received), whole.subarray(0, Math.floor(whole.length / 2)));
    // The next read waits for bytes that never come: still pending once the server has had every chance to send.
    const next = reader.read();
    const pending = await Promise.race([next.then(() => 'settled', () => 'settled'), call(sb, '/_sandbox/health', { method: 'GET' }).then(() => 'pending')]);
    assert.equal(pending, 'pending');
    controller.abort();
    await assert.rejects(next);
    assert.equal((await fetch(task.url as string)).status, 200, 'the fault applied once');
  });
});
