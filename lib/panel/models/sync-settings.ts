import { browser } from 'wxt/browser';
import { sendMessage } from '../../messaging/send';
import { isFirefox } from '../browser-kind';
import { computed, signal } from '@preact/signals';
import { getDb, type CarnetDB } from '../../db/db';
import { disableSync, enableSync, testConnection, type SyncStatus } from '../../sync/client/engine';
import { getSyncStatus } from '../queries/sync';
import { liveSignal } from '../live';
import { discardRejected, discardSetAside, listRejected, listSetAside, retryRejected, retrySetAside } from '../../sync/client/set-aside';
import { isEntityName } from '../../sync/shared/validate';
import { contactName } from '../../schema';
import { SyncError, syncErrorKind, type SyncConfig, type SyncErrorKind } from '../../sync/client/http';
import { loadSyncServer, saveSyncServer, type StoredSyncServer } from '../../background/sync';
import type { MessageKey } from '../../i18n';

/**
 * Settings › Team sync, without the rendering: address checks, the host permission asked at click time, test,
 * turn on/off, sync now, and the status in words. The token is kept in extension storage only (never IndexedDB,
 * never logged) and is sent only to the configured server.
 */

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type UrlCheck = { ok: true; url: string; origin: string } | { ok: false; problem: 'sync.url.empty' | 'sync.url.invalid' | 'sync.url.insecure' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The address as Carnet will use it (no trailing slash), or why it cannot be used. */
export function checkServerUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'sync.url.empty' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, problem: 'sync.url.invalid' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, problem: 'sync.url.invalid' };
  if (u.username || u.password || u.search || u.hash) return { ok: false, problem: 'sync.url.invalid' };
  // The token travels in every request: plain http only where it never crosses a network.
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) return { ok: false, problem: 'sync.url.insecure' };
  const path = u.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${u.origin}${path}`, origin: u.origin };
}

/**
 * The host permission pattern for a server origin, as permissions.request takes it. Chrome's patterns may name a
 * port, and that one port is all Carnet asks for. Firefox's have no port: one with a port is not covered by the
 * manifest's optional `http://127.0.0.1/*` and the request throws, so there the pattern names the host.
 */
