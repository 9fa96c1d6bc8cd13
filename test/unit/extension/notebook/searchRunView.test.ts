import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNotebook, recordRun, type QueryCell } from '../../../../src/core/notebook';
import { chartOf, errorView, labels, runningView, runView } from '../../../../src/extension/notebook/searchRunView.pure';
import { LABEL_KEYS } from '../../../../src/webview/notebook/protocol';
import { ENGLISH } from '../../../../src/core/text/translator';

const FIXTURE = path.join(__dirname, '../../../fixtures/notebooks/battery-watch.patentsearch');
const ctx = { cell: 'vscode-notebook-cell:/n.patentsearch#W1', l10n: ENGLISH, locale: 'en' };

function fixtureCell(): QueryCell {
  const cell = parseNotebook(fs.readFileSync(FIXTURE, 'utf8')).cells[1];
  assert.ok(cell?.kind === 'query');
  return cell;
}

describe('what a query cell\u2019s output shows', () => {
  it('labels every word the renderer shows', () => {
    const l = labels(ENGLISH);
    for (const key of LABEL_KEYS) assert.ok(typeof l[key] === 'string' && l[key] !== '', key);
    assert.deepEqual(Object.keys(l).sort(), [...LABEL_KEYS].sort());
  });

  it('shows the last run marked against the one before, what is gone, and every run newest first', () => {
    const cell = fixtureCell();
    const view = runView(cell, ctx);
    assert.ok(view?.kind === 'run');
    assert.equal(view.total, cell.runs[1]?.total);
    assert.equal(view.ranAt, '2026-12-01T08:30:00Z', 'the renderer writes it in the display language');
    assert.match(view.summary ?? '', /since Nov 3, 2026/, 'the day as the patent panel writes it');
    assert.deepEqual(view.results.map((r) => r.mark), ['new', 'newMember', 'seen']);
    assert.deepEqual(view.history.map((h) => h.date), ['2026-12-01', '2026-11-03']);
    assert.equal(view.history[1]?.change, 'First run.');
    assert.equal(view.stale, false);
    assert.equal(view.cachedAt, undefined);
  });

  it('says what is new in the display language, families and publications apart (the Japanese bundle)', () => {
    const ja = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const l10n = { t: (message: string, ...args: Array<string | number | boolean>) => ENGLISH.t(ja[message] ?? `[untranslated] ${message}`, ...args) };
    const first = recordRun({ kind: 'query', source: 'TTL:drone', options: {}, runs: [] }, { total: 1, hits: [{ pn: 'US1B2', familyKey: 'a' }] }, { now: () => Date.UTC(2026, 10, 3) }).cell;
    const second = recordRun(first, { total: 4, hits: [{ pn: 'US1B2', familyKey: 'a' }, { pn: 'EP2A1', familyKey: 'b' }, { pn: 'CN2A', familyKey: 'b' }, { pn: 'JP2A', familyKey: 'b' }] }, { now: () => Date.UTC(2026, 11, 1) }).cell;
    const view = runView(second, { ...ctx, l10n, locale: 'ja' });
    assert.ok(view?.kind === 'run');
    assert.equal(view.summary, '2026/11/03 以降の新規ファミリー 1 件（公報 3 件）；4 件ヒット（+3）。');
    assert.deepEqual(view.results.filter((r) => r.mark === 'new').length, 3, 'the rows badged new');
    assert.equal(view.history[0]?.change, view.summary);
  });

  it('shows a three-run history: each run against the one before, the last pair compared once', () => {
    const cell: QueryCell = { kind: 'query', source: 'TTL:drone', options: { limit: 3 }, runs: [] };
    const first = recordRun(cell, { total: 3, hits: [{ pn: 'US1B2', familyKey: 'a', title: 'Drone' }, { pn: 'US2B2', familyKey: 'b' }, { pn: 'US3B2', familyKey: 'c' }] }, { now: () => Date.UTC(2026, 9, 1) }).cell;
    const second = recordRun(first, { total: 4, hits: [{ pn: 'US1B2', familyKey: 'a', title: 'Drone' }, { pn: 'EP1A1', familyKey: 'a' }, { pn: 'US4B2', familyKey: 'd' }, { pn: 'US2B2', familyKey: 'b' }] }, { now: () => Date.UTC(2026, 10, 3) }).cell;
    const third = recordRun(second, { total: 6, hits: [{ pn: 'CN5A', familyKey: 'e' }, { pn: 'US1B2', familyKey: 'a', title: 'Drone' }, { pn: 'EP1A1', familyKey: 'a' }], facets: { PUBLICATION_YEAR: [{ name: '2025', count: 2 }, { name: '2024', count: 4 }] } }, { now: () => Date.UTC(2026, 11, 1, 8, 30) }).cell;
    // Each comparison is worded by one lead phrase ("… since {0}"): one per pair of runs, the last pair's shared by the summary and the history.
    const leads: string[] = [];
    const l10n = { t: (message: string, ...args: Array<string | number | boolean>) => (/since \{\d\}$/.test(message) && leads.push(message), ENGLISH.t(message, ...args)) };
    const view = runView(third, { ...ctx, l10n });
    assert.equal(leads.length, 2, leads.join(' | '));
    const summary = '1 new in the top 3 since Nov 3, 2026, 1 gone; 6 hits (+2).';
    assert.deepEqual({ ...view, labels: undefined }, {
      kind: 'run',
      cell: ctx.cell,
      labels: undefined,
      locale: 'en',
      total: 6,
      ranAt: '2026-12-01T08:30:00Z',
      summary,
      results: [{ number: 'CN5A', mark: 'new' }, { number: 'US1B2', title: 'Drone', mark: 'seen' }, { number: 'EP1A1', mark: 'seen' }],
      gone: [{ number: 'US4B2', mark: 'seen' }],
      charts: [{ field: 'PUBLICATION_YEAR', title: 'By publication year', kind: 'columns', buckets: [{ name: '2024', count: 4 }, { name: '2025', count: 2 }] }],
      history: [
        { date: '2026-12-01', total: 6, change: summary },
        { date: '2026-11-03', total: 4, change: '1 new in the top 3 since Oct 1, 2026, 2 gone, 1 new member of known families; 4 hits (+1).' },
        { date: '2026-10-01', total: 3, change: 'First run.' },
      ],
      stale: false,
    });
  });

  it('says when the cell changed since its run, and when the run is the session\u2019s cached one', () => {
    const cell = { ...fixtureCell(), source: 'TTL:other' };
    const view = runView(cell, ctx, new Date(Date.UTC(2026, 11, 1, 14, 5)));
    assert.ok(view?.kind === 'run');
    assert.equal(view.stale, true);
    assert.equal(view.cachedAt, '2026-12-01T14:05:00.000Z');
    const optionsChanged = runView({ ...fixtureCell(), options: { limit: 7 } }, ctx);
    assert.ok(optionsChanged?.kind === 'run' && optionsChanged.stale);
  });

  it('draws years in time order as columns and the rest as bars in PatSnap\u2019s order', () => {
    const years = chartOf('PUBLICATION_YEAR', [{ name: '2023', count: 4 }, { name: '2021', count: 9 }, { name: '2022', count: 1 }], ENGLISH);
    assert.equal(years.kind, 'columns');
    assert.deepEqual(years.buckets.map((b) => b.name), ['2021', '2022', '2023']);
    assert.equal(years.title, 'By publication year');
    const offices = chartOf('AUTHORITY', [{ name: 'US', count: 9 }, { name: 'CN', count: 4 }], ENGLISH);
    assert.deepEqual([offices.kind, offices.title, offices.buckets.map((b) => b.name)], ['bars', 'By office', ['US', 'CN']]);
  });

  it('shows nothing for a cell never run, and a first run as such', () => {
    const cell: QueryCell = { kind: 'query', source: 'TTL:drone', options: {}, runs: [] };
    assert.equal(runView(cell, ctx), undefined);
    const first = recordRun(cell, { total: 2, hits: [{ pn: 'US1B2' }, { pn: 'US2B2' }] }, { now: () => Date.UTC(2026, 0, 2) }).cell;
    const view = runView(first, ctx);
    assert.ok(view?.kind === 'run');
    assert.equal(view.summary, undefined);
    assert.deepEqual(view.results.map((r) => r.mark), ['seen', 'seen']);
    assert.deepEqual(view.gone, []);
  });

  it('builds the running and error views with the cell they belong to', () => {
    assert.deepEqual({ ...runningView(ctx, 12), labels: undefined }, { kind: 'running', cell: ctx.cell, locale: 'en', total: 12, labels: undefined });
    const error = errorView(ctx, 'No.', { problems: ['unbalanced'], actions: [{ id: 'retry', label: 'Retry' }] });
    assert.ok(error.kind === 'error');
    assert.deepEqual([error.message, error.problems, error.actions.map((a) => a.id)], ['No.', ['unbalanced'], ['retry']]);
  });
});
