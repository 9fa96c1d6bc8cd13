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
import { dateRangeWords } from '../text/dates';
import { escapeHtml, escapeMarkdown } from '../text/escape';
import { clausesOf, labelled, listOf, sentenceOf, withAside } from '../text/punctuation';
import { compareRuns, isComplete, runDay, type ResultMark, type RunComparison } from './runs';
import type { KeptResult, Notebook, QueryCell, QueryOptions, Run } from './schema';
import { ENGLISH, type Translator } from '../text/translator';

export interface SearchLogOptions {
  /** The heading; default the notebook's title, else "Search log". */
  readonly title?: string;
  /** When the log was made, shown under the heading; default now. */
  readonly generatedAt?: Date;
  /** The log's words and punctuation: `vscode.l10n` in the extension; default English (the CLI). */
  readonly l10n?: Translator;
  /** The HTML page's `lang` (VS Code's display language in the extension); default `en`. */
  readonly language?: string;
  /** How a day (given as yyyy-mm-dd) is written: as the patent panel writes dates in the extension (`displayDates().day`); default as given. */
  readonly formatDate?: (isoDay: string) => string;
}

/** The log's language: its translator, and how it writes a day (given as yyyy-mm-dd). */
interface Words {
  readonly l10n: Translator;
  readonly day: (iso: string) => string;
}

