// Hover cards against the local sandbox: latency of a cached and an uncached number
// through PatentLookupService plus the card's Markdown, and the API calls made for a
// document with 1,000 distinct numbers. Figures are printed; nothing is asserted.
// Run: node --import tsx test/bench/hover.bench.ts
import { createPatsnapClient, ENDPOINTS } from '../../src/core/api/client';
import type { PatsnapApi } from '../../src/core/api/types';
import { PatentLookupService } from '../../src/core/cache/patentLookup';
import { findPatentNumbers } from '../../src/core/numbers';
import { numbersToLookUp } from '../../src/extension/patentNumbers/documentPatentsModel.pure';
import { buildCardMarkdown } from '../../src/extension/patentNumbers/patentCardMarkdown.pure';
import { SANDBOX_CREDENTIALS } from '../../src/core/sandboxCredentials';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server';

const DOCUMENT_NUMBERS = 1000;

function makeClient(sb: SandboxServer, maxRequestsPerSecond?: number): PatsnapApi {
  return createPatsnapClient({ baseUrl: sb.url, credentials: { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey }, maxRequestsPerSecond });
}

/** What the hover provider does for one number: the answer, then the card's Markdown. */
async function hover(lookups: PatentLookupService, number: string): Promise<string> {
  const card = lookups.peek(number) ?? (await lookups.lookupOne(number));
  return buildCardMarkdown({ number, type: 'publication', lookup: card ? { state: 'found', card } : { state: 'notFound' } });
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms (${ms.length} hovers)`;
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const sb = await startSandbox({ patentCount: 1100 });
  try {
    const pns = sb.data.patents.map((p) => p.pn);

    for (const [label, rps] of [
      ['default client limits (5 requests/s)', undefined],
      ['rate limit out of the way', 1000],
    ] as const) {
      const lookups = new PatentLookupService(() => makeClient(sb, rps));
      await hover(lookups, pns[0] as string); // token exchange and sockets warmed up
      const uncached: number[] = [];
      for (const n of pns.slice(1, 21)) uncached.push(await timed(() => hover(lookups, n)));
      const cached: number[] = [];
      for (let i = 0; i < 2000; i++) cached.push(await timed(() => hover(lookups, pns[1 + (i % 20)] as string)));
      console.log(`${label}`);
      console.log(`  uncached hover: ${stats(uncached)}  (includes the 15 ms batch window)`);
      console.log(`  cached hover:   ${stats(cached)}`);
    }

    // A document citing 1,000 distinct patents, written as people write them.
    const text = pns
      .slice(0, DOCUMENT_NUMBERS)
      .map((pn, i) => `${i + 1}. As disclosed in ${pn.replace(/^([A-Z]{2})/, '$1 ')}, the claimed method is anticipated.`)
      .join('\n');
    const scanStart = performance.now();
    const numbers = numbersToLookUp(findPatentNumbers(text));
    const scanMs = performance.now() - scanStart;
    sb.reset();
    const api = makeClient(sb);
    const lookups = new PatentLookupService(() => api);
    const t = performance.now();
    const answers = await lookups.lookup(numbers);
    const wall = performance.now() - t;
    const found = [...answers.values()].filter((c) => c !== null).length;
    const target = Math.ceil(numbers.length / 100);
    console.log(`document with ${numbers.length} distinct numbers (found ${found} in PatSnap; scan ${scanMs.toFixed(1)} ms):`);
    console.log(`  bibliography calls: ${sb.stats.calls(ENDPOINTS.bibliography)} (target ${target})`);
    console.log(`  legal status calls: ${sb.stats.calls(ENDPOINTS.legalStatus)} (target ${target})`);
    console.log(`  wall time: ${wall.toFixed(0)} ms with the default limit of 5 requests/s`);
    sb.stats.reset();
    await lookups.lookup(numbers);
    console.log(`  again (all cached): ${sb.stats.calls()} calls`);
  } finally {
    await sb.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
