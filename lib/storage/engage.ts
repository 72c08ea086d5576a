import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { COMPOSE_TARGETS, type ComposeTarget } from '../engage/compose-url';
import { DEFAULT_REPLY_WINDOW_DAYS } from '../engage/replies';

/**
 * The user's own writing settings for templates (this browser only: each person signs their own mail): the name and
 * signature the {{myName}} and {{signature}} fields write, where a template goes when no compose window is open,
 * and how many days after a use an inbound e-mail counts as its reply.
 */
export const EngageSettings = z.object({
  myName: z._default(z.string().check(z.maxLength(200)), ''),
  signature: z._default(z.string().check(z.maxLength(2000)), ''),
  composeTarget: z._default(z.enum(COMPOSE_TARGETS as [ComposeTarget, ...ComposeTarget[]]), 'auto'),
  replyWindowDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(90)), DEFAULT_REPLY_WINDOW_DAYS),
});
export type EngageSettings = z.infer<typeof EngageSettings>;

export const DEFAULT_ENGAGE_SETTINGS: EngageSettings = EngageSettings.parse({});

const item = storage.defineItem<unknown>('local:engage.settings', { fallback: {} });

/** The settings, defaults filled in; a corrupt stored value gives the defaults rather than an error. */
export async function getEngageSettings(): Promise<EngageSettings> {
  const parsed = EngageSettings.safeParse((await item.getValue()) ?? {});
  return parsed.success ? parsed.data : DEFAULT_ENGAGE_SETTINGS;
}

/** Saves a change; an invalid value is refused with the schema's error and nothing is written. */
export async function saveEngageSettings(patch: Partial<EngageSettings>): Promise<EngageSettings> {
  const next = EngageSettings.parse({ ...(await getEngageSettings()), ...patch });
  await item.setValue(next);
  return next;
}

export function watchEngageSettings(cb: (s: EngageSettings) => void): () => void {
  return item.watch((v) => {
    const parsed = EngageSettings.safeParse(v ?? {});
    cb(parsed.success ? parsed.data : DEFAULT_ENGAGE_SETTINGS);
  });
}
