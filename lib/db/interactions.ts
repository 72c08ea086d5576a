import Dexie from 'dexie';
import type { Interaction, InteractionInput } from '../schema';
import { getDb } from './db';
import { insert, update, writeTransaction } from './write';

/** An account's interactions, newest first, through the [accountId+occurredAt] index. */
export async function timeline(accountId: string, limit = Infinity): Promise<Interaction[]> {
  const out: Interaction[] = [];
  await getDb()
    .interactions.where('[accountId+occurredAt]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .reverse()
    .until(() => out.length >= limit)
    .each((i) => {
      if (!i.deletedAt) out.push(i);
    });
  return out;
}

export async function findInteractionBySource(site: string, ref: string): Promise<Interaction | undefined> {
  const rows = await getDb().interactions.where('[source.site+source.ref]').equals([site, ref]).toArray();
  return rows.find((r) => !r.deletedAt);
}

/**
 * Logs an interaction; logging the same thread, ticket or profile again (same source) updates the
 * existing one instead of adding a duplicate. Returns whether it was created.
 */
export async function logInteraction(input: InteractionInput): Promise<{ interaction: Interaction; created: boolean }> {
  return writeTransaction(['interactions'], async () => {
    const existing = input.source ? await findInteractionBySource(input.source.site, input.source.ref) : undefined;
    if (existing) {
      const merged = {
        ...input,
        contactIds: [...new Set([...existing.contactIds, ...(input.contactIds ?? [])])],
      };
      return { interaction: await update('interactions', existing.id, merged), created: false };
    }
    return { interaction: await insert('interactions', input), created: true };
  });
}
