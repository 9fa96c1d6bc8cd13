/**
 * The core's last English, in the display language: the input checks of core/api
 * (validation.ts, exportFields.ts) as the extension shows them, the patent panel's "no such
 * patent", and the search log exported from a notebook. Each is built with the zh-cn and ja
 * bundles and read for English left behind and ASCII punctuation beside CJK text; the
 * inputs reach every message their sources give the translator.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { refusedInput } from '../../../src/core/api/errors';
import { exportFieldNames } from '../../../src/core/api/exportFields';
import { createPatsnapClient } from '../../../src/core/api/client';
import type { ExamDocsParams, ExportParams, FacetParams, PatentRefs, SearchParams } from '../../../src/core/api/types';
import type { StandardNumberParams } from '../../../src/core/api/recordTypes';
import { checkExamDocsParams, checkExportParams, checkFacetParams, checkPatentRefs, checkSearchParams, checkStandardNumberParams, EXPORT_LANGS, EXPORT_TYPES, type InputProblem } from '../../../src/core/api/validation';
import { describeOptions, recordRun, renderSearchLogHtml, renderSearchLogMarkdown, type Notebook, type QueryCell, type RunHit } from '../../../src/core/notebook';
import { describeError } from '../../../src/extension/common/errorMessages.pure';
import { fieldChoices, fieldsProblem } from '../../../src/extension/exports/wizardModel.pure';
import { displayDates } from '../../../src/extension/common/format.pure';
import { useTranslator } from '../../../src/extension/common/l10n.pure';
import { asciiPunctuation, bundleTranslator, ROOT, strayEnglish } from './localizedManifest';
import { ENGLISH, type Translator, fillArgs } from '../../../src/core/text/translator';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** CJK text or the language's own marks (：、，。（）): a line of codes with its colon still reads in the language. */
const CJK_OR_MARK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]/u;
const LANGS = ['zh-cn', 'ja'] as const;

/** The messages `file` gives its translator, as `l10n.t` receives them. */
function messagesInSource(...file: string[]): string[] {
  const source = fs.readFileSync(path.join(ROOT, ...file), 'utf8');
  return [...source.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] as string).replace(/\\u([0-9a-fA-F]{4})/g, (_u, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\(.)/g, '$1'));
}

function recording(l10n: Translator, asked: Set<string>): Translator {
  return { t: (message, ...args) => (asked.add(message), l10n.t(message, ...args)) };
}

/** What a shown string must not have in Chinese or Japanese: a message with no translation, English left in it, an ASCII mark beside CJK text. */
function faults(text: string): string[] {
  const found: string[] = [];
  if (text.includes('[untranslated]')) found.push('untranslated');
  if (!CJK_OR_MARK.test(text)) found.push('no CJK text');
  const english = strayEnglish(text);
  if (english.length) found.push(`English: ${english.join(' ')}`);
  const marks = asciiPunctuation(text);
  if (marks.length) found.push(`ASCII marks: ${marks.join(' | ')}`);
  return found;
}

// ---- the input checks ----------------------------------------------------------------

const S = (p: Partial<SearchParams>): SearchParams => ({ query: 'TTL:car', ...p }) as SearchParams;
const E = (p: Partial<ExportParams>): ExportParams => ({ query: 'TTL:car', exportType: 'csv', fields: ['PN'], rows: 10, ...p }) as ExportParams;
const F = (p: Partial<FacetParams>): FacetParams => ({ query: 'TTL:car', fields: ['ASSIGNEE'], ...p }) as FacetParams;

