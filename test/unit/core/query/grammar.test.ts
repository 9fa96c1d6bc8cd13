/**
 * The TextMate grammar (syntaxes/patsnap-query.tmLanguage.json), run by vscode-textmate
 * as VS Code runs it, colours each token the way src/core/query/tokenize.ts reads it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { diagnose, tokenize, type Token } from '../../../../src/core/query';
import { MALFORMED, VALID } from './queries';

const root = path.join(__dirname, '../../../..');
const GRAMMAR = path.join(root, 'syntaxes/patsnap-query.tmLanguage.json');

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.patsnap-query' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const grammar = await registry.loadGrammar('source.patsnap-query');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** The scopes of every character of `text`, lines tokenized in turn as an editor does. */
function scopesOf(grammar: vsctm.IGrammar, text: string): string[][] {
  const out: string[][] = [];
  let stack = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) out.push(t.scopes);
    out.push(['newline']);
    stack = r.ruleStack;
  }
  return out;
}

const EXPECTED: Readonly<Record<Token['kind'], string | undefined>> = {
  field: undefined, // code and colon checked apart
  operator: undefined, // logical or range
  positional: 'keyword.operator.positional',
  tree: 'support.function.tree',
  phrase: 'string.quoted.double',
  lparen: 'punctuation.section.group.begin',
  rparen: 'punctuation.section.group.end',
  lbracket: 'punctuation.definition.range.begin',
  rbracket: 'punctuation.definition.range.end',
  word: undefined,
};
const OPERATOR_SCOPES = /keyword\.operator\.(logical|range|positional)|support\.(type\.property-name|function\.tree)|string\.quoted/;

describe('the PatSnap query grammar', () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  const balanced = MALFORMED.filter((m) => !diagnose(m.query).some((d) => /Paren|Bracket|tooDeep/.test(d.code))).map((m) => m.query);
  const queries = [...VALID.map(([, q]) => q), ...balanced];

  it('colours every token as the tokenizer reads it', () => {
    assert.ok(queries.length > 60);
    for (const q of queries) {
      const scopes = scopesOf(grammar, q);
      const has = (i: number, scope: string | RegExp): boolean => (scopes[i] ?? []).some((s) => (typeof scope === 'string' ? s.startsWith(scope) : scope.test(s)));
      for (const t of tokenize(q)) {
        for (let i = t.start; i < t.end; i++) {
          const where = `${JSON.stringify(q)} at ${i} (${t.kind} ${JSON.stringify(t.text)}): ${JSON.stringify(scopes[i])}`;
          if (t.kind === 'field') assert.ok(has(i, i === t.end - 1 ? 'punctuation.separator.key-value' : 'support.type.property-name.field'), where);
          else if (t.kind === 'operator') assert.ok(has(i, t.value === 'TO' ? 'keyword.operator.range' : 'keyword.operator.logical'), where);
          else if (t.kind === 'word') assert.ok(!has(i, OPERATOR_SCOPES), where);
          else assert.ok(has(i, EXPECTED[t.kind] as string), where);
        }
      }
    }
  });

  it('marks wildcards inside terms and keeps TO a word outside ranges', () => {
    const q = 'TTL:batter* AND method to produce';
    const scopes = scopesOf(grammar, q);
    assert.ok(scopes[q.indexOf('*')]?.some((s) => s.startsWith('keyword.operator.wildcard')));
    assert.ok(!scopes[q.indexOf('to ')]?.some((s) => s.startsWith('keyword.operator')));
  });

  it('is contributed for the patsnap-query language, with its bracket configuration, and packaged', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { languages: Array<{ id: string; configuration?: string }>; grammars: Array<{ language: string; scopeName: string; path: string }> };
    };
    const language = manifest.contributes.languages.find((l) => l.id === 'patsnap-query');
    const grammarEntry = manifest.contributes.grammars.find((g) => g.language === 'patsnap-query');
    assert.equal(grammarEntry?.scopeName, 'source.patsnap-query');
    assert.equal(path.resolve(root, grammarEntry?.path ?? ''), GRAMMAR);
    const config = JSON.parse(fs.readFileSync(path.resolve(root, language?.configuration ?? 'missing'), 'utf8')) as { brackets: string[][]; autoClosingPairs: Array<{ open: string }> };
    assert.deepEqual(config.brackets, [['(', ')'], ['[', ']']]);
    assert.ok(config.autoClosingPairs.some((p) => p.open === '"'));
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!syntaxes\/\*\*$/m);
  });
});
