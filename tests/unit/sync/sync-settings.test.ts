// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { SyncError, syncErrorKind } from '../../../lib/sync/client/http';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, insert } from '../../../lib/db';
import { getSyncStatus, type SyncConfig, type SyncStatus } from '../../../lib/sync';
import { translate, type MessageKey } from '../../../lib/i18n';
import { en, fr } from '../../../lib/i18n/catalog';
import { loadSyncServer, SYNC_CONFIG_KEY } from '../../../lib/background/sync';
import {
  checkServerUrl,
  originPattern,
  describeStatus,
  errorText,
  createSyncSettingsModel,
  type SyncSettingsDeps,
  type Translate,
} from '../../../lib/panel/models/sync-settings';
import type { Sql } from '../../../server/db/driver';
import { useTestServer, makeUser, type testServer } from '../../../server/testing';

let sql: Sql;
let server: ReturnType<typeof testServer>;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

const trEn = (k: MessageKey, p?: Record<string, string | number>) => translate('en', k, p);
const trFr = (k: MessageKey, p?: Record<string, string | number>) => translate('fr', k, p);

function harness(grant = true, portInPattern?: boolean) {
  const requested: string[][] = [];
  const calls: string[] = [];
  const sent: string[] = [];
  const fetch: NonNullable<SyncConfig['fetch']> = async (input, init) => {
    calls.push(`${new URL(input).origin}${new URL(input).pathname} ${String((init.headers as Record<string, string>).authorization)}`);
    return server.fetch(input, init);
  };
  const deps: SyncSettingsDeps = {
    storage: fakeBrowser.storage.local,
    permissions: {
      request: async (p) => {
        requested.push(p.origins);
        return grant;
      },
    },
    ...(portInPattern === undefined ? {} : { portInPattern }),
    askSyncNow: async () => {
      sent.push('syncNow');
      return { ok: true, pushed: 2, pulled: 3 };
    },
    fetch,
  };
  return { deps, requested, calls, sent };
}

/** The Team sync card's model over a harness's dependencies, in one language. */
const modelOf = (deps: SyncSettingsDeps, tr: Translate) => createSyncSettingsModel({ ...deps, tr, relative: (iso) => `@${iso}` });

describe('server address', () => {
  it('accepts https anywhere and plain http only on this computer', () => {
    expect(checkServerUrl('  https://carnet.example.com/  ')).toEqual({ ok: true, url: 'https://carnet.example.com', origin: 'https://carnet.example.com' });
    expect(checkServerUrl('https://example.com/carnet/')).toMatchObject({ ok: true, url: 'https://example.com/carnet' });
    expect(checkServerUrl('http://127.0.0.1:8787')).toMatchObject({ ok: true, url: 'http://127.0.0.1:8787', origin: 'http://127.0.0.1:8787' });
    expect(checkServerUrl('http://localhost:3000/')).toMatchObject({ ok: true });
    expect(checkServerUrl('http://carnet.example.com')).toEqual({ ok: false, problem: 'sync.url.insecure' });
    expect(checkServerUrl('')).toEqual({ ok: false, problem: 'sync.url.empty' });
    expect(checkServerUrl('carnet.example.com')).toEqual({ ok: false, problem: 'sync.url.invalid' });
    expect(checkServerUrl('ftp://example.com')).toEqual({ ok: false, problem: 'sync.url.invalid' });
    expect(checkServerUrl('https://user:pw@example.com')).toEqual({ ok: false, problem: 'sync.url.invalid' });
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
    // Firefox: no port in match patterns (one with a port is refused against the manifest's optional origins).
    expect(originPattern('http://127.0.0.1:8787', false)).toBe('http://127.0.0.1/*');
    expect(originPattern('https://carnet.example.com', false)).toBe('https://carnet.example.com/*');
  });
});

