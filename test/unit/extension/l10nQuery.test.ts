/**
 * The query checks speak the display language: every diagnostic and quick-fix title the
 * query tests produce (test/unit/core/query), and more, and completions and hovers (the
 * fields' and operators' names and docs, and their framing), read in Simplified Chinese and
 * in Japanese with the bundles, no message left in English. The inputs reach every message
 * src/core/query/diagnose.ts has, or the test says which not and why.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { complete, diagnose, FIELDS, hover, OPERATORS, type DiagnoseOptions, type QueryDiagnostic } from '../../../src/core/query';
import { MALFORMED } from '../core/query/queries';
import { asciiPunctuation, bundleTranslator, ROOT, strayEnglish } from './localizedManifest';
import type { Translator } from '../../../src/core/text/translator';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** What a completion's or hover's text must not have: an untranslated message, English left in it, an ASCII mark beside CJK text, no CJK at all. */
function shownFaults(text: string): string[] {
  const faults: string[] = [];
  if (text.includes('[untranslated]')) faults.push('untranslated');
  if (!CJK.test(text)) faults.push('no CJK text');
  const english = strayEnglish(text.replace(/\*\*[^*]+\*\*/g, ' '));
  if (english.length) faults.push(`English: ${english.join(' ')}`);
  for (const line of text.split('\n')) faults.push(...asciiPunctuation(line.replace(/^_|_$/g, '')));
  return faults;
}

const LONG = `TTL:(${Array.from({ length: 230 }, (_, i) => `w${i}`).join(' OR ')})`;

/** The queries of the diagnose tests, with the options each is checked with. */
const INPUTS: ReadonlyArray<[string, DiagnoseOptions]> = [
  ...MALFORMED.map((m): [string, DiagnoseOptions] => [m.query, { endpoints: m.endpoints ?? ['search'] }]),
  ...MALFORMED.map((m): [string, DiagnoseOptions] => [m.query, { endpoints: m.endpoints ?? ['search'], backend: 'sandbox' }]),
  ['', {}],
  [LONG, { endpoints: ['count', 'search'] }],
  [`${LONG} ${LONG}`, { endpoints: ['export'] }],
  [LONG, { endpoints: ['facets', 'count'] }],
  ['x'.repeat(1480), { reservedLength: 40 }],
  ['TACD:(a $W1 b) OR TACD:(a $PRE1 b) OR TACD:(a $WS b) OR TACD:(a $SEN b) OR TACD:(a $PARA b) OR TTL:(a $FREQ2)', { endpoints: ['search', 'facets'] }],
  ['CLMS:(book $W2 case) AND TTL:car', { backend: 'sandbox' }],
  [`${'('.repeat(100)}a${')'.repeat(100)}`, {}],
  ['a) (b [c ) d]', {}],
  // Beyond the query tests: each field with values of every shape, and the operators misplaced.
  ...[...FIELDS.values()].flatMap((f) => ['[a TO b]', '"x y"', '2020', '202003', '202013', '*', '[AND TO *]', 'abc', '(a $W1 b)'].map((v): [string, DiagnoseOptions] => [`${f.code}:${v}`, {}])),
  ...['TTL:(car $FREQ0)', 'a TO b', '$FREQ2 car', 'ANCS:TREE@', 'PBD:[2020 2021 TO 2022]', 'PBD:[2020 TO 2021 2022]', 'PBD:[a b c]', 'PBD:[(TO x)]'].map((q): [string, DiagnoseOptions] => [q, {}]),
];

/** Each message, with the translator that recorded which messages it was asked for. */
function diagnosticsIn(l10n: Translator): QueryDiagnostic[] {
  return INPUTS.flatMap(([query, options]) => diagnose(query, { ...options, l10n }));
}

function recording(l10n: Translator, asked: Set<string>): Translator {
  return { t: (message, ...args) => (asked.add(message), l10n.t(message, ...args)) };
}

/** The messages diagnose.ts gives its translator, as `l10n.t` receives them. */
function messagesInSource(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'src', 'core', 'query', 'diagnose.ts'), 'utf8');
  return [...source.matchAll(/\bl10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] as string).replace(/\\u([0-9a-fA-F]{4})/g, (_u, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\(.)/g, '$1'));
}

