/** The panel's record sections built from PatSnap's own example answers, as they stand, and from empty and hostile ones. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { toCitations, toCitedBy, toLegalEvents, toLegalStatusDetail, toPatentClaims, toPatentFamily } from '../../../../src/core/api/recordMapping';
import { citationsItemSchema, citedByItemSchema, claimsItemSchema, familyItemSchema, legalEventsItemSchema, legalStatusDetailItemSchema } from '../../../../src/core/api/recordSchemas';
import { batchDataSchema, envelopeSchema } from '../../../../src/core/api/schemas';
import type { PatentClaims } from '../../../../src/core/api/recordTypes';
import { buildFamilyView } from '../../../../src/core/record';
import {
  claimText,
  EMPTY_MESSAGES,
  independentClaimsText,
  toCitationsSection,
  toClaimsSection,
  toFamilySection,
  toLegalSection,
} from '../../../../src/extension/patent/recordViews.pure';
import { parseToWebview, type ToWebview } from '../../../../src/webview/protocol';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'fixtures', 'patsnap-examples');

function one<T>(schema: Parameters<typeof batchDataSchema>[0], file: string): T {
  const env = envelopeSchema.parse(JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')));
  return (batchDataSchema(schema).parse(env.data) as T[])[0] as T;
}

/** The webview would take it. */
function shows(message: ToWebview): void {
  const parsed = parseToWebview(message);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
}

