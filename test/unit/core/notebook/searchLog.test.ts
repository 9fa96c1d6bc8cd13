import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parseNotebook, recordRun, renderSearchLogHtml, renderSearchLogMarkdown, type Notebook, type QueryCell } from '../../../../src/core/notebook';

// markdown-it ships no types; only render() is used.
const markdownIt = createRequire(__filename)('markdown-it') as (options: { html: boolean; linkify: boolean }) => { render(s: string): string };
const FIXTURE = path.join(__dirname, '../../../fixtures/notebooks/battery-watch.patentsearch');
const GENERATED = new Date(Date.UTC(2026, 11, 2));

/** Titles, assignees, statuses and facet names as a hostile API might send them. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '[click me](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '<https://evil.example>',
  'https://evil.example/auto',
  '| broken | table |',
  '`code` and ``more``',
  '# heading\n\n- list',
  '&lt;already escaped&gt; &amp;',
  '\u202eevil bidi\u202c',
];

function hostileNotebook(): Notebook {
  let cell: QueryCell = { kind: 'query', source: 'TTL:battery', options: { facets: ['ASSIGNEE'] }, runs: [] };
  cell = recordRun(
    cell,
    {
      total: HOSTILE.length,
      hits: HOSTILE.map((t, i) => ({ pn: i === 0 ? '<b>US1B2</b>' : `US${i}B2`, title: t, currentAssignee: t, legalStatus: [t], familyKey: `f${i}` })),
      facets: { ASSIGNEE: HOSTILE.map((name, i) => ({ name, count: i })) },
    },
    { now: () => Date.UTC(2026, 10, 3) },
  ).cell;
  return { format: 'patent-search-notebook', version: 1, title: '<i>Title</i> [x](javascript:y)', cells: [{ kind: 'markdown', source: 'Our **reasoning**.' }, cell] };
}


describe('the search log', () => {
  const nb = parseNotebook(fs.readFileSync(FIXTURE, 'utf8'));

  describe('Markdown', () => {
    const md = renderSearchLogMarkdown(nb, { generatedAt: GENERATED });

    it('lists each query with the date and hit count of each run and what changed', () => {
      assert.match(md, /^# Solid electrolytes\\: novelty search for the halide project\n\nGenerated 2026-12-02\./);
      assert.match(md, /## Query 1\n\n```\nTAC:\("solid electrolyte" OR "solid-state electrolyte"\)\nAND IPC:H01M10\/0562\n```/);
      assert.match(md, /\| 2026-11-03 \| 1,842 \| first run \|/);
      assert.match(md, /\| 2026-12-01 \| 1,857 \| 1 new, 1 gone, 1 new family member \(top 3 compared\) \|/);
      assert.match(md, /Options: `sorted by PBDT_YEARMONTHDAY DESC; collapsed by DOCDB \(kept by PBD, LATEST\); filed from 2015-01-01; top 3 kept; facets PUBLICATION_YEAR, ASSIGNEE`\./);
      assert.match(md, /## Query 2[\s\S]*Not run yet\./);
    });

    it('counts new families and, where a new family has several members, its publications too', () => {
      let cell: QueryCell = { kind: 'query', source: 'TTL:drone', options: {}, runs: [] };
      cell = recordRun(cell, { total: 1, hits: [{ pn: 'US1B2', familyKey: 'a' }] }, { now: () => Date.UTC(2026, 10, 3) }).cell;
      cell = recordRun(cell, { total: 4, hits: [{ pn: 'US1B2', familyKey: 'a' }, { pn: 'EP2A1', familyKey: 'b' }, { pn: 'CN2A', familyKey: 'b' }, { pn: 'US3B2', familyKey: 'c' }] }, { now: () => Date.UTC(2026, 11, 1) }).cell;
      const log = renderSearchLogMarkdown({ format: 'patent-search-notebook', version: 1, cells: [cell] }, { generatedAt: GENERATED });
      assert.match(log, /\| 2026-12-01 \| 4 \| 2 new families \(3 publications\), 0 gone \|/);
      assert.match(renderSearchLogHtml({ format: 'patent-search-notebook', version: 1, cells: [cell] }, { generatedAt: GENERATED }), /<td>2 new families \(3 publications\), 0 gone<\/td>/);
    });

    it('lists the patents kept in the last run, the new ones marked, and the top facet values', () => {
      assert.match(md, /Patents kept in the run of 2026-12-01 \(3 of 1,857\):/);
      assert.match(md, /\| new \| US11894512B2 \| All\\-solid\\-state battery with \\<b\\>halide\\<\\\/b\\> electrolyte \|/);
      assert.match(md, /\| new member \| EP4106045B1 \|/);
      assert.match(md, /\| {2}\| US11670797B2 \|/);
      assert.match(md, /- PUBLICATION\\_YEAR: 2024 \(120\), 2023 \(415\), 2022 \(398\)/);
    });

    it('keeps the reasoning cells where they stand, as written', () => {
      assert.ok(md.indexOf('## Scope') < md.indexOf('## Query 1'));
      assert.ok(md.indexOf('Narrowed to halides') > md.indexOf('## Query 1') && md.indexOf('Narrowed to halides') < md.indexOf('## Query 2'));
      assert.ok(md.includes('Claims 1\u20134 of the draft: a halide solid electrolyte in an all-solid-state cell.\nTitle, abstract'));
    });

    it('renders API text as inert text: no link, image, markup, heading or broken table', () => {
      const html = markdownIt({ html: true, linkify: true }).render(renderSearchLogMarkdown(hostileNotebook(), { generatedAt: GENERATED }));
      assert.doesNotMatch(html, /<(script|img|svg|a|b|i|h[2-6] *>heading|ul>\s*<li>list)/i);
      assert.doesNotMatch(html, /<[a-z][^>]*\s(href|src|on\w+)=/i);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(html.includes('[click me](javascript:alert(1))'));
      assert.ok(!html.includes('\u202e'));
      const rows = html.split('<tr>').filter((r: string) => r.includes('US'));
      assert.equal(rows.length, HOSTILE.length);
      for (const row of rows) assert.equal(row.split('<td').length - 1, 6, 'every row keeps its six cells');
    });
  });

  describe('HTML', () => {
    const html = renderSearchLogHtml(nb, { generatedAt: GENERATED });

    it('is one self-contained page that reads in light and dark and allows no script', () => {
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'/);
      assert.match(html, /color-scheme: light dark/);
      assert.match(html, /@media \(prefers-color-scheme: dark\)/);
      assert.match(html, /@media \(forced-colors: active\)/);
      assert.doesNotMatch(html, /<script|<link|<img|https?:\/\/(?!raw)/);
      assert.ok(html.endsWith('</html>\n'));
    });

    it('holds the same queries, runs, kept patents and reasoning', () => {
      assert.match(html, /<h2>Query 1<\/h2>\n<pre><code>TAC:\(&quot;solid electrolyte&quot; OR &quot;solid-state electrolyte&quot;\)\nAND IPC:H01M10\/0562<\/code><\/pre>/);
      assert.match(html, /<tr><td>2026-12-01<\/td><td class="num">1,857<\/td><td>1 new, 1 gone, 1 new family member \(top 3 compared\)<\/td><\/tr>/);
      assert.match(html, /<td class="mark">new<\/td><td>US11894512B2<\/td><td>All-solid-state battery with &lt;b&gt;halide&lt;\/b&gt; electrolyte<\/td>/);
      assert.match(html, /<div class="reasoning">## Scope\n\nClaims 1\u20134/);
    });

    it('escapes every API text: the only tags are its own', () => {
      const page = renderSearchLogHtml(hostileNotebook(), { generatedAt: GENERATED });
      const tags = new Set(Array.from(page.matchAll(/<\/?([a-zA-Z0-9!]+)/g), (m) => (m[1] as string).toLowerCase()));
      assert.deepEqual([...tags].sort(), ['!doctype', 'body', 'code', 'div', 'h1', 'h2', 'h3', 'head', 'html', 'li', 'meta', 'p', 'pre', 'section', 'strong', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr', 'ul']);
      assert.doesNotMatch(page, /<[a-z][^>]*\s(href|src|on\w+)=/i);
      assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(page.includes('&lt;b&gt;US1B2&lt;/b&gt;'));
      assert.ok(page.includes('<title>&lt;i&gt;Title&lt;/i&gt; [x](javascript:y)</title>'));
      assert.ok(page.includes('&amp;lt;already escaped&amp;gt; &amp;amp;'), 'escaped once more, shown as sent');
      assert.ok(!page.includes('\u202e'));
    });
  });
});