/** Requests with every mistake the checks know, each check with its translator. */
const BAD_REQUESTS: ReadonlyArray<(l10n: Translator) => InputProblem[]> = [
  (l) => checkSearchParams(S({ query: '' }), l),
  (l) => checkSearchParams(S({ query: 'x'.repeat(1501), limit: 0 }), l),
  (l) => checkSearchParams(S({ offset: 19_995, limit: 10 }), l),
  (l) => checkSearchParams(S({ sort: 'PBD' as unknown as SearchParams['sort'] }), l),
  (l) => checkSearchParams(S({ sort: [{ field: 'X', order: 'UP' }] as unknown as SearchParams['sort'] }), l),
  (l) => checkSearchParams(S({ sort: [{ field: 'ISD', order: 'ASC' }, { field: 'ISD', order: 'DESC' }] }), l),
  (l) => checkSearchParams(S({ collapseType: 'ONE' as SearchParams['collapseType'], collapseBy: 'PBD', collapseOrderAuthority: ['CN'] }), l),
  (l) => checkSearchParams(S({ collapseBy: 'AUTHORITY', collapseOrderAuthority: ['china'] }), l),
  (l) => checkExamDocsParams({} as ExamDocsParams, l),
  (l) => checkExamDocsParams({ apno: 'CN202010000001', docCodes: 'CTNF' as unknown as string[] }, l),
  (l) => checkExamDocsParams({ patentNumber: 'CN111111111A', docCodes: ['NOT A CODE!'] }, l),
  (l) => checkExamDocsParams({ apno: 'US16000001', dateFrom: 2024, dateTo: 20240230 }, l),
  (l) => checkExamDocsParams({ apno: 'US16000001', dateFrom: 20240201, dateTo: 20240101 }, l),
  (l) => checkExportParams(E({ exportType: 'doc' as ExportParams['exportType'], fields: [], rows: 0, offset: -1, stemming: 'yes' as unknown as boolean, lang: 'es' as ExportParams['lang'] }), l),
  (l) => checkExportParams(E({ exportType: 'pdf', fields: [1 as unknown as string], rows: 5000 }), l),
  (l) => checkExportParams(E({ fields: ['NOPE'], rows: 100_000, offset: 1 }), l),
  (l) => checkExportParams(E({ exportType: 'full_text', fields: ['TTL'] }), l),
  (l) => checkExportParams(E({ fields: ['DESC'] }), l),
  (l) => checkExportParams(E({ fields: ['CLMS'], apdtFrom: '2020', pbdtFrom: '20240201', pbdtTo: '20240101' }), l),
  (l) => checkFacetParams(F({ query: 'TTL:(car $W2 seat)', fields: [] }), l),
  (l) => checkFacetParams(F({ fields: ['not a code'] }), l),
  (l) => checkFacetParams(F({ fields: ['A', 'A', 'B', 'C', 'D', 'E'], limit: 100, offset: 150 }), l),
  (l) => checkPatentRefs({ patentIds: 'abc' } as unknown as PatentRefs, l),
  (l) => checkPatentRefs({ numbers: ['US1B2, EP2B1'] }, l),
  (l) => checkPatentRefs({ patentIds: ['a,b'] }, l),
  (l) => checkStandardNumberParams({} as StandardNumberParams, l),
  (l) => checkStandardNumberParams({ pn: 'US 11,205,304 B2, EP 1234567 B1' }, l),
  (l) => checkStandardNumberParams({ pn: 'US'.repeat(51), authority: ['USA'] }, l),
];

/** The values written in lower case that the checks name: export formats, languages, booleans. */
const LOWER_CASE_VALUES = new RegExp(String.raw`\b(?:${[...EXPORT_TYPES, ...EXPORT_LANGS, 'true', 'false'].join('|')})\b`, 'g');

/** Codes, parameter names, values, numbers and quoted values in an English message: each must be in its translation too. */
function details(english: string): string[] {
  const marked = [...english.matchAll(/"[^"]*"|\{[^}]*\}|\((?:apno|pn)\)|\b(?:[a-z]+[A-Z][A-Za-z]*|[A-Z][A-Z0-9_]+|\d+)\b|\* |\boffset \+ limit\b|\brows \+ offset\b/g)].map((m) => (/^["(]/.test(m[0]) ? m[0].slice(1, -1) : m[0].trim()));
  return [...marked, ...(english.match(LOWER_CASE_VALUES) ?? [])];
}

