import { RangeSet, type Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import { b64ToBytes } from './cipher';
import { fieldCryptoMiddleware } from './middleware';
import { CryptoConfig, CRYPTO_META_KEY, SESSION_ITEM, SessionValue, cryptoState, keyMatches, setCryptoState } from './state';

type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/** storage.session where it exists (extension pages and worker); null in a plain web page (the bench page). */
export function sessionArea(): SessionArea | null {
  try {
    return (browser?.storage?.session as SessionArea | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function readSession(): Promise<SessionValue | null> {
  const area = sessionArea();
  if (!area) return null;
  const parsed = SessionValue.safeParse((await area.get(SESSION_ITEM))[SESSION_ITEM]);
  return parsed.success ? parsed.data : null;
}

export async function writeSession(value: SessionValue): Promise<void> {
  await sessionArea()?.set({ [SESSION_ITEM]: value });
}

function keyFrom(config: CryptoConfig | null, session: SessionValue | null): Uint8Array | null {
  if (!config || !session?.key) return null;
  const key = b64ToBytes(session.key);
  return keyMatches(config, key) ? key : null;
}

let following = false;

/** Other contexts' unlock, lock, enable and disable reach this one through storage.session. */
function followSession(): void {
  if (following) return;
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
    following = true;
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
    followSession();
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
