import * as assert from 'node:assert/strict';
import { lintCitations, type CitationFacts, type PatentFacts } from '../../../../src/core/citations';
import { findPatentNumbers } from '../../../../src/core/numbers';
import { canonicalRewrite, ignorePlan, planActions, removalSpan, type ActionPlan } from '../../../../src/extension/citations/citationActions.pure';
import { ENGLISH } from '../../../../src/core/text/translator';

const cite = (text: string) => findPatentNumbers(text, { flagImpossible: true });

/** `text` with a plan's edits applied (last first, as an editor applies non-overlapping edits). */
function apply(text: string, plan: ActionPlan | undefined): string {
  assert.ok(plan?.edits, 'the plan edits the text');
  return [...plan.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

function remove(line: string, citation: string): string {
  const start = line.indexOf(citation);
  const cut = removalSpan(line, start, start + citation.length);
  return line.slice(0, cut.start) + line.slice(cut.end);
}

const found = (pn: string, more: Partial<PatentFacts> = {}) => ({ found: true as const, pn, assignees: [], applicants: [], inventors: [], priority: [], ...more });

describe('citation quick fixes', () => {
  it('removes a citation so that the sentence still reads', () => {
    assert.equal(remove('See A1, US11205304B2, and more.', 'US11205304B2'), 'See A1, and more.');
    assert.equal(remove('See US11205304B2, EP1234567B1.', 'US11205304B2'), 'See EP1234567B1.');
    assert.equal(remove('See EP1234567B1 and US11205304B2.', 'US11205304B2'), 'See EP1234567B1.');
    assert.equal(remove('See EP1234567B1; US11205304B2; WO2020123456A1.', 'US11205304B2'), 'See EP1234567B1; WO2020123456A1.');
    assert.equal(remove('The display (US11205304B2) is shown.', 'US11205304B2'), 'The display is shown.');
    assert.equal(remove('As US11205304B2 teaches', 'US11205304B2'), 'As teaches');
    assert.equal(remove('US11205304B2', 'US11205304B2'), '');
    assert.equal(remove('See US11205304B2.', 'US11205304B2'), 'See.');
  });

  const text = ['Over US 2005/0262868 A1 and U.S. Appl. No. 14/706,838.', 'See U.S. Pat. No. 7,123,456; US 11,205,304 B2, US11205304B2.'].join('\n');
  const citations = cite(text);
  const facts: CitationFacts = {
    publications: new Map([
      ['US20050262868A1', found('US20050262868A1', { grantedAs: { pn: 'US7123456B2', date: '2006-10-17' } })],
      ['US7123456', found('US7123456B2')],
      ['US11205304B2', found('US11205304B2')],
    ]),
    applications: new Map([['US14/706838', { publications: [{ pn: 'US11205304B2' }] }]]),
  };
  const problems = lintCitations(citations, { facts });
  const plansFor = (written: string, style: 'office' | 'compact' = 'office') => {
    const c = citations.find((m) => m.text === written);
    assert.ok(c, written);
    const lineStart = text.lastIndexOf('\n', c.index) + 1;
    const lineEnd = text.indexOf('\n', c.index);
    return planActions({ citation: c, problems: problems.filter((p) => p.citation === c), citations, facts, style, line: { text: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), start: lineStart }, l10n: ENGLISH });
  };

  it('replaces a since-granted publication with its grant, in the style picked', () => {
    const plans = plansFor('US 2005/0262868 A1');
    assert.equal(plans[0]?.title, 'Replace with the granted US 7,123,456 B2');
    assert.equal(plans[0]?.fixes, 'grantedSince');
    assert.equal(plans[0]?.preferred, true);
    assert.match(apply(text, plans[0]), /^Over US 7,123,456 B2 and/);
    assert.match(apply(text, plansFor('US 2005/0262868 A1', 'compact')[0]), /^Over US7123456B2 and/);
  });

  it('replaces an application number with the publication', () => {
    const [first] = plansFor('U.S. Appl. No. 14/706,838');
    assert.equal(first?.title, 'Replace with the publication US 11,205,304 B2');
    assert.match(apply(text, first), /and US 11,205,304 B2\.\n/);
  });

  it('adds the kind code the lookup found, and writes one number or all of them in canonical form', () => {
    const plans = plansFor('U.S. Pat. No. 7,123,456');
    const kind = plans.find((p) => p.title.startsWith('Add the kind code'));
    assert.equal(kind?.title, 'Add the kind code: US 7,123,456 B2');
    assert.match(apply(text, kind), /See US 7,123,456 B2; /);
    assert.equal(plans.find((p) => p.title.startsWith('Write as'))?.title, 'Write as US 7,123,456');
    const all = plans.find((p) => p.title.startsWith('Write all'));
    assert.equal(all?.title, 'Write all 3 patent numbers in this document in canonical form');
    assert.equal(apply(text, all), ['Over US 2005/0262868 A1 and US 14/706,838.', 'See US 7,123,456; US 11,205,304 B2, US 11,205,304 B2.'].join('\n'));
    // In the compact style, the one occurrence and the whole document alike.
    const compact = plansFor('US 11,205,304 B2', 'compact');
    assert.equal(compact.find((p) => p.title.startsWith('Write as'))?.title, 'Write as US11205304B2');
    const allCompact = compact.find((p) => p.title.startsWith('Write all'));
    assert.equal(allCompact?.title, 'Write all 4 patent numbers in this document in canonical form');
    assert.equal(apply(text, allCompact), ['Over US20050262868A1 and US14/706838.', 'See US7123456; US11205304B2, US11205304B2.'].join('\n'));
    // On a number already in canonical form, with one other that is not: that one, by name.
    const lone = 'US 11,205,304 B2 and US11205304B2';
    const two = cite(lone);
    const plans2 = planActions({ citation: two[0] as (typeof two)[0], problems: [], citations: two, facts: undefined, style: 'office', line: { text: lone, start: 0 }, l10n: ENGLISH });
    const other = plans2.find((p) => p.title.startsWith('Write'));
    assert.equal(other?.title, 'Write US11205304B2 in this document as US 11,205,304 B2');
    assert.equal(apply(lone, other), 'US 11,205,304 B2 and US 11,205,304 B2');
  });

  it('removes a duplicate, or writes it as first cited when that was a publication too', () => {
    // US 11,205,304 B2 is the grant of the application cited first: the duplicate of that.
    const plans = plansFor('US11205304B2');
    assert.deepEqual(plans.filter((p) => p.fixes).map((p) => p.title), ['Remove the duplicate citation']);
    assert.equal(apply(text, plans[0]).split('\n')[1], 'See U.S. Pat. No. 7,123,456; US 11,205,304 B2.');
    const plain = 'See US 11,205,304 B2 and later US11205304B2.';
    const two = cite(plain);
    const [dup] = lintCitations(two);
    assert.ok(dup);
    const offered = planActions({ citation: dup.citation, problems: [dup], citations: two, facts: undefined, style: 'compact', line: { text: plain, start: 0 }, l10n: ENGLISH });
    assert.deepEqual(offered.filter((p) => p.fixes).map((p) => p.title), ['Remove the duplicate citation', 'Write it as first cited: US 11,205,304 B2']);
    assert.equal(apply(plain, offered[0]), 'See US 11,205,304 B2 and later.');
    assert.equal(apply(plain, offered[1]), plain.replace('US11205304B2', 'US 11,205,304 B2'));
  });

  it('offers the list, the panel and ignoring by command, and nothing that rewrites an impossible number', () => {
    const plans = plansFor('US 11,205,304 B2');
    assert.deepEqual(plans.filter((p) => p.command).map((p) => [p.title, p.command?.id, p.command?.args]), [
      ['Add US11205304B2 to the citation list', 'patentLookup.citations.addToList', [{ number: 'US11205304B2', text: 'US 11,205,304 B2' }]],
      ['Open US11205304B2', 'patentLookup.openPatent', [{ number: 'US11205304B2' }]],
    ]);
    const [bad] = cite('EP 12345678901 B1');
    assert.ok(bad);
    assert.equal(canonicalRewrite(bad, 'office'), undefined);
    assert.deepEqual(ignorePlan(bad, 'file:///m.md', ENGLISH), { title: 'Ignore EP 12345678901 B1 in this document', command: { id: 'patentLookup.citations.ignore', args: [{ uri: 'file:///m.md', number: 'EP12345678901B1' }] } });
  });
});
