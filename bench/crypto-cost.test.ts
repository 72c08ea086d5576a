// Cost of at-rest encryption (not part of the suite): `npx vitest run --config bench/vitest.crypto.config.ts`.
// Node + fake-indexeddb, so absolute figures are not Chromium's; the ratios and the sealing cost itself are.
import { it } from 'vitest';
import { insertBatch, insert } from '../lib/db';
import { enableEncryption, lock, unlock } from '../lib/db/encryption';
import { load360 } from '../lib/panel/queries/record360';
import { sealText, openText } from '../lib/crypto/cipher';

const N = 10_000;
const summary = (i: number) => `Call ${i}: discussed renewal terms, budget for next year and the migration of the reporting module. `.repeat(3);

async function timeIt(fn: () => Promise<unknown>, runs = 20): Promise<{ median: number; p95: number }> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  out.sort((a, b) => a - b);
  return { median: out[Math.floor(runs / 2)]!, p95: out[Math.floor(runs * 0.95)]! };
}

it('costs', async () => {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const text = summary(1);
  let t0 = performance.now();
  for (let i = 0; i < N; i++) openText(key, sealText(key, text));
  console.log(`seal+open ${N} summaries of ${text.length} chars: ${(performance.now() - t0).toFixed(0)} ms`);

  const account = await insert('accounts', { name: 'Acme', domains: ['acme.fr'], notes: 'Key account' });
  const contact = await insert('contacts', {
    accountId: account.id,
    firstName: 'H',
    lastName: 'D',
    emails: ['h@acme.fr'],
    phones: ['+33 1 02 03 04 05'],
    notes: 'n',
  });
  const interactions = Array.from({ length: N }, (_, i) => ({
    accountId: i < 300 ? account.id : null,
    contactIds: i < 300 ? [contact.id] : [],
    channel: 'call' as const,
    occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 3600_000).toISOString(),
    subject: `Call ${i}`,
    summary: summary(i),
  }));
  await insertBatch({ interactions });

  const ref = { kind: 'contact' as const, id: contact.id };
  await load360(ref);
  const off = await timeIt(() => load360(ref));

  t0 = performance.now();
  const { rows } = await enableEncryption('correct horse battery staple');
  const enableMs = performance.now() - t0;
  const on = await timeIt(() => load360(ref));
  await lock();
  const locked = await timeIt(() => load360(ref));
  t0 = performance.now();
  await unlock('correct horse battery staple');
  const unlockMs = performance.now() - t0;
  console.log(`enable on ${N} interactions (+2 records; ${rows} rows rewritten incl. PBKDF2 600k): ${enableMs.toFixed(0)} ms`);
  console.log(`unlock (PBKDF2 600k + key check): ${unlockMs.toFixed(0)} ms`);
  console.log(
    `load360 (contact, 300 interactions): off median ${off.median.toFixed(1)} ms p95 ${off.p95.toFixed(1)}; on ${on.median.toFixed(1)} / ${on.p95.toFixed(1)}; locked ${locked.median.toFixed(1)} / ${locked.p95.toFixed(1)}`,
  );
}, 600_000);
