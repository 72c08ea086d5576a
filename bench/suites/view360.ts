import { h, render } from 'preact';
import { CarnetDB, setDb, insertMany, insertBatch, searchContacts } from '../../lib/db';
import { generateHeavyAccount } from '../../lib/demo';
import { load360 } from '../../lib/panel/queries/record360';
import { Record360 } from '../../components/Record360';
import type { ContactInput, InteractionInput } from '../../lib/schema';
import { median, percentile, profiled, time, type BenchSuite } from '../harness';
import { deleteDb } from '../raw-idb';

const SCALE = Number(new URLSearchParams(location.search).get('scale') ?? '1');
const CONTACTS = Math.round(100_000 * SCALE);
const INTERACTIONS = Math.round(1_000_000 * SCALE);
const NAME = 'bench-360';

function rawOpen(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The reads a 360° view needs, on plain IndexedDB: the physical limit for load360. */
async function raw360(db: IDBDatabase, contactId: string): Promise<number> {
  const tx = db.transaction(['contacts', 'accounts', 'interactions', 'tasks', 'deals', 'surveys', 'scores']);
  const contact = await req(tx.objectStore('contacts').get(contactId));
  const accountId = contact.accountId as string;
  const range = IDBKeyRange.bound([accountId, ''], [accountId, '\uffff']);
  const ix = tx.objectStore('interactions').index('[accountId+occurredAt]');
  const [, , , , , , count] = await Promise.all([
    req(tx.objectStore('accounts').get(accountId)),
    req(tx.objectStore('contacts').index('accountId').getAll(accountId)),
    req(tx.objectStore('scores').get(accountId)),
    req(tx.objectStore('tasks').index('contactId').getAll(contactId)),
    req(tx.objectStore('deals').index('accountId').getAll(accountId)),
    req(tx.objectStore('surveys').index('contactId').getAll(contactId)),
    req(ix.count(range)),
  ]);
  const page: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    const cur = ix.openCursor(range, 'prev');
    cur.onerror = () => reject(cur.error);
    cur.onsuccess = () => {
      const c = cur.result;
      if (!c || page.length >= 30) return resolve();
      if ((c.value.contactIds as string[]).includes(contactId)) page.push(c.value);
      c.continue();
    };
  });
  return count;
}

/** Resolves when `check` holds, tested on every DOM change under `root`: no polling tasks competing with the render. */
function waitFor(root: Node, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the view'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

export const view360Suite: BenchSuite = {
  name: 'view360',
  async run(log) {
    await deleteDb(NAME);
    const db = new CarnetDB(NAME);
    setDb(db);
    await db.open();
    const heavy = generateHeavyAccount({ seed: 7, now: new Date('2026-11-26T00:00:00Z'), interactions: 10_000 });
    await insertBatch({ accounts: heavy.accounts, contacts: heavy.contacts, interactions: heavy.interactions });
    log(`heavy account: ${heavy.interactions.length} interactions`);
    const accounts = Array.from({ length: 1000 }, (_, i) => ({ name: `Société ${i}`, domains: [`societe${i}.fr`] }));
    const accs = await insertMany('accounts', accounts);
    const chunk = 20_000;
    for (let i = 0; i < CONTACTS; i += chunk) {
      const inputs: ContactInput[] = [];
      for (let k = i; k < Math.min(CONTACTS, i + chunk); k++) {
        inputs.push({
          firstName: ['Hélène', 'Marc', 'Zoë', 'Oliver'][k % 4]!,
          lastName: `Nom${k}`,
          emails: [`c${k}@societe${k % 1000}.fr`],
          accountId: accs[k % 1000]!.id,
        });
      }
      await insertMany('contacts', inputs);
    }
    log(`${CONTACTS} contacts`);
    const base = Date.parse('2024-11-26T00:00:00Z');
    for (let i = 0; i < INTERACTIONS; i += chunk) {
      const inputs: InteractionInput[] = [];
      for (let k = i; k < Math.min(INTERACTIONS, i + chunk); k++) {
        inputs.push({ accountId: accs[k % 1000]!.id, channel: 'email', occurredAt: new Date(base + k * 60_000).toISOString(), subject: `Objet ${k}` });
      }
      await insertMany('interactions', inputs);
      if ((i / chunk) % 10 === 0) log(`  interactions ${i + chunk}/${INTERACTIONS}`);
    }
    log(`${INTERACTIONS} interactions`);

    const contactId = heavy.contacts[0]!.id;
    const raw = await rawOpen();
    const loads: number[] = [];
    const raws: number[] = [];
    for (let k = 0; k < 40; k++) {
      loads.push((await time(() => load360({ kind: 'contact', id: contactId })))[0]);
      raws.push((await time(() => raw360(raw, contactId)))[0]);
    }
    // Renders interleaved with raw reads, so a loaded machine slows both alike and their ratio stays meaningful.
    const renders: number[] = [];
    const rawBeside: number[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    await profiled('view360-render', async () => {
      for (let k = 0; k < 60; k++) {
        render(null, host);
        await new Promise((r) => setTimeout(r, 20));
        rawBeside.push((await time(() => raw360(raw, contactId)))[0]);
        const t0 = performance.now();
        render(h(Record360, { refd: { kind: 'contact', id: contactId } }), host);
        await waitFor(host, () => host.querySelectorAll('[data-testid="timeline-item"]').length > 0);
        renders.push(performance.now() - t0);
      }
    });
    log(
      `render ms: median ${median(renders).toFixed(1)}, p95 ${percentile(renders, 95).toFixed(1)}, max ${Math.max(...renders).toFixed(1)}; raw beside: median ${median(rawBeside).toFixed(1)}, p95 ${percentile(rawBeside, 95).toFixed(1)}`,
    );
    render(null, host);
    const searches: number[] = [];
    for (const q of ['hel', 'nom', 'zoe', 'mar', 'oli', 'soc']) {
      for (let k = 0; k < 5; k++) searches.push((await time(() => searchContacts(q, 20)))[0]);
    }
    raw.close();
    db.close();
    setDb(null);
    await deleteDb(NAME);
    const scale = `${CONTACTS} contacts / ${INTERACTIONS + heavy.interactions.length} interactions`;
    return [
      {
        suite: 'view360',
        metric: `360° reads (load360), account with 10 000 interactions, ${scale} (p95)`,
        unit: 'ms',
        carnet: percentile(loads, 95),
        raw: percentile(raws, 95),
        budget: '—',
        pass: true,
      },
      {
        suite: 'view360',
        metric: `360° view rendered (reads + Preact, first timeline rows) (p95; raw = all the 360° reads on plain IndexedDB, same loop)`,
        unit: 'ms',
        carnet: percentile(renders, 95),
        raw: percentile(rawBeside, 95),
        budget: '≤ 50 ms',
        pass: percentile(renders, 95) <= 50,
      },
      {
        suite: 'view360',
        metric: `search, 3-letter prefix over ${CONTACTS} contacts (median / budget on p95)`,
        unit: 'ms',
        carnet: median(searches),
        raw: null,
        budget: '≤ 50 ms',
        pass: percentile(searches, 95) <= 50,
      },
    ];
  },
};
