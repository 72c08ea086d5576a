import { timelinePage } from '../../../lib/panel/queries/timeline';
import { describe, it, expect } from 'vitest';
import { getDb, insert, insertBatch, findContactByEmail, SYNC_ENABLED_KEY } from '../../../lib/db';
import { ValidationError } from '../../../lib/schema';
import { loadDemo, hasData, clearAllData, demoInfo, demoSummary, DemoAlreadyLoadedError, generatePortfolio, DEMO_ENTITIES } from '../../../lib/demo';

const NOW = new Date('2026-03-15T10:00:00.000Z');

async function tableCounts() {
  const db = getDb();
  return Object.fromEntries(await Promise.all(DEMO_ENTITIES.map(async (n) => [n, await db.table(n).count()] as const)));
}

describe('insertBatch', () => {
  it('writes several tables in one transaction, or nothing when one record is invalid', async () => {
    const good = { id: '01960000-0000-7000-8000-000000000001', name: 'Acme', domains: ['acme.fr'] };
    await expect(
      insertBatch({
        accounts: [good],
        contacts: [{ firstName: 'A', lastName: 'B', emails: ['nope'], accountId: good.id }],
      }),
    ).rejects.toThrow(/contacts\[0\].*emails\.0/);
    await expect(insertBatch({ accounts: [{ name: '' }] })).rejects.toBeInstanceOf(ValidationError);
    expect(await getDb().accounts.count()).toBe(0);
    const counts = await insertBatch({ accounts: [good], contacts: [{ firstName: 'Zoë', lastName: 'Ngozi', accountId: good.id }] });
    expect(counts).toEqual({ accounts: 1, contacts: 1 });
    expect((await getDb().accounts.get(good.id))?.searchTokens).toContain('acme');
  });

  it('writes the outbox when sync is on, and only then', async () => {
    await insertBatch({ accounts: [{ name: 'Before sync' }] });
    expect(await getDb().outbox.count()).toBe(0);
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
    await insertBatch({ accounts: [{ name: 'Synced' }] });
    expect(await getDb().outbox.count()).toBe(1);
  });
});

describe('loadDemo', () => {
  // With sync on, the demo is queued whole like any data: a later edit of a demo record must reach a server that
  // holds the whole record (a rename pushed alone once stopped every device's pull).
  it('loads 200 accounts with their relationships, queued whole when sync is on, and reports progress', async () => {
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
    expect(await hasData()).toBe(false);
    const progress: number[] = [];
    const t = performance.now();
    const counts = await loadDemo({ accounts: 200, seed: 'panel', now: NOW, onProgress: (p) => progress.push(p.accountsDone) });
    const ms = performance.now() - t;
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    console.log(`loadDemo 200 accounts (node + fake-indexeddb): ${total} records in ${ms.toFixed(0)} ms — ${demoSummary(counts)}`);
    expect(progress).toEqual([50, 100, 150, 200]);
    expect(await tableCounts()).toEqual(counts);
    expect(counts.accounts).toBe(200);
    expect(await getDb().outbox.count()).toBe(total);
    expect(await hasData()).toBe(true);
    expect(await demoInfo()).toMatchObject({ seed: 'panel', accounts: 200, now: NOW.toISOString() });

    // Same records as the generator, with the generator's ids, readable through the repository functions.
    const first = generatePortfolio({ seed: 'panel', accounts: 200, now: NOW, chunkSize: 50 }).next().value!;
    const account = first.accounts[0]!;
    const stored = await getDb().accounts.get(account.id);
    expect(stored?.name).toBe(account.name);
    expect(stored?.createdAt).toMatch(/Z-[0-9a-f]{4}-/);
    const contact = first.contacts.find((c) => c.emails?.length)!;
    expect((await findContactByEmail(contact.emails![0]!))?.id).toBe(contact.id);
    const mine = first.interactions.filter((i) => i.accountId === account.id);
    const tl = await timelinePage({ accountId: account.id }, 0, Infinity);
    expect(tl.map((i) => i.id)).toEqual(mine.map((i) => i.id).reverse());

    await expect(loadDemo({ accounts: 10, seed: 'panel', now: NOW })).rejects.toBeInstanceOf(DemoAlreadyLoadedError);
  });

  it('clearAllData empties every table and the marker, keeping settings', async () => {
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: false });
    await loadDemo({ accounts: 20, seed: 1, now: NOW });
    await insert('contacts', { firstName: 'Real', lastName: 'Person' });
    await clearAllData();
    expect(Object.values(await tableCounts()).every((n) => n === 0)).toBe(true);
    expect(await hasData()).toBe(false);
    expect(await demoInfo()).toBeUndefined();
    expect((await getDb().meta.get(SYNC_ENABLED_KEY))?.value).toBe(false);
    // And loading again works.
    const counts = await loadDemo({ accounts: 20, seed: 1, now: NOW });
    expect(counts.accounts).toBe(20);
  });

  it('stops between chunks when aborted, leaving whole chunks', async () => {
    const ctrl = new AbortController();
    await expect(
      loadDemo({
        accounts: 100,
        chunkSize: 10,
        now: NOW,
        signal: ctrl.signal,
        onProgress: (p) => {
          if (p.accountsDone === 30) ctrl.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    expect(await getDb().accounts.count()).toBe(30);
    expect(await demoInfo()).toBeUndefined();
  });

  it('adds the heavy benchmark account on request', async () => {
    const counts = await loadDemo({ accounts: 5, now: NOW, heavyAccountInteractions: 2000 });
    expect(counts.accounts).toBe(6);
    const heavy = await getDb().accounts.where('domains').equals('groupe-vasseur.fr').first();
    expect(heavy).toBeDefined();
    expect((await timelinePage({ accountId: heavy!.id }, 0, Infinity)).length).toBe(2000);
  });
});

describe('demoSummary', () => {
  it('names what was loaded, in English and French, skipping empty tables', () => {
    const counts = { accounts: 1, contacts: 1234, interactions: 0, orders: 2, deals: 0, tasks: 0, surveys: 3, segments: 0, feedback: 0 };
    expect(demoSummary(counts)).toBe('1 account, 1,234 contacts, 2 orders, 3 survey responses');
    expect(demoSummary(counts, 'fr')).toMatch(/^1 compte, 1\s234 contacts, 2 commandes, 3 réponses d'enquête$/);
  });
});
