// Throughput of findPatentNumbers on 20 MB of text (prose, code, Markdown tables, JSON,
// with patent numbers, all within what their offices issued, and look-alikes mixed in), against GNU grep with a pattern of
// similar reach on the same file. Two texts: a dense one (a number every ~250 bytes,
// the worst case, where building the matches dominates) and a sparse one (a number
// every ~10 KB, like ordinary code and prose). Figures are printed; nothing is asserted.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPatentNumbers } from '../../src/core/numbers';
import { rng } from './lib/rng';

const SIZE = Number(process.env.BENCH_SCAN_BYTES ?? 20 * 1024 * 1024);
const MB = 1024 * 1024;

let rand = rng(20240531);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const grouped = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const NUMBERS: ReadonlyArray<() => string> = [
  () => `US ${grouped(String(5_000_000 + Math.floor(rand() * 7_000_000)))} B2`,
  () => `U.S. Pat. No. ${grouped(String(4_000_000 + Math.floor(rand() * 6_000_000)))}`,
  () => `US 20${10 + Math.floor(rand() * 14)}/0${Math.floor(rand() * 5)}${digits(5)} A1`,
  () => `US20${10 + Math.floor(rand() * 14)}0${Math.floor(rand() * 5)}${digits(5)}A1`,
  () => `EP ${1 + Math.floor(rand() * 3)} ${digits(3)} ${digits(3)} B1`,
  () => `WO 20${10 + Math.floor(rand() * 14)}/${1 + Math.floor(rand() * 2)}${digits(5)} A1`,
  () => `CN 1${String(Math.floor(rand() * 22)).padStart(2, '0')}${digits(6)} A`,
  () => `JP 20${10 + Math.floor(rand() * 14)}-${digits(6)} A`,
  () => `KR 10-20${10 + Math.floor(rand() * 14)}-0${digits(6)}`,
  () => `U.S. Appl. No. 1${Math.floor(rand() * 8)}/${digits(3)},${digits(3)}`,
  () => `PCT/US20${10 + Math.floor(rand() * 14)}/0${digits(5)}`,
];

const WORDS = 'the a of and to in is that for with as by on this from be are or an at which it claim claims device method system apparatus signal layer substrate wherein comprising configured first second plurality data user server network module processing unit memory controller'.split(' ');
const DISTRACTORS: ReadonlyArray<() => string> = [
  () => `2020-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
  () => `v${Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 99)}`,
  () => `(555) ${digits(3)}-${digits(4)}`,
  () => `US$ ${grouped(digits(7))}`,
  () => `35 U.S.C. 10${Math.floor(rand() * 4)}`,
  () => `USB ${Math.floor(rand() * 4)}.0`,
  () => digits(8),
];

/** Share of the places that may hold a patent number that do (1 in the dense text). */
let density = 1;
const maybeNumber = (otherwise: () => string): string => (rand() < density ? pick(NUMBERS)() : otherwise());

function sentence(): string {
  const n = 8 + Math.floor(rand() * 20);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.012 * density) out.push(pick(NUMBERS)());
    else if (r < 0.03) out.push(pick(DISTRACTORS)());
    else out.push(pick(WORDS));
  }
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function block(): string {
  const r = rand();
  if (r < 0.5) return Array.from({ length: 3 + Math.floor(rand() * 5) }, sentence).join(' ') + '\n\n';
  if (r < 0.7) {
    return [
      '```ts',
      `// See ${maybeNumber(() => `RFC ${digits(4)}`)} for the encoding.`,
      `export function decode${digits(2)}(buf: Uint8Array, offset = ${digits(3)}): number {`,
      `  const crc = 0x${digits(8)}; // ${pick(DISTRACTORS)()}`,
      '  return buf[offset] ^ crc;',
      '}',
      '```',
      '',
    ].join('\n');
  }
  if (r < 0.85) {
    const rows = Array.from({ length: 4 }, () => `| ${maybeNumber(() => pick(WORDS))} | ${pick(WORDS)} ${pick(WORDS)} | ${pick(DISTRACTORS)()} |`);
    return ['| Reference | Subject | Note |', '|---|---|---|', ...rows, '', ''].join('\n');
  }
  return `{"pn": "${maybeNumber(() => digits(10)).replace(/[ ,/-]/g, '')}", "title": "${sentence()}", "id": "${digits(8)}-${digits(4)}"}\n`;
}

