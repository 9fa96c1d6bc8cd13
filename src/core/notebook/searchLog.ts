/**
 * The search log: a notebook written out for a search report's appendix, as Markdown or as
 * one self-contained HTML page. Each query with the date and hit count of every run and
 * what changed between runs, the patents kept in its last run, the top facet values, and
 * the reasoning cells where they stand.
 *
 * Every text from the API (titles, assignees, statuses, facet names) is hostile: in
 * Markdown each is escaped so it stays literal text, in HTML each is entity-escaped, and
 * the page allows no script at all (its CSP), loads nothing and links nowhere. The
 * reasoning cells are the searcher's own Markdown: kept as written in the Markdown log,
 * shown as escaped text in the HTML one.
 */
import { escapeHtml, escapeMarkdown } from '../text/escape';
import { compareRuns, isComplete, runDay, type ResultMark, type RunComparison } from './runs';
import type { KeptResult, Notebook, QueryCell, QueryOptions, Run } from './schema';

export interface SearchLogOptions {
  /** The heading; default the notebook's title, else "Search log". */
  readonly title?: string;
  /** When the log was made, shown under the heading; default now. */
  readonly generatedAt?: Date;
}

interface QueryEntry {
  readonly index: number;
  readonly cell: QueryCell;
  /** Each run with its comparison against the one before. */
  readonly runs: ReadonlyArray<{ run: Run; comparison?: RunComparison }>;
}

const n = (x: number): string => x.toLocaleString('en-US');

function entries(cell: QueryCell, index: number): QueryEntry {
  return { index, cell, runs: cell.runs.map((run, i) => ({ run, ...(i > 0 ? { comparison: compareRuns(cell.runs[i - 1] as Run, run) } : {}) })) };
}

/** Options in words: "sorted by PBDT_YEARMONTHDAY DESC · one per DOCDB family …". */
export function describeOptions(o: QueryOptions): string[] {
  const parts: string[] = [];
  if (o.sort && o.sort.length > 0) parts.push(`sorted by ${o.sort.map((s) => `${s.field} ${s.order}`).join(', ')}`);
  if (o.collapseType && o.collapseType !== 'ALL') {
    const by = o.collapseBy ? ` (kept by ${o.collapseBy}${o.collapseOrder ? `, ${o.collapseOrder}` : ''}${o.collapseOrderAuthority ? `: ${o.collapseOrderAuthority.join(' > ')}` : ''})` : '';
    parts.push(`collapsed by ${o.collapseType}${by}`);
  }
  for (const [label, r] of [
    ['published', o.publicationDate],
    ['filed', o.applicationDate],
  ] as const) {
    if (r && ((r.from ?? '*') !== '*' || (r.to ?? '*') !== '*')) parts.push(`${label} ${r.from ?? '*'} to ${r.to ?? '*'}`);
  }
  if (o.limit !== undefined) parts.push(`top ${n(o.limit)} kept`);
  if (o.facets && o.facets.length > 0) parts.push(`facets ${o.facets.join(', ')}`);
  return parts;
}

function changeText(c: RunComparison | undefined): string {
  if (!c) return 'first run';
  const added = c.newPublications > c.added.length ? `${n(c.added.length)} new ${c.added.length === 1 ? 'family' : 'families'} (${n(c.newPublications)} publications)` : `${n(c.added.length)} new`;
  const parts = [added, `${n(c.gone.length)} gone`];
  if (c.newMembers.length > 0) parts.push(`${n(c.newMembers.length)} new family ${c.newMembers.length === 1 ? 'member' : 'members'}`);
  const scope = c.exact ? '' : ` (top ${n(c.window)} compared)`;
  return `${parts.join(', ')}${scope}${c.queryChanged ? '; query changed' : c.optionsChanged ? '; options changed' : ''}`;
}

const MARK_LABEL: Readonly<Record<ResultMark, string>> = { new: 'new', newMember: 'new member', seen: '' };

function lastRunParts(entry: QueryEntry): { run: Run; marks: readonly ResultMark[]; heading: string } | undefined {
  const last = entry.runs[entry.runs.length - 1];
  if (!last) return undefined;
  const { run, comparison } = last;
  const kept = isComplete(run) ? `all ${n(run.results.length)}` : `${n(run.results.length)} of ${n(run.total)}`;
  return { run, marks: comparison?.marks ?? run.results.map(() => 'seen'), heading: `Patents kept in the run of ${runDay(run)} (${kept})` };
}

// ---- Markdown ----------------------------------------------------------------------

/** A fenced block that no backtick run inside `text` can close. */
function fence(text: string, info: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${info}\n${text}\n${f}`;
}

/** Our own text (option values the schema has checked) as a code span: nothing in it is read as Markdown. */
const codeSpan = (text: string): string => `\`${text.replace(/[`\s]+/g, ' ')}\``;

const cell = (text: string | undefined, max = 300): string => (text === undefined || text === '' ? '\u2014' : escapeMarkdown(text, max));

