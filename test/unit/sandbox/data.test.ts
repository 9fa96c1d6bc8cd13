import assert from 'node:assert/strict';
import { parseClaims } from '../../../src/core/record/claims';
import { claimHtml } from '../../../src/sandbox/claims';
import { apnoKey, CANONICAL_NUMBERS, familyOf, findByNumber, generateSampleData, MAIN_OFFICES, NATIONAL_OFFICES, pnBase } from '../../../src/sandbox/data';
import { examDocsFor } from '../../../src/sandbox/examDocs';
import { legalRecordOf } from '../../../src/sandbox/legal';
import { startSandbox } from '../../../src/sandbox/server';
import { search } from './helpers';

const REQUIRED = [
  'US11205304B2', 'US7123456B2', 'US10123456B1', 'US20050262868A1', 'US20190123456A1', 'USD912345S', 'USRE45678E', 'EP1234567B1', 'EP2458380B1',
  'WO2020123456A1', 'WO1998012345A1', 'CN104169186A', 'CN303649457S', 'JP2020123456A', 'JP1996179521A', 'KR20200012345A', 'KR102355140B1',
  // Application numbers that resolve, and a big INPADOC family.
  'US20230145678A1', 'US11985678B2', 'CN105161234A', 'CN105161234B', 'WO2013136789A1', 'WO2024191234A1',
  // One family per national office, numbered as the office numbers.
  'DE102019123456A1', 'GB2512345A', 'GB2512345B', 'FR3012345A1', 'FR3012345B1', 'CA2912345A1', 'CA2912345C', 'AU2019123456A1', 'AU2019123456B2',
  'TW201912345A', 'TWI712345B', 'IN201921012345A', 'IN412345B', 'BR102019012345A2', 'BR102019012345B1', 'RU2712345C1', 'EP2953123B1', 'ES2712345T3',
  'IT201900012345A1', 'NL2012345B1', 'CH712345A1', 'CH712345B1', 'AT521234A1', 'AT521234B1', 'SE1950123A1', 'SE543210C2', 'DK201970123A1', 'DK180123B1',
  'MX2019012345A', 'MX395123B',
];

/** Publication numbers as each office writes them in PatSnap's compact form. */
const PUBLICATION_FORMS: Readonly<Record<string, RegExp>> = {
  US: /^US(?:\d{7,8}[BE]\d?|\d{11}A1|D\d{6}S|RE\d{5}E)$/,
  EP: /^EP\d{7}[AB]\d$/,
  WO: /^WO\d{10}A1$/,
  CN: /^CN\d{9}[ABUS]$/,
  JP: /^JP(?:\d{10}A|\d{7}B2)$/,
  KR: /^KR(?:\d{11}A|10\d{7}B1)$/,
  DE: /^DE(?:10\d{4}\d{6}[AB]\d|20\d{4}\d{6}U1|60\d{4}\d{6}T2)$/,
  GB: /^GB2\d{6}[AB]$/,
  FR: /^FR[23]\d{6}[AB]1$/,
  CA: /^CA[23]\d{6}(?:A1|C)$/,
  AU: /^AU\d{4}\d{6}(?:A1|B2|A4)$/,
  TW: /^TW(?:\d{9}A|I\d{6}B|M\d{6}U)$/,
  IN: /^IN(?:\d{4}\d{2}\d{6}A|\d{6}B)$/,
  BR: /^BR(?:1[01]|20)\d{4}\d{6}(?:A2|B1|U2)$/,
  RU: /^RU(?:\d{4}\d{6}A|2\d{6}C[12]|\d{6}U1)$/,
  ES: /^ES[23]\d{6}(?:A1|B[12]|T3)$/,
  IT: /^IT\d{4}\d{8}[AB]1$/,
  NL: /^NL2\d{6}B1$/,
  CH: /^CH7\d{5}[AB]1$/,
  AT: /^AT(?:5\d{5}[AB]1|\d{6}T|1\d{4}U1)$/,
  SE: /^SE(?:\d{2}5\d{4}A1|5\d{5}C2)$/,
  DK: /^DK(?:\d{4}70\d{3}A1|18\d{4}B1|\d{7}T3)$/,
  MX: /^MX(?:\d{4}\d{6}A|\d{6}B)$/,
};

