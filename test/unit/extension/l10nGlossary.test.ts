/**
 * The patent terms of the Simplified Chinese and Japanese translations, held to one
 * glossary (docs/DEVELOPMENT.md, "Translations"): every English string of the bundle and
 * of package.nls.json that uses a term has, in each language, the term the offices use
 * (CNIPA's, the JPO's) and none of the renderings rejected for it: a machine's or a
 * layman's (声明 or 索赔 for claims, 家族 for family), or another term for the same
 * thing where one was chosen (特許ファミリー where パテントファミリー is).
 */
import * as assert from 'node:assert/strict';
import { readJson } from './localizedManifest';

type Term = string | RegExp;

interface Rendering {
  use: Term;
  reject: Term[];
}

interface Entry {
  /** The English term, as the source strings write it. */
  en: RegExp;
  zh: Rendering;
  ja: Rendering;
}

/** Exported for docs/DEVELOPMENT.md's table and for anyone adding a string. */
export const GLOSSARY: readonly Entry[] = [
  { en: /\bclaims?\b/i, zh: { use: '权利要求', reject: ['声明', '索赔', '主张'] }, ja: { use: '請求項', reject: ['クレーム'] } },
  { en: /\bfamil(?:y|ies)\b/i, zh: { use: '同族', reject: ['家族', '家庭', '系列'] }, ja: { use: 'ファミリー', reject: ['家族', '特許ファミリー'] } },
  { en: /\blegal status\b/i, zh: { use: '法律状态', reject: ['法定状态', '法律地位'] }, ja: { use: '法的状態', reject: ['法律状態', 'ステータス'] } },
  { en: /\bpublication (?:or application )?numbers?\b/i, zh: { use: '公开号', reject: ['公布号', '出版'] }, ja: { use: '公開番号', reject: ['公報番号', '出版'] } },
  { en: /\bapplication numbers?\b/i, zh: { use: '申请号', reject: ['应用'] }, ja: { use: '出願番号', reject: ['申請', 'アプリケーション'] } },
  { en: /\bapplication dates?\b|\bfiled\b/i, zh: { use: '申请', reject: ['应用', '提交'] }, ja: { use: '出願', reject: ['申請', 'アプリケーション'] } },
  { en: /\bpriority\b/i, zh: { use: '优先权', reject: ['优先级'] }, ja: { use: '優先権', reject: ['優先度'] } },
  { en: /\bassignees?\b/i, zh: { use: '专利权人', reject: ['受让人', '受托人', '所有人'] }, ja: { use: '権利者', reject: ['譲受人'] } },
  { en: /\bapplicants?\b/i, zh: { use: '申请人', reject: ['申请者', '应用'] }, ja: { use: '出願人', reject: ['出願者', '申請'] } },
  { en: /\bkind codes?\b|^Kind$/, zh: { use: '文献种类', reject: ['文献类型', '类别代码'] }, ja: { use: '種別', reject: ['種類コード'] } },
  { en: /\bcit(?:e|es|ed|ing|ations?)\b/i, zh: { use: '引用', reject: ['引证', '引文', '参考文献'] }, ja: { use: '引用', reject: ['参照', '引証'] } },
  { en: /\bcited by\b|\bciting\b/i, zh: { use: '被引用', reject: ['被引证'] }, ja: { use: '被引用', reject: ['被参照'] } },
  { en: /\boffice actions?\b/i, zh: { use: '审查意见通知书', reject: ['官方行动', '办公室'] }, ja: { use: '拒絶理由通知書', reject: ['オフィスアクション', '庁指令'] } },
  { en: /\bexamination documents?\b/i, zh: { use: '审查文件', reject: ['检查', '考试'] }, ja: { use: '審査書類', reject: ['審査文書', '試験'] } },
  { en: /\bgrant(?:s|ed)?\b/i, zh: { use: '授权', reject: ['授予', '批准', '赠款'] }, ja: { use: '登録', reject: ['付与', '許可'] } },
  { en: /\blapsed?\b/i, zh: { use: '失效', reject: ['过期', '作废'] }, ja: { use: '失効', reject: ['期限切れ'] } },
  { en: /\brevok(?:e|ed|ing)\b/i, zh: { use: '撤销', reject: ['吊销', '废除'] }, ja: { use: /取り?消/, reject: ['撤回', '無効'] } },
  { en: /\bexport(?:s|ed|ing)?\b/i, zh: { use: '导出', reject: ['出口', '输出'] }, ja: { use: 'エクスポート', reject: ['輸出'] } },
  { en: /\bbill(?:s|ed|ing)?\b/i, zh: { use: '计费', reject: ['账单', '收费'] }, ja: { use: '課金', reject: [/請求(?!項)/] } },
];