export function renderSearchLogMarkdown(notebook: Notebook, options: SearchLogOptions = {}): string {
  const title = options.title ?? notebook.title ?? 'Search log';
  const out: string[] = [`# ${escapeMarkdown(title, 200)}`, '', `Generated ${(options.generatedAt ?? new Date()).toISOString().slice(0, 10)}.`];
  let queryIndex = 0;
  for (const c of notebook.cells) {
    out.push('');
    if (c.kind === 'markdown') {
      out.push(c.source.trimEnd());
      continue;
    }
    const entry = entries(c, ++queryIndex);
    out.push(`## Query ${entry.index}`, '', fence(c.source, ''));
    const opts = describeOptions(c.options);
    if (opts.length > 0) out.push('', `Options: ${codeSpan(opts.join('; '))}.`);
    out.push('');
    if (entry.runs.length === 0) {
      out.push('Not run yet.');
      continue;
    }
    const showQuery = entry.runs.some(({ run }) => run.query !== c.source);
    out.push(showQuery ? '| Run | Hits | Change | Query as run |' : '| Run | Hits | Change |', showQuery ? '|---|--:|---|---|' : '|---|--:|---|');
    for (const { run, comparison } of entry.runs) {
      const row = `| ${runDay(run)} | ${n(run.total)} | ${changeText(comparison)} |`;
      out.push(showQuery ? `${row} ${run.query === c.source ? 'as above' : cell(run.query, 1500)} |` : row);
    }
    const last = lastRunParts(entry);
    if (!last) continue;
    out.push('', `${last.heading}:`, '');
    if (last.run.results.length === 0) out.push('No patents matched.');
    else {
      out.push('| | Number | Title | Assignee | Published | Status |', '|---|---|---|---|---|---|');
      last.run.results.forEach((r, i) => out.push(`| ${MARK_LABEL[last.marks[i] ?? 'seen']} | ${cell(r.number, 40)} | ${cell(r.title)} | ${cell(r.assignee, 120)} | ${r.date ?? '\u2014'} | ${cell(r.status, 60)} |`));
    }
    const facets = Object.entries(last.run.facets ?? {});
    if (facets.length > 0) {
      out.push('', 'Top values:', '');
      for (const [field, buckets] of facets) out.push(`- ${escapeMarkdown(field, 60)}: ${buckets.length === 0 ? '\u2014' : buckets.map((b) => `${escapeMarkdown(b.name, 120)} (${n(b.count)})`).join(', ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// ---- HTML --------------------------------------------------------------------------

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --new: #1a7f37; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --head: #151b23; --new: #3fb950; --code: #151b23; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2 { line-height: 1.25; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2.5rem; }
.meta, .muted { color: var(--muted); }
pre { background: var(--code); border: 1px solid var(--line); padding: .75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.reasoning { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid var(--line); padding-left: 1rem; margin: 1.5rem 0; }
table { border-collapse: collapse; margin: .75rem 0; width: 100%; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--head); } td.num { text-align: right; white-space: nowrap; }
.mark { color: var(--new); font-weight: 600; white-space: nowrap; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
@media (forced-colors: active) { .mark { color: Highlight; } th { background: Canvas; } }
`;

const h = escapeHtml;
const td = (text: string | undefined, cls?: string): string => `<td${cls ? ` class="${cls}"` : ''}>${text === undefined || text === '' ? '\u2014' : h(text)}</td>`;

export function renderSearchLogHtml(notebook: Notebook, options: SearchLogOptions = {}): string {
  const title = options.title ?? notebook.title ?? 'Search log';
  const body: string[] = [`<h1>${h(title)}</h1>`, `<p class="meta">Generated ${(options.generatedAt ?? new Date()).toISOString().slice(0, 10)}.</p>`];
  let queryIndex = 0;
  for (const c of notebook.cells) {
    if (c.kind === 'markdown') {
      if (c.source.trim() !== '') body.push(`<div class="reasoning">${h(c.source.trim())}</div>`);
      continue;
    }
    const entry = entries(c, ++queryIndex);
    body.push(`<section>`, `<h2>Query ${entry.index}</h2>`, `<pre><code>${h(c.source)}</code></pre>`);
    const opts = describeOptions(c.options);
    if (opts.length > 0) body.push(`<p class="muted">Options: ${h(opts.join('; '))}.</p>`);
    if (entry.runs.length === 0) {
      body.push('<p>Not run yet.</p>', '</section>');
      continue;
    }
    const showQuery = entry.runs.some(({ run }) => run.query !== c.source);
    body.push('<table>', `<thead><tr><th>Run</th><th>Hits</th><th>Change</th>${showQuery ? '<th>Query as run</th>' : ''}</tr></thead>`, '<tbody>');
    for (const { run, comparison } of entry.runs) {
      const query = showQuery ? (run.query === c.source ? td('as above', 'muted') : `<td><code>${h(run.query)}</code></td>`) : '';
      body.push(`<tr>${td(runDay(run))}${td(n(run.total), 'num')}${td(changeText(comparison))}${query}</tr>`);
    }
    body.push('</tbody>', '</table>');
    const last = lastRunParts(entry);
    if (last) {
      body.push(`<h3>${h(last.heading)}</h3>`);
      if (last.run.results.length === 0) body.push('<p>No patents matched.</p>');
      else {
        body.push('<table>', '<thead><tr><th></th><th>Number</th><th>Title</th><th>Assignee</th><th>Published</th><th>Status</th></tr></thead>', '<tbody>');
        last.run.results.forEach((r: KeptResult, i) => {
          const mark = MARK_LABEL[last.marks[i] ?? 'seen'];
          body.push(`<tr><td class="mark">${h(mark)}</td>${td(r.number)}${td(r.title)}${td(r.assignee)}${td(r.date)}${td(r.status)}</tr>`);
        });
        body.push('</tbody>', '</table>');
      }
      const facets = Object.entries(last.run.facets ?? {});
      if (facets.length > 0) {
        body.push('<h3>Top values</h3>', '<ul>');
        for (const [field, buckets] of facets) body.push(`<li><strong>${h(field)}</strong>: ${buckets.length === 0 ? '\u2014' : buckets.map((b) => `${h(b.name)} (${n(b.count)})`).join(', ')}</li>`);
        body.push('</ul>');
      }
    }
    body.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // No script, no remote anything: the page is inert even if an escape were missed.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
