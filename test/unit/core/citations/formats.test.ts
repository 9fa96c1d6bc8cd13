/**
 * Citation lists: each format checked by what reads it. CSL-JSON against the CSL project's
 * own schema (ajv), BibTeX through a real BibTeX parser (@retorquere/bibtex-parser, the one
 * Better BibTeX uses), CSV by parsing it back, Markdown and IDS tables by their cells.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'csv-parse/sync';
import { citationEntries, formatCitationList, type CitationEntry, type CitationFacts, type PatentFacts } from '../../../../src/core/citations';
import { CitationFactsLookup } from '../../../../src/core/citations/facts';
import { inert } from '../../../../src/core/citations/csv';
import { findPatentNumbers } from '../../../../src/core/numbers';
import { client, useSandbox } from '../api/helpers';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
// markdown-it ships no types; only render() is used. HTML and autolinks on: the preview's worst case.
const markdown = (createRequire(__filename)('markdown-it') as (o: { html: boolean; linkify: boolean }) => { render(s: string): string })({ html: true, linkify: true });

/** The CSL project's input schema (citation-style-language/schema, schemas/input/csl-data.json, MIT; see its README). */
const CSL_SCHEMA = path.join(ROOT, 'test', 'fixtures', 'csl', 'csl-data.json');

const cite = (text: string) => findPatentNumbers(text, { flagImpossible: true });

/** Text a hostile or careless service could send: every character TeX, CSV, Markdown and JSON treat specially. */
const HOSTILE = 'A {title} with 100% & $5 #1 a_b ^ ~ \\input{/etc/passwd} "quotes", [a](command:x) <b>x</b> | pipe\nline';

function facts(pn: string, more: Partial<PatentFacts> = {}): PatentFacts {
  return { pn, assignees: [], applicants: [], inventors: [], priority: [], ...more };
}

function handMade(): CitationEntry[] {
  const known: CitationFacts = {
    publications: new Map([
      ['US11205304B2', { found: true as const, ...facts('US11205304B2', { title: HOSTILE, assignees: ['MAGIC LEAP, INC.', 'Johnson and Johnson'], inventors: ['James Smith', 'Smith, Jane', '=HYPERLINK("x")'], publicationDate: '2021-12-21', applicationNumber: 'US14/706838', applicationDate: '2015-05-07', priority: [{ number: 'US14/706838', date: '2014-05-08' }], legal: { simple: ['Active'], detailed: ['Granted'], date: '2025-06-21' } }) }],
      ['US20050262868A1', { found: true as const, ...facts('US20050262868A1', { title: 'Pre-grant', applicants: ['INTEL CORPORATION'], inventors: ['John Nguyen'], publicationDate: '2005-11-24' }) }],
      ['EP1234567B1', { found: true as const, ...facts('EP1234567B1', { title: 'European', assignees: ['SIEMENS AKTIENGESELLSCHAFT'], inventors: ['Pierre Virtanen'], publicationDate: '2005-04-06' }) }],
      ['US9999999B2', { found: false as const }],
    ]),
    applications: new Map([['US17/999999', { publications: [] }]]),
  };
  return citationEntries(cite('US 11,205,304 B2; US 2005/0262868 A1; EP 1 234 567 B1; US 9,999,999 B2; U.S. Appl. No. 17/999,999; US11205304B2; JP 2020-123456 A'), known);
}

describe('citations: the entries of a list', () => {
  it('lists each patent once, in the order first cited, impossible numbers left out', () => {
    const entries = citationEntries(cite('US 11,205,304 B2, EP 12345678901 B1, US11205304B2, U.S. Pat. No. 7,123,456 and US 7,123,456 B2'));
    assert.deepEqual(
      entries.map((e) => [e.number, e.written, e.office, e.docNumber, e.kind, e.found]),
      [
        ['US11205304B2', 'US 11,205,304 B2', 'US', '11205304', 'B2', undefined],
        ['US7123456B2', 'U.S. Pat. No. 7,123,456', 'US', '7123456', 'B2', undefined],
      ].map((r) => r.map((v) => v)),
    );
  });
});

