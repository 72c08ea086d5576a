import Dexie from 'dexie';
import type { Interaction, Order, SurveyResponse, Template, TemplateUse } from '../schema';
import { getDb } from './db';

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** Every live template, by category then name. */
export async function liveTemplates(): Promise<Template[]> {
  const rows = alive(await getDb().templates.toArray());
  return rows.sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
}

/** Whether any template was ever stored here, tombstones included (seeding happens once). */
export async function anyTemplateStored(): Promise<boolean> {
  return (await getDb().templates.count()) > 0;
}

const ofTemplate = (templateId: string) => getDb().templateUses.where('[templateId+usedAt]').between([templateId, Dexie.minKey], [templateId, Dexie.maxKey]);

/** A template's uses, oldest first. */
export async function usesOfTemplate(templateId: string): Promise<TemplateUse[]> {
  return alive(await ofTemplate(templateId).toArray());
}

/**
 * Uses per variant in one A/B test, counted from the index without reading the rows (so the balance costs the
 * same with 10 or 10 000 uses). A use removed as "not sent" still counts here: the balance is approximate by that much.
 */
export async function testUseCounts(templateId: string, testId: string, variantIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(variantIds.map((v) => getDb().templateUses.where('[templateId+testId+variantId]').equals([templateId, testId, v]).count()));
  return new Map(variantIds.map((v, i) => [v, counts[i]!]));
}

/** The variant a contact already had in this test (their latest use of it), if any. */
export async function testVariantOfContact(templateId: string, testId: string, contactId: string): Promise<string | null> {
  const mine = alive(await getDb().templateUses.where('contactId').equals(contactId).toArray()).filter(
    (u) => u.templateId === templateId && u.testId === testId,
  );
  return mine.sort((a, b) => b.usedAt.localeCompare(a.usedAt))[0]?.variantId ?? null;
}

export async function usesOfContacts(contactIds: readonly string[]): Promise<TemplateUse[]> {
  if (contactIds.length === 0) return [];
  return alive(
    await getDb()
      .templateUses.where('contactId')
      .anyOf([...contactIds])
      .toArray(),
  );
}

/** Use counts per template (live uses). */
export async function useCountsByTemplate(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await getDb().templateUses.each((u) => {
    if (!u.deletedAt) out.set(u.templateId, (out.get(u.templateId) ?? 0) + 1);
  });
  return out;
}

/** The latest use of any of these templates (the one the user reaches for), read from the end of each one's index. */
export async function latestUseAmong(templateIds: readonly string[]): Promise<TemplateUse | undefined> {
  const latest = await Promise.all(
    templateIds.map((id) =>
      ofTemplate(id)
        .reverse()
        .filter((u) => !u.deletedAt)
        .first(),
    ),
  );
  return latest.filter((u): u is TemplateUse => !!u).sort((a, b) => b.usedAt.localeCompare(a.usedAt))[0];
}

/** The live interactions that involve these contacts (the replies are among them). */
export async function interactionsOfContacts(contactIds: readonly string[]): Promise<Interaction[]> {
  if (contactIds.length === 0) return [];
  const rows = await getDb()
    .interactions.where('contactIds')
    .anyOf([...contactIds])
    .distinct()
    .toArray();
  return alive(rows);
}

/** The account's latest order (credit notes included: they are orders too), through [accountId+occurredAt]. */
export async function latestOrderOfAccount(accountId: string): Promise<Order | undefined> {
  let found: Order | undefined;
  await getDb()
    .orders.where('[accountId+occurredAt]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .reverse()
    .until(() => !!found)
    .each((o) => {
      if (!o.deletedAt) found = o;
    });
  return found;
}

/** The contact's latest NPS answer. */
export async function latestNpsOfContact(contactId: string): Promise<SurveyResponse | undefined> {
  const rows = alive(await getDb().surveys.where('contactId').equals(contactId).toArray()).filter((s) => s.kind === 'nps');
  return rows.sort((a, b) => b.respondedAt.localeCompare(a.respondedAt))[0];
}
