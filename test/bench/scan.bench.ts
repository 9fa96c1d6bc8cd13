// Throughput of findPatentNumbers on 20 MB of realistic text (prose, code, Markdown
// tables, JSON, office-action boilerplate, with patent numbers and look-alikes
// sprinkled in), against GNU grep with a pattern of similar reach on the same file.
// Figures are printed; nothing is asserted.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPatentNumbers } from '../../src/core/numbers';

const SIZE = Number(process.env.BENCH_SCAN_BYTES ?? 20 * 1024 * 1024);
const MB = 1024 * 1024;

/** Deterministic PRNG (mulberry32) so every run scans the same text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(20240531);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const grouped = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const NUMBERS: ReadonlyArray<() => string> = [
  () => `US ${grouped(String(5_000_000 + Math.floor(rand() * 7_000_000)))} B2`,
  () => `U.S. Pat. No. ${grouped(String(4_000_000 + Math.floor(rand() * 6_000_000)))}`,
  () => `US 20${10 + Math.floor(rand() * 14)}/0${digits(6)} A1`,
  () => `US20${10 + Math.floor(rand() * 14)}0${digits(6)}A1`,
  () => `EP ${1 + Math.floor(rand() * 3)} ${digits(3)} ${digits(3)} B1`,
  () => `WO 20${10 + Math.floor(rand() * 14)}/${digits(6)} A1`,
  () => `CN 1${digits(8)} A`,
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

function sentence(): string {
  const n = 8 + Math.floor(rand() * 20);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.012) out.push(pick(NUMBERS)());
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
      `// See ${pick(NUMBERS)()} for the encoding.`,
      `export function decode${digits(2)}(buf: Uint8Array, offset = ${digits(3)}): number {`,
      `  const crc = 0x${digits(8)}; // ${pick(DISTRACTORS)()}`,
      '  return buf[offset] ^ crc;',
      '}',
      '```',
      '',
    ].join('\n');
  }
  if (r < 0.85) {
    const rows = Array.from({ length: 4 }, () => `| ${pick(NUMBERS)()} | ${pick(WORDS)} ${pick(WORDS)} | ${pick(DISTRACTORS)()} |`);
    return ['| Reference | Subject | Note |', '|---|---|---|', ...rows, '', ''].join('\n');
  }
  return `{"pn": "${pick(NUMBERS)().replace(/[ ,/-]/g, '')}", "title": "${sentence()}", "id": "${digits(8)}-${digits(4)}"}\n`;
}

function buildText(bytes: number): string {
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

// Similar reach to the scanner's: office code or US labels, a number-like body, an optional kind.
const GREP_PATTERN =
  '\\b(US|EP|WO|CN|JP|KR|PCT/[A-Z]{2}|U\\.S\\. (Pat|Appl)\\. No\\.)[ /-]?(D|RE)?[0-9][0-9,./ -]{4,16}[0-9]( ?[A-Z][0-9]?)?\\b';

function grep(file: string, locale: string): { ms: number; output: string } {
  let ms = Infinity;
  let output = '';
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync('grep', ['-E', '-o', '-c', GREP_PATTERN, file], { encoding: 'utf8', env: { ...process.env, LC_ALL: locale } });
    ms = Math.min(ms, performance.now() - t);
    output = (r.stdout || r.stderr).trim();
  }
  return { ms, output };
}

async function main(): Promise<void> {
  const text = buildText(SIZE);
  const file = path.join(os.tmpdir(), `patent-scan-bench-${process.pid}.txt`);
  await fs.writeFile(file, text, 'utf8');
  const mb = Buffer.byteLength(text, 'utf8') / MB;
  try {
    const scanOnly = best(3, () => findPatentNumbers(text));
    const withRead = best(3, () => findPatentNumbers(readFileSync(file, 'utf8')));
    const matches = scanOnly.value;
    const lines = new Set(matches.map((m) => m.line)).size;
    const fmt = (ms: number): string => `${(mb / (ms / 1000)).toFixed(0).padStart(5)} MB/s  (${ms.toFixed(0)} ms)`;
    console.log(`text: ${mb.toFixed(1)} MB, ${text.split('\n').length} lines, written to ${file}`);
    console.log(`findPatentNumbers, string in memory : ${fmt(scanOnly.ms)}  matches ${matches.length} on ${lines} lines`);
    console.log(`findPatentNumbers, read file + scan : ${fmt(withRead.ms)}`);
    for (const locale of ['C', 'C.UTF-8']) {
      const g = grep(file, locale);
      console.log(`grep -E -o -c (LC_ALL=${locale.padEnd(7)})     : ${fmt(g.ms)}  matching lines ${g.output}`);
    }
  } finally {
    if (!process.env.KEEP) await fs.rm(file, { force: true });
  }
}

void main();
