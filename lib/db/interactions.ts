import type { Interaction, InteractionInput } from '../schema';
import { getDb } from './db';
import { insert, update, writeTransaction } from './write';

export async function findInteractionBySource(site: string, ref: string): Promise<Interaction | undefined> {
  const rows = await getDb().interactions.where('[source.site+source.ref]').equals([site, ref]).toArray();
  return rows.find((r) => !r.deletedAt);
}

/**
 * The id of an interaction logged from a source (thread, ticket, profile): UUIDv7-shaped, derived from a SHA-256
 * of the site and reference, so two devices that log the same Gmail thread create the same record and sync merges
 * them field-wise instead of keeping two. No team in the hash: the server keys rows by team anyway.
 */
export async function sourceInteractionId(site: string, ref: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`carnet-interaction\u0000${site}\u0000${ref}`)));
  const b = digest.slice(0, 16);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Logs an interaction; logging the same thread, ticket or profile again (same source) updates the
 * existing one instead of adding a duplicate. Returns whether it was created. Do not call inside another
 * transaction: the source id is hashed (asynchronously) before this one opens.
 */
export async function logInteraction(input: InteractionInput): Promise<{ interaction: Interaction; created: boolean }> {
  const derivedId = input.source ? await sourceInteractionId(input.source.site, input.source.ref) : undefined;
  return writeTransaction(['interactions'], async () => {
    const existing = input.source ? await findInteractionBySource(input.source.site, input.source.ref) : undefined;
    if (existing) {
      const merged = {
        ...input,
        contactIds: [...new Set([...existing.contactIds, ...(input.contactIds ?? [])])],
      };
      return { interaction: await update('interactions', existing.id, merged), created: false };
    }
    // The derived id is taken only by a tombstone here (a live one was found above): deleted stays deleted, so
    // logging the source again makes a new record with a fresh id.
    const id = derivedId && !(await getDb().interactions.get(derivedId)) ? derivedId : undefined;
    return { interaction: await insert('interactions', id ? { ...input, id } : input), created: true };
  });
}
