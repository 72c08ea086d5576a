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

export async function usesOfTemplate(templateId: string): Promise<TemplateUse[]> {
  return alive(await getDb().templateUses.where('templateId').equals(templateId).toArray());
}

export async function usesOfContacts(contactIds: readonly string[]): Promise<TemplateUse[]> {
  if (contactIds.length === 0) return [];
  return alive(await getDb().templateUses.where('contactId').anyOf([...contactIds]).toArray());
}

/** Use counts per template (live uses). */
export async function useCountsByTemplate(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await getDb().templateUses.each((u) => {
    if (!u.deletedAt) out.set(u.templateId, (out.get(u.templateId) ?? 0) + 1);
  });
  return out;
}

/** The latest use of any of these templates (the one the user reaches for). */
export async function latestUseAmong(templateIds: readonly string[]): Promise<TemplateUse | undefined> {
  if (templateIds.length === 0) return undefined;
  const uses = alive(await getDb().templateUses.where('templateId').anyOf([...templateIds]).toArray());
  return uses.sort((a, b) => b.usedAt.localeCompare(a.usedAt))[0];
}

/** The live interactions that involve these contacts (the replies are among them). */
export async function interactionsOfContacts(contactIds: readonly string[]): Promise<Interaction[]> {
  if (contactIds.length === 0) return [];
  const rows = await getDb().interactions.where('contactIds').anyOf([...contactIds]).distinct().toArray();
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
