/**
 * Claims of the sample patents: one structure per invention (a multi-paragraph main
 * claim, dependent claims referring back in the ways claims do, a method claim and,
 * for software, a medium claim), written out in English, Chinese or Japanese, and
 * amended at grant (claim 2 folded into claim 1, the rest renumbered). P018 answers
 * them as PatSnap's claim HTML.
 */
import type { Random } from './random';
import { CLAIM_PARTS, type Topic } from './vocabulary';

export interface SampleClaim {
  num: number;
  independent: boolean;
  parents: number[];
  paragraphs: string[];
}

export interface SampleClaimSet {
  /** P018's language code: EN, CN, JP. */
  lang: 'EN' | 'CN' | 'JP';
  claims: SampleClaim[];
}

/** How dependent claim j refers back: claim 1; the claim before; any one of all before; claim 1 or claim 2. */
type Reference = 'first' | 'previous' | 'anyBefore' | 'firstOrSecond';
const REFERENCES: readonly Reference[] = ['first', 'previous', 'anyBefore', 'firstOrSecond', 'previous'];

/** What an invention claims, before it is written in a language. */
export interface ClaimModel {
  obj: { en: string; zh: string; ja: string };
  purpose: string;
  /** Elements of the main claim (2 or 3). */
  elements: string[];
  /** What each dependent claim adds, in English and by part index for CN/JP. */
  dependents: Array<{ en: string; part: number; variant: number }>;
  parts: number[];
  software: boolean;
  design?: { en: string };
}

const SOFTWARE_TOPICS = new Set(['ml', 'payments', 'wireless', 'xr']);

/** "an" before a vowel sound: an antenna, a user equipment, an ultrasonic probe. */
export const article = (word: string): string => (/^(?:[aeio]|u(?![bcdfghjklmnpqrstvwxyz][aeiou]))/i.test(word) ? 'an' : 'a');
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const the = (phrase: string): string => phrase.replace(/^(?:a|an)\s+/i, 'the ');

export function claimModel(rng: Random, topic: Topic, obj: ClaimModel['obj'], purpose: string, features: readonly string[]): ClaimModel {
  const pool = rng.sample(topic.features, topic.features.length);
  const elements = features.slice(0, rng.chance(0.5) ? 3 : 2);
  const spare = pool.filter((f) => !elements.includes(f));
  // At least four, so the granted set (one folded into claim 1) still refers back in every way.
  const count = rng.int(4, 6);
  const dependents = Array.from({ length: count }, (_, j) => {
    const f = spare[j % Math.max(1, spare.length)] ?? (elements[0] as string);
    const g = elements[j % elements.length] as string;
    const en = rng.pick([
      `further comprising ${f}`,
      `wherein ${the(g)} comprises ${f}`,
      // (A feature no earlier claim names is introduced with "a", never "the": claims need antecedents.)
      `further comprising ${f} arranged adjacent to ${the(g)}`,
      `wherein the ${obj.en} is configured for ${rng.pick(topic.purposes)}`,
    ]);
    return { en, part: rng.int(0, CLAIM_PARTS.length - 1), variant: rng.int(0, 3) };
  });
  return { obj, purpose, elements, dependents, parts: rng.sample([...CLAIM_PARTS.keys()], 4), software: SOFTWARE_TOPICS.has(topic.key) };
}

export function designClaimModel(title: string): ClaimModel {
  return { obj: { en: title, zh: title, ja: title }, purpose: '', elements: [], dependents: [], parts: [], software: false, design: { en: title } };
}

interface Role {
  kind: 'main' | 'dependent' | 'method' | 'methodDependent' | 'medium';
  dep?: number;
}

function roles(model: ClaimModel, granted: boolean): Role[] {
  const deps = model.dependents.map((_, j) => ({ kind: 'dependent' as const, dep: j })).slice(granted && model.dependents.length > 2 ? 1 : 0);
  return [{ kind: 'main' }, ...deps, { kind: 'method' }, { kind: 'methodDependent' }, ...(model.software ? [{ kind: 'medium' as const }] : [])];
}

function parentsOf(reference: Reference, num: number): number[] {
  switch (reference) {
    case 'first':
      return [1];
    case 'previous':
      return [num - 1];
    case 'anyBefore':
      return Array.from({ length: num - 1 }, (_, i) => i + 1);
    case 'firstOrSecond':
      return num > 2 ? [1, 2] : [1];
  }
}

