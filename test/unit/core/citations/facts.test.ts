/** The citation facts, looked up from a real sandbox over loopback: batching, caching, failures. */
import * as assert from 'node:assert/strict';
import { CitationFactsLookup, type RecordSource } from '../../../../src/core/citations/facts';
import { RecordLookup } from '../../../../src/core/cache/recordLookup';
import { isGrant, lintCitations, type Citation } from '../../../../src/core/citations';
import { findPatentNumbers } from '../../../../src/core/numbers';
import { generateSampleData } from '../../../../src/sandbox/data';
import { apiCalls, client, useSandbox } from '../api/helpers';
import { useTwoBackends } from '../cache/twoBackends';

const P011 = '/basic-patent-data/simple-bibliography';
const P013 = '/basic-patent-data/legal-status';
const P014 = '/basic-patent-data/patent-family';
const P069 = '/search/patent/patent-search-pn';

const cite = (text: string): Citation[] => findPatentNumbers(text, { flagImpossible: true });

const MEMO = [
  'Prior art: EP 1 234 567 B1 (revoked) and US 2005/0262868 A1 (since granted).',
  'Also US 9,999,999 B2, U.S. Appl. No. 14/706,838 and U.S. Pat. No. 7,123,456.',
].join('\n');

describe('citations: facts from the sandbox', () => {
  const s = useSandbox();
  const calls = (path: string): number => s.sb.stats.calls(path);
  /** One client per lookup, as the extension's session and the CLI give it. */
  const newLookup = (config: Parameters<typeof client>[1] = {}): CitationFactsLookup => {
    const api = client(s.sb, config);
    return new CitationFactsLookup(() => api);
  };

  it('finds the status with its date, the grant of a pre-grant publication, an unknown number and an application\u2019s publication', async () => {
    const lookup = newLookup();
    const citations = cite(MEMO);
    const { facts, failure } = await lookup.lookUp(citations);
    assert.equal(failure, undefined);
    const ep = facts.publications.get('EP1234567B1');
    assert.ok(ep?.found);
    assert.deepEqual(ep.legal, { simple: ['Inactive'], detailed: ['Revoked'], date: '2007-09-21' });
    const pre = facts.publications.get('US20050262868A1');
    assert.ok(pre?.found);
    assert.deepEqual(pre.grantedAs, { pn: 'US7123456B2', date: '2006-10-17' });
    assert.equal(pre.applicationNumber, 'US10/851234');
    assert.deepEqual(facts.publications.get('US9999999B2'), { found: false });
    const kindless = facts.publications.get('US7123456');
    assert.ok(kindless?.found);
    assert.equal(kindless.pn, 'US7123456B2');
    assert.deepEqual(facts.applications.get('US14/706838')?.publications.map((p) => p.pn), ['US11205304B2']);
    // The publication an application resolves to is looked up too, for the citation list.
    const granted = facts.publications.get('US11205304B2');
    assert.ok(granted?.found);
    assert.equal(granted.title, 'Systems and methods for rendering user interfaces for augmented or virtual reality');
    assert.deepEqual(granted.assignees, ['MAGIC LEAP, INC.']);

    assert.deepEqual(
      lintCitations(citations, { facts }).map((p) => [p.code, p.citation.text]),
      [
        ['inactive', 'EP 1 234 567 B1'],
        ['grantedSince', 'US 2005/0262868 A1'],
        ['notFound', 'US 9,999,999 B2'],
        ['applicationCited', 'U.S. Appl. No. 14/706,838'],
        ['inactive', 'U.S. Pat. No. 7,123,456'], // US7123456B2 lapsed (Non-Payment)
      ],
    );
  });

  it('takes statuses, families and resolutions from the record cache it is given, and the client only when asked afresh', async () => {
    const api = client(s.sb);
    const records = new RecordLookup(() => api);
    const source: RecordSource = {
      legalDetails: (numbers, signal) => records.legalDetails(numbers.map((number) => ({ number })), signal),
      families: (numbers, signal) => records.families(numbers.map((number) => ({ number })), signal),
      resolve: (inputs, signal) => Promise.all(inputs.map((i) => records.resolve(i, signal))),
    };
    const citations = cite(MEMO);
    const first = await new CitationFactsLookup(() => api, { records: source }).lookUp(citations);
    assert.equal(first.failure, undefined);
    const counts = () => [P013, P014, P069].map(calls);
    const after = counts();
    assert.ok(after.every((n) => n > 0), 'the record cache asked the sandbox');
    // A new lookup (its own memory gone, as after a reload) on the same record cache: no call for any of them.
    const again = await new CitationFactsLookup(() => api, { records: source }).lookUp(citations);
    assert.deepEqual(counts(), after);
    assert.deepEqual(lintCitations(citations, { facts: again.facts }).map((p) => p.code), lintCitations(citations, { facts: first.facts }).map((p) => p.code));
    assert.deepEqual(again.facts.publications.get('US20050262868A1'), first.facts.publications.get('US20050262868A1'));
    // On demand, PatSnap is asked again.
    await new CitationFactsLookup(() => api, { records: source }).lookUp(citations, { fresh: true });
    assert.deepEqual(counts(), after.map((n) => n + 1));
  });

  it('looks 250 citations up in \u2308250/100\u2309 calls per endpoint, and asks again only for numbers written since', async () => {
    const all = generateSampleData()
      .patents.map((p) => p.pn)
      .filter((pn) => isGrant(pn) && findPatentNumbers(pn).length === 1);
    const grants = all.slice(0, 230);
    const later = all[230] as string;
    assert.equal(grants.length, 230, 'the sandbox has enough granted patents');
    const unknown = Array.from({ length: 20 }, (_, i) => `US${9_900_000 + i}B2`);
    const text = [...grants, ...unknown].join(', ');
    const citations = cite(text);
    assert.equal(citations.length, 250);

    const lookup = newLookup();
    const { facts, failure } = await lookup.lookUp(citations);
    assert.equal(failure, undefined);
    assert.deepEqual([calls(P011), calls(P013), calls(P014), calls(P069)], [3, 3, 0, 0]);
    assert.equal([...facts.publications.values()].filter((f) => f.found).length, 230);
    assert.equal([...facts.publications.values()].filter((f) => !f.found).length, 20);

    // Again: everything is known. One number more: one call per endpoint, for that number.
    await lookup.lookUp(citations);
    assert.deepEqual([calls(P011), calls(P013)], [3, 3]);
    await lookup.lookUp(cite(`${text}, ${later}`));
    assert.deepEqual([calls(P011), calls(P013)], [4, 4]);
    assert.equal(apiCalls(s.sb), 8, 'and no other endpoint');
    // On demand: all of them afresh.
    await lookup.lookUp(citations, { fresh: true });
    assert.deepEqual([calls(P011), calls(P013)], [7, 7]);
  });

  it('looks the grants of many pre-grant publications up in one family call and one bibliography call', async () => {
    const preGrant = generateSampleData()
      .patents.map((p) => p.pn)
      .filter((pn) => /^US\d{11}A1$/.test(pn))
      .slice(0, 50);
    assert.ok(preGrant.length >= 10);
    const lookup = newLookup();
    const { facts } = await lookup.lookUp(cite(preGrant.join('; ')));
    assert.deepEqual([calls(P011), calls(P013), calls(P014)], [2, 1, 1]);
    const granted = [...facts.publications.values()].filter((f) => f.found && f.grantedAs);
    assert.ok(granted.length > 0, 'some of them were granted since');
    for (const f of granted) if (f.found && f.grantedAs) assert.ok(isGrant(f.grantedAs.pn) && f.grantedAs.pn.startsWith('US'), f.grantedAs.pn);
  });

  it('leaves out what a failed batch should have said, never reading it as "not found"', async () => {
    s.sb.faults.add({ path: P013, errorCode: 67200100, times: 0 });
    const lookup = newLookup({ maxRetries: 0 });
    const citations = cite('EP 1 234 567 B1 and US 9,999,999 B2');
    const first = await lookup.lookUp(citations);
    assert.ok(first.failure, 'the failure is reported');
    const ep = first.facts.publications.get('EP1234567B1');
    assert.ok(ep?.found);
    assert.equal(ep.legal, undefined, 'no status: nothing to call inactive');
    assert.deepEqual(lintCitations(citations, { facts: first.facts }).map((p) => p.code), ['notFound']);

    s.sb.faults.clear();
    s.sb.faults.add({ path: P011, errorCode: 67200100, times: 0 });
    const other = newLookup({ maxRetries: 0 });
    const second = await other.lookUp(citations);
    assert.ok(second.failure);
    assert.equal(second.facts.publications.size, 0, 'the numbers of the failed batch are not judged');
    assert.deepEqual(lintCitations(citations, { facts: second.facts }), []);
  });

  it('skips impossible numbers and sends nothing for them', async () => {
    const lookup = newLookup();
    const { facts } = await lookup.lookUp(cite('EP 12345678901 B1'));
    assert.equal(facts.publications.size, 0);
    assert.equal(s.sb.stats.calls(), 0);
  });
});

describe('citations: facts looked up while they are cleared (two sandboxes of different data)', () => {
  const two = useTwoBackends();

  it('the old facts go to their caller only; the next look-up asks the new backend, and keeps its answer', async () => {
    const n = two.onlyInA();
    const citations = [{ number: n, type: 'publication' as const }];
    const lookup = new CitationFactsLookup(() => two.api());
    const held = two.a.hold(P011);
    const old = lookup.lookUp(citations);
    await held.arrived();
    lookup.clear();
    two.use(two.b);
    assert.deepEqual((await lookup.lookUp(citations)).facts.publications.get(n), { found: false }, 'b has no such patent');
    held.release();
    const fromA = (await old).facts.publications.get(n);
    assert.ok(fromA?.found && fromA.pn === n, 'the old caller gets a’s facts');
    assert.deepEqual(lookup.known(citations).publications.get(n), { found: false }, 'b’s facts, kept');
    assert.deepEqual((await lookup.lookUp(citations)).facts.publications.get(n), { found: false });
    assert.equal(two.b.calls(P011), 1);
  });
});
