import { it, expect } from 'vitest';
import { createImportHandler } from '../../../lib/import/worker-handler';
import type { FromWorker } from '../../../lib/import/worker-protocol';
import { getDb } from '../../../lib/db';
import { SYNC_ENABLED_KEY } from '../../../lib/db/write';
import { readReal, enc, tableCounts } from './helpers';

it('the worker protocol analyses, plans and reports errors (without a worker)', async () => {
  const out: FromWorker[] = [];
  const handle = createImportHandler((m) => out.push(m));
  const buf = readReal('linkedin-Connections.csv');
  await handle({ type: 'analyze', bytes: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
  const analyzed = out.find((m) => m.type === 'analyzed');
  expect(analyzed).toMatchObject({ preset: { id: 'linkedin' }, rows: 5, headerLine: 4, confidence: 1 });
  await handle({ type: 'plan' });
  const planned = out.find((m) => m.type === 'planned');
  expect(planned?.type === 'planned' && planned.dryRun.summary.new).toBe(4);
  expect(await getDb().contacts.count()).toBe(0);
  await handle({ type: 'commit' });
  const done = out.find((m) => m.type === 'done');
  expect(done?.type === 'done' && done.result.created.contacts).toBe(4);
  expect(await getDb().contacts.count()).toBe(4);
  // The plan is spent: a second commit is refused instead of colliding with the records it created.
  await handle({ type: 'commit' });
  expect(out.at(-1)).toMatchObject({ type: 'error', code: 'error' });
  expect(await getDb().contacts.count()).toBe(4);
  await handle({ type: 'analyze', bytes: new ArrayBuffer(0) });
  expect(out.at(-1)).toEqual({ type: 'error', message: 'The file is empty.', code: 'empty' });
});

it('the worker commits through the normal write path: outbox, audit log, search tokens, all or nothing', async () => {
  const out: FromWorker[] = [];
  let cancelAt: number | null = null;
  const handle = createImportHandler((m) => {
    out.push(m);
    if (m.type === 'progress' && m.phase === 'write' && cancelAt !== null && (m.written ?? 0) >= cancelAt) void handle({ type: 'cancel' });
  });
  const db = getDb();
  await db.meta.put({ key: SYNC_ENABLED_KEY, value: true });
  const bytes = (s: string) => enc(s).buffer as ArrayBuffer;
  await handle({
    type: 'analyze',
    bytes: bytes('First Name,Last Name,Email Address,Company\nAnne,Martin,anne@acme.fr,Acme\nBruno,Petit,bruno@acme.fr,Acme\n'),
  });
  await handle({ type: 'plan' });
  await handle({ type: 'commit' });
  expect(out.at(-1)).toMatchObject({ type: 'done', result: { created: { contacts: 2, accounts: 1 } } });
  const anne = await db.contacts.where('emails').equals('anne@acme.fr').first();
  expect(anne?.searchTokens).toContain('martin');
  const outbox = await db.outbox.toArray();
  expect(outbox.map((e) => e.entity).sort()).toEqual(['accounts', 'contacts', 'contacts']);
  expect(await db.audit.count()).toBe(0);

  // A second file fills Anne's job title: an update, with its audit entry and its outbox entry.
  await handle({ type: 'analyze', bytes: bytes('First Name,Last Name,Email Address,Company,Position\nAnne,Martin,anne@acme.fr,Acme,Buyer\n') });
  await handle({ type: 'plan' });
  expect(out.at(-1)).toMatchObject({ type: 'planned', dryRun: { summary: { new: 0, updated: 1 } } });
  await handle({ type: 'commit' });
  expect(out.at(-1)).toMatchObject({ type: 'done', result: { updated: { contacts: 1 } } });
  expect(await db.audit.where('[entity+recordId]').equals(['contacts', anne!.id]).count()).toBe(1);
  expect(await db.outbox.count()).toBe(4);

  // Cancelled after the first 2 000 records were written in the transaction: every table exactly as before.
  const rows = ['First Name,Last Name,E-mail Address'];
  for (let i = 0; i < 6000; i++) rows.push(`A${i},B${i},p${i}@example.org`);
  await handle({ type: 'analyze', bytes: bytes(rows.join('\n')) });
  await handle({ type: 'plan' });
  const before = await tableCounts();
  cancelAt = 2000;
  await handle({ type: 'commit' });
  expect(out.at(-2)).toMatchObject({ type: 'progress', phase: 'write', written: 2000 });
  expect(out.at(-1)).toMatchObject({ type: 'error', code: 'aborted' });
  expect(await tableCounts()).toEqual(before);
});
