/**
 * The next-best-action hook: an email action ("propose the renewal", "ask for a score"…) writes with the user's own
 * template of the action's category, into the compose they have open, in one click. Null (no template of that
 * category) lets the action fall back to its built-in text.
 */
import type { Contact } from '../../schema';
import type { TemplateLang } from '../../schema/template';
import { getEngageSettings, type EngageSettings } from '../../storage/engage';
import { ensureStarters } from './templates';
import { deliver, prepareMessage, recordUse, templateForAction, type DeliverDeps, type Delivery, type TargetTab } from './insert-template';

export interface ActionCompose {
  delivery: Delivery;
  templateName: string;
  variantLabel: string;
}

export interface ActionComposeRequest {
  contact: Contact;
  actionType: string;
  templateKey: string;
  lang: TemplateLang;
}

export function composeForAction(env: { tab: () => TargetTab; deps: DeliverDeps; now?: () => Date; settings?: () => Promise<EngageSettings> }) {
  return async (req: ActionComposeRequest): Promise<ActionCompose | null> => {
    const now = env.now?.() ?? new Date();
    await ensureStarters(req.lang, now);
    const template = await templateForAction(req.templateKey);
    if (!template) return null;
    const settings = await (env.settings ?? getEngageSettings)();
    const p = await prepareMessage(template.id, req.contact.id, { sender: settings, uiLang: req.lang, now });
    if (!p) return null;
    const tab = env.tab();
    const delivery = await deliver(p, tab, settings.composeTarget, env.deps);
    await recordUse(p, delivery, tab, { actionType: req.actionType, now });
    return { delivery, templateName: template.name, variantLabel: p.variantLabel };
  };
}
