import * as assert from 'node:assert/strict';
import { lintCitations, recordCheck, readCheckRecord, withKindAdded, type ApplicationFact, type CheckRecord, type CitationFacts, type PatentFacts, type PublicationFact } from '../../../../src/core/citations';
import { labelWords } from '../../../../src/core/citations/status';
import { findPatentNumbers } from '../../../../src/core/numbers';
import { dateWriter } from '../../../../src/core/text/dates';
import { bundleTranslator } from '../../extension/localizedManifest';
import { ENGLISH, type L10nArg } from '../../../../src/core/text/translator';

/** The citations of a text as the editor and the CLI give them: flagged impossible numbers included. */
const cite = (text: string) => findPatentNumbers(text, { flagImpossible: true });

function found(pn: string, more: Partial<PatentFacts> = {}): PublicationFact {
  return { found: true, pn, assignees: [], applicants: [], inventors: [], priority: [], ...more };
}

function facts(publications: Record<string, PublicationFact>, applications: Record<string, ApplicationFact> = {}): CitationFacts {
  return { publications: new Map(Object.entries(publications)), applications: new Map(Object.entries(applications)) };
}

const summary = (problems: ReturnType<typeof lintCitations>) => problems.map((p) => [p.code, p.citation.text, p.fix]);

describe('citations: lint rules offline', () => {
  it('flags a number impossible for its office, with the scanner\u2019s reason, and nothing needs a lookup', () => {
    const problems = lintCitations(cite('Rejected over EP 12345678901 B1 and US 11,205,304 B2.'));
    assert.deepEqual(summary(problems), [['malformed', 'EP 12345678901 B1', null]]);
    assert.match(problems[0]?.message ?? '', /EP 12345678901 B1 is not a valid EP number: 11 digits fit no EP number series\./);
  });

  it('flags later citations of the same patent in another form, pointing at the first, with removal as the fix', () => {
    const text = ['See US 11,205,304 B2.', 'Also US11205304B2 and, again, US 11,205,304 B2.', 'And U.S. Pat. No. 7,123,456 besides US7123456B2.'].join('\n');
    const problems = lintCitations(cite(text));
    assert.deepEqual(summary(problems), [
      ['duplicate', 'US11205304B2', { kind: 'remove' }],
      ['duplicate', 'US7123456B2', { kind: 'remove' }],
    ]);
    assert.equal(problems[0]?.message, 'US11205304B2 is cited already on line 1, as "US 11,205,304 B2".');
    assert.equal(problems[0]?.first?.line, 1);
  });

  it('takes a repeat in the same form (case and spacing aside) for a reference back, not a duplicate', () => {
    assert.deepEqual(lintCitations(cite('US 11,205,304 B2 ... us 11,205,304  b2 ... US 11,205,304 B2')), []);
  });

  it('keeps EP publications of one application apart offline (A1 and B1 are two documents)', () => {
    assert.deepEqual(lintCitations(cite('EP 1 234 567 A1 and EP 1 234 567 B1')), []);
  });

  it('reports nothing for a number the user ignores in this document', () => {
    const citations = cite('EP 12345678901 B1; US 11,205,304 B2; US11205304B2');
    assert.deepEqual(summary(lintCitations(citations, { ignored: new Set(['US11205304B2', 'EP12345678901B1']) })), []);
  });
});

