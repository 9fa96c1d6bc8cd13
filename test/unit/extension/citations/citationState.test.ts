import * as assert from 'node:assert/strict';
import { lintCitations } from '../../../../src/core/citations';
import { findPatentNumbers } from '../../../../src/core/numbers';
import { readSeverities, readStyle } from '../../../../src/extension/citations/citationSettings.pure';
import { CHECKS_KEY, CitationState, type StateStore } from '../../../../src/extension/citations/citationState.pure';
import { isCheckable, statusView } from '../../../../src/extension/citations/checkSummary.pure';
import { ENGLISH } from '../../../../src/core/text/translator';

class Memento implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('citation settings, state and summary', () => {
  it('reads the severity setting per code, keeping the defaults for anything else', () => {
    assert.deepEqual(readSeverities({ inactive: 'error', duplicate: 'off', notFound: 'loud', extra: 'hint' }), {
      malformed: 'error',
      notFound: 'error',
      inactive: 'error',
      grantedSince: 'warning',
      applicationCited: 'information',
      duplicate: 'off',
    });
    assert.deepEqual(readSeverities('warning'), readSeverities(undefined));
    assert.equal(readStyle('compact'), 'compact');
    assert.equal(readStyle('Compact'), 'office');
  });

  it('keeps each document\u2019s last check, the most recent 200 documents', async () => {
    const memento = new Memento();
    const state = new CitationState(memento);
    for (let i = 0; i < 205; i++) await state.saveCheck(`file:///d${i}.md`, { checkedAt: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`, numbers: {} });
    const kept = Object.keys(memento.get<Record<string, unknown>>(CHECKS_KEY) ?? {});
    assert.equal(kept.length, 200);
    assert.ok(kept.includes('file:///d204.md'));
    assert.equal(state.lastCheck('file:///d204.md')?.checkedAt, '2025-01-09');
    memento.values.set(CHECKS_KEY, { 'file:///x.md': 'garbage' });
    assert.equal(state.lastCheck('file:///x.md'), undefined);
  });

  it('ignores numbers per document, and collects citations once each', async () => {
    const state = new CitationState(new Memento());
    await state.ignore('file:///a.md', 'US11205304B2');
    await state.ignore('file:///a.md', 'US11205304B2');
    assert.deepEqual([...state.ignored('file:///a.md')], ['US11205304B2']);
    assert.equal(state.ignored('file:///b.md').size, 0);
    await state.clearIgnored('file:///a.md');
    assert.equal(state.ignored('file:///a.md').size, 0);
    assert.equal(await state.collect({ number: 'US11205304B2', text: 'US 11,205,304 B2' }), true);
    assert.equal(await state.collect({ number: 'US11205304B2', text: 'US11205304B2' }), false);
    assert.deepEqual(state.collected(), [{ number: 'US11205304B2', text: 'US 11,205,304 B2' }]);
    await state.clearCollected();
    assert.deepEqual(state.collected(), []);
  });

  it('summarises a check for the status bar, saying when the checks ran offline', () => {
    const citations = findPatentNumbers('EP 12345678901 B1, US 11,205,304 B2 and US11205304B2', { flagImpossible: true });
    const problems = lintCitations(citations);
    const view = statusView({ citations: citations.length, problems, lookups: 'off' }, ENGLISH);
    assert.equal(view.text, '$(warning) 2 citation problems');
    assert.deepEqual(view.tooltip.split('\n'), [
      '3 patent citations in this document; 2 problems: 1 impossible number, 1 duplicate.',
      'Offline checks only: lookups are off (setting patentLookup.lookups.enabled).',
      'Click to check again.',
    ]);
    assert.equal(view.warning, true);
    assert.equal(statusView({ citations: 1, problems: [], lookups: 'done' }, ENGLISH).text, '$(check) 1 citation');
    assert.equal(statusView({ citations: 4, problems: [], lookups: 'pending' }, ENGLISH).text, '$(sync~spin) Checking 4 citations…');
    assert.equal(statusView({ citations: 0, problems: [], lookups: 'done' }, ENGLISH).visible, false);
    assert.deepEqual(['file', 'untitled', 'output', 'git'].map(isCheckable), [true, true, false, false]);
  });
});
