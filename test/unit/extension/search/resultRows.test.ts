import * as assert from 'node:assert/strict';
import type { SearchHit, SearchPage } from '../../../../src/core/api/types';
import { firstResults, patentRowText, readRowStyle, resultRows, type ResultsState } from '../../../../src/extension/search/resultsModel.pure';
import { DEFAULT_SEARCH_OPTIONS } from '../../../../src/extension/search/searchOptions.pure';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { bundleTranslator } from '../localizedManifest';
import { fillArgs } from '../../../../src/core/text/translator';

const HIT: SearchHit = {
  patentId: 'p1',
  pn: 'US12219441B1',
  title: 'Image classification device and method for natural language understanding',
  currentAssignee: 'Shenzhen Example Intelligent Technology Co., Ltd.',
  originalAssignee: 'Someone Else',
  publicationDate: 20250204,
  applicationDate: 20230311,
};

function page(hits: SearchHit[], total = hits.length): SearchPage {
  return { hits, resultCount: hits.length, total, offset: 0, limit: 50 };
}

describe('result rows: number, title, assignee and date', () => {
  // Dates in the display language: English here, whatever the host's locale.
  before(() => useTranslator(fillArgs, 'en'));
  afterEach(() => useTranslator(fillArgs, 'en'));
  after(() => useTranslator(fillArgs));

  it('compact rows show the number and the title, on one row', () => {
    const row = patentRowText(HIT, 'compact');
    assert.equal(row.label, 'US12219441B1');
    assert.equal(row.description, HIT.title);
    assert.equal(row.details, undefined);
  });

  it('detailed rows add a row beneath with the date first and the assignee (the current one)', () => {
    const row = patentRowText(HIT, 'detailed');
    assert.equal(row.label, 'US12219441B1');
    assert.equal(row.description, HIT.title);
    assert.deepEqual(row.details, {
      label: 'Feb 4, 2025',
      description: 'Shenzhen Example Intelligent Technology Co., Ltd.',
      accessibilityLabel: 'assignee Shenzhen Example Intelligent Technology Co., Ltd., published Feb 4, 2025',
    });
  });

  it('screen readers hear every field whole on the patent\'s row, whichever the style', () => {
    for (const style of ['compact', 'detailed'] as const) {
      assert.equal(
        patentRowText(HIT, style).accessibilityLabel,
        'US12219441B1, Image classification device and method for natural language understanding, assignee Shenzhen Example Intelligent Technology Co., Ltd., published Feb 4, 2025',
      );
    }
  });

  it('leaves out what a hit does not have', () => {
    const bare: SearchHit = { patentId: 'p2', pn: 'EP1234567B1' };
    assert.deepEqual(patentRowText(bare, 'detailed'), { label: 'EP1234567B1', description: undefined, accessibilityLabel: 'EP1234567B1' });
    assert.deepEqual(patentRowText({ ...bare, originalAssignee: 'Acme' }, 'detailed').details, { label: 'Acme', description: undefined, accessibilityLabel: 'assignee Acme' }, 'the original assignee when there is no current one');
    assert.deepEqual(patentRowText({ ...bare, publicationDate: 20200101 }, 'detailed').details, { label: 'Jan 1, 2020', description: undefined, accessibilityLabel: 'published Jan 1, 2020' });
  });

  it('writes the date as the patent panel does, in the display language, within about ISO\u2019s ten characters', () => {
    const widths: number[] = [];
    for (const [lang, day] of [['zh-cn', '2025\u5e742\u67084\u65e5'], ['ja', '2025/02/04']] as const) {
      useTranslator(bundleTranslator(lang).t, lang);
      const details = patentRowText(HIT, 'detailed').details;
      assert.equal(details?.label, day, lang);
      widths.push(day.length);
    }
    useTranslator(fillArgs, 'en');
    widths.push((patentRowText(HIT, 'detailed').details?.label ?? '').length);
    // The second row holds the date and the assignee: the date takes no more than ISO's 10 characters and two.
    assert.ok(Math.max(...widths) <= 12, String(widths));
  });

  it('keeps the row style a user chose; anything else is detailed', () => {
    assert.equal(readRowStyle('compact'), 'compact');
    assert.equal(readRowStyle('detailed'), 'detailed');
    assert.equal(readRowStyle(undefined), 'detailed');
    assert.equal(readRowStyle({ evil: 1 }), 'detailed');
  });
});

describe('result rows: the first search offers family collapse; old results offer a new search', () => {
  it('the first search shows a row above the results that opens the collapse choice', () => {
    const results = firstResults('TTL:battery', DEFAULT_SEARCH_OPTIONS, page([HIT]));
    results.offerCollapse = true;
    const rows = resultRows({ kind: 'results', results }, 50);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0], {
      kind: 'message',
      id: 'message/collapse',
      text: 'Show one result per patent family?',
      severity: 'info',
      action: { kind: 'collapse', title: 'Collapse by Family\u2026' },
    });
    assert.equal(rows[1]?.kind, 'patent');
  });

  it('no offer once results are collapsed, nor without results', () => {
    const collapsed = firstResults('q', { ...DEFAULT_SEARCH_OPTIONS, collapse: 'DOCDB' }, page([HIT]));
    collapsed.offerCollapse = true;
    assert.deepEqual(resultRows({ kind: 'results', results: collapsed }, 50).map((r) => r.kind), ['patent']);
    const empty = firstResults('q', DEFAULT_SEARCH_OPTIONS, page([]));
    empty.offerCollapse = true;
    assert.deepEqual(resultRows({ kind: 'results', results: empty }, 50).map((r) => r.id), ['message/empty']);
  });

  it('results too old to show say so, with Search Again', () => {
    const now = new Date(2026, 5, 10, 15, 0).getTime();
    const state: ResultsState = { kind: 'stale', query: 'q', options: DEFAULT_SEARCH_OPTIONS, savedAt: new Date(2026, 5, 8, 9, 30).getTime() };
    const [row, ...rest] = resultRows(state, 50, now);
    assert.equal(rest.length, 0);
    assert.equal(row?.kind, 'message');
    assert.match(row?.kind === 'message' ? row.text : '', /^The results of .*2026.* are out of date\.$/);
    assert.deepEqual(row?.kind === 'message' ? row.action : undefined, { kind: 'searchAgain', title: 'Search Again' });
  });
});
