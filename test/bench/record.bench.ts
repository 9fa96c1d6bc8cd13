// What a whole patent record costs in calls, and what its parts cost in time.
// Run: node --import tsx test/bench/record.bench.ts   (figures printed, nothing asserted)
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPatsnapClient, ENDPOINTS } from '../../src/core/api/client';
import type { PatsnapApi } from '../../src/core/api/types';
import { LIFETIMES, RecordStore } from '../../src/core/cache/recordStore';
import { describeCitations, legalTimeline, loadFamily, parseClaims } from '../../src/core/record';
import { SANDBOX_CREDENTIALS } from '../../src/core/sandboxCredentials';
import { startSandbox } from '../../src/sandbox/server';

const RECORD_ENDPOINTS = ['claims', 'family', 'legalStatusDetail', 'bibliography', 'citations', 'citedBy', 'legalEvents'] as const;

function met(ok: boolean): string {
  return ok ? 'met' : 'NOT MET';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function fullRecord(api: PatsnapApi, number: string): Promise<void> {
  const refs = { numbers: [number] };
  const [claims, family, cites, citedBy, events] = await Promise.all([
    api.claims(refs, { replaceByRelated: true }),
    loadFamily(api, refs),
    api.citations(refs),
    api.citedBy(refs),
    api.legalEvents(refs),
  ]);
  parseClaims(claims[0]?.texts[0]?.html ?? '');
  describeCitations(cites[0], citedBy[0]);
  if (events[0]) legalTimeline(events[0]);
  if (!family) throw new Error(`${number}: no family`);
}

function claimHtml(claims: number, paragraphs: number): string {
  const out: string[] = [];
  for (let n = 1; n <= claims; n++) {
    for (let p = 0; p < paragraphs; p++) {
      const dep = n > 1 && n % 5 !== 1;
      const text = p === 0 ? `${n}. The battery module of claim ${dep ? n - 1 : 1}, wherein the cooling plate &amp; the housing are joined at 60&deg;C;` : `a further element number ${p} of the arrangement, <seg-x>with a segment</seg-x>;`;
      out.push(`<div class="${dep ? 'dep-clm' : 'indep-clm'}" num="${n}"${dep && n % 3 ? ` parent="${n - 1}"` : ''}>${text}</div>`);
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const sb = await startSandbox({ patentCount: 1100 });
  const make = (rps: number): PatsnapApi =>
    createPatsnapClient({ baseUrl: sb.url, credentials: { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey }, maxRequestsPerSecond: rps });
  try {
    console.log('A whole record of one patent: claims, family with members\u2019 statuses and dates, citations both ways, events');
    for (const [label, rps] of [['default limit, 5 req/s', 5], ['rate limit off', 100_000]] as const) {
      const api = make(rps);
      const t = performance.now();
      await fullRecord(api, 'US11205304B2');
      const ms = performance.now() - t;
      const calls = RECORD_ENDPOINTS.map((e) => [e, api.callCounts.get(ENDPOINTS[e]) ?? 0] as const);
      const total = calls.reduce((s, [, n]) => s + n, 0);
      console.log(`  ${label.padEnd(22)} ${calls.map(([e, n]) => `${e} ${n}`).join(', ')}; ${total} calls (target ${RECORD_ENDPOINTS.length}: one per endpoint, ${met(total <= RECORD_ENDPOINTS.length)}); ${ms.toFixed(0)} ms`);
    }

    console.log('\nA family\u2019s statuses in one batched call');
    for (const [number, type] of [['WO2013136789A1', 'inpadoc'], ['US11205304B2', 'simple']] as const) {
      const api = make(100_000);
      const t = performance.now();
      const view = await loadFamily(api, { numbers: [number] }, { type });
      const ms = performance.now() - t;
      const n = view?.members.length ?? 0;
      const statusCalls = api.callCounts.get(ENDPOINTS.legalStatusDetail) ?? 0;
      const target = Math.ceil(n / 100);
      console.log(`  ${number} ${type}: ${n} members, P013 calls ${statusCalls} (target ${target}, ${met(statusCalls <= target)}), P011 calls ${api.callCounts.get(ENDPOINTS.bibliography) ?? 0}; ${ms.toFixed(0)} ms`);
    }

    console.log('\nClaim parsing (P018 markup to a tree)');
    for (const [claims, paragraphs] of [[20, 3], [100, 5], [400, 6]] as const) {
      const html = claimHtml(claims, paragraphs);
      for (let i = 0; i < 5; i++) parseClaims(html);
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        parseClaims(html);
        times.push(performance.now() - t);
      }
      const ms = median(times);
      console.log(`  ${String(claims).padStart(3)} claims x ${paragraphs} paragraphs (${(html.length / 1024).toFixed(0)} KB): median ${ms.toFixed(2)} ms (target <= 16 ms, one frame: ${met(ms <= 16)})`);
    }

    console.log('\nHostile claim markup: parse time stays linear in its size');
    for (const [what, html] of [
      ['tags never closed', '<div class="dep-clm" num="2"'.repeat(50_000)],
      ['scripts', '<script>alert(1)</script>'.repeat(40_000)],
      ['nested claim divs', `${'<div num="1">'.repeat(20_000)}x${'</div>'.repeat(20_000)}`],
      ['bare "<"', '<'.repeat(1_000_000)],
    ] as const) {
      const t = performance.now();
      parseClaims(html);
      const ms = performance.now() - t;
      const perMb = ms / (html.length / 1_000_000);
      console.log(`  ${what.padEnd(18)} ${(html.length / 1_000_000).toFixed(1)} MB: ${ms.toFixed(1)} ms, ${perMb.toFixed(0)} ms/MB (target <= 200 ms/MB: ${met(perMb <= 200)})`);
    }

    console.log('\nThe lookup cache on disk (RecordStore), a claims entry of ~10 KB');
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-store-bench-'));
    try {
      const store = await RecordStore.open({ folder });
      const value = { claims: Array.from({ length: 30 }, (_, i) => ({ num: i + 1, text: 'x'.repeat(300) })) };
      const puts: number[] = [];
      const gets: number[] = [];
      for (let i = 0; i < 200; i++) {
        let t = performance.now();
        await store.put('claims', `US${i}`, value, LIFETIMES.claims);
        puts.push(performance.now() - t);
        t = performance.now();
        await store.get('claims', `US${i}`);
        gets.push(performance.now() - t);
      }
      const g = median(gets);
      console.log(`  put median ${median(puts).toFixed(2)} ms, get median ${g.toFixed(2)} ms (target: a hit well under one API call, <= 5 ms: ${met(g <= 5)})`);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  } finally {
    await sb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