describe('citations: list formats', () => {
  it('writes CSL-JSON that validates against the CSL schema, with the fields Zotero and Pandoc read', async () => {
    const schema = JSON.parse(fs.readFileSync(CSL_SCHEMA, 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const text = await formatCitationList(handMade(), 'csl-json');
    const items = JSON.parse(text) as Array<Record<string, unknown>>;
    assert.ok(validate(items), JSON.stringify(validate.errors, null, 2));
    // The schema must be able to fail: an unknown variable or a bad date is refused.
    assert.equal(validate([{ ...items[0], assignee: 'x' }]), false);
    assert.equal(validate([{ ...items[0], issued: { 'date-parts': [[2021, 12, 21, 1]] } }]), false);
  });

  it('fills CSL-JSON\u2019s patent fields', async () => {
    const [first, , ep, unknown, application] = JSON.parse(await formatCitationList(handMade(), 'csl-json')) as Array<Record<string, unknown>>;
    assert.deepEqual(first, {
      id: 'US11205304B2',
      type: 'patent',
      number: 'US11205304B2',
      authority: 'United States Patent and Trademark Office',
      jurisdiction: 'us',
      title: HOSTILE,
      author: [{ literal: 'James Smith' }, { family: 'Smith', given: 'Jane' }, { literal: '=HYPERLINK("x")' }],
      publisher: 'MAGIC LEAP, INC.; Johnson and Johnson',
      issued: { 'date-parts': [[2021, 12, 21]] },
      submitted: { 'date-parts': [[2015, 5, 7]] },
      'call-number': 'US14/706838',
      references: 'Priority: US14/706838 (2014-05-08)',
      custom: { assignees: ['MAGIC LEAP, INC.', 'Johnson and Johnson'], priority: [{ number: 'US14/706838', date: '2014-05-08' }], legalStatus: { simple: ['Active'], detailed: ['Granted'], date: '2025-06-21' } },
    });
    assert.equal(ep?.authority, 'European Patent Office');
    assert.deepEqual(unknown, { id: 'US9999999B2', type: 'patent', number: 'US9999999B2', authority: 'United States Patent and Trademark Office', jurisdiction: 'us', note: 'Not found in PatSnap' });
    assert.equal(application?.number, 'US17/999999');
  });

  it('writes BibTeX that a real BibTeX parser reads back to the same values, as biblatex @patent entries', async () => {
    const { parse } = await import('@retorquere/bibtex-parser');
    const text = await formatCitationList(handMade(), 'bibtex');
    const library = parse(text, { sentenceCase: false });
    assert.deepEqual(library.errors, []);
    assert.deepEqual(
      library.entries.map((e) => [e.type, e.key, e.fields.number, e.fields.type]),
      [
        ['patent', 'US11205304B2', 'US11205304B2', 'patentus'],
        ['patent', 'US20050262868A1', 'US20050262868A1', 'patrequs'],
        ['patent', 'EP1234567B1', 'EP1234567B1', 'patenteu'],
        ['patent', 'US9999999B2', 'US9999999B2', 'patentus'],
        ['patent', 'US17_999999', 'US17/999999', 'patrequs'],
        ['patent', 'JP2020123456A', 'JP2020123456A', 'patreq'],
      ],
    );
    const [first, pre] = library.entries;
    // Every special character survives as itself (line breaks fold to a space): nothing ran as a macro.
    assert.equal(first?.fields.title, HOSTILE.replace('\n', ' '));
    assert.deepEqual(first?.fields.author, [{ lastName: 'Smith', firstName: 'James' }, { lastName: 'Smith', firstName: 'Jane' }, { lastName: '=HYPERLINK("x")' }]);
    assert.deepEqual(first?.fields.holder, [{ name: 'MAGIC LEAP, INC.' }, { name: 'Johnson and Johnson' }]);
    assert.equal(first?.fields.date, '2021-12-21');
    assert.equal(first?.fields.note, 'Application US14/706838, filed 2015-05-07');
    assert.deepEqual(pre?.fields.holder, [{ name: 'INTEL CORPORATION' }]);
  });

  it('writes CSV a parser reads back cell for cell, with formulas made inert', async () => {
    const text = await formatCitationList(handMade(), 'csv');
    const rows = parse(text, { relaxColumnCount: false }) as string[][];
    assert.deepEqual(rows[0]?.slice(0, 7), ['number', 'written', 'type', 'office', 'kind', 'found', 'title']);
    const header = rows[0] as string[];
    const col = (row: string[] | undefined, name: string): string | undefined => row?.[header.indexOf(name)];
    assert.equal(col(rows[1], 'title'), HOSTILE);
    assert.equal(col(rows[1], 'inventors'), "James Smith; Smith, Jane; =HYPERLINK(\"x\")");
    assert.equal(col(rows[1], 'legal_status_date'), '2025-06-21');
    assert.equal(col(rows[4], 'found'), 'false');
    assert.equal(inert('=1+1'), "'=1+1");
    assert.equal(inert('-2'), "'-2");
    assert.equal(inert('US11205304B2'), 'US11205304B2');
    assert.equal(rows.length, 1 + 6);
  });

  it('writes a Markdown table whose cells are text, whatever the title holds', async () => {
    const text = await formatCitationList(handMade(), 'markdown', { style: 'office' });
    assert.equal(text.split('\n')[0], '| # | Number | Title | Applicant / assignee | Inventors | Published | Application | Legal status |');
    // Rendered as VS Code's preview renders it: one table, each row the header's eight cells, no link, no markup.
    const html = markdown.render(text);
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, 1 + 6);
    for (const r of rows) assert.equal(r.match(/<t[dh]>/g)?.length, 8, r);
    assert.doesNotMatch(html, /<a |<b>|<img/);
    assert.match(rows[1] ?? '', /<td>US 11,205,304 B2<\/td>\n<td>A \{title\} with 100% &amp; \$5 #1 a_b \^ ~ \\input\{\/etc\/passwd\} &quot;quotes&quot;, \[a\]\(command:x\) &lt;b&gt;x&lt;\/b&gt; \| pipe line<\/td>/);
    assert.match(rows[4] ?? '', /<td>US 9,999,999 B2<\/td>\n<td>Not found in PatSnap<\/td>/);
  });

  it('writes the IDS lists apart, numbered on, with the US form\u2019s columns', async () => {
    const text = await formatCitationList(handMade(), 'ids');
    const sections = text.split(/^## /m).slice(1);
    assert.deepEqual(
      sections.map((s) => s.split('\n')[0]),
      ['U.S. Patents', 'U.S. Patent Application Publications', 'Foreign Patent Documents'],
    );
    assert.match(sections[0] ?? '', /\| Cite No\. \| Patent Number \| Kind Code \| Issue Date \| Name of Patentee or Applicant of Cited Document \|/);
    assert.match(sections[0] ?? '', /\| 1 \| 11205304 \| B2 \| 2021-12-21 \| James Smith et al\. \|/);
    assert.match(sections[0] ?? '', /\| 2 \| 9999999 \| B2 \| {2}\| {2}\|/);
    assert.match(sections[1] ?? '', /\| 3 \| 20050262868 \| A1 \| 2005-11-24 \| John Nguyen \|/);
    assert.match(sections[2] ?? '', /\| Cite No\. \| Foreign Document Number \| Country Code \| Kind Code \| Publication Date \|/);
    assert.match(sections[2] ?? '', /\| 4 \| 1234567 \| EP \| B1 \| 2005-04-06 \| SIEMENS AKTIENGESELLSCHAFT \|/);
    assert.match(sections[2] ?? '', /\| 5 \| 2020123456 \| JP \| A \|/);
    assert.match(text, /Not listed \(application numbers with no publication found\): US17\/999999/);
  });

  describe('from the sandbox\u2019s facts', () => {
    const s = useSandbox();

    it('lists what PatSnap has for each patent, an application as the publication it resolved to', async () => {
      const api = client(s.sb);
      const citations = cite('US 11,205,304 B2, EP 1 234 567 B1 and U.S. Appl. No. 17/521,392.');
      const { facts: known } = await new CitationFactsLookup(() => api).lookUp(citations);
      const entries = citationEntries(citations, known);
      assert.deepEqual(entries.map((e) => [e.number, e.found]), [
        ['US11205304B2', true],
        ['EP1234567B1', true],
        ['US11985678B2', true],
      ]);
      const bib = (await import('@retorquere/bibtex-parser')).parse(await formatCitationList(entries, 'bibtex'), { sentenceCase: false });
      assert.deepEqual(bib.errors, []);
      assert.equal(bib.entries[1]?.fields.title, 'Systems and methods for cooling the stator in a motor drive circuit');
      assert.deepEqual(bib.entries[1]?.fields.holder, [{ name: 'SIEMENS AKTIENGESELLSCHAFT' }]);
    });
  });
});
