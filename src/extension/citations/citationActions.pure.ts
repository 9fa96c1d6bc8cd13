/**
 * The quick fixes offered on a citation, as plain data: titles, text edits (offsets in the
 * document) and commands. The provider turns them into VS Code code actions.
 */
import { numberText, withKindAdded, type Citation, type CitationFacts, type CitationProblem, type LintCode } from '../../core/citations';
import type { NumberStyle } from '../../core/numbers';
import type { Translator } from '../../core/text/translator';

export interface TextEditPlan {
  start: number;
  end: number;
  text: string;
}

export interface ActionPlan {
  title: string;
  /** The problem it fixes (the diagnostic it is attached to), if any. */
  fixes?: LintCode;
  preferred?: boolean;
  edits?: TextEditPlan[];
  command?: { id: string; args: unknown[] };
}

/** Commands the actions run (their ids are in commandIds.pure.ts too). */
export const ACTION_COMMANDS = {
  addToList: 'patentLookup.citations.addToList',
  ignore: 'patentLookup.citations.ignore',
  openPatent: 'patentLookup.openPatent',
} as const;

/**
 * Where to cut to remove the citation at [start, end) of `line` (offsets in the line), so the
 * sentence still reads: with the list separator before it (`A, B` -> `A`) or after it (`B, C` -> `C`),
 * with brackets that held nothing else (`(US11205304B2)`), or with one of the spaces around it.
 */
export function removalSpan(line: string, start: number, end: number): { start: number; end: number } {
  // Brackets around the citation alone go with it.
  if (line[start - 1] === '(' && line[end] === ')') {
    start--;
    end++;
  } else if (line[start - 1] === '[' && line[end] === ']') {
    start--;
    end++;
  }
  const before = /(\s*[,;]\s*|\s+(?:and|or)\s+)$/.exec(line.slice(0, start));
  const after = /^(\s*[,;]\s*|\s+(?:and|or)\s+)/.exec(line.slice(end));
  // `A, B and C`: removing C takes " and " and leaves `A, B`; removing A takes ", " after it.
  if (after && (!before || !/[,;]/.test(before[0] ?? ''))) return { start, end: end + (after[0] as string).length };
  if (before) return { start: start - (before[0] as string).length, end };
  const spaceBefore = /\s$/.test(line.slice(0, start));
  const spaceAfter = /^\s/.test(line.slice(end));
  if (spaceBefore && (spaceAfter || end === line.length || /^[.,;:!?)]/.test(line.slice(end)))) return { start: start - 1, end };
  if (spaceAfter) return { start, end: end + 1 };
  return { start, end };
}

export interface ActionInput {
  citation: Citation;
  /** This citation's problems (from the latest check). */
  problems: readonly CitationProblem[];
  /** All citations of the document, for "the whole document". */
  citations: readonly Citation[];
  facts: CitationFacts | undefined;
  style: NumberStyle;
  /** The citation's line, and where the line starts in the document. */
  line: { text: string; start: number };
  l10n: Translator;
}

/** The canonical form of a citation in `style`, when it is written otherwise (impossible numbers have none). */
export function canonicalRewrite(c: Citation, style: NumberStyle): string | undefined {
  if (c.problem) return undefined;
  const text = numberText(c.number, style);
  return text !== c.text ? text : undefined;
}

export function planActions(input: ActionInput): ActionPlan[] {
  const { citation: c, problems, style, l10n } = input;
  const span = { start: c.index, end: c.index + c.length };
  const plans: ActionPlan[] = [];
  for (const p of problems) {
    if (p.fix?.kind === 'replace') {
      const text = numberText(p.fix.number, style);
      const title = p.code === 'grantedSince' ? l10n.t('Replace with the granted {0}', text) : l10n.t('Replace with the publication {0}', text);
      plans.push({ title, fixes: p.code, preferred: true, edits: [{ ...span, text }] });
    } else if (p.fix?.kind === 'remove') {
      const cut = removalSpan(input.line.text, c.index - input.line.start, c.index + c.length - input.line.start);
      plans.push({ title: l10n.t('Remove the duplicate citation'), fixes: p.code, preferred: true, edits: [{ start: input.line.start + cut.start, end: input.line.start + cut.end, text: '' }] });
      // As first written, when that is a number of the same kind (not the application a publication stands for).
      if (p.first && p.first.type === c.type && p.first.text !== c.text) plans.push({ title: l10n.t('Write it as first cited: {0}', p.first.text), fixes: p.code, edits: [{ ...span, text: p.first.text }] });
    }
  }
  const withKind = withKindAdded(c, input.facts);
  if (withKind) {
    const text = numberText(withKind, style);
    plans.push({ title: l10n.t('Add the kind code: {0}', text), edits: [{ ...span, text }] });
  }
  const canonical = canonicalRewrite(c, style);
  if (canonical) plans.push({ title: l10n.t('Write as {0}', canonical), edits: [{ ...span, text: canonical }] });
  const all = input.citations.flatMap((o) => {
    const text = canonicalRewrite(o, style);
    return text ? [{ start: o.index, end: o.index + o.length, text, written: o.text }] : [];
  });
  const edits = all.map(({ start, end, text }) => ({ start, end, text }));
  if (all.length > 1) plans.push({ title: l10n.t('Write all {0} patent numbers in this document in canonical form', all.length), edits });
  else if (all.length === 1 && !canonical) {
    // The one number of the document not in canonical form is another: name it.
    const [only] = all as [(typeof all)[number]];
    plans.push({ title: l10n.t('Write {0} in this document as {1}', only.written.replace(/\s+/g, ' '), only.text), edits });
  }
  if (!c.problem) {
    plans.push({ title: l10n.t('Add {0} to the citation list', c.number), command: { id: ACTION_COMMANDS.addToList, args: [{ number: c.number, text: c.text }] } });
    if (c.type === 'publication') plans.push({ title: l10n.t('Open {0}', c.number), command: { id: ACTION_COMMANDS.openPatent, args: [{ number: c.number }] } });
  }
  return plans;
}

/** "Ignore for this document": offered with every problem, one per number. */
export function ignorePlan(c: Citation, uri: string, l10n: Translator): ActionPlan {
  return { title: l10n.t('Ignore {0} in this document', c.text.replace(/\s+/g, ' ')), command: { id: ACTION_COMMANDS.ignore, args: [{ uri, number: c.number }] } };
}
