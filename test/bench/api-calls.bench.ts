// API calls and client overhead of batched lookups against the local sandbox.
// Run: node --import tsx test/bench/api-calls.bench.ts   (figures printed, nothing asserted)
import { createPatsnapClient, ENDPOINTS } from '../../src/core/api/client';
import { TOKEN_PATH } from '../../src/core/auth';
import type { PatsnapApi } from '../../src/core/api/types';
import { SANDBOX_CREDENTIALS } from '../../src/core/sandboxCredentials';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server';

const SIZES = [1, 100, 250, 1000];
const ROUNDS = 40;

function makeClient(sb: SandboxServer, maxRequestsPerSecond: number): PatsnapApi {
  return createPatsnapClient({
    baseUrl: sb.url,
    credentials: { kind: 'clientSecret', clientId: SANDBOX_CREDENTIALS.clientId, clientSecret: SANDBOX_CREDENTIALS.clientSecret },
    maxRequestsPerSecond,
  });
}

async function lookUp(api: PatsnapApi, numbers: string[]): Promise<void> {
  await api.bibliography({ numbers });
  await api.legalStatus({ numbers });
  await api.abstractImages({ numbers });
}

/** One P041 call of `numbers` with plain fetch: the floor any client pays. */
async function rawCall(sb: SandboxServer, numbers: string[]): Promise<void> {
  const url = new URL(ENDPOINTS.legalStatus, sb.url);
  url.searchParams.set('patent_number', numbers.join(','));
  const res = await fetch(url, { headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.apiKey}` } });
  const body = (await res.json()) as { status?: boolean };
  if (body.status !== true) throw new Error('raw call failed');
}

async function timeEach(rounds: number, f: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 5; i++) await f(); // warm up sockets and JIT
  const t = performance.now();
  for (let i = 0; i < rounds; i++) await f();
  return (performance.now() - t) / rounds;
}

async function main(): Promise<void> {
  const sb = await startSandbox({ patentCount: 1100 });
  try {
    const all = sb.data.patents.map((p) => p.pn);
    console.log('Batched lookups (bibliography + legal status + abstract images), default limits (5 req/s, 2 batches at once)');
    console.log('numbers  target/endpoint  P011  P041  P021  auth  wall ms');
    for (const n of SIZES) {
      const numbers = all.slice(0, n);
      const api = makeClient(sb, 5);
      const t = performance.now();
      await lookUp(api, numbers);
      const ms = performance.now() - t;
      const c = (p: string): string => String(api.callCounts.get(p) ?? 0).padStart(4);
      console.log(
        `${String(n).padStart(7)}  ${String(Math.ceil(n / 100)).padStart(15)}  ${c(ENDPOINTS.bibliography)}  ${c(ENDPOINTS.legalStatus)}  ${c(ENDPOINTS.abstractImage)}  ${c(TOKEN_PATH)}  ${ms.toFixed(0).padStart(7)}`,
      );
    }

    console.log('\nClient overhead per call (P041, one batch, rate limit off): client time minus a raw fetch of the same request');
    const fast = makeClient(sb, 100_000);
    for (const size of [1, 100]) {
      const numbers = all.slice(0, size);
      const raw = await timeEach(ROUNDS, () => rawCall(sb, numbers));
      const viaClient = await timeEach(ROUNDS, async () => {
        await fast.legalStatus({ numbers });
      });
      console.log(`  ${String(size).padStart(3)} number(s): raw ${raw.toFixed(2)} ms, client ${viaClient.toFixed(2)} ms, overhead ${(viaClient - raw).toFixed(2)} ms/call`);
    }
  } finally {
    await sb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
