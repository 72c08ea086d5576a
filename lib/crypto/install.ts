import { RangeSet, type Dexie } from 'dexie';
import { b64ToBytes, bytesToB64 } from './cipher';
import { fieldCryptoMiddleware } from './middleware';
import { CryptoConfig, CRYPTO_META_KEY, SESSION_ITEM, SessionValue, cryptoState, keyMatches, setCryptoState } from './state';

type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

type ExtensionApi = typeof import('wxt/browser').browser;

/**
 * The extension API of this context, or null where there is none: a dedicated worker (import, scoring) has no
 * extension API, and loading the polyfill there throws, so it is only imported elsewhere. Such a worker gets the
 * session from the page that started it (adoptSession).
 */
let api: Promise<ExtensionApi | null> | null = null;
function extensionApi(): Promise<ExtensionApi | null> {
  const g = globalThis as { WorkerGlobalScope?: unknown; ServiceWorkerGlobalScope?: unknown };
  if (g.WorkerGlobalScope && !g.ServiceWorkerGlobalScope) return Promise.resolve(null);
  api ??= import('wxt/browser').then((m) => m.browser ?? null).catch(() => null);
  return api;
}

/** storage.session where it exists (extension pages and service worker); null in a plain web page (the bench page). */
async function sessionArea(): Promise<SessionArea | null> {
  try {
    return ((await extensionApi())?.storage?.session as SessionArea | undefined) ?? null;
  } catch {
    return null;
  }
}

let adopted: SessionValue | null = null;

/**
 * For a context without extension APIs (a dedicated worker): the session as the page that started it holds it.
 * The page's own key, never the passphrase; it goes from one extension context to another, never to a site.
 */
export function adoptSession(value: SessionValue | null): void {
  adopted = value;
  setCryptoState({ enabled: cryptoState().enabled || !!value?.enabled, key: value?.key ? b64ToBytes(value.key) : null });
}

/** This context's session (enabled flag and key) to hand to a worker it starts. */
export function currentSession(): SessionValue {
  const s = cryptoState();
  return { enabled: s.enabled, key: s.key ? bytesToB64(s.key) : null };
}

async function readSession(): Promise<SessionValue | null> {
  if (adopted) return adopted;
  const area = await sessionArea();
  if (!area) return null;
  const parsed = SessionValue.safeParse((await area.get(SESSION_ITEM))[SESSION_ITEM]);
  return parsed.success ? parsed.data : null;
}

export async function writeSession(value: SessionValue): Promise<void> {
  await (await sessionArea())?.set({ [SESSION_ITEM]: value });
}

function keyFrom(config: CryptoConfig | null, session: SessionValue | null): Uint8Array | null {
  if (!config || !session?.key) return null;
  const key = b64ToBytes(session.key);
  return keyMatches(config, key) ? key : null;
}

let following = false;

/** Other contexts' unlock, lock, enable and disable reach this one through storage.session. */
async function followSession(): Promise<void> {
  if (following) return;
  following = true;
  const browser = await extensionApi();
  if (!browser) return;
  try {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session' || !(SESSION_ITEM in changes)) return;
      const parsed = SessionValue.safeParse(changes[SESSION_ITEM]?.newValue);
      const next = parsed.success ? parsed.data : null;
      setCryptoState({
        enabled: next ? next.enabled : cryptoState().enabled,
        // Key with enabled false: a disable in progress elsewhere (read sealed values, write clear ones).
        key: next?.key ? b64ToBytes(next.key) : null,
      });
      refreshLiveQueries();
    });
  } catch {
    // No extension APIs (a plain page): this context only knows what it does itself.
  }
}

/**
 * Adds the field-encryption layer to a database: the storage middleware, and on open the state from the stored
 * configuration and the session key (Dexie waits for this before any other operation on the database).
 */
export function installFieldCrypto(db: Dexie): void {
  db.use(fieldCryptoMiddleware);
  db.on('ready', async (vip: Dexie) => {
    const raw = (await (vip ?? db).table('meta').get(CRYPTO_META_KEY))?.value;
    const parsed = raw === undefined ? null : CryptoConfig.safeParse(raw);
    const config = parsed?.success ? parsed.data : null;
    const session = config ? await readSession().catch(() => null) : null;
    setCryptoState({ enabled: raw !== undefined, key: keyFrom(config, session) });
    await followSession();
  });
}

/**
 * Makes every liveQuery of this context run again without its cache (Dexie's own signal for "everything may
 * have changed", as after a back-forward navigation): after lock or unlock the same rows read differently.
 */
export function refreshLiveQueries(): void {
  if (typeof dispatchEvent !== 'function' || typeof CustomEvent !== 'function') return;
  dispatchEvent(new CustomEvent('x-storagemutated-1', { detail: { all: new RangeSet(-Infinity, [[]]) } }));
}
