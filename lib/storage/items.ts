import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { Currency } from '../schema/common';
import { RateTable } from '../currency/convert';
import { PageContext } from '../schema/page-context';
import type { PageMatch } from '../match/page-match';

/**
 * Extension storage, typed: every key Carnet keeps in browser.storage, with the zod schema its value must parse
 * with and the value used when it is absent or unreadable. Reads parse (a value edited by hand or left by an older
 * version gives the fallback, never a broken screen); writes parse first (a bad value is refused, not stored).
 * Modules declare their item here and read and write it only through readItem / writeItem / watchItem.
 */

export interface StorageItem<T> {
  area: 'local' | 'session';
  key: string;
  schema: z.ZodMiniType<T>;
  fallback: T;
}

/** The part of a storage area the items need (browser.storage.local/session, or a test double). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function defineStorageItem<T>(area: 'local' | 'session', key: string, schema: z.ZodMiniType<T>, fallback: T): StorageItem<T> {
  return { area, key, schema, fallback };
}

const areaOf = (item: StorageItem<unknown>): StorageAreaLike => browser.storage[item.area] as unknown as StorageAreaLike;

export async function readItem<T>(item: StorageItem<T>, area: StorageAreaLike = areaOf(item)): Promise<T> {
  const raw = (await area.get(item.key))[item.key];
  if (raw === undefined) return item.fallback;
  const parsed = item.schema.safeParse(raw);
  return parsed.success ? parsed.data : item.fallback;
}

export async function writeItem<T>(item: StorageItem<T>, value: T, area: StorageAreaLike = areaOf(item)): Promise<T> {
  const parsed = item.schema.parse(value);
  await area.set({ [item.key]: parsed });
  return parsed;
}

export async function removeItem(item: StorageItem<unknown>, area: StorageAreaLike = areaOf(item)): Promise<void> {
  await area.remove(item.key);
}

/** Calls back with the parsed new value whenever another context changes the item. Returns the stop function. */
export function watchItem<T>(item: StorageItem<T>, cb: (value: T) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== item.area || !(item.key in changes)) return;
    const next = changes[item.key]!.newValue;
    const parsed = next === undefined ? null : item.schema.safeParse(next);
    cb(parsed && parsed.success ? parsed.data : item.fallback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// The items (one per feature; keys kept from earlier versions so stored values carry over).

/** The panel's own settings. */
export const Settings = z.object({
  language: z._default(z.nullable(z.enum(['en', 'fr'])), null),
  /** The small badge beside a recognised sender in Gmail. */
  inPageHint: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof Settings>;
export const settingsItem = defineStorageItem('local', 'settings', Settings, Settings.parse({}));

/** Seconds between two checks for due tasks (tests make it 1). */
export const reminderPeriodItem = defineStorageItem('local', 'reminders.periodSeconds', z.number().check(z.gte(1), z.lte(3600)), 60);

const httpUrl = z.string().check(
  z.refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be an http(s) address'),
);

/** The team server and this user's token (the token lives only here: never in IndexedDB, never logged). */
export const StoredSyncServer = z.object({
  serverUrl: httpUrl,
  token: z.string().check(z.minLength(1), z.maxLength(512)),
});
export type StoredSyncServer = z.infer<typeof StoredSyncServer>;
export const syncServerItem = defineStorageItem<StoredSyncServer | null>('local', 'syncServer', z.nullable(StoredSyncServer), null);

/** The reporting currency and its exchange rates (dashboard totals). */
export const ReportingSettings = z.object({
  /** ISO 4217 code; null follows the UI locale (fr → EUR, en-GB → GBP, en-US → USD). */
  currency: z._default(z.nullable(Currency), null),
  /** The user's rates; null = the built-in ECB reference table (so a newer built-in table reaches them). */
  rates: z._default(z.nullable(RateTable), null),
});
export type ReportingSettings = z.infer<typeof ReportingSettings>;
export const reportingItem = defineStorageItem('local', 'reporting', ReportingSettings, ReportingSettings.parse({}));

/**
 * What the background keeps per tab in storage.session (the page's context and who it matched); the panel reads
 * it. The context is parsed with its schema; the match is the background's own output, checked for its shape.
 */
export const TabState = z.object({
  context: PageContext,
  match: z.custom<PageMatch>((v) => !!v && typeof v === 'object' && Array.isArray((v as { others?: unknown }).others)),
  at: z.number(),
});
export type TabState = z.infer<typeof TabState>;
export const tabStateItem = (tabId: number) => defineStorageItem<TabState | null>('session', `tab:${tabId}`, z.nullable(TabState), null);