function refText(lang: SampleClaimSet['lang'], reference: Reference, num: number): string {
  const parents = parentsOf(reference, num);
  const last = parents[parents.length - 1] as number;
  const several = parents.length > 1;
  if (lang === 'CN') return reference === 'anyBefore' && several ? `权利要求1至${last}中任一项` : several ? `权利要求1或2` : `权利要求${last}`;
  if (lang === 'JP') return reference === 'anyBefore' && several ? `請求項1～${last}のいずれか1項` : several ? `請求項1又は2` : `請求項${last}`;
  return reference === 'anyBefore' && several ? `any one of claims 1 to ${last}` : several ? 'claim 1 or claim 2' : `claim ${last}`;
}

const ZH_DEPENDENT = ['所述{a}设置在所述{b}的内部', '还包括{a}', '所述{a}与所述{b}电连接', '所述{a}为多个'];
const JA_DEPENDENT = ['前記{a}は、前記{b}の内部に配置される', '{a}を更に備える', '前記{a}は、前記{b}と電気的に接続される', '前記{a}は複数設けられる'];

/** The claims written in one language; granted claims are the amended set. */
export function writeClaims(model: ClaimModel, lang: SampleClaimSet['lang'], granted: boolean): SampleClaimSet {
  if (model.design) return { lang, claims: [{ num: 1, independent: true, parents: [], paragraphs: [`1. The ornamental design for ${article(model.design.en)} ${model.design.en.toLowerCase()}, as shown and described.`] }] };
  const part = (i: number): string => {
    const p = CLAIM_PARTS[(model.parts[i % model.parts.length] ?? 0) % CLAIM_PARTS.length] as { zh: string; ja: string };
    return lang === 'JP' ? p.ja : p.zh;
  };
  const list = roles(model, granted);
  const methodNum = list.findIndex((r) => r.kind === 'method') + 1;
  const folded = granted && model.dependents.length > 2 ? model.dependents[0] : undefined;
  const claims: SampleClaim[] = list.map((role, i) => {
    const num = i + 1;
    const lead = lang === 'JP' ? `【請求項${num}】` : lang === 'CN' ? `${num}.` : `${num}. `;
    const obj = lang === 'CN' ? model.obj.zh : lang === 'JP' ? model.obj.ja : model.obj.en;
    switch (role.kind) {
      case 'main': {
        if (lang === 'EN') {
          // A folded "further comprising X" becomes the last element; a folded "wherein …" closes the claim.
          const added = folded?.en.startsWith('further comprising ') ? folded.en.slice('further comprising '.length) : undefined;
          const els = added ? [...model.elements, added] : model.elements;
          const wherein = folded && !added ? folded.en : undefined;
          const paragraphs = [`${lead}${cap(article(obj))} ${obj}, comprising:`, ...els.map((e, k) => (k === els.length - 1 ? `${e}${wherein ? ',' : '.'}` : k === els.length - 2 ? `${e}; and` : `${e};`))];
          if (wherein) paragraphs.push(`${wherein}.`);
          return { num, independent: true, parents: [], paragraphs };
        }
        const n = model.elements.length;
        const parts = Array.from({ length: n }, (_, k) => part(k));
        if (lang === 'CN') {
          const paragraphs = [`${lead}一种${obj}，其特征在于，包括：`, ...parts.map((p, k) => (k === n - 1 ? `${p}，所述${p}与所述${parts[0]}连接${folded ? '；' : '。'}` : `${p}；`))];
          if (folded) paragraphs.push(`${ZH_DEPENDENT[folded.variant % 4]?.replace('{a}', part(folded.part)).replace('{b}', parts[0] as string)}。`);
          return { num, independent: true, parents: [], paragraphs };
        }
        const paragraphs = [`${lead}${parts[0]}と、`, ...parts.slice(1).map((p) => `${p}と、`)];
        if (folded) paragraphs.push(`${part(folded.part)}と、`);
        paragraphs.push(`を備える${obj}。`);
        return { num, independent: true, parents: [], paragraphs };
      }
      case 'dependent': {
        const dep = model.dependents[role.dep as number] as ClaimModel['dependents'][number];
        const reference = REFERENCES[Math.min(i - 1, REFERENCES.length - 1)] as Reference;
        const parents = parentsOf(reference, num);
        const ref = refText(lang, reference, num);
        if (lang === 'EN') return { num, independent: false, parents, paragraphs: [`${lead}The ${obj} of ${ref}, ${dep.en}.`] };
        const a = part(dep.part + 1);
        const b = part(0);
        if (lang === 'CN') return { num, independent: false, parents, paragraphs: [`${lead}根据${ref}所述的${obj}，其特征在于，${ZH_DEPENDENT[dep.variant % 4]?.replace('{a}', a).replace('{b}', b)}。`] };
        return { num, independent: false, parents, paragraphs: [`${lead}${JA_DEPENDENT[dep.variant % 4]?.replace('{a}', a).replace('{b}', b)}、${ref}に記載の${obj}。`] };
      }
      case 'method': {
        if (lang === 'EN') {
          return { num, independent: true, parents: [], paragraphs: [`${lead}A method for ${model.purpose}, comprising:`, `providing the ${obj} of claim 1; and`, `operating the ${obj} while monitoring ${the(model.elements[0] as string)}.`] };
        }
        if (lang === 'CN') return { num, independent: true, parents: [], paragraphs: [`${lead}一种${obj}的控制方法，其特征在于，使用权利要求1所述的${obj}，包括以下步骤：`, `获取所述${part(0)}的检测信号；`, `根据所述检测信号控制所述${part(1)}。`] };
        return { num, independent: true, parents: [], paragraphs: [`${lead}請求項1に記載の${obj}を制御する方法であって、`, `前記${part(0)}の検出信号を取得するステップと、`, `前記検出信号に基づいて前記${part(1)}を制御するステップと、を含む方法。`] };
      }
      case 'methodDependent': {
        const parents = [methodNum];
        if (lang === 'EN') return { num, independent: false, parents, paragraphs: [`${lead}The method of claim ${methodNum}, wherein the operating is repeated at a predetermined interval.`] };
        if (lang === 'CN') return { num, independent: false, parents, paragraphs: [`${lead}根据权利要求${methodNum}所述的控制方法，其特征在于，按预定周期重复所述步骤。`] };
        return { num, independent: false, parents, paragraphs: [`${lead}前記ステップを所定の周期で繰り返す、請求項${methodNum}に記載の方法。`] };
      }
      case 'medium':
        if (lang === 'EN') {
          return { num, independent: true, parents: [], paragraphs: [`${lead}A non-transitory computer-readable medium storing instructions that, when executed by a processor, cause the processor to perform the method of claim ${methodNum}.`] };
        }
        if (lang === 'CN') return { num, independent: true, parents: [], paragraphs: [`${lead}一种计算机可读存储介质，其上存储有计算机程序，其特征在于，所述计算机程序被处理器执行时实现权利要求${methodNum}所述的方法。`] };
        return { num, independent: true, parents: [], paragraphs: [`${lead}請求項${methodNum}に記載の方法をコンピュータに実行させるためのプログラムを記憶した記憶媒体。`] };
    }
  });
  return { lang, claims };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * PatSnap's claim HTML: one div per paragraph, `parent` on dependent claims (left out
 * when `omitParents`, as some answers do), the first paragraph in seg spans.
 */
export function claimHtml(set: SampleClaimSet, omitParents: boolean): string {
  return set.claims
    .map((c) =>
      c.paragraphs
        .map((p, k) => {
          const cls = c.independent ? 'indep-clm' : 'dep-clm';
          const parent = !c.independent && !omitParents ? ` parent="${c.parents.join(',')}"` : '';
          const body = k === 0 && !c.independent ? `<seg-con>${escapeHtml(p)}</seg-con>` : escapeHtml(p);
          return `<div class="${cls}" num="${c.num}"${parent}>${body}</div>`;
        })
        .join('\n'),
    )
    .join('\n')
    .concat('\n');
}

/** Plain lines ("1. A battery ...") for PDFs and exports. */
export function claimLines(set: SampleClaimSet | undefined): string[] {
  return (set?.claims ?? []).map((c) => c.paragraphs.join(' '));
}