const has = (text: string, term: Term): boolean => (typeof term === 'string' ? text.includes(term) : term.test(text));

type Strings = Record<string, string | { message: string }>;

function strings(file: string): Record<string, string> {
  return Object.fromEntries(Object.entries(readJson(file) as Strings).map(([k, v]) => [k, typeof v === 'string' ? v : v.message]));
}

/** What breaks the glossary in one language: "key: wants X" / "key: has Y". */
export function glossaryProblems(english: Record<string, string>, translated: Record<string, string>, lang: 'zh' | 'ja', glossary: readonly Entry[] = GLOSSARY): string[] {
  const problems: string[] = [];
  for (const [key, source] of Object.entries(english)) {
    const t = translated[key] ?? '';
    for (const entry of glossary) {
      if (!entry.en.test(source)) continue;
      const { use, reject } = entry[lang];
      if (!has(t, use)) problems.push(`${JSON.stringify(key)}: wants ${String(use)} for ${String(entry.en)}, has ${JSON.stringify(t)}`);
      for (const r of reject) if (has(t, r)) problems.push(`${JSON.stringify(key)}: has ${String(r)}, rejected for ${String(entry.en)}`);
    }
  }
  return problems;
}

describe('l10n: the patent glossary', () => {
  const english = { ...strings('l10n/bundle.l10n.json'), ...strings('package.nls.json') };
  const zh = { ...strings('l10n/bundle.l10n.zh-cn.json'), ...strings('package.nls.zh-cn.json') };
  const ja = { ...strings('l10n/bundle.l10n.ja.json'), ...strings('package.nls.ja.json') };

  it('every English string with a glossary term has the chosen term in Simplified Chinese and none rejected', () => {
    assert.deepEqual(glossaryProblems(english, zh, 'zh'), []);
  });

  it('every English string with a glossary term has the chosen term in Japanese and none rejected', () => {
    assert.deepEqual(glossaryProblems(english, ja, 'ja'), []);
  });

  it('reaches most of the strings about patents: each term is used somewhere', () => {
    const unused = GLOSSARY.filter((e) => !Object.values(english).some((s) => e.en.test(s))).map((e) => String(e.en));
    // No string speaks of priority yet; the entry says how one must be translated.
    assert.deepEqual(unused, []);
    assert.ok(Object.values(english).filter((s) => GLOSSARY.some((e) => e.en.test(s))).length > 100, 'over a hundred strings checked');
  });

  it('fails on a wrong rendering, a missing term, and a rejected variant beside the chosen one', () => {
    const en = { a: 'Copy the claims', b: 'Family: {0}', c: 'Export the family', d: 'PatSnap bills each call.' };
    assert.deepEqual(glossaryProblems(en, { a: '复制声明', b: '同族：{0}', c: '导出同族', d: 'PatSnap 对每次调用计费。' }, 'zh').length, 2, 'claims as 声明: no 权利要求, and 声明');
    assert.deepEqual(glossaryProblems(en, { a: 'クレームをコピー', b: 'ファミリー: {0}', c: '特許ファミリーをエクスポート', d: 'PatSnap は呼び出しごとに請求します。' }, 'ja'), [
      '"a": wants 請求項 for /\\bclaims?\\b/i, has "クレームをコピー"',
      '"a": has クレーム, rejected for /\\bclaims?\\b/i',
      '"c": has 特許ファミリー, rejected for /\\bfamil(?:y|ies)\\b/i',
      '"d": wants 課金 for /\\bbill(?:s|ed|ing)?\\b/i, has "PatSnap は呼び出しごとに請求します。"',
      '"d": has /請求(?!項)/, rejected for /\\bbill(?:s|ed|ing)?\\b/i',
    ]);
    // 請求項 (claims) is not 請求 (a bill).
    assert.deepEqual(glossaryProblems({ x: 'Claims billed' }, { x: '請求項を課金' }, 'ja'), []);
  });
});