describe('the panel\u2019s record sections', () => {
  describe('claims', () => {
    const example = toPatentClaims(one(claimsItemSchema, 'P018-claims.json'));

    it('from P018\u2019s example: Chinese claims, a claim over three paragraphs as one, dependents nested, whose claims they are', () => {
      const { view, claims } = toClaimsSection(example, 'en', 'US11205304B2');
      shows({ type: 'claims', view });
      assert.equal(view.state, 'loaded');
      if (view.state !== 'loaded') return;
      assert.deepEqual(
        view.claims.map((c) => [c.num, c.depth, c.independent, c.parents]),
        [
          [1, 0, true, []],
          [2, 1, false, [1]],
          [3, 2, false, [2]],
          [4, 2, false, [2]],
          [5, 0, true, []],
        ],
      );
      assert.equal(claims[0]?.paragraphs.length, 3, 'claim 1 spans three divs and is one claim');
      assert.match(view.claims[0]?.text ?? '', /^用于VEGFA基因编辑的系统，包括下述N1）和N2）：\nN1）/);
      assert.doesNotMatch(view.claims.map((c) => c.text).join(''), /<|seg-|&[a-z]+;/, 'no markup survives');
      assert.equal(view.independentCount, 2);
      assert.equal(view.language, 'EN');
      assert.deepEqual(view.substitute, { number: 'CN103106923A', of: 'US11205304B2' });
    });

    it('copies one claim as "N. text", and the independent claims together', () => {
      const { claims } = toClaimsSection(example, 'en', 'CN108977442B');
      const first = claims.find((c) => c.num === 1);
      assert.ok(first);
      assert.match(claimText(first), /^1\. 用于VEGFA基因编辑的系统.*\nN1）.*\nN2）/s);
      const both = independentClaimsText(claims);
      assert.match(both, /^1\. /);
      assert.match(both, /\n\n5\. 编辑VEGFA基因的方法/);
      assert.doesNotMatch(both, /\n\n2\. /, 'no dependent claim');
    });

    it('names no substitute when the claims are the patent\u2019s own, and offers the other languages', () => {
      const own: PatentClaims = {
        patentId: 'x',
        pn: 'CN104169186A',
        texts: [
          { lang: 'CN', html: '<div class="indep-clm" num="1">1.一种电池。</div>' },
          { lang: 'EN', html: '<div class="indep-clm" num="1">1. A battery.</div>' },
        ],
      };
      const { view } = toClaimsSection(own, 'cn', 'CN104169186A');
      assert.equal(view.state === 'loaded' && view.language, 'CN');
      assert.deepEqual(view.state === 'loaded' && view.languages, ['CN', 'EN']);
      assert.equal(view.state === 'loaded' && view.substitute, undefined);
      const english = toClaimsSection(own, 'EN', 'CN104169186A').view;
      assert.equal(english.state === 'loaded' && english.claims[0]?.text, 'A battery.');
    });

    it('says so when there are none, and keeps hostile markup as text', () => {
      assert.deepEqual(toClaimsSection(null, 'en', 'US1').view, { state: 'empty', message: EMPTY_MESSAGES.claims });
      assert.deepEqual(toClaimsSection({ patentId: 'x', pn: 'US1', texts: [] }, 'en', 'US1', 'Keine').view, { state: 'empty', message: 'Keine' });
      const hostile = toClaimsSection({ patentId: 'x', pn: 'US1', texts: [{ html: '<div class="indep-clm" num="1">1. A <img src=x onerror=alert(1)>widget &lt;b&gt;</div><script>alert(2)</script>' }] }, 'en', 'US1');
      assert.equal(hostile.view.state === 'loaded' && hostile.view.claims[0]?.text, 'A widget <b>');
    });
  });

  it('family: P014\u2019s example with P013\u2019s status, by office, within the protocol', () => {
    const family = toPatentFamily(one(familyItemSchema, 'P014-patent-family.json'));
    const status = { ...toLegalStatusDetail(one(legalStatusDetailItemSchema, 'P013-legal-status.json')), pn: 'US20130033085A1' };
    const view = toFamilySection(buildFamilyView(family, 'simple', [status]));
    shows({ type: 'family', view });
    assert.equal(view.state, 'loaded');
    if (view.state !== 'loaded') return;
    assert.deepEqual(view.sizes, { simple: 1, inpadoc: 1, patsnap: 1 });
    assert.deepEqual(view.offices.map((o) => [o.office, o.members.map((m) => [m.number, m.kind, m.legalStatus, m.detailedStatus, m.self])]), [
      ['US', [['US20130033085A1', 'A1', ['Pending'], ['Examining'], false]]],
    ]);
    assert.deepEqual(toFamilySection(undefined), { state: 'empty', message: EMPTY_MESSAGES.family });
  });

  it('citations: P016 and P015\u2019s examples both ways, the DOI link kept by the host only', () => {
    const cites = toCitations(one(citationsItemSchema, 'P016-patent-citation.json'));
    const citedBy = toCitedBy(one(citedByItemSchema, 'P015-cited-by-patents.json'));
    const { view, doiLinks } = toCitationsSection(cites, citedBy);
    shows({ type: 'citations', view });
    assert.equal(view.state, 'loaded');
    if (view.state !== 'loaded') return;
    assert.deepEqual(view.cites, [{ number: 'US20130033085A1', kind: 'A1', categories: [{ code: 'A', label: 'technological background' }], citeTypes: [{ code: 'EXA', label: 'examiner' }] }]);
    assert.equal(view.nonPatent[0]?.linked, true);
    assert.equal(view.nonPatent[0]?.doi, '10.1016/J.JMGM.2011.06.008');
    assert.deepEqual(view.nonPatent[0]?.authors, ['トヨタ自動車株式会社']);
    assert.deepEqual(doiLinks, ['https://doi.org/10.1016/J.JMGM.2011.06.008']);
    assert.ok(!JSON.stringify(view).includes('https://'), 'no link crosses to the webview');
    assert.deepEqual(view.citedBy, [{ number: 'US20130033085A1' }]);
    assert.deepEqual(view.counts, { citedBy: 1, threeYears: 0, fiveYears: 2, simpleFamily: 2, inpadocFamily: 2, patsnapFamily: 2 });
  });

  it('citations: a DOI that is not one is shown, not linked; nothing either way is empty', () => {
    const { view, doiLinks } = toCitationsSection({ patentId: 'x', pn: 'US1', patents: [], others: [{ title: 'T', doi: 'javascript:alert(1)', authors: [] }] }, null);
    assert.equal(view.state === 'loaded' && view.nonPatent[0]?.linked, false);
    assert.deepEqual(doiLinks, [undefined]);
    assert.deepEqual(toCitationsSection(null, null).view, { state: 'empty', message: EMPTY_MESSAGES.citations });
  });

  it('legal: P013 and P026\u2019s examples, a numeric event code, one timeline oldest first', () => {
    const detail = toLegalStatusDetail(one(legalStatusDetailItemSchema, 'P013-legal-status.json'));
    const events = toLegalEvents(one(legalEventsItemSchema, 'P026-legal-events.json'));
    const view = toLegalSection(detail, events);
    shows({ type: 'legal', view });
    assert.equal(view.state, 'loaded');
    if (view.state !== 'loaded') return;
    assert.deepEqual([view.simple, view.detailed, view.events, view.date], [['Pending'], ['Examining'], ['Transfer'], '2015-10-27']);
    assert.deepEqual(
      view.timeline.map((e) => [e.date, e.source, e.office, e.code, e.legalStatus]),
      [
        ['2020-12-08', 'office', 'US', '1.3', '专利权的终止'],
        ['2021-12-07', 'inpadoc', 'BR', 'B350', undefined],
      ],
    );
    assert.deepEqual(toLegalSection(null, null), { state: 'empty', message: EMPTY_MESSAGES.legal });
  });
});
