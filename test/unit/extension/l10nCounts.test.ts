/**
 * Counts read right for one: a string that puts a number before a plural noun
 * ("Cites: {0} patents") has a sibling for one ("Cites: 1 patent"), which the code
 * picks when the number is 1, as in `n === 1 ? l10n.t('1 patent') : l10n.t('{0} patents', n)`.
 * The sibling drops the count's placeholder (the others shift down), so placeholders
 * are compared as {#}.
 */
import * as assert from 'node:assert/strict';
import { readJson } from './localizedManifest';

/** A number, maybe one word ("other", "new", "patent"), and a word ending in s: "{0} patents", "{1} other documents". */
const COUNTED = /\{\d+\} (?:([a-z]+) )??([a-z]+s)\b/g;

/** Words after a placeholder that are no count's noun or its adjective: "{0} is", "{0} was cancelled", "Export {0} as {1}", "{0} in this document". */
const NOT_NOUNS = new Set(['is', 'as', 'was', 'has', 'does', 'needs', 'already', 'exists', 'in', 'with', 'for', 'at', 'of', 'to', 'this', 'its', 'the',
  // A query's code or operator before its verb: "{0} takes a year", "{1} holds dates", "{1} means at least twice".
  'takes', 'holds', 'asks', 'belongs', 'follows', 'means', 'leaves', 'positions', 'applies']);

/** Counts that are never 1, each with the reason. Key: the string, then the plural word. */
const NEVER_ONE: Record<string, string> = {
  'Choose at most {0} charts: PatSnap counts at most {0} fields at once. | charts': 'FACET_MAX_FIELDS, a constant above 1',
  'Choose at most {0} charts: PatSnap counts at most {0} fields at once. | fields': 'FACET_MAX_FIELDS, a constant above 1',
  'up to {0} patents per task | patents': "an export format's task limit, a constant in the thousands",
  '{0} exports take at most {1} patents. | exports': '{0} is the name of a format (CSV exports), not a count',
  '{0} exports take at most {1} patents. | patents': "an export format's task limit, a constant in the thousands",
  'PatSnap exports only the first {0} results: with {1} skipped, take at most {2}. | results': 'EXPORT_MAX_ROWS_PLUS_OFFSET, a constant',
  'PatSnap exports only the first {0} results: with {1} patents, skip at most {2}. | results': 'EXPORT_MAX_ROWS_PLUS_OFFSET, a constant',
  'PatSnap exports only the first {0} results: with 1 patent, skip at most {1}. | results': 'EXPORT_MAX_ROWS_PLUS_OFFSET, a constant',
  'PatSnap pages through the first {0} results only; narrow the search to see the rest. | results': 'SEARCH_WINDOW_MAX, a constant',
  'The query is {0} characters long; PatSnap takes at most {1}. | characters': 'shown only when the query is longer than the limit, itself above 1',
  'The query is {0} characters long; PatSnap’s {1} takes at most {2}. Shorten it by {3}. | characters': 'shown only when the query is longer than the limit, itself above 1',
  'The query is {0} characters long with the cell’s date range ({1} characters); PatSnap’s {2} takes at most {3}. Shorten it by {4}. | characters': 'the query over the limit, and the date range a cell adds ( AND PBD:[…]), over 20 characters',
  'Parentheses nest more than {0} levels deep here; split the query or remove levels. | levels': 'MAX_NESTING, a constant (64)',
  'Nothing to export: the search finds {0} patents. | patents': 'shown only when nothing is to be exported with no offset: the search finds none',
  'Published as {0} publications | publications': 'one publication reads "Published as" (the hover card lists it below)',
  '{0} sandboxes are running on this machine | sandboxes': 'one reads "A sandbox is running on this machine"',
  'Run {0} queries? This makes up to {1} calls to PatSnap. | queries': 'asked only before several cells run at once',
  'Run {0} queries? This makes up to 1 call to PatSnap. | queries': 'asked only before several cells run at once',
  'Write all {0} patent numbers in this document in canonical form | numbers': 'offered only when there are more than one',
  '1 new family ({0} publications) since {1} | publications': 'shown only when a family brings more publications than families',
  '1 new family ({0} publications) in the top {1} since {2} | publications': 'shown only when a family brings more publications than families',
  '{0} new families ({1} publications) since {2} | publications': 'shown only when there are more publications than families (2 or more)',
  '{0} new families ({1} publications) in the top {2} since {3} | publications': 'shown only when there are more publications than families (2 or more)',
  '1 new family ({0} publications) | publications': 'shown only when a family brings more publications than families',
  '{0} new families ({1} publications) | publications': 'shown only when there are more publications than families (2 or more)',
  'A {0} export takes at most {1} rows. | rows': "an export format's task limit, a constant in the thousands",
  'At most {0} fields at once; {1} were given. | fields': 'FACET_FIELDS_MAX, a constant above 1 (and more than it were given)',
  'PatSnap exports only the first {0} results: {1} is {2}. | results': 'EXPORT_MAX_ROWS_PLUS_OFFSET, a constant',
  'PatSnap serves only the first {0} results: {1} is {2}. | results': 'SEARCH_WINDOW_MAX, a constant',
  'PatSnap gives only the top {0} values of a field: {1} is {2}. | values': 'FACET_WINDOW_MAX, a constant',
  '{0} is {1} characters long: a patent number is far shorter. | characters': 'shown only for a number over 100 characters',
};