describe('l10n: the core\u2019s input checks, "no such patent" and the search log in zh-cn and ja', () => {
  describe('the input checks (core/api/validation.ts, exportFields.ts)', () => {
    it('the requests reach every message of both files', () => {
      const asked = new Set<string>();
      const l10n = recording(ENGLISH, asked);
      for (const check of BAD_REQUESTS) check(l10n);
      exportFieldNames(l10n);
      const inSource = [...messagesInSource('src', 'core', 'api', 'validation.ts'), ...messagesInSource('src', 'core', 'api', 'exportFields.ts')];
      assert.ok(inSource.length > 40, `found ${inSource.length} messages`);
      assert.deepEqual(inSource.filter((m) => !asked.has(m)), []);
    });

    for (const lang of LANGS) {
      it(`${lang}: every problem reads in the language and keeps its parameter, codes and values`, () => {
        const l10n = bundleTranslator(lang);
        let count = 0;
        for (const check of BAD_REQUESTS) {
          const english = check(ENGLISH);
          const shown = check(l10n);
          assert.deepEqual(shown.map((p) => p.parameter), english.map((p) => p.parameter));
          english.forEach((e, i) => {
            const message = (shown[i] as InputProblem).message;
            count++;
            // Parameter names and codes are Latin by design: only the words around them are read for English.
            const words = [...details(e.message), e.parameter].sort((x, y) => y.length - x.length).reduce((text, d) => text.split(d).join(' '), message);
            assert.deepEqual(faults(words.replace(/yyyyMMdd|e\.g\./g, ' ')).filter((f) => f !== 'no CJK text'), [], message);
            assert.match(message, CJK, message);
            assert.deepEqual(asciiPunctuation(message), [], message);
            for (const d of details(e.message)) assert.ok(message.includes(d), `${message} lost ${d} (${e.message})`);
            if (e.message.startsWith(`${e.parameter} `)) assert.ok(message.includes(e.parameter), message);
          });
        }
        assert.ok(count > 40, `${count} problems`);
      });

      it(`${lang}: the client refuses input in the language it is given, and the extension shows that message, not "PatSnap rejected a parameter"`, async () => {
        const l10n = bundleTranslator(lang);
        // No request is made: the checks run before any call, so the address is never dialled.
        const client = createPatsnapClient({ baseUrl: 'http://127.0.0.1:9', credentials: { kind: 'apiKey', apiKey: 'unused' }, l10n });
        const refused = await client.search(S({ query: '' })).then(
          () => assert.fail('the empty query was sent'),
          (e: unknown) => e,
        );
        const task = await client.exportStatus('not a task id!').then(
          () => assert.fail('the bad task id was sent'),
          (e: unknown) => e,
        );
        useTranslator(l10n.t, lang);
        try {
          for (const e of [refused, task]) {
            const message = describeError(e)?.message ?? '';
            assert.equal(message, (e as Error).message);
            assert.deepEqual(faults(message), [], message);
          }
          const wizard = checkExportParams(E({ fields: ['DESC'] }), l10n)[0] as InputProblem;
          assert.equal(describeError(refusedInput(wizard), l10n.t('Export'))?.message, l10n.t('{0} failed: {1}', l10n.t('Export'), wizard.message));
        } finally {
          useTranslator(fillArgs);
        }
      });
    }

    for (const lang of LANGS) {
      it(`${lang}: the export wizard's field names and its problem with a field`, () => {
        useTranslator(bundleTranslator(lang).t, lang);
        try {
          const choices = fieldChoices('csv');
          assert.ok(choices.length > 8);
          for (const c of choices) assert.deepEqual(faults(c.name.replace(/\b(?:IPC|CPC)\b/, ' ')), [], c.name);
          const problem = fieldsProblem(['DESC'], 'csv') ?? '';
          assert.deepEqual(faults(problem.replace(/\b(?:DESC|CSV)\b/g, ' ')), [], problem);
        } finally {
          useTranslator(fillArgs);
        }
      });
    }

    it('English by default, as the CLI shows them', () => {
      assert.equal(checkSearchParams(S({ query: ' ' }))[0]?.message, 'The query is empty: type what to search for.');
      assert.equal(checkExportParams(E({ exportType: 'pdf', rows: 5000 }))[0]?.message, 'A pdf export takes at most 1000 rows.');
      assert.equal(checkFacetParams(F({ fields: ['A', 'B', 'C', 'D', 'E', 'F'] }))[0]?.message, 'At most 5 fields at once; 6 were given.');
      assert.equal(checkSearchParams(S({ collapseType: 'ONE' as SearchParams['collapseType'] }))[0]?.message, 'collapseType must be one of ALL, APNO, DOCDB, INPADOC, EXTEND.');
    });
  });

  // ---- the patent panel's "no such patent" ---------------------------------------------

  describe('the patent panel\u2019s "no such patent"', () => {
    it('is written through the translator, never as a template literal', () => {
      const source = fs.readFileSync(path.join(ROOT, 'src', 'extension', 'patent', 'patentPanel.ts'), 'utf8');
      const thrown = [...source.matchAll(/new PatentNotFound\(([^;]*)\);/g)].map((m) => m[1] as string);
      assert.equal(thrown.length, 2);
      for (const t of thrown) assert.match(t, /^(?:this\.ref\.number \? )?vscode\.l10n\.t\('PatSnap has no patent/, t);
    });

    for (const lang of LANGS) {
      it(`${lang}: reads in the language with the number or id it names`, () => {
        const l10n = bundleTranslator(lang);
        for (const [message, value] of [
          [l10n.t('PatSnap has no patent {0}.', 'US11205304B2'), 'US11205304B2'],
          [l10n.t('PatSnap has no patent with id {0}.', '0a1b2c3d-0000-4000-8000-1234567890ab'), '0a1b2c3d-0000-4000-8000-1234567890ab'],
        ] as const) {
          assert.ok(message.includes(value), message);
          assert.deepEqual(faults(message.replace(value, ' ')), [], message);
        }
      });
    }
  });

  // ---- the search log ---------------------------------------------------------------------

  describe('the search log (core/notebook/searchLog.ts)', () => {
    const day = (d: number, m = 11): (() => number) => () => Date.UTC(2026, m - 1, d, 9);
    const hit = (pn: string, familyKey: string): RunHit => ({ pn, familyKey, title: '固态电池', currentAssignee: '某公司', legalStatus: ['有效'], publicationDate: 20240105 });

    /** Cells that reach every sentence of the log: each kind of change, a changed query and options, no results, no runs. */
    function notebook(): Notebook {
      let a: QueryCell = {
        kind: 'query',
        source: 'TTL:电池',
        options: {
          sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }],
          collapseType: 'DOCDB',
          collapseBy: 'AUTHORITY',
          collapseOrder: 'LATEST',
          collapseOrderAuthority: ['CN', 'US'],
          publicationDate: { from: '20200101', to: '20231231' },
          applicationDate: { to: '20231231' },
          limit: 3,
          facets: ['ASSIGNEE', 'AUTHORITY'],
        },
        runs: [],
      };
      a = recordRun(a, { total: 5, hits: [hit('US1B2', 'a'), hit('US2B2', 'b'), hit('US3B2', 'c')], facets: { ASSIGNEE: [{ name: '某公司', count: 3 }], AUTHORITY: [] } }, { now: day(3) }).cell;
      a = recordRun(a, { total: 6, hits: [hit('US1B2', 'a'), hit('EP1B1', 'a'), hit('CN9A', 'd')] }, { now: day(17) }).cell;
      a = { ...a, source: 'TTL:电池 AND TTL:固态' };
      a = recordRun(a, { total: 9, hits: [hit('JP1A', 'e'), hit('JP2A', 'e'), hit('KR1A', 'f')], facets: { ASSIGNEE: [{ name: '某公司', count: 3 }, { name: '另一公司', count: 1 }], AUTHORITY: [] } }, { now: day(1, 12) }).cell;
      let b: QueryCell = { kind: 'query', source: 'TTL:无人机', options: {}, runs: [] };
      b = recordRun(b, { total: 1, hits: [hit('US7B2', 'x')] }, { now: day(3) }).cell;
      b = { ...b, options: { limit: 5, publicationDate: { from: '20200101' } } };
      b = recordRun(b, { total: 5, hits: [hit('US7B2', 'x'), hit('US8B2', 'y'), hit('EP8A1', 'y'), hit('CN7A', 'x'), hit('JP7A', 'x')] }, { now: day(1, 12) }).cell;
      let c: QueryCell = { kind: 'query', source: 'TTL:雷达', options: {}, runs: [] };
      c = recordRun(c, { total: 1, hits: [hit('US5B2', 'z')] }, { now: day(3) }).cell;
      c = recordRun(c, { total: 2, hits: [hit('US5B2', 'z'), hit('EP5B1', 'z')] }, { now: day(1, 12) }).cell;
      let d: QueryCell = { kind: 'query', source: 'TTL:激光', options: {}, runs: [] };
      d = recordRun(d, { total: 0, hits: [] }, { now: day(3) }).cell;
      const e: QueryCell = { kind: 'query', source: 'TTL:声呐', options: {}, runs: [] };
      return { format: 'patent-search-notebook', version: 1, cells: [{ kind: 'markdown', source: '检索范围：卤化物。' }, a, b, c, d, e] };
    }

    const generatedAt = new Date(Date.UTC(2026, 11, 2));

    /** The log's text as a reader sees it, without the queries (fenced or in code), the table rules and the page's head. */
    function shownLines(text: string, html: boolean): string[] {
      const visible = html
        ? text
            .replace(/<head>[\s\S]*<\/head>/, '')
            .replace(/<code>[\s\S]*?<\/code>/g, ' ')
            .replace(/<\/?strong>/g, '')
            .replace(/<[^>]+>/g, '\n')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&')
        : text.replace(/```[\s\S]*?```/g, ' ');
      return visible
        .split('\n')
        .flatMap((line) => line.split('|'))
        .map((s) => s.trim())
        .filter((s) => !/^[-:]*$/.test(s))
        .map((s) => s.replace(/^(?:#+|-) /, ''))
        // A dash, a count, a patent number, a day as Japanese writes it (2026/11/03): no words to read.
        .filter((s) => !/^\u2014$|^[\d,]+$|^[A-Z]{2}\d+[A-Z]\d?$|^\d{4}\/\d{2}\/\d{2}$/.test(s));
    }

    it('the notebook reaches every message of searchLog.ts', () => {
      const asked = new Set<string>();
      const l10n = recording(ENGLISH, asked);
      renderSearchLogMarkdown(notebook(), { l10n, generatedAt });
      renderSearchLogHtml(notebook(), { l10n, generatedAt });
      assert.deepEqual(messagesInSource('src', 'core', 'notebook', 'searchLog.ts').filter((m) => !asked.has(m)), []);
    });

    for (const lang of LANGS) {
      for (const format of ['Markdown', 'HTML'] as const) {
        it(`${lang}: the ${format} log reads in the language, its dates as the panel writes them`, () => {
          const l10n = bundleTranslator(lang);
          useTranslator(l10n.t, lang);
          try {
            const options = { l10n, language: lang, formatDate: displayDates().day, generatedAt };
            const text = format === 'HTML' ? renderSearchLogHtml(notebook(), options) : renderSearchLogMarkdown(notebook(), options);
            const lines = shownLines(text, format === 'HTML');
            assert.ok(lines.length > 60, `${lines.length} lines`);
            for (const line of lines) assert.deepEqual(faults(line), [], JSON.stringify(line));
            assert.doesNotMatch(text, /\b2026-1[12]-\d\d\b|\b20240105\b/, 'no ISO day: the dates are written as the panel writes them');
            assert.ok(text.includes(displayDates().day('2026-12-01')) && text.includes(displayDates().day('2024-01-05')));
            if (format === 'HTML') assert.match(text, new RegExp(`<html lang="${lang}">`));
            // The options line, which Markdown holds in a code span.
            for (const part of describeOptions(notebook().cells.find((c): c is QueryCell => c.kind === 'query')?.options ?? {}, options)) assert.deepEqual(faults(part), [], part);
          } finally {
            useTranslator(fillArgs);
          }
        });
      }
    }
  });
});