function wordsOf(options: SearchLogOptions): Words {
  return { l10n: options.l10n ?? ENGLISH, day: options.formatDate ?? ((iso) => iso) };
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

/** Options in words: "sorted by PBDT_YEARMONTHDAY DESC · one per DOCDB family …". `l10n` and `formatDate` as in `SearchLogOptions`. */
export function describeOptions(o: QueryOptions, options: Pick<SearchLogOptions, 'l10n' | 'formatDate'> = {}): string[] {
  const w = wordsOf(options);
  const { l10n } = w;
  const parts: string[] = [];
  if (o.sort && o.sort.length > 0) parts.push(l10n.t('sorted by {0}', listOf(l10n, o.sort.map((s) => `${s.field} ${s.order}`))));
  if (o.collapseType && o.collapseType !== 'ALL') {
    const collapsed = l10n.t('collapsed by {0}', o.collapseType);
    if (o.collapseBy) {
      const kept = listOf(l10n, [l10n.t('kept by {0}', o.collapseBy), ...(o.collapseOrder ? [o.collapseOrder] : [])]);
      parts.push(withAside(l10n, collapsed, o.collapseOrderAuthority ? labelled(l10n, kept, o.collapseOrderAuthority.join(' > ')) : kept));
    } else parts.push(collapsed);
  }
  const published = o.publicationDate && dateRangeWords(o.publicationDate.from, o.publicationDate.to, l10n, w.day, 'published');
  if (published) parts.push(published);
  const filed = o.applicationDate && dateRangeWords(o.applicationDate.from, o.applicationDate.to, l10n, w.day, 'filed');
  if (filed) parts.push(filed);
  if (o.limit !== undefined) parts.push(l10n.t('top {0} kept', n(o.limit)));
  if (o.facets && o.facets.length > 0) parts.push(l10n.t('facets {0}', listOf(l10n, o.facets)));
  return parts;
}

function changeText(c: RunComparison | undefined, l10n: Translator): string {
  if (!c) return l10n.t('first run');
  const families = c.added.length;
  const added =
    c.newPublications <= families
      ? l10n.t('{0} new', n(families))
      : families === 1
        ? l10n.t('1 new family ({0} publications)', n(c.newPublications))
        : l10n.t('{0} new families ({1} publications)', n(families), n(c.newPublications));
  const parts = [added, l10n.t('{0} gone', n(c.gone.length))];
  if (c.newMembers.length > 0) parts.push(c.newMembers.length === 1 ? l10n.t('1 new family member') : l10n.t('{0} new family members', n(c.newMembers.length)));
  const list = listOf(l10n, parts);
  const scoped = c.exact ? list : withAside(l10n, list, l10n.t('top {0} compared', n(c.window)));
  const changed = c.queryChanged ? [l10n.t('query changed')] : c.optionsChanged ? [l10n.t('options changed')] : [];
  return clausesOf(l10n, [scoped, ...changed]);
}

function markLabel(mark: ResultMark, l10n: Translator): string {
  return mark === 'new' ? l10n.t('new') : mark === 'newMember' ? l10n.t('new member') : '';
}

function lastRunParts(entry: QueryEntry, w: Words): { run: Run; marks: readonly ResultMark[]; heading: string } | undefined {
  const last = entry.runs[entry.runs.length - 1];
  if (!last) return undefined;
  const { run, comparison } = last;
  const { l10n } = w;
  const kept = isComplete(run) ? l10n.t('all {0}', n(run.results.length)) : l10n.t('{0} of {1}', n(run.results.length), n(run.total));
  return { run, marks: comparison?.marks ?? run.results.map(() => 'seen'), heading: withAside(l10n, l10n.t('Patents kept in the run of {0}', w.day(runDay(run))), kept) };
}

/** The column headings of the runs table and of the kept patents' table. */
function headings(l10n: Translator): { runs: string[]; queryAsRun: string; kept: string[] } {
  return {
    runs: [l10n.t('Run'), l10n.t('Hits'), l10n.t('Change')],
    queryAsRun: l10n.t('Query as run'),
    kept: [l10n.t('Number'), l10n.t('Title'), l10n.t('Assignee'), l10n.t('Published'), l10n.t('Status')],
  };
}

/** "Generated 2026-12-02.", in the log's language. */
const generatedLine = (options: SearchLogOptions, { l10n, day }: Words): string => l10n.t('Generated {0}.', day((options.generatedAt ?? new Date()).toISOString().slice(0, 10)));

/** "Options: …." around `options` (in Markdown a code span; the HTML page escapes the whole line). */
const optionsLine = (l10n: Translator, options: string): string => sentenceOf(l10n, labelled(l10n, l10n.t('Options'), options));

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

/** A table row of cells already made safe (API text escaped; our own words as they are). */
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

export function renderSearchLogMarkdown(notebook: Notebook, options: SearchLogOptions = {}): string {
  const w = wordsOf(options);
  const { l10n } = w;
  const head = headings(l10n);
  const title = options.title ?? notebook.title ?? l10n.t('Search log');
  const out: string[] = [`# ${escapeMarkdown(title, 200)}`, '', generatedLine(options, w)];
  let queryIndex = 0;
  for (const c of notebook.cells) {
    out.push('');
    if (c.kind === 'markdown') {
      out.push(c.source.trimEnd());
      continue;
    }
    const entry = entries(c, ++queryIndex);
    out.push(`## ${l10n.t('Query {0}', entry.index)}`, '', fence(c.source, ''));
    const opts = describeOptions(c.options, options);
    if (opts.length > 0) out.push('', optionsLine(l10n, codeSpan(clausesOf(l10n, opts))));
    out.push('');
    if (entry.runs.length === 0) {
      out.push(l10n.t('Not run yet.'));
      continue;
    }
    const showQuery = entry.runs.some(({ run }) => run.query !== c.source);
    out.push(row([...head.runs, ...(showQuery ? [head.queryAsRun] : [])]), showQuery ? '|---|--:|---|---|' : '|---|--:|---|');
    for (const { run, comparison } of entry.runs) {
      const cells = [w.day(runDay(run)), n(run.total), changeText(comparison, l10n)];
      out.push(row(showQuery ? [...cells, run.query === c.source ? l10n.t('as above') : cell(run.query, 1500)] : cells));
    }
    const last = lastRunParts(entry, w);
    if (!last) continue;
    out.push('', l10n.t('{0}:', last.heading), '');
    if (last.run.results.length === 0) out.push(l10n.t('No patents matched.'));
    else {
      out.push(`| ${row(head.kept)}`, '|---|---|---|---|---|---|');
      last.run.results.forEach((r, i) => out.push(row([markLabel(last.marks[i] ?? 'seen', l10n), cell(r.number, 40), cell(r.title), cell(r.assignee, 120), r.date ? w.day(r.date) : '\u2014', cell(r.status, 60)])));
    }
    const facets = Object.entries(last.run.facets ?? {});
    if (facets.length > 0) {
      out.push('', l10n.t('{0}:', l10n.t('Top values')), '');
      for (const [field, buckets] of facets) {
        const values = buckets.length === 0 ? '\u2014' : listOf(l10n, buckets.map((b) => withAside(l10n, escapeMarkdown(b.name, 120), n(b.count))));
        out.push(`- ${labelled(l10n, escapeMarkdown(field, 60), values)}`);
      }
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

/** "label: value" with the label in bold, in the log's punctuation: the label and the value escaped, the mark between them too. */
function labelledHtml(l10n: Translator, label: string, valueHtml: string): string {
  const MARK = '\u0000';
  const text = labelled(l10n, MARK, MARK);
  const [before = '', between = '', after = ''] = text.split(MARK);
  return `${h(before)}<strong>${h(label)}</strong>${h(between)}${valueHtml}${h(after)}`;
}

export function renderSearchLogHtml(notebook: Notebook, options: SearchLogOptions = {}): string {
  const w = wordsOf(options);
  const { l10n } = w;
  const head = headings(l10n);
  const title = options.title ?? notebook.title ?? l10n.t('Search log');
  const body: string[] = [`<h1>${h(title)}</h1>`, `<p class="meta">${h(generatedLine(options, w))}</p>`];
  let queryIndex = 0;
  for (const c of notebook.cells) {
    if (c.kind === 'markdown') {
      if (c.source.trim() !== '') body.push(`<div class="reasoning">${h(c.source.trim())}</div>`);
      continue;
    }
    const entry = entries(c, ++queryIndex);
    body.push(`<section>`, `<h2>${h(l10n.t('Query {0}', entry.index))}</h2>`, `<pre><code>${h(c.source)}</code></pre>`);
    const opts = describeOptions(c.options, options);
    if (opts.length > 0) body.push(`<p class="muted">${h(optionsLine(l10n, clausesOf(l10n, opts)))}</p>`);
    if (entry.runs.length === 0) {
      body.push(`<p>${h(l10n.t('Not run yet.'))}</p>`, '</section>');
      continue;
    }
    const showQuery = entry.runs.some(({ run }) => run.query !== c.source);
    body.push('<table>', `<thead><tr>${[...head.runs, ...(showQuery ? [head.queryAsRun] : [])].map((t) => `<th>${h(t)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const { run, comparison } of entry.runs) {
      const query = showQuery ? (run.query === c.source ? td(l10n.t('as above'), 'muted') : `<td><code>${h(run.query)}</code></td>`) : '';
      body.push(`<tr>${td(w.day(runDay(run)))}${td(n(run.total), 'num')}${td(changeText(comparison, l10n))}${query}</tr>`);
    }
    body.push('</tbody>', '</table>');
    const last = lastRunParts(entry, w);
    if (last) {
      body.push(`<h3>${h(last.heading)}</h3>`);
      if (last.run.results.length === 0) body.push(`<p>${h(l10n.t('No patents matched.'))}</p>`);
      else {
        body.push('<table>', `<thead><tr><th></th>${head.kept.map((t) => `<th>${h(t)}</th>`).join('')}</tr></thead>`, '<tbody>');
        last.run.results.forEach((r: KeptResult, i) => {
          const mark = markLabel(last.marks[i] ?? 'seen', l10n);
          body.push(`<tr><td class="mark">${h(mark)}</td>${td(r.number)}${td(r.title)}${td(r.assignee)}${td(r.date && w.day(r.date))}${td(r.status)}</tr>`);
        });
        body.push('</tbody>', '</table>');
      }
      const facets = Object.entries(last.run.facets ?? {});
      if (facets.length > 0) {
        body.push(`<h3>${h(l10n.t('Top values'))}</h3>`, '<ul>');
        for (const [field, buckets] of facets) body.push(`<li>${labelledHtml(l10n, field, buckets.length === 0 ? '\u2014' : h(listOf(l10n, buckets.map((b) => withAside(l10n, b.name, n(b.count))))))}</li>`);
        body.push('</ul>');
      }
    }
    body.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(options.language ?? 'en')}">`,
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
