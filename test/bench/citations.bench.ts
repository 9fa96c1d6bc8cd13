// The citation checks after a keystroke: lintCitations over every citation of a document (the
// extension re-runs it on each change, after the shared scan rescanned the edited lines), with
// the facts of every number known, for documents of 1,000, 10,000 and 100,000 citations; and a
// citation list of 1,000 patents in each format. Target: a re-lint within 16 ms (one frame) for
// 10,000 citations. Figures are printed; nothing is asserted.
// Run: node --import tsx test/bench/citations.bench.ts
import { performance } from 'node:perf_hooks';
import { citationEntries, CITATION_FORMATS, formatCitationList, lintCitations, type CitationFacts, type PublicationFact } from '../../src/core/citations';
import { findPatentNumbers } from '../../src/core/numbers';
import { rng } from './lib/rng';

const TARGET_MS = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const rand = rng(11);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** A memo's lines: grants, pre-grant publications, EP patents, some cited twice in another form. */
function document(citations: number): string {
  const lines: string[] = [];
  for (let i = 0; i < citations; i++) {
    const serial = int(5_000_000, 11_900_000);
    const form = int(0, 4);
    const n =
      form === 0 ? `US ${serial.toLocaleString('en-US')} B2` : form === 1 ? `US${serial}B2` : form === 2 ? `US 20${int(10, 23)}/0${int(100000, 299999)} A1` : form === 3 ? `EP ${int(1, 3)} ${int(100, 999)} ${int(100, 999)} B1` : `WO 20${int(10, 23)}/${int(100000, 299999)} A1`;
    lines.push(`Claim ${int(1, 30)} is obvious over ${n} in view of the general knowledge.`);
  }
  return lines.join('\n');
}

function factsOf(text: string): CitationFacts {
  const publications = new Map<string, PublicationFact>();
  for (const c of findPatentNumbers(text)) {
    const roll = int(0, 9);
    publications.set(c.number, roll === 0 ? { found: false } : { found: true, pn: c.number, title: 'A method for cooling a stator', assignees: ['ACME CORP.'], applicants: [], inventors: ['Jane Doe'], priority: [], publicationDate: '2015-03-11', legal: { simple: [roll < 3 ? 'Inactive' : 'Active'], detailed: [roll < 3 ? 'Expired' : 'Granted'], date: '2020-01-01' } });
  }
  return { publications, applications: new Map() };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function time(f: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

console.log(`lintCitations after a keystroke, median of ${ROUNDS}; target ${TARGET_MS} ms for 10,000 citations`);
for (const n of [1_000, 10_000, 100_000]) {
  const text = document(n);
  const citations = findPatentNumbers(text, { flagImpossible: true });
  const facts = factsOf(text);
  const offline = time(() => lintCitations(citations));
  const online = time(() => lintCitations(citations, { facts }));
  const verdict = n === 10_000 ? (online <= TARGET_MS ? '  met' : '  NOT met') : '';
  console.log(`  ${String(n).padStart(7)} citations  offline ${offline.toFixed(2).padStart(7)} ms   with facts ${online.toFixed(2).padStart(7)} ms${verdict}`);
}

const text = document(1_000);
const entries = citationEntries(findPatentNumbers(text, { flagImpossible: true }), factsOf(text));
console.log(`\na citation list of ${entries.length} patents, median of ${ROUNDS}:`);
for (const format of CITATION_FORMATS) {
  let bytes = 0;
  const ms = time(() => (bytes = formatCitationList(entries, format).length));
  console.log(`  ${format.padEnd(9)} ${ms.toFixed(2).padStart(7)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KB`);
}
