/**
 * The lint rules, pure over the citations of one document and the facts looked up for
 * them. Offline (no facts) only `malformed` and `duplicate` can be judged; a number
 * whose lookup failed is judged by nothing that needs it.
 */
import { kindCode, parsePatentNumber, withoutKind, type OfficeCode } from '../numbers';
import { changeSince, currentStatus, type CheckRecord } from './history';
import { endedBy, isInactive, labelWords, legalParts, statusWords } from './status';
import { statusLabelsOf } from '../record/statusLabels';
import { type ApplicationFact, type ApplicationPublication, type Citation, type CitationFacts, type CitationProblem, type PatentFacts } from './types';
import { listOf } from '../text/punctuation';
import { ENGLISH, type Translator } from '../text/translator';

export interface LintOptions {
  /** What the lookups found; none: offline checks only. */
  facts?: CitationFacts;
  /** Numbers (compact, as written) the user ignores in this document: no problem is reported for them. */
  ignored?: ReadonlySet<string>;
  /** The document's last check, for "changed since". */
  previous?: CheckRecord;
  l10n?: Translator;
  /** How a yyyy-MM-dd reads in the messages: the display language's date in the extension (`formatDay`); as it stands (ISO) in the CLI. */
  date?: (iso: string) => string;
}

/** Office and kind of a compact publication number as PatSnap gives it. */
function shapeOf(pn: string): { office: OfficeCode; kind: string | null } | undefined {
  const m = parsePatentNumber(pn);
  return m && m.type === 'publication' ? { office: m.office, kind: m.kind } : undefined;
}

type Stage = 'grant' | 'pre-grant' | undefined;
/** Stages already worked out: each re-check after an edit asks again for every number found, and parsing is the costly part. */
const stages = new Map<string, Stage>();

/** Whether a compact publication number is a grant (B1, B2, C, U, S…) or a pre-grant publication (A1, A…), by its office's kind codes. */
export function stageOf(pn: string): Stage {
  if (stages.has(pn)) return stages.get(pn);
  const s = shapeOf(pn);
  const stage = s?.kind ? kindCode(s.office, s.kind)?.stage : undefined;
  if (stages.size >= 50_000) stages.clear(); // a bound, not a policy: the next check fills it again
  stages.set(pn, stage);
  return stage;
}

export const isGrant = (pn: string): boolean => stageOf(pn) === 'grant';

/** The publication to cite for an application: its latest grant, else its latest publication. */
export function bestPublication(fact: ApplicationFact): ApplicationPublication | undefined {
  const grants = fact.publications.filter((p) => isGrant(p.pn));
  const pool = grants.length > 0 ? grants : fact.publications;
  return pool.reduce<ApplicationPublication | undefined>((best, p) => (!best || (p.date ?? '') >= (best.date ?? '') ? p : best), undefined);
}

/** The patent a citation names, for telling duplicates apart: the publication found, else the number as written. */
export function identities(citations: readonly Citation[], facts: CitationFacts | undefined): string[] {
  // Offline, a kind-less `US7123456` is the same patent as the one kinded `US7123456B2` the document cites.
  const kinded = new Map<string, Set<string>>();
  for (const c of citations) {
    if (c.problem || c.type !== 'publication' || c.kind === null) continue;
    const body = withoutKind(c.number);
    let set = kinded.get(body);
    if (!set) kinded.set(body, (set = new Set()));
    set.add(c.number);
  }
  return citations.map((c) => {
    if (c.type === 'application') {
      const app = facts?.applications.get(c.number);
      const best = app && bestPublication(app);
      return best ? best.pn.toUpperCase() : `application:${c.number}`;
    }
    const fact = facts?.publications.get(c.number);
    if (fact?.found) return fact.pn.toUpperCase();
    const candidates = c.kind === null ? kinded.get(c.number) : undefined;
    return candidates?.size === 1 ? ([...candidates][0] as string) : c.number;
  });
}

/** Written forms compared as a reader sees them: case and runs of spaces do not make another form. */
const form = (text: string): string => text.replace(/\s+/g, ' ').toUpperCase();

/**
 * The problems of a document's citations, in the order they are written. `citations` are the
 * scanner's matches with impossible numbers flagged (`flagImpossible`), in document order.
 */
