import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, OptionalText, Text } from './common';
import { Site } from './interaction';

/**
 * Message templates (lib/engage renders them) and the record of each use: which variant went to whom, when,
 * from which thread, and whether a reply came (from logged replies, never tracking pixels).
 */
export const TemplateCategory = z.enum(['welcome', 'follow_up', 'renewal', 'win_back', 'birthday', 'survey_request', 'referral_ask']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;
export const TemplateLang = z.enum(['fr', 'en']);
export type TemplateLang = z.infer<typeof TemplateLang>;

/** Variant and test ids: short, stable within their template ('a', 'b', 't-2026-12-03…'). */
export const LocalKey = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a short key (a-z, 0-9, -)'));

export const TemplateContent = z.object({
  subject: z._default(Text(500), ''),
  body: z._default(Text(20000), ''),
});
export type TemplateContent = z.infer<typeof TemplateContent>;

export const TemplateVariant = z.object({
  id: LocalKey,
  label: Text(40).check(z.minLength(1)),
  /** A variant retired when a test stopped (kept so past uses still name it). */
  active: z._default(z.boolean(), true),
  fr: z._default(TemplateContent, { subject: '', body: '' }),
  en: z._default(TemplateContent, { subject: '', body: '' }),
});
export type TemplateVariant = z.infer<typeof TemplateVariant>;

export const AbTestStatus = z.enum(['running', 'stopped']);
export const AbTest = z.object({
  id: LocalKey,
  status: AbTestStatus,
  startedAt: IsoDateTime,
  stoppedAt: z._default(z.nullable(IsoDateTime), null),
  winnerVariantId: z._default(z.nullable(LocalKey), null),
});
export type AbTest = z.infer<typeof AbTest>;

type TemplateShape = { variants: { id: string }[]; abTest: { winnerVariantId: string | null } | null };
const variantsConsistent = z.refine<TemplateShape>(
  (t) =>
    new Set(t.variants.map((v) => v.id)).size === t.variants.length &&
    (!t.abTest?.winnerVariantId || t.variants.some((v) => v.id === t.abTest!.winnerVariantId)),
  { message: 'variant ids must be unique and the winner one of them', path: ['variants'] },
);

export const TemplateFields = {
  name: Text(200).check(z.trim(), z.minLength(1)),
  category: TemplateCategory,
  variants: z.array(TemplateVariant).check(z.minLength(1), z.maxLength(8)),
  abTest: z._default(z.nullable(AbTest), null),
  /** The starter template this one was seeded from (lib/engage/starters). */
  starterKey: OptionalText(64),
};
export const Template = z.object({ ...recordBase, ...TemplateFields }).check(variantsConsistent);
export type Template = z.infer<typeof Template>;
export const TemplateInput = z.object(TemplateFields).check(variantsConsistent);
export type TemplateInput = z.input<typeof TemplateInput>;

/** How the text reached the user's mail: written into an open compose, a compose opened for it, or the clipboard. */
export const TemplateUseHow = z.enum(['inserted', 'opened_compose', 'copied']);
export type TemplateUseHow = z.infer<typeof TemplateUseHow>;

export const TemplateUseFields = {
  templateId: Id,
  variantId: LocalKey,
  /** The A/B test this use was assigned in; null when no test was running. */
  testId: z._default(z.nullable(LocalKey), null),
  contactId: z._default(z.nullable(Id), null),
  accountId: z._default(z.nullable(Id), null),
  lang: TemplateLang,
  usedAt: IsoDateTime,
  how: TemplateUseHow,
  site: z._default(z.nullable(Site), null),
  /** The thread it was written in (Gmail thread id, Outlook conversation id): a reply there counts whenever it comes. */
  threadRef: OptionalText(500),
  /** Set when a next-best-action wrote it. */
  actionType: OptionalText(64),
  /** The first logged reply after the use (see lib/engage/replies), kept so every device and the team see it. */
  repliedAt: z._default(z.nullable(IsoDateTime), null),
  replyInteractionId: z._default(z.nullable(Id), null),
};
export const TemplateUse = z.object({ ...recordBase, ...TemplateUseFields });
export type TemplateUse = z.infer<typeof TemplateUse>;
export const TemplateUseInput = z.object(TemplateUseFields);
export type TemplateUseInput = z.input<typeof TemplateUseInput>;
