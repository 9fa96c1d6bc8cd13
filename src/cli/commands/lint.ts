import { DEFAULT_SEVERITIES, fixText, lintCitations, type CitationProblem, type LintCode, type Severity } from '../../core/citations';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { lookUpFacts, readCitations } from './citationFiles';

/** Exit code when a problem is found, so `lint` can gate a commit or a CI run of a repository of drafts. */
export const LINT_FOUND = 6;

/** One problem, in the shape design.md fixes for `lint --json`. */
export interface LintFinding {
  file: string;
  line: number;
  column: number;
  text: string;
  number: string;
  code: LintCode;
  severity: Severity;
  message: string;
  /** The text to write in the citation's place ('' removes it), or null. */
  fix: string | null;
}

function finding(file: string, p: CitationProblem): LintFinding {
  const c = p.citation;
  return { file, line: c.line, column: c.column, text: c.text, number: c.number, code: p.code, severity: DEFAULT_SEVERITIES[p.code], message: p.message, fix: fixText(p) };
}

function describe(f: LintFinding): string {
  const fix = f.fix === null ? '' : f.fix === '' ? ' [fix: remove it]' : ` [fix: ${f.fix}]`;
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${fix}\n`;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check the patent citations in documents: impossible, unknown, lapsed, since granted, application numbers, duplicates',
  usage: 'lint FILE... [--offline] [--json]',
  details: [
    '  FILE       text files to check (Markdown, plain text, LaTeX, source, ...)',
    '  --offline  only what needs no lookup: impossible numbers and duplicates; nothing is sent',
    '  --json     print an array of {file, line, column, text, number, code, severity, message, fix}',
    '',
    'Codes: malformed, notFound, inactive, grantedSince, applicationCited, duplicate. `fix` is the',
    'text to write instead (in the style the number is written in; "" removes a duplicate) or null.',
    `Exits ${LINT_FOUND} when any problem is found, 0 when none, 2 when a file cannot be read. When some`,
    "numbers cannot be looked up, the rest are reported and the exit code is the failure's.",
  ].join('\n'),
  async run(args, context) {
    const { io } = context;
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { offline: { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'FILE', usage);
    const { read, unreadable } = await readCitations(positionals, context);
    const { facts, failure } = await lookUpFacts(read, values.offline === true, context);
    const findings = read.flatMap(({ file, citations }) => lintCitations(citations, facts ? { facts } : {}).map((p) => finding(file, p)));

    if (values.json) writeJson(io, findings);
    else io.stdout.write(findings.map(describe).join(''));
    if (failure) throw failure;
    if (unreadable > 0) return 2;
    return findings.length > 0 ? LINT_FOUND : 0;
  },
};