describe('citations: lint rules on looked-up facts', () => {
  const text = [
    'Claims 1-3 are anticipated by EP 1 234 567 B1 and obvious over US 2005/0262868 A1.', // revoked; pre-grant since granted
    'The applicant cites US 9,999,999 B2 and U.S. Appl. No. 14/706,838.', // unknown; application
    'See also US 11,205,304 B2 and US 10,123,456 B1.', // active; lookup failed (absent from facts)
  ].join('\n');
  const known = facts(
    {
      EP1234567B1: found('EP1234567B1', { legal: { simple: ['Inactive'], detailed: ['Revoked'], date: '2007-09-21' } }),
      US20050262868A1: found('US20050262868A1', { legal: { simple: ['Inactive'], detailed: ['Non-Payment'] }, grantedAs: { pn: 'US7123456B2', date: '2006-10-17' } }),
      US9999999B2: { found: false },
      US11205304B2: found('US11205304B2', { legal: { simple: ['Active'], detailed: ['Granted'] } }),
    },
    { 'US14/706838': { publications: [{ pn: 'US11205304B2', date: '2021-12-21' }] } },
  );

  it('reports each rule with its fix, and judges nothing whose lookup failed', () => {
    const problems = lintCitations(cite(text), { facts: known });
    assert.deepEqual(summary(problems), [
      ['inactive', 'EP 1 234 567 B1', null],
      ['grantedSince', 'US 2005/0262868 A1', { kind: 'replace', number: 'US7123456B2' }],
      ['notFound', 'US 9,999,999 B2', null],
      ['applicationCited', 'U.S. Appl. No. 14/706,838', { kind: 'replace', number: 'US11205304B2' }],
      // US 11,205,304 B2 is the patent the application was granted as: the same patent again, in another form.
      ['duplicate', 'US 11,205,304 B2', { kind: 'remove' }],
    ]);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'EP1234567B1 is no longer in force (Revoked since 2007-09-21).',
        'US20050262868A1 is a pre-grant publication: its application was granted as US7123456B2 on 2006-10-17.',
        'PatSnap has no publication US9999999B2.',
        'US14/706838 is an application number; the application was granted as US11205304B2.',
        'US 11,205,304 B2 is cited already on line 2, as "U.S. Appl. No. 14/706,838".',
      ],
    );
  });

  it('writes the dates of its messages as the extension asks (the display language\u2019s), ISO without', () => {
    const dates = dateWriter('ja');
    const problems = lintCitations(cite(text), { facts: known, date: dates.day, l10n: bundleTranslator('ja') });
    assert.match(problems[0]?.message ?? '', /2007\/09\/21/);
    assert.match(problems[1]?.message ?? '', /2006\/10\/17/);
    assert.doesNotMatch(problems.map((p) => p.message).join('\n'), /\d{4}-\d{2}-\d{2}/);
    const [changed] = lintCitations(cite('EP 1 234 567 B1'), {
      facts: known,
      previous: recordCheck(undefined, cite('EP 1 234 567 B1'), facts({ EP1234567B1: found('EP1234567B1', { legal: { simple: ['Active'], detailed: ['Granted'] } }) }), '2006-01-10'),
      date: dateWriter('en').day,
    });
    assert.match(changed?.message ?? '', /\(Revoked since Sep 21, 2007\)\. Changed since the check of Jan 10, 2006 /);
  });

  it('says when an inactive patent has no date, and when an application has no publication', () => {
    const problems = lintCitations(cite('JP 1996-179521 A; U.S. Appl. No. 17/999,999'), {
      facts: facts({ JP1996179521A: found('JP1996179521A', { legal: { simple: ['失效'], detailed: ['撤回'] } }) }, { 'US17/999999': { publications: [] } }),
    });
    assert.deepEqual(
      problems.map((p) => [p.code, p.message]),
      [
        ['inactive', 'JP1996179521A is no longer in force (撤回).'],
        ['notFound', 'PatSnap has no publication of application US17/999999.'],
      ],
    );
  });

  it('does not call a pre-grant publication inactive when its application lives on as a grant, nor an active one anything', () => {
    const problems = lintCitations(cite('US 2019/0123456 A1 and US 11,205,304 B2'), {
      facts: facts({ US20190123456A1: found('US20190123456A1', { legal: { simple: ['Pending'], detailed: ['Published'] } }), US11205304B2: found('US11205304B2', { legal: { simple: ['Active'], detailed: ['Granted'] } }) }),
    });
    assert.deepEqual(problems, []);
  });

  it('merges a kind-less citation with its publication once the lookup names it, and offers the kind code', () => {
    const citations = cite('U.S. Pat. No. 7,123,456 and later US 7,123,456 B2');
    const f = facts({ US7123456: found('US7123456B2'), US7123456B2: found('US7123456B2') });
    assert.deepEqual(summary(lintCitations(citations, { facts: f })), [['duplicate', 'US 7,123,456 B2', { kind: 'remove' }]]);
    assert.equal(withKindAdded(citations[0] as (typeof citations)[0], f), 'US7123456B2');
    assert.equal(withKindAdded(citations[1] as (typeof citations)[0], f), undefined);
  });

  it('translates through the l10n it is given', () => {
    const upper = { t: (m: string, ...args: L10nArg[]) => ENGLISH.t(m, ...args).toUpperCase() };
    assert.equal(lintCitations(cite('US 9,999,999 B2'), { facts: known, l10n: upper })[0]?.message, 'PATSNAP HAS NO PUBLICATION US9999999B2.');
  });
});

