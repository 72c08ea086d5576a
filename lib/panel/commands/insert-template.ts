/**
 * "Insert a template": renders it for one contact (the variant their A/B assignment gives), writes it into the open
 * Gmail or Outlook compose of the tab the user is on, else opens a compose prefilled with it, else copies it — and
 * records the use (which variant went to whom, when, from which thread) so replies can be counted.
 */
import { getLive, insert, latestUseAmong, liveTemplates, testUseCounts, testVariantOfContact, update, usesOfContacts } from '../../db';
import type { Template, TemplateLang, TemplateUse } from '../../schema';
import { ComposeInsertReply } from '../../messaging/schemas';
import { insertEnvelope } from '../../messaging/compose-protocol';
import { renderMessage, type RenderIssue } from '../../engage/render';
import { assignVariant } from '../../engage/variants';
import { activeVariants, contentFor, recipientLang } from '../../engage/template';
import { fallbackFor, type ComposeTarget } from '../../engage/compose-url';
import { ACTION_TEMPLATE_CATEGORY, CATEGORY_PURPOSE } from '../../engage/categories';
import { mayContact } from '../../scoring/consent';
import { localeForLang } from '../../i18n/format';
import { loadRecipient, type Sender } from '../queries/merge-values';

export interface PreparedMessage {
  template: Template;
  variantId: string;
  variantLabel: string;
  testId: string | null;
  lang: TemplateLang;
  /** The recipient's language had no text: written in the other one. */
  fellBack: boolean;
  subject: string;
  body: string;
  issues: RenderIssue[];
  contactId: string;
  accountId: string | null;
  to: string[];
  /** No consent recorded for what this category is for (the contact may still be answered by hand). */
  consentMissing: boolean;
  doNotContact: boolean;
}

export interface PrepareOptions {
  sender: Sender;
  /** The UI language: used when the contact's is neither French nor English. */
  uiLang: TemplateLang;
  /** Write in this language rather than the contact's. */
  lang?: TemplateLang;
  now?: Date;
}

/** Everything the preview shows and the insert writes, read and rendered ahead of the click. */
export async function prepareMessage(templateId: string, contactId: string, opts: PrepareOptions): Promise<PreparedMessage | null> {
  const now = opts.now ?? new Date();
  const [template, recipient] = await Promise.all([getLive('templates', templateId), loadRecipient(contactId, opts.sender, now)]);
  if (!template || !recipient || activeVariants(template).length === 0) return null;
  const running = template.abTest?.status === 'running' ? template.abTest : null;
  const state = running
    ? await Promise.all([
        testVariantOfContact(template.id, running.id, contactId),
        testUseCounts(
          template.id,
          running.id,
          activeVariants(template).map((v) => v.id),
        ),
      ]).then(([sticky, counts]) => ({ sticky, counts }))
    : { sticky: null, counts: new Map<string, number>() };
  const assigned = assignVariant(template, contactId, state);
  const variant = template.variants.find((v) => v.id === assigned.variantId)!;
  const wanted = opts.lang ?? recipientLang(recipient.contact.language, opts.uiLang);
  const { lang, content, fellBack } = contentFor(variant, wanted);
  const m = renderMessage(content, recipient.facts, { locale: localeForLang(lang), now });
  return {
    template,
    variantId: variant.id,
    variantLabel: variant.label,
    testId: assigned.testId,
    lang,
    fellBack,
    subject: m.subject,
    body: m.body,
    issues: m.issues,
    contactId,
    accountId: recipient.account?.id ?? null,
    to: recipient.email ? [recipient.email] : [],
    consentMissing: !mayContact(recipient.contact, CATEGORY_PURPOSE[template.category], now),
    doNotContact: recipient.contact.doNotContact,
  };
}

/** The tab the user is on, as the panel knows it (lib/panel/active-tab). */
export interface TargetTab {
  id: number | null;
  url: string | null;
  /** The recognised page: a thread or a reply tells where the message is written. */
  context: { site: string; kind: string; ref: string | null } | null;
}

export interface DeliverDeps {
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  openTab(url: string): Promise<unknown>;
  copy(text: string): Promise<void>;
}

export type Delivery =
  | { how: 'inserted'; site: 'gmail' | 'outlook'; kind: 'compose' | 'reply'; atCursor: boolean; subjectSet: boolean }
  | { how: 'opened_compose'; site: 'gmail' | 'outlook'; reason: 'no_compose' | 'not_mail' | 'unreachable' }
  | { how: 'copied'; reason: 'chosen' | 'too_long' | 'open_failed' };

