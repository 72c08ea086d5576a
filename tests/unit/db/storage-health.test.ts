import { describe, expect, it, vi } from 'vitest';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import fc from 'fast-check';
import { CarnetDB, DB_NAME, getDb, setDb } from '../../../lib/db/db';
import { insert, SYNC_ENABLED_KEY } from '../../../lib/db/write';
import { storageProblemOf, watchStorage, type StorageProblem } from '../../../lib/db/storage-health';
import { dismissStorageProblem, followStorage, noteStorageError, reportStorageProblem, storageProblem } from '../../../lib/panel/storage-problem';
import { failureReason, failureText } from '../../../lib/panel/failure';
import { langSetting } from '../../../lib/i18n';

/**
 * A storage layer that refuses writes to the outbox once `full` is set, as the browser does when its quota is
 * reached mid-transaction: the record's own put has gone through by then, so only a rollback removes it.
 */
function quotaMiddleware(state: { full: boolean }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'test-quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) =>
            state.full && name === 'outbox' && req.type !== 'delete'
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : t.mutate(req),
        };
      },
    }),
  };
}

describe('storage problems', () => {
  it('a full storage refuses the write whole: the record put before the outbox entry is rolled back with it, what was stored before is intact', async () => {
    const state = { full: false };
    const db = new CarnetDB();
    db.use(quotaMiddleware(state));
    setDb(db);
    await db.meta.put({ key: SYNC_ENABLED_KEY, value: true });
    const kept = await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['h.dupont@acme.fr'] });
    const outboxBefore = await db.outbox.count();
    state.full = true;
    const error = await insert('contacts', { firstName: 'Marc', lastName: 'Petit', emails: ['marc@acme.fr'] }).catch((e: unknown) => e);
    expect(storageProblemOf(error)).toBe('quota');
    state.full = false;
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual([kept.id]);
    expect(outboxBefore).toBe(1);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('the failure text says what happened, in the UI language, and raises the banner', async () => {
    dismissStorageProblem();
    const full = new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError'));
    langSetting.value = 'en';
    expect(failureText(full)).toMatch(/storage on this device is full/);
    expect(storageProblem.value?.kind).toBe('quota');
    langSetting.value = 'fr';
    expect(failureReason(full)).toMatch(/espace de Carnet sur cet appareil est plein/);
    expect(failureText(new Error('boom'))).toBe('Une erreur est survenue : boom');
    langSetting.value = null;
    dismissStorageProblem();
  });

  it('classifies the errors Dexie and the browsers give, and nothing else', () => {
    expect(storageProblemOf(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(storageProblemOf(new Dexie.QuotaExceededError('full'))).toBe('quota');
    expect(storageProblemOf(Object.assign(new DOMException('The transaction was aborted: quota exceeded', 'AbortError')))).toBe('quota');
    expect(storageProblemOf(new Dexie.BulkError('bulk', [new DOMException('q', 'QuotaExceededError')]))).toBe('quota');
    expect(storageProblemOf(new Dexie.DatabaseClosedError('closed'))).toBe('deleted');
    expect(storageProblemOf(new Dexie.VersionChangeError('upgraded'))).toBe('upgraded');
    expect(storageProblemOf(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable');
    expect(storageProblemOf(new Dexie.ConstraintError('key exists'))).toBeNull();
    expect(storageProblemOf(new Error('a validation error'))).toBeNull();
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(storageProblemOf(loop)).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = storageProblemOf(x);
        expect(r === null || ['quota', 'blocked', 'upgraded', 'deleted', 'unavailable'].includes(r)).toBe(true);
      }),
    );
  });

  it('reports a deletion and another context’s upgrade to the watching context', async () => {
    const seen: StorageProblem[] = [];
    const db = getDb();
    await db.open();
    watchStorage(db, (p) => seen.push(p));
    await Dexie.delete(DB_NAME);
    expect(seen).toEqual(['deleted']);

    const again = new CarnetDB();
    setDb(again);
    await again.open();
    const seen2: StorageProblem[] = [];
    watchStorage(again, (p) => seen2.push(p));
    const newer = new Dexie(DB_NAME);
    newer.version(again.verno + 1).stores({ later: 'id' });
    await newer.open();
    expect(seen2).toEqual(['upgraded']);
    newer.close();
  });

  it('reports an upgrade blocked by a window that keeps the old version open, and clears it once the upgrade goes through', async () => {
    const old = new Dexie(DB_NAME);
    old.version(1).stores({ contacts: 'id' });
    let release: () => void = () => {};
    // An older Carnet that does not let go at once (it closes when its user closes the window).
    old.on('versionchange', () => {
      release = () => old.close();
      return false;
    });
    await old.open();
    setDb(null);
    const db = getDb();
    const stop = followStorage({ addEventListener: vi.fn(), removeEventListener: vi.fn() });
    const opening = db.open();
    await vi.waitFor(() => expect(storageProblem.value?.kind).toBe('blocked'));
    release();
    await opening;
    expect(storageProblem.value).toBeNull();
    stop();
  });

  it('keeps the most serious problem on screen', () => {
    dismissStorageProblem();
    reportStorageProblem('deleted');
    noteStorageError(new DOMException('q', 'QuotaExceededError'));
    expect(storageProblem.value?.kind).toBe('deleted');
    dismissStorageProblem();
    reportStorageProblem('quota');
    reportStorageProblem('upgraded');
    expect(storageProblem.value?.kind).toBe('upgraded');
    dismissStorageProblem();
  });
});