export function lintCitations(citations: readonly Citation[], options: LintOptions = {}): CitationProblem[] {
  const { facts, ignored, previous } = options;
  const l10n = options.l10n ?? ENGLISH;
  const date = options.date ?? ((iso: string) => iso);
  const ids = identities(citations, facts);
  const firstOf = new Map<string, Citation>();
  const problems: CitationProblem[] = [];
  citations.forEach((c, i) => {
    if (ignored?.has(c.number)) return;
    if (c.problem) {
      problems.push({ code: 'malformed', citation: c, message: l10n.t('{0} is not a valid {1} number: {2}', c.text.replace(/\s+/g, ' '), c.office, c.problem.message), fix: null });
      return;
    }
    const id = ids[i] as string;
    const first = firstOf.get(id);
    if (!first) firstOf.set(id, c);
    else if (form(first.text) !== form(c.text)) {
      // The same patent again, in another form: the later one is the duplicate. The same form again is a reference back.
      problems.push({
        code: 'duplicate',
        citation: c,
        first,
        message: l10n.t('{0} is cited already on line {1}, as "{2}".', c.text.replace(/\s+/g, ' '), first.line, first.text.replace(/\s+/g, ' ')),
        fix: { kind: 'remove' },
      });
      return;
    }
    if (!facts) return;
    const problem = c.type === 'application' ? applicationProblem(c, facts, l10n) : publicationProblem(c, facts, l10n, date);
    if (!problem) return;
    const status = currentStatus(c, facts);
    const changed = status && changeSince(previous, c.number, status);
    if (changed) {
      problem.changed = changed;
      // Worded now, in the reader's language; a record of an older version has the English words alone.
      const then = changed.state ? statusWords(changed.state, l10n) : labelWords(changed.was, l10n);
      problem.message += ` ${l10n.t('Changed since the check of {0} (then: {1}).', date(changed.checkedAt), then)}`;
    }
    problems.push(problem);
  });
  return problems;
}

function publicationProblem(c: Citation, facts: CitationFacts, l10n: Translator, date: (iso: string) => string): CitationProblem | undefined {
  const fact = facts.publications.get(c.number);
  if (!fact) return undefined;
  if (!fact.found) return { code: 'notFound', citation: c, message: l10n.t('PatSnap has no publication {0}.', c.number), fix: null };
  if (stageOf(fact.pn) === 'pre-grant' && fact.grantedAs) {
    const { pn, date: grantedOn } = fact.grantedAs;
    const message = grantedOn
      ? l10n.t('{0} is a pre-grant publication: its application was granted as {1} on {2}.', fact.pn, pn, date(grantedOn))
      : l10n.t('{0} is a pre-grant publication: its application was granted as {1}.', fact.pn, pn);
    return { code: 'grantedSince', citation: c, message, fix: { kind: 'replace', number: pn } };
  }
  if (isInactive(fact.legal)) return { code: 'inactive', citation: c, message: inactiveMessage(fact, l10n, date), fix: null };
  return undefined;
}

function inactiveMessage(fact: PatentFacts, l10n: Translator, date: (iso: string) => string): string {
  const legal = fact.legal as NonNullable<PatentFacts['legal']>;
  const ended = endedBy(legal);
  // Inactive by a simple status when no detailed one says how: that is never empty.
  const how = listOf(l10n, statusLabelsOf(ended.length > 0 ? ended : legalParts(legal), l10n));
  return legal.date ? l10n.t('{0} is no longer in force ({1} since {2}).', fact.pn, how, date(legal.date)) : l10n.t('{0} is no longer in force ({1}).', fact.pn, how);
}

function applicationProblem(c: Citation, facts: CitationFacts, l10n: Translator): CitationProblem | undefined {
  const fact = facts.applications.get(c.number);
  if (!fact) return undefined;
  const best = bestPublication(fact);
  if (!best) return { code: 'notFound', citation: c, message: l10n.t('PatSnap has no publication of application {0}.', c.number), fix: null };
  const message = isGrant(best.pn)
    ? l10n.t('{0} is an application number; the application was granted as {1}.', c.number, best.pn)
    : l10n.t('{0} is an application number; the application was published as {1}.', c.number, best.pn);
  return { code: 'applicationCited', citation: c, message, fix: { kind: 'replace', number: best.pn } };
}

/** The number with its kind code where a citation left it out and the lookup found it (`US7123456` -> `US7123456B2`). */
export function withKindAdded(c: Citation, facts: CitationFacts | undefined): string | undefined {
  if (c.type !== 'publication' || c.kind !== null || c.problem) return undefined;
  const fact = facts?.publications.get(c.number);
  return fact?.found && fact.pn.toUpperCase() !== c.number ? fact.pn.toUpperCase() : undefined;
}