export class DeliveryBlockedError extends Error {
  constructor(readonly reason: 'do_not_contact' | 'empty') {
    super(`template not delivered: ${reason}`);
    this.name = 'DeliveryBlockedError';
  }
}

const isMailPage = (url: string | null) => !!url && /^https:\/\/(mail\.google\.com|outlook\.(office|office365|live)\.com)\//.test(url);

/** Writes the message where the user is writing; never throws for a page that cannot take it (falls back instead). */
export async function deliver(p: PreparedMessage, tab: TargetTab, target: ComposeTarget, deps: DeliverDeps): Promise<Delivery> {
  if (p.doNotContact) throw new DeliveryBlockedError('do_not_contact');
  if (!p.body.trim()) throw new DeliveryBlockedError('empty');
  let reason: 'no_compose' | 'not_mail' | 'unreachable' = 'not_mail';
  if (tab.id != null && isMailPage(tab.url) && target !== 'clipboard') {
    try {
      const reply = ComposeInsertReply.safeParse(await deps.sendToTab(tab.id, insertEnvelope({ subject: p.subject, body: p.body })));
      if (reply.success && reply.data.ok) {
        const { site, kind, atCursor, subjectSet } = reply.data;
        return { how: 'inserted', site, kind, atCursor, subjectSet };
      }
      reason = reply.success && !reply.data.ok && reply.data.reason === 'no_compose' ? 'no_compose' : 'unreachable';
    } catch {
      reason = 'unreachable'; // no content script in that tab (opened before Carnet was installed, say)
    }
  }
  const fb = fallbackFor(target, tab.url, { to: p.to, subject: p.subject, body: p.body });
  if (fb.kind === 'open') {
    try {
      await deps.openTab(fb.url);
      return { how: 'opened_compose', site: fb.site, reason };
    } catch {
      await deps.copy(p.body);
      return { how: 'copied', reason: 'open_failed' };
    }
  }
  await deps.copy(p.body);
  return { how: 'copied', reason: fb.reason };
}

/** Inserting the same template again for the same contact and thread within this window is one use, not two. */
const SAME_USE_MS = 30 * 60_000;

/** Records the use (after the text has landed: the click-to-text path never waits for this write). */
export async function recordUse(p: PreparedMessage, d: Delivery, tab: TargetTab, opts: { actionType?: string | null; now?: Date } = {}): Promise<TemplateUse> {
  const now = opts.now ?? new Date();
  const site = d.how === 'copied' ? null : d.site;
  const threadRef = d.how === 'inserted' && tab.context && tab.context.site === d.site && tab.context.ref ? tab.context.ref.slice(0, 500) : null;
  const recent = (await usesOfContacts([p.contactId])).find(
    (u) =>
      u.templateId === p.template.id &&
      u.threadRef === threadRef &&
      now.getTime() - Date.parse(u.usedAt) < SAME_USE_MS &&
      Date.parse(u.usedAt) <= now.getTime(),
  );
  if (recent) return update('templateUses', recent.id, { usedAt: now.toISOString(), how: d.how, site });
  return insert('templateUses', {
    templateId: p.template.id,
    variantId: p.variantId,
    testId: p.testId,
    contactId: p.contactId,
    accountId: p.accountId,
    lang: p.lang,
    usedAt: now.toISOString(),
    how: d.how,
    site,
    threadRef,
    actionType: opts.actionType ?? null,
  });
}

/**
 * The template a next-best-action writes with: of the action's category, the one used last, else the starter
 * made for that action, else the first. Null when the user has none in that category.
 */
export async function templateForAction(templateKey: string): Promise<Template | null> {
  const category = ACTION_TEMPLATE_CATEGORY[templateKey];
  if (!category) return null;
  const candidates = (await liveTemplates()).filter((t) => t.category === category && activeVariants(t).length > 0);
  if (candidates.length === 0) return null;
  const last = await latestUseAmong(candidates.map((t) => t.id));
  const starterFor: Record<string, string> = {
    renewal_proposal: 'renewal',
    nps_request: 'nps_request',
    referral_request: 'referral',
    reengage: 'win_back',
    upsell: 'upsell',
    birthday: 'birthday',
    welcome: 'welcome',
  };
  return candidates.find((t) => t.id === last?.templateId) ?? candidates.find((t) => t.starterKey === starterFor[templateKey]) ?? candidates[0]!;
}
