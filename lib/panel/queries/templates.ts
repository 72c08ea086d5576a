import type { Template, TemplateLang, TemplateUse } from '../../schema';
import { contactName } from '../../schema';
import { getDb, getLive, interactionsOfContacts, liveTemplates, useCountsByTemplate, usesOfContacts, usesOfTemplate } from '../../db';
import { analyzeAbTest, type AbAnalysis, type AbOptions } from '../../engage/abtest';
import { matchReplies, type Reply } from '../../engage/replies';
import { templateLanguages } from '../../engage/template';

export interface TemplateRow {
  template: Template;
  uses: number;
  languages: TemplateLang[];
  testRunning: boolean;
}

/** The Templates list: every live template with its use count, languages and whether an A/B test runs. */
export async function templateRows(): Promise<TemplateRow[]> {
  const [templates, counts] = await Promise.all([liveTemplates(), useCountsByTemplate()]);
  return templates.map((template) => ({
    template,
    uses: counts.get(template.id) ?? 0,
    languages: templateLanguages(template),
    testRunning: template.abTest?.status === 'running',
  }));
}

export interface VariantStats {
  variantId: string;
  label: string;
  active: boolean;
  uses: number;
  replies: number;
}

export interface UseRow {
  use: TemplateUse;
  contactName: string | null;
  variantLabel: string;
  reply: Reply | null;
}

export interface TemplateResults {
  template: Template;
  /** Over every use of the template. */
  variants: VariantStats[];
  /** The A/B test (running, or the last one stopped) over the uses assigned in it; null without a test. */
  test: { id: string; status: 'running' | 'stopped'; startedAt: string; winnerVariantId: string | null; variants: VariantStats[]; analysis: AbAnalysis } | null;
  recent: UseRow[];
  /** Replies found now whose use does not record them yet (lib/panel/commands/templates: recordReplies). */
  unrecorded: { useId: string; reply: Reply }[];
  windowDays: number;
}

function statsOf(t: Template, uses: TemplateUse[], replyOf: (u: TemplateUse) => Reply | null, onlyVariants?: Set<string>): VariantStats[] {
  return t.variants
    .filter((v) => !onlyVariants || onlyVariants.has(v.id))
    .map((v) => {
      const mine = uses.filter((u) => u.variantId === v.id);
      return { variantId: v.id, label: v.label, active: v.active, uses: mine.length, replies: mine.filter((u) => replyOf(u)).length };
    });
}

/**
 * A template's uses and replies: each use's reply from the contact's logged inbound e-mails (matched over all
 * their template uses, so one reply answers one use), else the reply the use already records (kept when the
 * interaction itself has gone, e.g. by the retention policy).
 */
export async function templateResults(templateId: string, windowDays: number, ab: AbOptions = {}, recentLimit = 30): Promise<TemplateResults | null> {
  const template = await getLive('templates', templateId);
  if (!template) return null;
  const uses = await usesOfTemplate(templateId);
  const contactIds = [...new Set(uses.map((u) => u.contactId).filter((x): x is string => !!x))];
  const [allUses, interactions, contacts] = await Promise.all([
    usesOfContacts(contactIds),
    interactionsOfContacts(contactIds),
    getDb().contacts.bulkGet(contactIds),
  ]);
  const detected = matchReplies(allUses, interactions, windowDays);
  const replyOf = (u: TemplateUse): Reply | null => detected.get(u.id) ?? (u.repliedAt ? { interactionId: u.replyInteractionId ?? '', at: u.repliedAt } : null);
  const names = new Map(contacts.filter((c) => c && !c.deletedAt).map((c) => [c!.id, contactName(c!)]));

  let test: TemplateResults['test'] = null;
  if (template.abTest) {
    const inTest = uses.filter((u) => u.testId === template.abTest!.id);
    const ids = new Set([
      ...inTest.map((u) => u.variantId),
      ...(template.abTest.status === 'running' ? template.variants.filter((v) => v.active).map((v) => v.id) : []),
    ]);
    const variants = statsOf(template, inTest, replyOf, ids);
    test = {
      id: template.abTest.id,
      status: template.abTest.status,
      startedAt: template.abTest.startedAt,
      winnerVariantId: template.abTest.winnerVariantId,
      variants,
      analysis: analyzeAbTest(
        variants.map((v) => ({ id: v.variantId, uses: v.uses, replies: v.replies })),
        ab,
      ),
    };
  }
  const label = new Map(template.variants.map((v) => [v.id, v.label]));
  const recent = [...uses]
    .sort((a, b) => b.usedAt.localeCompare(a.usedAt))
    .slice(0, recentLimit)
    .map((use) => ({
      use,
      contactName: use.contactId ? (names.get(use.contactId) ?? null) : null,
      variantLabel: label.get(use.variantId) ?? use.variantId,
      reply: replyOf(use),
    }));
  const unrecorded = uses
    .filter((u) => {
      const d = detected.get(u.id);
      return d && (u.replyInteractionId !== d.interactionId || u.repliedAt !== d.at);
    })
    .map((u) => ({ useId: u.id, reply: detected.get(u.id)! }));
  return { template, variants: statsOf(template, uses, replyOf), test, recent, unrecorded, windowDays };
}