describe('test connection and turn on', () => {
  it('asks for the server origin only, then names the user and team; saves the settings in extension storage', async () => {
    const user = await makeUser(sql);
    const h = harness();
    const form = modelOf(h.deps, trEn);
    form.serverUrl.value = 'http://127.0.0.1:8787/';
    form.token.value = ` ${user.token} `;
    expect(await form.test()).toBe(true);
    expect(h.requested).toEqual([['http://127.0.0.1:8787/*']]);
    expect(h.calls).toEqual([`http://127.0.0.1:8787/v1/me Bearer ${user.token}`]);
    expect(form.notice.value).toEqual({ tone: 'info', text: `Connected as ${user.email} (team ${user.teamName}).` });
    expect(await loadSyncServer(fakeBrowser.storage.local)).toEqual({ serverUrl: 'http://127.0.0.1:8787', token: user.token });
    // Testing does not turn sync on, and the token is nowhere in IndexedDB.
    expect((await getSyncStatus()).enabled).toBe(false);
    expect(JSON.stringify(await getDb().meta.toArray())).not.toContain(user.token);
  });

  it('in Firefox asks for the server’s host without its port, which the manifest’s optional origins cover', async () => {
    const user = await makeUser(sql);
    const h = harness(true, false);
    const form = modelOf(h.deps, trEn);
    form.serverUrl.value = 'http://127.0.0.1:8787/';
    form.token.value = user.token;
    expect(await form.test()).toBe(true);
    expect(h.requested).toEqual([['http://127.0.0.1/*']]);
  });

  it('a refused permission or a bad token stops before anything is stored or sent', async () => {
    const user = await makeUser(sql);
    const denied = harness(false);
    const deniedForm = modelOf(denied.deps, trFr);
    deniedForm.serverUrl.value = 'https://carnet.example.com';
    deniedForm.token.value = user.token;
    expect(await deniedForm.turnOn()).toBe(false);
    expect(denied.calls).toEqual([]);
    expect(deniedForm.notice.value).toEqual({ tone: 'error', text: 'Carnet a besoin de votre autorisation pour joindre https://carnet.example.com.' });
    expect((await fakeBrowser.storage.local.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY]).toBeUndefined();

    const h = harness();
    const form = modelOf(h.deps, trEn);
    form.serverUrl.value = 'http://127.0.0.1:8787';
    form.token.value = 'not-a-token';
    expect(await form.turnOn()).toBe(false);
    expect(form.notice.value?.text).toBe(en['sync.error.unauthorized']);
    expect((await getSyncStatus()).enabled).toBe(false);
    expect(h.sent).toEqual([]);
    expect(await loadSyncServer(fakeBrowser.storage.local)).toBeNull();

    form.token.value = '';
    expect(await form.turnOn()).toBe(false);
    expect(form.notice.value?.text).toBe(en['sync.token.empty']);
    expect(h.requested).toHaveLength(1);
  });

  it('turn on queues everything the device holds and asks the background to sync; turn off empties the queue', async () => {
    const user = await makeUser(sql);
    await insert('contacts', { firstName: 'Léa', lastName: 'Roux' });
    await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
    const h = harness();
    const form = modelOf(h.deps, trEn);
    form.serverUrl.value = 'http://localhost:8787';
    form.token.value = user.token;
    expect(await form.turnOn()).toBe(true);
    expect(h.sent).toEqual(['syncNow']);
    expect(await getSyncStatus()).toMatchObject({ enabled: true, pending: 2 });
    expect(form.notice.value?.text).toBe('Sync is on: this device’s 2 records are being sent.');
    // The card's status lines follow db.meta live.
    await vi.waitFor(() => expect(form.lines.value).toMatchObject({ on: true, pending: 'Changes waiting to be sent: 2.' }));
    await form.syncNow();
    expect(form.notice.value?.text).toBe('Synced: 2 sent, 3 received.');
    await form.turnOff();
    expect(await getSyncStatus()).toMatchObject({ enabled: false, pending: 0 });
    // The address stays for next time; the form reloads it.
    form.serverUrl.value = '';
    await form.load();
    expect(form.serverUrl.value).toBe('http://localhost:8787');
    await vi.waitFor(() => expect(form.lines.value?.on).toBe(false));
    form.dispose();
  });
});

describe('status in words', () => {
  const base: SyncStatus = {
    enabled: true,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    lastErrorKind: null,
    failures: 0,
    nextAttemptAt: null,
    pending: 0,
    cursor: 0,
    rejected: 0,
    setAside: 0,
  };
  const rel = (iso: string) => `@${iso}`;

  it('says off, never, pending and the last error in the user’s language', () => {
    expect(describeStatus({ ...base, enabled: false }, trEn, rel)).toMatchObject({ on: false, state: en['sync.state.off'], error: null });
    const s = describeStatus(
      {
        ...base,
        lastSuccessAt: Date.UTC(2025, 0, 2, 3, 4, 5),
        pending: 4,
        lastError: 'Could not reach the sync server (x).',
        lastErrorKind: 'network',
        nextAttemptAt: Date.UTC(2025, 0, 2, 3, 5),
      },
      trFr,
      rel,
    );
    expect(s).toEqual({
      on: true,
      state: fr['sync.state.on'],
      lastSuccess: 'Dernière synchronisation @2025-01-02T03:04:05.000Z.',
      pending: 'Modifications en attente d’envoi : 4.',
      error: `Dernier problème : ${fr['sync.error.network']}`,
      nextTry: 'Prochain essai automatique @2025-01-02T03:05:00.000Z.',
      rejected: null,
      setAside: null,
    });
    expect(describeStatus(base, trEn, rel)).toMatchObject({ lastSuccess: 'Not synced yet.', pending: 'Every change has been sent.', nextTry: null });
    expect(describeStatus({ ...base, rejected: 2, setAside: 3 }, trEn, rel)).toMatchObject({
      rejected: en['sync.rejected'].replace('{n}', '2'),
      setAside: en['sync.setAside'].replace('{n}', '3'),
    });
  });

  it('has a message for every kind of failure, with the server’s words where they matter', () => {
    for (const kind of ['unauthorized', 'rate_limited', 'not_found', 'server', 'network', 'bad_response', 'storage'] as const) {
      expect(errorText(kind, 'x', trEn)).toBe(en[`sync.error.${kind}`]);
      expect(errorText(kind, 'x', trFr)).not.toBe(errorText(kind, 'x', trEn));
    }
    expect(errorText('refused', 'contacts.emails: bad', trEn)).toBe('The server refused some changes: contacts.emails: bad');
    expect(errorText(null, 'boom', trFr)).toBe('La synchronisation a échoué : boom');
  });

  it('names a pull that this device could not store as a storage problem, not a server one', () => {
    expect(syncErrorKind(new Dexie.AbortError('aborted', new DOMException('quota', 'QuotaExceededError')))).toBe('storage');
    expect(syncErrorKind(new Dexie.DatabaseClosedError('closed'))).toBe('storage');
    expect(syncErrorKind(new Error('a bug'))).toBe('other');
    expect(syncErrorKind(new SyncError('offline', null, 'network'))).toBe('network');
  });
});