describe('l10n: the query checks, completions and hovers in zh-cn and ja', () => {
  it('the inputs reach every message and fix title of diagnose.ts', () => {
    const asked = new Set<string>();
    diagnosticsIn(recording(bundleTranslator('ja'), asked));
    const inSource = messagesInSource();
    assert.ok(inSource.length > 60, `found ${inSource.length} messages in diagnose.ts`);
    // P003 documents no length limit, so no message names it yet; the name is there for when it does.
    assert.deepEqual(
      inSource.filter((m) => !asked.has(m)),
      ['facets (P003)'],
    );
  });

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: every diagnostic and fix title is translated`, () => {
      const ds = diagnosticsIn(bundleTranslator(lang));
      assert.ok(ds.length > 100, `${ds.length} diagnostics`);
      for (const d of ds) {
        assert.doesNotMatch(d.message, /\[untranslated\]/, d.message);
        assert.match(d.message, CJK, d.message);
        if (d.fix) {
          assert.doesNotMatch(d.fix.title, /\[untranslated\]/, d.fix.title);
          assert.match(d.fix.title, CJK, d.fix.title);
        }
      }
    });

    it(`${lang}: every field kind and endpoint reads in the language, as do the lists joined into a message`, () => {
      const l10n = bundleTranslator(lang);
      const codes = [...FIELDS.values()].filter((f) => f.patsnap).map((f) => f.code);
      // A bare range on each field: its kind ("TTL holds text: ranges work on dates…") or its value's shape.
      const ds = codes.flatMap((code) => [...diagnose(`${code}:[a TO b]`, { l10n }), ...diagnose(`${code}:"x y"`, { l10n }), ...diagnose(`${code}:(a $W1 b)`, { l10n })]);
      for (const d of ds) assert.doesNotMatch(d.message, /\[untranslated\]/, d.message);
      const comma = lang === 'ja' ? '\u3001' : '\uff0c';
      const sandbox = diagnose('CLMS:car', { l10n, backend: 'sandbox' })[0]?.message ?? '';
      assert.ok(sandbox.includes(comma) && !sandbox.includes(', '), sandbox);
      for (const endpoint of ['search', 'count', 'facets', 'export'] as const) {
        const tooLong = diagnose('x'.repeat(2001), { l10n, endpoints: [endpoint] });
        if (endpoint === 'facets') assert.deepEqual(tooLong, [], 'P003 documents no limit');
        else assert.match(tooLong[0]?.message ?? '', CJK);
      }
    });

    it(`${lang}: completions and hovers: the fields' and operators' names and docs, and their framing`, () => {
      const l10n = bundleTranslator(lang);
      const items = [...complete('', 0, { l10n }).items, ...complete('PBD:', 4, { l10n }).items, ...complete('AUTHORITY:', 10, { l10n }).items, ...complete('$', 1, { l10n }).items];
      assert.ok(items.length > FIELDS.size / 2);
      for (const item of items) {
        assert.deepEqual(shownFaults(item.detail), [], `${item.label}: ${item.detail}`);
        assert.deepEqual(shownFaults(item.documentation), [], `${item.label}: ${item.documentation}`);
      }
      // Every field's hover, the custom fields' and the sandbox's own too, and every operator's.
      const fieldHovers = [...FIELDS.keys(), 'CCF_PROJECT'].map((code): [string, number] => [`${code}:x`, 1]);
      const operatorHovers = OPERATORS.map((op): [string, number] => {
        const q = op.takesNumber ? `a ${op.name}2 b` : op.kind === 'tree' ? `${op.name}"x"` : op.kind === 'range' ? `PBD:[1 ${op.name} 2]` : `a ${op.name} b`;
        return [q, q.indexOf(op.name) + 1];
      });
      for (const [q, at] of [...fieldHovers, ...operatorHovers]) {
        const h = hover(q, at, { l10n });
        assert.ok(h, q);
        assert.deepEqual(shownFaults(h.markdown), [], `${q}: ${h.markdown}`);
      }
      for (const [q, at] of [['"a b"', 1], ['car*', 1], ['(a)', 0]] as const) {
        const h = hover(q, at, { l10n });
        assert.ok(h, q);
        assert.deepEqual(shownFaults(h.markdown), [], `${q}: ${h.markdown}`);
      }
      // The field codes and operators are query syntax: they stay as written.
      assert.match(hover('TTL:x', 1, { l10n })?.markdown ?? '', /^\*\*TTL\*\* \u2014 /);
      assert.equal(complete('TT', 2, { l10n }).items.find((i) => i.label === 'TTL:')?.insertText, 'TTL:');
    });
  }

  it('English without a translator, as before', () => {
    const q = 'TTL:car $W b';
    assert.deepEqual(
      diagnose(q).map((d) => d.message),
      diagnose(q, { l10n: { t: (m, ...args) => m.replace(/\{(\d+)\}/g, (_w, i: string) => String(args[Number(i)])) } }).map((d) => d.message),
    );
    assert.match(hover('TTL:car', 1)?.markdown ?? '', /Example: `TTL:/);
  });
});
