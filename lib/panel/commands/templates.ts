/** Use cases that change templates, their A/B tests and their uses. */
import { stopOnReply } from './sequences';
import { anyTemplateStored, getLive, insert, remove, seedRecords, update, usesOfTemplate } from '../../db';
import type { Template, TemplateInput, TemplateUse, TemplateVariant } from '../../schema';
import { activeVariants, newTestId, nextVariantKey } from '../../engage/template';
import type { Reply } from '../../engage/replies';
import { logWithUndo, type Undoable } from './undoable';
import type { Interaction } from '../../schema';
import { NotFoundError } from '../../db/write';

/** Seeds the starter set the first time templates are opened on a device that never had any. */
export async function ensureStarters(lang: 'fr' | 'en', now = new Date()): Promise<number> {
  if (await anyTemplateStored()) return 0;
  // The starter set's texts (~9 KB) load only on this first run, not with every panel.
  const { starterTemplates } = await import('../../engage/starters');
  return (await seedRecords('templates', starterTemplates(lang, now))).length;
}

export function createTemplate(input: TemplateInput): Promise<Template> {
  return insert('templates', input);
}

/** A new, empty template of a category, ready to edit. */
export function blankTemplate(category: Template['category'], name: string): TemplateInput {
  return {
    name,
    category,
    variants: [{ id: 'a', label: 'A', active: true, fr: { subject: '', body: '' }, en: { subject: '', body: '' } }],
    abTest: null,
    starterKey: null,
  };
}

export async function saveTemplate(id: string, patch: Partial<Pick<Template, 'name' | 'category' | 'variants'>>): Promise<Template> {
  const t = await mustGet(id);
  const variants = patch.variants ?? t.variants;
  return update('templates', id, { ...patch, abTest: testFor({ ...t, variants }, new Date()) });
}

/** Deletes (tombstones) a template; its uses stay, so past A/B results remain in the team's history. */
export function deleteTemplate(id: string): Promise<void> {
  return remove('templates', id);
}

async function mustGet(id: string): Promise<Template> {
  const t = await getLive('templates', id);
  if (!t) throw new NotFoundError('templates', id);
  return t;
}

/**
 * The A/B test a template's variants call for: two or more active variants and no running test start one; a
 * running test with fewer than two active variants stops, keeping the one left.
 */
function testFor(t: Pick<Template, 'variants' | 'abTest'>, now: Date): Template['abTest'] {
  const active = activeVariants(t);
  const running = t.abTest?.status === 'running';
  if (active.length >= 2 && !running)
    return { id: newTestId(now, t.abTest?.id), status: 'running', startedAt: now.toISOString(), stoppedAt: null, winnerVariantId: null };
  if (active.length < 2 && running) return { ...t.abTest!, status: 'stopped', stoppedAt: now.toISOString(), winnerVariantId: active[0]?.id ?? null };
  return t.abTest;
}

/** Adds a variant, a copy of the first active one to start from; with two active variants an A/B test starts. */
export async function addVariant(id: string, now = new Date()): Promise<Template> {
  const t = await mustGet(id);
  const from = activeVariants(t)[0] ?? t.variants[0]!;
  const key = nextVariantKey(t);
  const variants: TemplateVariant[] = [...t.variants, { ...from, id: key.id, label: key.label, active: true }];
  return update('templates', id, { variants, abTest: testFor({ variants, abTest: t.abTest }, now) });
}

/** Removes a variant: dropped if never used, retired (kept for the uses that name it) otherwise. */
export async function removeVariant(id: string, variantId: string, now = new Date()): Promise<Template> {
  const t = await mustGet(id);
  if (activeVariants(t).filter((v) => v.id !== variantId).length === 0) throw new Error('a template keeps at least one variant');
  const used = (await usesOfTemplate(id)).some((u) => u.variantId === variantId);
  const variants = used ? t.variants.map((v) => (v.id === variantId ? { ...v, active: false } : v)) : t.variants.filter((v) => v.id !== variantId);
  return update('templates', id, { variants, abTest: testFor({ variants, abTest: t.abTest }, now) });
}

/** Stops the running test and keeps one variant: the others are retired, every later use gets the winner. */
export async function stopTest(id: string, keepVariantId: string, now = new Date()): Promise<Template> {
  const t = await mustGet(id);
  if (!t.variants.some((v) => v.id === keepVariantId)) throw new Error(`no variant ${keepVariantId}`);
  const variants = t.variants.map((v) => ({ ...v, active: v.id === keepVariantId }));
  const abTest = t.abTest ? { ...t.abTest, status: 'stopped' as const, stoppedAt: now.toISOString(), winnerVariantId: keepVariantId } : null;
  return update('templates', id, { variants, abTest });
}

/** Records on each use the reply found for it, so every device and the team see it (and it outlives retention). */
export async function recordReplies(found: readonly { useId: string; reply: Reply }[]): Promise<number> {
  let n = 0;
  for (const { useId, reply } of found) {
    const u = await getLive('templateUses', useId);
    if (!u) continue;
    await update('templateUses', useId, { repliedAt: reply.at, replyInteractionId: reply.interactionId || null });
    n++;
  }
  return n;
}

/**
 * Logs the contact's reply to a use by hand (when it was not logged from the mail page): an inbound e-mail now,
 * in the use's thread when it had one. Undoable.
 */
export async function logReplyTo(use: TemplateUse, subject: string, now = new Date()): Promise<Undoable<Interaction>> {
  const logged = await logWithUndo({
    accountId: use.accountId,
    contactIds: use.contactId ? [use.contactId] : [],
    channel: 'email',
    direction: 'inbound',
    occurredAt: now.toISOString(),
    subject: subject.slice(0, 1000),
    source: use.threadRef && use.site ? { site: use.site, ref: use.threadRef, url: null } : null,
  });
  // a reply stops the contact's sequences too
  await stopOnReply(logged.value, now);
  return logged;
}

/** A use that was not sent after all (the draft was discarded): removed from the counts. */
export function removeUse(useId: string): Promise<void> {
  return remove('templateUses', useId);
}