function buildText(bytes: number, share: number): string {
  rand = rng(20240531);
  density = share;
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const b = block();
    parts.push(b);
    length += b.length;
  }
  return parts.join('').slice(0, bytes);
}

function best<T>(runs: number, f: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value = f();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value };
}

// Similar reach to the scanner's on these texts: office code or US label, a number-like
// body, an optional kind. It finds about as many candidates as the scanner finds numbers
// (printed side by side), without the scanner's checks of each office's rules.
const GREP_PATTERN =
  '\\b(US|EP|WO|CN|JP|KR|PCT/[A-Z]{2}|U\\.S\\. (Pat|Appl)\\. No\\.)[ /-]?(D|RE)?[0-9][0-9,./ -]{4,16}[0-9]( ?[A-Z][0-9]?)?\\b';

/**
 * `-o` prints every match with its bounds, the scanner's work: its line count is the number
 * of candidates. `-c` only counts matching lines, so grep may stop at a line's first match
 * and skip the costly search for exact bounds: its best case, printed for reference.
 */
function grep(file: string, locale: string, mode: '-o' | '-c'): { ms: number; count: number } {
  let ms = Infinity;
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync('grep', ['-E', mode, GREP_PATTERN, file], { encoding: 'utf8', maxBuffer: 256 * MB, env: { ...process.env, LC_ALL: locale } });
    ms = Math.min(ms, performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`grep failed: ${r.stderr || r.error?.message}`);
    count = mode === '-c' ? Number(r.stdout.trim()) : r.stdout.split('\n').length - 1;
  }
  return { ms, count };
}

async function measure(name: string, share: number): Promise<void> {
  const text = buildText(SIZE, share);
  const file = path.join(os.tmpdir(), `patent-scan-bench-${name}-${process.pid}.txt`);
  await fs.writeFile(file, text, 'utf8');
  const mb = Buffer.byteLength(text, 'utf8') / MB;
  try {
    const scanOnly = best(5, () => findPatentNumbers(text));
    const withRead = best(3, () => findPatentNumbers(readFileSync(file, 'utf8')));
    const matches = scanOnly.value;
    const lines = new Set(matches.map((m) => m.line)).size;
    const fmt = (ms: number): string => `${(mb / (ms / 1000)).toFixed(0).padStart(5)} MB/s  (${ms.toFixed(0).padStart(4)} ms)`;
    console.log(`\n${name} text: ${mb.toFixed(1)} MB, ${text.split('\n').length} lines, a number every ${(text.length / Math.max(1, matches.length) / 1024).toFixed(1)} KB${process.env.KEEP ? `, kept in ${file}` : ''}`);
    console.log(`  findPatentNumbers, string in memory : ${fmt(scanOnly.ms)}  ${matches.length} numbers on ${lines} lines`);
    console.log(`  findPatentNumbers, read file + scan : ${fmt(withRead.ms)}`);
    for (const mode of ['-o', '-c'] as const) {
      for (const locale of ['C', 'C.UTF-8']) {
        const g = grep(file, locale, mode);
        console.log(`  grep -E ${mode} (LC_ALL=${locale.padEnd(7)})         : ${fmt(g.ms)}  ${g.count} ${mode === '-o' ? 'candidates' : 'matching lines'}`);
      }
    }
  } finally {
    if (!process.env.KEEP) await fs.rm(file, { force: true });
  }
}

async function main(): Promise<void> {
  await measure('dense', 1);
  await measure('sparse', 0.02);
}

void main();