function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ses|xes|ches|shes)$/.test(word)) return word.replace(/es$/, '');
  return word.replace(/s$/, '');
}

const normalise = (s: string): string => s.replace(/\{\d+\}/g, '{#}');

/**
 * Plural counts of `keys` with no sibling for one. For "{0} members at {1} offices" the
 * members' sibling may make the offices one too ("1 member at 1 office").
 */
export function countsWithoutOne(keys: readonly string[], neverOne: Readonly<Record<string, string>> = NEVER_ONE): string[] {
  const known = new Set(keys.map(normalise));
  const missing: string[] = [];
  for (const key of keys) {
    const counts = [...key.matchAll(COUNTED)].filter((m) => !NOT_NOUNS.has(m[1] ?? '') && !NOT_NOUNS.has(m[2] ?? ''));
    for (const [i, m] of counts.entries()) {
      const word = m[2] as string;
      if (`${key} | ${word}` in neverOne) continue;
      const others = counts.filter((_, j) => j !== i);
      // The sibling: this count as one, each other count as it is or as one.
      let found = false;
      for (let mask = 0; mask < 1 << others.length && !found; mask++) {
        const ones = new Set([m, ...others.filter((_, j) => mask & (1 << j))]);
        let candidate = '';
        let at = 0;
        for (const c of counts) {
          candidate += key.slice(at, c.index);
          candidate += ones.has(c) ? `1 ${c[1] ? `${c[1]} ` : ''}${singular(c[2] as string)}` : c[0];
          at = (c.index as number) + c[0].length;
        }
        candidate += key.slice(at);
        found = known.has(normalise(candidate));
      }
      if (!found) missing.push(`${key} | ${word}`);
    }
  }
  return missing;
}

describe('l10n: counts of one', () => {
  const keys = Object.keys(readJson('l10n/bundle.l10n.json') as Record<string, unknown>);

  it('every "{0} patents" string of the bundle has its "1 patent" sibling, or a reason it is never one', () => {
    assert.deepEqual(countsWithoutOne(keys), []);
  });

  it('each string said never to be one is still asked for (the allow-list does not outlive its strings)', () => {
    const asked = new Set(keys);
    assert.deepEqual(
      Object.keys(NEVER_ONE).filter((k) => !asked.has(k.slice(0, k.lastIndexOf(' | ')))),
      [],
    );
  });

  it('finds a plural count with no sibling, and takes one whose numbering shifted', () => {
    assert.deepEqual(countsWithoutOne(['Cites: {0} patents']), ['Cites: {0} patents | patents']);
    assert.deepEqual(countsWithoutOne(['Cites: {0} other documents', 'Cites: 1 other document']), []);
    assert.deepEqual(countsWithoutOne(['{0} documents in the file wrapper; {1} match the filter.', '1 document in the file wrapper; {0} match the filter.']), []);
    assert.deepEqual(countsWithoutOne(['{0} families', '1 family', '{0} statuses changed', '1 status changed']), []);
    assert.deepEqual(countsWithoutOne(['{0} members at {1} offices', '{0} members at 1 office']), ['{0} members at {1} offices | members', '{0} members at 1 office | members']);
    assert.deepEqual(countsWithoutOne(['{0} members at {1} offices', '{0} members at 1 office', '1 member at 1 office']), []);
    assert.deepEqual(countsWithoutOne(['{0} is no longer there.', 'Export {0} as {1}?', '{0} was cancelled.']), []);
  });
});