describe('citations: what changed since the last check', () => {
  const citations = cite('Prior art: EP 1 234 567 B1.');
  const revoked = facts({ EP1234567B1: found('EP1234567B1', { legal: { simple: ['Inactive'], detailed: ['Revoked'], date: '2007-09-21' } }) });
  const active = facts({ EP1234567B1: found('EP1234567B1', { legal: { simple: ['Active'], detailed: ['Granted'] } }) });
  const ACTIVE_STATE = { kind: 'publication', legal: { simple: ['Active'], detailed: ['Granted'] } } as const;
  const then = (previous: CheckRecord | undefined, lang?: 'zh-cn' | 'ja'): string | undefined =>
    /(?:\(then: |（当时：|（当時：)(.*)[)）][.。]$/.exec(lintCitations(citations, { facts: revoked, previous, ...(lang ? { l10n: bundleTranslator(lang) } : {}) })[0]?.message ?? '')?.[1];

  it('records each number\u2019s status, and a later check that finds it changed says so, and keeps saying so', () => {
    const first = recordCheck(undefined, citations, active, '2006-01-10');
    assert.deepEqual(lintCitations(citations, { facts: active, previous: first }), []);
    const [problem] = lintCitations(citations, { facts: revoked, previous: first });
    assert.equal(problem?.code, 'inactive');
    assert.deepEqual(problem?.changed, { was: 'Active, Granted', state: ACTIVE_STATE, checkedAt: '2006-01-10' });
    assert.match(problem?.message ?? '', / Changed since the check of 2006-01-10 \(then: Active, Granted\)\.$/);

    const second = recordCheck(first, citations, revoked, '2008-03-01');
    assert.equal(second.numbers.EP1234567B1?.checkedAt, '2008-03-01');
    // The next check (the same status) still tells what it was before.
    assert.deepEqual(lintCitations(citations, { facts: revoked, previous: second })[0]?.changed, { was: 'Active, Granted', state: ACTIVE_STATE, checkedAt: '2006-01-10' });
    // No change: no note.
    const fresh = recordCheck(undefined, citations, revoked, '2008-03-01');
    assert.equal(lintCitations(citations, { facts: revoked, previous: fresh })[0]?.changed, undefined);
  });

  it('keeps what it knew of numbers a check could not look up, and forgets numbers no longer cited', () => {
    const first = recordCheck(undefined, cite('EP 1 234 567 B1 and US 11,205,304 B2'), { ...active, publications: new Map([...active.publications, ['US11205304B2', found('US11205304B2')]]) }, '2006-01-10');
    const next = recordCheck(first, citations, facts({}), '2007-01-10');
    assert.deepEqual(Object.keys(next.numbers), ['EP1234567B1']);
    assert.equal(next.numbers.EP1234567B1?.checkedAt, '2006-01-10');
  });

  it('keeps the status itself beside its English words, and words it in the reader\u2019s language when it is shown', () => {
    const first = recordCheck(undefined, citations, active, '2006-01-10');
    // The English words are still written: a version that keeps no state reads them.
    assert.deepEqual(first.numbers.EP1234567B1, { key: 'Active|Granted|', label: 'Active, Granted', state: ACTIVE_STATE, checkedAt: '2006-01-10' });
    assert.deepEqual([then(first), then(first, 'zh-cn'), then(first, 'ja')], ['Active, Granted', '有效，授权', '有効、登録']);
    // Kept through later checks and through storage.
    const second = readCheckRecord(JSON.parse(JSON.stringify(recordCheck(first, citations, revoked, '2008-03-01'))));
    assert.deepEqual(second?.numbers.EP1234567B1?.was, { was: 'Active, Granted', state: ACTIVE_STATE, checkedAt: '2006-01-10' });
    assert.equal(then(second, 'zh-cn'), '有效，授权');
  });

  it('words a record of an older version (its English words alone) in the reader\u2019s language where they read back whole, else as written', () => {
    const older = (label: string, was?: string): CheckRecord | undefined =>
      readCheckRecord({ checkedAt: '2006-01-10', numbers: { EP1234567B1: { key: was ? 'Inactive|Revoked|' : 'k', label, checkedAt: '2006-01-10', ...(was ? { was: { was, checkedAt: '2005-01-10' } } : {}) } } });
    assert.deepEqual([then(older('Active, Granted')), then(older('Active, Granted'), 'zh-cn'), then(older('Active, Granted'), 'ja')], ['Active, Granted', '有效，授权', '有効、登録']);
    assert.equal(then(older('Inactive, Revoked', 'Active, Granted'), 'ja'), '有効、登録', 'a change an older version carried on');
    const zh = bundleTranslator('zh-cn');
    assert.deepEqual(
      ['not found', 'status unknown', 'no legal status', 'no publication', 'published as US2020123456A1, US11205304B2', 'Pending, Examining, granted as US11205304B2'].map((label) => labelWords(label, zh)),
      ['未找到', '状态未知', '无法律状态', '无公开文本', '已公开为 US2020123456A1，US11205304B2', '审中，实质审查，已授权为 US11205304B2'],
    );
    // What does not read back whole (a status PatSnap gave localised or unknown) is shown as it was written: never half translated.
    for (const label of ['失效, 撤回', 'Active, in part', 'Active patent', '']) assert.equal(labelWords(label, zh), label);
  });

  it('writes the English words an older version wrote, from the state', () => {
    const words = (fact: PublicationFact): string => recordCheck(undefined, citations, facts({ EP1234567B1: fact }), '2006-01-10').numbers.EP1234567B1?.label ?? '';
    assert.deepEqual(
      [words(found('EP1234567B1')), words(found('EP1234567B1', { legal: { simple: [], detailed: [] } })), words(found('EP1234567B1', { legal: { simple: ['失效'], detailed: ['撤回'] }, grantedAs: { pn: 'EP1234567B2' } })), words({ found: false })],
      ['status unknown', 'no legal status', '失效, 撤回, granted as EP1234567B2', 'not found'],
    );
    const application = recordCheck(undefined, cite('U.S. Appl. No. 17/999,999'), facts({}, { 'US17/999999': { publications: [{ pn: 'US2022123456A1' }, { pn: 'US11985678B2' }] } }), '2006-01-10');
    assert.equal(application.numbers['US17/999999']?.label, 'published as US2022123456A1, US11985678B2');
    for (const label of ['status unknown', 'no legal status', 'not found', 'published as US2022123456A1, US11985678B2', 'Active, Granted, granted as US1B2']) assert.equal(labelWords(label), label, 'English read back as written');
  });

  it('reads back only records of its own shape', () => {
    const record = recordCheck(undefined, citations, revoked, '2008-03-01');
    assert.deepEqual(readCheckRecord(JSON.parse(JSON.stringify(record))), record);
    for (const bad of [null, 'x', { checkedAt: 1 }, { checkedAt: '2020-01-01', numbers: null }]) assert.equal(readCheckRecord(bad), undefined);
    assert.deepEqual(readCheckRecord({ checkedAt: '2020-01-01', numbers: { A: { key: 1 }, B: { key: 'k', label: 'l', checkedAt: 'd', was: { was: 3 } } } }), {
      checkedAt: '2020-01-01',
      numbers: { B: { key: 'k', label: 'l', checkedAt: 'd' } },
    });
    // A state of another shape is left out, and its English words read instead.
    for (const state of [{ kind: 'x' }, { kind: 'publication', legal: { simple: 'Active' } }, { kind: 'application', publications: [1] }, { kind: 'publication', grantedAs: 5 }, 'notFound']) {
      assert.deepEqual(readCheckRecord({ checkedAt: 'd', numbers: { B: { key: 'k', label: 'l', state, checkedAt: 'd', was: { was: 'w', state, checkedAt: 'c' } } } })?.numbers.B, { key: 'k', label: 'l', checkedAt: 'd', was: { was: 'w', checkedAt: 'c' } }, JSON.stringify(state));
    }
  });
});