export function originPattern(origin: string, withPort = true): string {
  if (withPort) return `${origin}/*`;
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

export interface PermissionsApi {
  request(p: { origins: string[] }): Promise<boolean>;
}

export interface SyncSettingsDeps {
  storage: Parameters<typeof loadSyncServer>[0];
  permissions: PermissionsApi;
  /** False in Firefox, whose match patterns have no port (see originPattern). */
  portInPattern?: boolean;
  /** Asks the background for a sync now (runtime message `syncNow`). */
  askSyncNow: () => Promise<unknown>;
  fetch?: SyncConfig['fetch'];
  db?: () => CarnetDB;
}

export type Notice = { tone: 'info' | 'error'; text: string };

export function errorText(kind: SyncErrorKind | null, message: string | null, tr: Translate): string {
  switch (kind) {
    case 'unauthorized':
    case 'rate_limited':
    case 'not_found':
    case 'server':
    case 'network':
    case 'bad_response':
    case 'storage':
      return tr(`sync.error.${kind}`);
    case 'refused':
      return tr('sync.error.refused', { message: message ?? '' });
    default:
      return tr('sync.error.other', { message: message ?? '' });
  }
}

export interface StatusLines {
  on: boolean;
  state: string;
  lastSuccess: string;
  pending: string;
  error: string | null;
  nextTry: string | null;
  /** "N of your changes were refused by the server", or null. */
  rejected: string | null;
  /** "N team changes could not be applied here", or null. */
  setAside: string | null;
}

/** The sync state in words, from getSyncStatus() (read live from db.meta). */
export function describeStatus(s: SyncStatus, tr: Translate, relative: (iso: string) => string): StatusLines {
  return {
    on: s.enabled,
    state: tr(s.enabled ? 'sync.state.on' : 'sync.state.off'),
    lastSuccess: s.lastSuccessAt ? tr('sync.lastSuccess', { when: relative(new Date(s.lastSuccessAt).toISOString()) }) : tr('sync.never'),
    pending: s.pending > 0 ? tr('sync.pending', { n: s.pending }) : tr('sync.pending.none'),
    error: s.lastError ? tr('sync.lastError', { message: errorText(s.lastErrorKind, s.lastError, tr) }) : null,
    nextTry: s.enabled && s.lastError && s.nextAttemptAt ? tr('sync.nextTry', { when: relative(new Date(s.nextAttemptAt).toISOString()) }) : null,
    rejected: s.rejected > 0 ? tr('sync.rejected', { n: s.rejected }) : null,
    setAside: s.setAside > 0 ? tr('sync.setAside', { n: s.setAside }) : null,
  };
}

export interface ProblemRow {
  key: string;
  /** The record in words: its name when this device holds it, else its kind. */
  what: string;
  reasons: string[];
}

export interface SyncProblems {
  rejected: ProblemRow[];
  setAside: ProblemRow[];
}

function recordLabel(entity: string, row: Record<string, unknown> | undefined, tr: Translate): string {
  const kind = tr(`sync.kind.${isEntityName(entity) ? entity : 'other'}` as MessageKey);
  if (!row) return kind;
  const name =
    entity === 'contacts' ? contactName(row as never) : [row.name, row.subject, row.title].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return name ? `${kind} · ${name}` : kind;
}

/** The two problem lists with each record named, for the status card (read live). */
export async function readSyncProblems(tr: Translate, db: CarnetDB = getDb()): Promise<SyncProblems> {
  const [rejected, setAside] = await Promise.all([listRejected(db), listSetAside(db)]);
  const lookup = async (entity: string | null, id: string | null) =>
    entity && id && isEntityName(entity) ? ((await db.table(entity).get(id)) as Record<string, unknown> | undefined) : undefined;
  return {
    rejected: await Promise.all(
      rejected.map(async (r, i) => ({
        key: `r${i}`,
        what: recordLabel(r.entry.entity, await lookup(r.entry.entity, r.entry.recordId), tr),
        reasons: r.reasons,
      })),
    ),
    setAside: await Promise.all(
      setAside.map(async (e, i) => ({ key: `s${i}`, what: recordLabel(e.entity ?? 'other', await lookup(e.entity, e.recordId), tr), reasons: [e.reason] })),
    ),
  };
}

type Checked = { ok: true; server: StoredSyncServer; origin: string } | { ok: false; notice: Notice };

function checkForm(serverUrl: string, tokenInput: string, tr: Translate): Checked {
  const url = checkServerUrl(serverUrl);
  if (!url.ok) return { ok: false, notice: { tone: 'error', text: tr(url.problem) } };
  const token = tokenInput.trim();
  if (!token) return { ok: false, notice: { tone: 'error', text: tr('sync.token.empty') } };
  return { ok: true, server: { serverUrl: url.url, token }, origin: url.origin };
}

/**
 * Checks the form, asks for the server's host permission (call from the click handler, before any other await:
 * browsers grant it only during a user gesture), then calls GET /v1/me.
 */
async function checkAndConnect(
  deps: SyncSettingsDeps,
  checked: Checked,
  tr: Translate,
): Promise<{ ok: true; server: StoredSyncServer; email: string; team: string } | { ok: false; notice: Notice }> {
  if (!checked.ok) return checked;
  let granted = false;
  try {
    granted = await deps.permissions.request({ origins: [originPattern(checked.origin, deps.portInPattern ?? true)] });
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, notice: { tone: 'error', text: tr('sync.permissionDenied', { origin: checked.origin }) } };
  const config: SyncConfig = { serverUrl: checked.server.serverUrl, token: checked.server.token };
  if (deps.fetch) config.fetch = deps.fetch;
  try {
    const me = await testConnection(config);
    return { ok: true, server: checked.server, email: me.user.email, team: me.team.name };
  } catch (e) {
    return { ok: false, notice: { tone: 'error', text: errorText(syncErrorKind(e), e instanceof SyncError ? e.message : String(e), tr) } };
  }
}

type SyncNowReply = { ok: true; pushed: number; pulled: number } | { ok: false; error: string } | null | undefined;
export type SyncBusy = null | 'test' | 'on' | 'off' | 'sync';

export interface SyncSettingsModelDeps extends SyncSettingsDeps {
  tr: Translate;
  /** "2 minutes ago" for an ISO time, against `now` (ms). */
  relative: (iso: string, now: number) => string;
  now?: () => number;
}

/**
 * Settings › Team sync: the form (address, token), what it is doing, its notice, the sync status and problem
 * lists (live from db.meta), and the actions of its buttons.
 */
export function createSyncSettingsModel(deps: SyncSettingsModelDeps) {
  const { tr } = deps;
  const db = () => (deps.db ?? getDb)();
  const clock = deps.now ?? Date.now;
  const serverUrl = signal('');
  const token = signal('');
  const busy = signal<SyncBusy>(null);
  const notice = signal<Notice | null>(null);
  /** The time "2 minutes ago" is counted from; refreshClock moves it on. */
  const now = signal(clock());
  const status = liveSignal(
    () => null,
    () => getSyncStatus(db()),
  );
  const problems = liveSignal(
    () => null,
    () => readSyncProblems(tr, db()),
  );
  const lines = computed<StatusLines | null>(() => {
    const s = status.value.value;
    const at = now.value;
    return s ? describeStatus(s, tr, (iso) => deps.relative(iso, at)) : null;
  });

  async function busyWhile<T>(what: NonNullable<SyncBusy>, fn: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = what;
    try {
      return await fn();
    } finally {
      busy.value = null;
    }
  }
  const connect = () => checkAndConnect(deps, checkForm(serverUrl.value, token.value, tr), tr);
  const askSyncNow = () => void deps.askSyncNow().catch(() => {});

  return {
    serverUrl,
    token,
    busy,
    notice,
    lines,
    problems: problems.value,
    setServerUrl: (v: string) => {
      serverUrl.value = v;
    },
    setToken: (v: string) => {
      token.value = v;
    },
    refreshClock: () => {
      now.value = clock();
    },
    /** Fills the form from storage (the token field shows the stored token masked). */
    async load(): Promise<StoredSyncServer | null> {
      const stored = await loadSyncServer(deps.storage);
      serverUrl.value = stored?.serverUrl ?? '';
      token.value = stored?.token ?? '';
      return stored;
    },
    /** "Test connection": on success the address and token are saved (sync itself stays as it was). */
    test: () =>
      busyWhile('test', async () => {
        const r = await connect();
        if (!r.ok) {
          notice.value = r.notice;
          return false;
        }
        await saveSyncServer(deps.storage, r.server);
        notice.value = { tone: 'info', text: tr('sync.connected', { email: r.email, team: r.team }) };
        return true;
      }),
    /** "Turn on sync": permission, test, save, queue everything this device holds, and ask for a first sync. */
    turnOn: () =>
      busyWhile('on', async () => {
        const r = await connect();
        if (!r.ok) {
          notice.value = r.notice;
          return false;
        }
        await saveSyncServer(deps.storage, r.server);
        const { queued } = await enableSync(db());
        notice.value = { tone: 'info', text: tr('sync.turnedOn', { n: queued }) };
        askSyncNow();
        return true;
      }),
    /** "Turn off": no more syncing; local data and the saved address stay. */
    turnOff: async (): Promise<void> => {
      await busyWhile('off', async () => {
        await disableSync(db());
        notice.value = { tone: 'info', text: tr('sync.turnedOff') };
      });
    },
    /** "Sync now", through the background (the one place syncs run, one at a time). */
    syncNow: async (): Promise<void> => {
      await busyWhile('sync', async () => {
        let reply: SyncNowReply;
        try {
          reply = (await deps.askSyncNow()) as SyncNowReply;
        } catch (e) {
          reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
        if (reply && reply.ok) notice.value = { tone: 'info', text: tr('sync.done', { pushed: reply.pushed, pulled: reply.pulled }) };
        else if (reply && reply.error === 'no server configured') notice.value = { tone: 'error', text: tr('sync.error.noServer') };
        else if (reply && reply.error === 'locked') notice.value = { tone: 'error', text: tr('crypto.syncPaused') };
        // A failure is shown by the status line (lastError), in the user's language.
        else notice.value = null;
      });
    },
    /** "Send again": refused changes go back to the outbox as the records stand now, then a sync is asked for. */
    sendRejectedAgain: async (): Promise<void> => {
      await busyWhile('sync', async () => {
        const n = await retryRejected(db());
        notice.value = { tone: 'info', text: tr('sync.rejected.requeued', { n }) };
        askSyncNow();
      });
    },
    forgetRejected: () => discardRejected(db()),
    /** "Try again": the set-aside team changes are pulled again (as they stand on the server now). */
    pullSetAsideAgain: async (): Promise<void> => {
      await busyWhile('sync', async () => {
        await retrySetAside(db());
        askSyncNow();
      });
    },
    forgetSetAside: () => discardSetAside(db()),
    dispose: () => {
      status.dispose();
      problems.dispose();
    },
  };
}
export type SyncSettingsModel = ReturnType<typeof createSyncSettingsModel>;

/** The settings card's dependencies in the real panel: extension storage, the permission prompt, the background. */
export function panelSyncDeps(): SyncSettingsDeps {
  return {
    storage: browser.storage.local,
    permissions: browser.permissions,
    portInPattern: !isFirefox(),
    askSyncNow: () => sendMessage('syncNow', {}),
  };
}