describe('sandbox: sample data', () => {
  const data = generateSampleData();

  it('is the same on every run', () => {
    assert.deepEqual(generateSampleData(), data);
    assert.notDeepEqual(generateSampleData({ seed: 7 }).patents.map((p) => p.pn), data.patents.map((p) => p.pn));
  });

  it('answers the same searches from two servers', async () => {
    const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      const body = { query_text: 'TACD:"virtual reality" OR AN:SAMSUNG', limit: 50, collapse_type: 'DOCDB' };
      assert.deepEqual((await search(a, body)).body, (await search(b, body)).body);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('has every canonical number, the example ids, and a unique pn and id per patent', () => {
    assert.deepEqual([...CANONICAL_NUMBERS].sort(), [...REQUIRED].sort());
    for (const pn of REQUIRED) {
      assert.equal(findByNumber(data, pn)?.pn, pn);
      // Without kind code where the serial is the patent's alone (GB2512345A and GB2512345B share theirs).
      if (data.byBase.get(pnBase(pn))?.length === 1) assert.equal(findByNumber(data, pnBase(pn))?.pn, pn, `${pn} without kind code`);
      else assert.equal(findByNumber(data, pnBase(pn)), undefined);
    }
    const us = findByNumber(data, 'US11205304B2');
    assert.equal(us?.patentId, '718ead9c-4f3c-4674-8f5a-24e126827269');
    assert.equal(us?.apno, 'US14/706838');
    assert.equal(new Set(data.patents.map((p) => p.pn)).size, data.patents.length);
    assert.equal(new Set(data.patents.map((p) => p.patentId)).size, data.patents.length);
  });

  it('spreads a few hundred patents over 23 offices, kinds, statuses and shared families', () => {
    const canonical = new Set(data.patents.filter((p) => CANONICAL_NUMBERS.includes(p.pn)).map((p) => p.docdbFamily));
    const random = data.patents.filter((p) => !canonical.has(p.docdbFamily) && p.inpadocFamily !== data.byPn.get('WO2013136789A1')?.inpadocFamily);
    assert.ok(random.length >= 390, String(random.length));
    const offices = new Set(data.patents.map((p) => p.office));
    assert.deepEqual([...offices].sort(), [...MAIN_OFFICES, ...NATIONAL_OFFICES].sort());
    const kinds = new Set(data.patents.map((p) => p.kind));
    for (const k of ['A', 'A1', 'B', 'B1', 'B2', 'S', 'U', 'E']) assert.ok(kinds.has(k), k);
    const statuses = new Set(data.patents.flatMap((p) => p.legalStatus));
    for (const s of ['Active', 'Pending', 'Inactive', 'Undetermined', 'PCT designated period', 'PCT designated expiration']) assert.ok(statuses.has(s), s);
    const families = new Map<string, Set<string>>();
    for (const p of data.patents) families.set(p.docdbFamily, (families.get(p.docdbFamily) ?? new Set()).add(p.office));
    assert.ok([...families.values()].filter((o) => o.size >= 3).length >= 20, 'families across offices');
    for (const p of data.patents) {
      assert.ok(p.pbdt >= p.apdt || p.office === 'WO' || p.pbdt >= 19900101, p.pn);
      assert.match(String(p.pbdt), /^(19|20)\d{6}$/);
      if (p.patentType === 'DESIGN') {
        // Designs are classed by Locarno, never by the IPC of their topic.
        assert.match(p.loc ?? '', /^\d{2}-\d{2}$/, p.pn);
        assert.equal(p.ipc.main, '', p.pn);
        assert.equal(p.cpc.main, '', p.pn);
      } else assert.ok(p.ipc.main && p.cpc.main && p.loc === undefined, p.pn);
    }
  });

  it('writes publication numbers in each office\u2019s own form', () => {
    for (const p of data.patents) assert.match(p.pn, PUBLICATION_FORMS[p.office] as RegExp, `${p.office} ${p.pn}`);
  });

  it('keeps titles, priority and parties across a family, and grants after their applications', () => {
    const families = new Map<string, typeof data.patents>();
    for (const p of data.patents) families.set(p.docdbFamily, [...(families.get(p.docdbFamily) ?? []), p]);
    for (const members of families.values()) {
      const first = members[0] as (typeof members)[number];
      for (const m of members) {
        assert.equal(m.title, first.title, m.pn);
        assert.deepEqual(m.priorityClaims, first.priorityClaims, m.pn);
        assert.deepEqual(m.currentAssignees, first.currentAssignees, m.pn);
      }
    }
    for (const group of data.byApno.values()) {
      const app = group.find((g) => g.patentType === 'APPLICATION');
      const grant = group.find((g) => g.isd !== undefined && g.patentType === 'PATENT');
      if (app && grant) assert.ok(app.pbdt < grant.pbdt, `${app.pn} before ${grant.pn}`);
    }
    // A granted publication whose pre-grant publication is present, under one application.
    assert.deepEqual(data.byApno.get(apnoKey('US10/851234'))?.map((p) => p.pn), ['US20050262868A1', 'US7123456B2']);
    assert.equal(familyOf(data, findByNumber(data, 'EP2953123B1')!).some((m) => m.pn === 'ES2712345T3'), true, 'a translation in the EP grant\u2019s family');
  });

  it('cites only what was published before the citing application, with categories and who cited', () => {
    let citations = 0;
    for (const p of data.patents) {
      for (const c of p.citedPatents) {
        const cited = data.byPn.get(c.pn);
        assert.ok(cited && cited.pbdt < p.apdt, `${p.pn} cites ${c.pn}`);
        assert.ok(c.citeType.length === 1 && ['APP', 'EXA', 'OPP', 'TPO'].includes(c.citeType[0] as string));
        if (p.office === 'US') assert.deepEqual(c.category, []);
        citations++;
      }
    }
    assert.ok(citations > 300, String(citations));
    assert.ok(data.patents.some((p) => p.citedOthers.some((o) => o.doi?.startsWith('10.'))));
  });

  it('claims read like claims: independent and dependent, parents, several paragraphs, CN in Chinese and JP in Japanese', () => {
    for (const p of data.patents) {
      for (const set of p.claims) {
        // What P018 sends parses back to what was meant, with or without the parent attribute.
        for (const omit of [false, true]) {
          const parsed = parseClaims(claimHtml(set, omit));
          assert.deepEqual(parsed.map((c) => [c.num, c.independent, c.parents]), set.claims.map((c) => [c.num, c.independent, c.parents]), `${p.pn} ${set.lang}${omit ? ' without parent' : ''}`);
        }
      }
      if (p.office === 'CN' && p.claims.length > 0) assert.deepEqual(p.claims.map((c) => c.lang), ['CN', 'EN'], p.pn);
      if (p.office === 'JP' && p.claims.length > 0) assert.deepEqual(p.claims.map((c) => c.lang), ['JP', 'EN'], p.pn);
    }
    const us = findByNumber(data, 'US11205304B2')!;
    const claims = us.claims[0]!.claims;
    assert.ok(claims.filter((c) => c.independent).length >= 2 && claims.some((c) => c.parents.length > 1));
    assert.ok((claims[0]?.paragraphs.length ?? 0) > 2, 'claim 1 spans several paragraphs');
    assert.match(findByNumber(data, 'CN104169186A')!.claims[0]!.claims[1]!.paragraphs[0]!, /根据权利要求1所述的/);
    assert.match(findByNumber(data, 'JP2020123456A')!.claims[0]!.claims[1]!.paragraphs[0]!, /請求項1に記載の/);
    assert.ok(data.patents.some((p) => p.omitClaimParents && p.claims.length > 0) && data.patents.some((p) => !p.omitClaimParents && p.claims.length > 0));
    assert.deepEqual(findByNumber(data, 'US20050262868A1')!.claims, [], 'no claim text: a family member stands in');
    assert.match(findByNumber(data, 'USD912345S')!.claims[0]!.claims[0]!.paragraphs[0]!, /^1\. The ornamental design for a headset/);
  });

  it('files office actions in the order prosecution happens, EP with EPO documents', () => {
    const order = (codes: string[], before: string, after: string): void => {
      const a = codes.indexOf(before);
      const b = codes.lastIndexOf(after);
      if (a !== -1 && b !== -1) assert.ok(b < a, `${after} after ${before}: ${codes.join(' ')}`);
    };
    let ep = 0;
    for (const p of data.patents.filter((q) => q.examDocCount > 0)) {
      const docs = examDocsFor(p, p.examDocCount);
      assert.equal(docs.length, p.examDocCount, p.pn);
      const oldestFirst = [...docs].sort((x, y) => x.date - y.date || x.index - y.index);
      assert.deepEqual(oldestFirst.map((d) => d.index), docs.map((d) => d.index).sort((x, y) => x - y), `${p.pn}: dated in the order told`);
      const codes = oldestFirst.map((d) => d.docCode);
      order(codes, 'NOA', 'CTFR');
      order(codes, 'NOA', 'CTNF');
      order(codes, 'ISSUE.NTF', 'NOA');
      order(codes, 'DECGR', 'EXCOM');
      if (p.office === 'EP') {
        ep++;
        assert.ok(codes.every((c) => !['CTNF', 'CTFR', 'NOA', 'IDS', 'RCEX'].includes(c)), `${p.pn}: ${codes.join(' ')}`);
      }
      assert.ok(oldestFirst.every((d) => d.date >= p.apdt));
    }
    assert.ok(ep > 5, String(ep));
    const revoked = examDocsFor(findByNumber(data, 'EP1234567B1')!, 20).map((d) => d.docCode);
    assert.equal(revoked[0], 'REVOKE', 'the revocation is the newest paper');
  });

  it('tells one legal story per application: P041 and P013 agree, events in order, a revoked EP', () => {
    for (const p of data.patents) {
      const r = legalRecordOf(p, data.byApno.get(apnoKey(p.apno)) ?? [p]);
      assert.deepEqual(r.simple, p.legalStatus);
      const dates = r.inpadoc.map((e) => e.event_date);
      assert.deepEqual(dates, [...dates].sort((a, b) => a - b), p.pn);
      assert.ok(r.inpadoc.every((e) => /^[A-Z0-9]{1,6}$/.test(e.event_code) && e.ref_country_code === p.office), p.pn);
      if (p.legalStatus[0] === 'Active' && p.isd !== undefined) assert.deepEqual(r.detailed, ['Granted'], p.pn);
      if (p.originalAssignees[0]?.name !== p.currentAssignees[0]?.name && r.inpadoc.some((e) => /OWNER NAME/.test(e.event_desc))) assert.ok(r.events.includes('Transfer'), p.pn);
      const grant = r.inpadoc.findIndex((e) => ['STCF', 'GR01', 'R150', 'GRNT', 'GRAA'].includes(e.event_code));
      const lapse = r.inpadoc.findIndex((e) => ['LAPS', 'CF01', 'PC1903', 'PG25'].includes(e.event_code));
      if (grant !== -1 && lapse !== -1) assert.ok(grant < lapse, p.pn);
    }
    const ep = findByNumber(data, 'EP1234567B1')!;
    const r = legalRecordOf(ep, [ep]);
    assert.deepEqual([r.simple, r.detailed, r.events], [['Inactive'], ['Revoked'], ['Opposition']]);
    assert.deepEqual(r.inpadoc.map((e) => e.event_code).filter((c) => ['PLBI', 'RDAG'].includes(c)), ['PLBI', 'RDAG']);
    const br = findByNumber(data, 'BR102019012345B1')!;
    assert.ok(legalRecordOf(br, data.byApno.get(apnoKey(br.apno))!).official.some((e) => typeof e.event_code === 'number'), 'the Brazilian office numbers its events');
    const cn = findByNumber(data, 'CN104169186A')!;
    assert.ok(legalRecordOf(cn, [cn]).official.some((e) => e.event_desc === '公开'));
  });

  it('uses each office\u2019s application number format', () => {
    const translation = (p: (typeof data.patents)[number]): boolean => p.kind.startsWith('T') && (p.office === 'DE' ? p.apno === pnBase(p.pn) : new RegExp(`^${p.office}\\d{8}T$`).test(p.apno));
    const national: Readonly<Record<string, RegExp>> = {
      DE: /^DE(?:10|20)\d{10}$/, GB: /^GB\d{7}\.\d$/, FR: /^FR\d{7}$/, CA: /^CA[23]\d{6}$/, AU: /^AU\d{10}$/, TW: /^TW\d{9}$/, IN: /^IN\d{12}$/,
      BR: /^BR(?:1[01]|20)\d{10}$/, RU: /^RU\d{10}$/, ES: /^ES\d{9}$/, IT: /^IT10\d{13}$/, NL: /^NL2\d{6}$/, CH: /^CH\d{5}\/\d{2}$/,
      AT: /^ATA\d{5}\/\d{4}$/, SE: /^SE\d{7}-\d$/, DK: /^DKPA\d{9}$/, MX: /^MX\/a\/\d{4}\/\d{6}$/,
    };
    for (const p of data.patents) {
      if (translation(p) || national[p.office]?.test(p.apno)) continue;
      const ok =
        (p.office === 'US' && /^US\d{2}\/\d{6}$/.test(p.apno)) ||
        (p.office === 'CN' && /^CN\d{12}\.[\dX]$/.test(p.apno)) ||
        (p.office === 'EP' && /^EP\d{8}\.\d$/.test(p.apno)) ||
        (p.office === 'WO' && /^PCT\/[A-Z]{2}\d{4}\/\d{6}$/.test(p.apno)) ||
        (p.office === 'JP' && /^JP\d{4}-\d{6}$/.test(p.apno)) ||
        (p.office === 'KR' && /^KR10-\d{4}-\d{7}$/.test(p.apno));
      assert.ok(ok, `${p.pn} ${p.apno}`);
    }
  });

  it('generates quickly', () => {
    const t0 = performance.now();
    generateSampleData();
    // Printed, not asserted (timing targets live in test/bench).
    console.log(`      sample data generated in ${(performance.now() - t0).toFixed(1)} ms`);
  });
});
