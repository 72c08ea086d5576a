/**
 * Executes a suggested next-best-action in one click and records what the user did with it (the feedback the
 * ranking learns from on the next scoring run). Consent is checked again at execution time: a contact may have
 * opted out since the last scoring.
 */
import { browser } from 'wxt/browser';
import { getDb, getLive, insert, logInteraction, update, writeTransaction } from '../../db';
import { lang as uiLang, type Lang } from '../../i18n';
import { ACTION_CATALOGUE, ACTION_TYPES, type ActionType } from '../../scoring/nba';
import { mayContact } from '../../scoring/consent';
import { gmailComposeUrl, mailtoUrl, renderTemplate, templateLang } from '../../scoring/templates';
import { RETRAIN_MIN, shouldRetrain } from '../../scoring/health';
import type { Account, ActionFeedback, Contact, Interaction, Task } from '../../schema';
import { actionLabel, actionTaskTitle } from '../view/scoring-labels';
import type { ActionCompose, ActionComposeRequest } from './compose-action';
import { recordWorkflowRun, type WorkflowRef } from './workflows';

export interface Action {
  type: string;
  contactId?: string | null;
  /** Set when a lifecycle workflow proposed it: what the user does with it goes into the workflows' ledger. */
  workflow?: WorkflowRef;
}

export class ActionBlockedError extends Error {
  constructor(readonly reason: 'do_not_contact' | 'no_consent' | 'no_contact' | 'no_email' | 'unknown_action' | 'no_account') {
    super(`action blocked: ${reason}`);
    this.name = 'ActionBlockedError';
  }
}

export type ExecuteResult =
  | { kind: 'task'; task: Task; feedback: ActionFeedback }
  | { kind: 'email'; url: string; contact: Contact; lang: Lang; feedback: ActionFeedback; compose?: ActionCompose }
  | { kind: 'log'; interaction: Interaction; feedback: ActionFeedback };

export interface ExecuteOptions {
  now?: Date;
  /** Gmail's web compose window (default) or the system mail client (mailto:). */
  useGmail?: boolean;
  /** Signature at the end of email templates. */
  sender?: string;
  /** The UI language, used when the contact's language is neither French nor English. */
  lang?: Lang;
  /** Opens the compose URL; default a new browser tab. */
  openUrl?: (url: string) => Promise<unknown>;
  /**
   * Writes the email with the user's own template of the action's category (lib/panel/commands/compose-action):
   * into the open compose, else a new one. Null falls back to the built-in text below.
   */
  composeEmail?: (req: ActionComposeRequest) => Promise<ActionCompose | null>;
}

const isActionType = (t: string): t is ActionType => (ACTION_TYPES as readonly string[]).includes(t);
const DAY = 86_400_000;

function feedbackInput(accountId: string, action: Action, outcome: ActionFeedback['outcome'], now: Date, snoozeUntil: Date | null = null) {
  return {
    accountId,
    contactId: action.contactId ?? null,
    actionType: action.type,
    outcome,
    at: now.toISOString(),
    snoozeUntil: snoozeUntil?.toISOString() ?? null,
  };
}

/** The action's contact, if it may be contacted for the action's purpose now; else ActionBlockedError. */
async function reachableContact(type: ActionType, contactId: string | null, now: Date): Promise<Contact | null> {
  const def = ACTION_CATALOGUE[type];
  if (!def.needsContact) return contactId ? ((await getLive('contacts', contactId)) ?? null) : null;
  const contact = contactId ? await getLive('contacts', contactId) : undefined;
  if (!contact) throw new ActionBlockedError('no_contact');
  if (contact.doNotContact) throw new ActionBlockedError('do_not_contact');
  if (!mayContact(contact, def.purpose, now)) throw new ActionBlockedError('no_consent');
  return contact;
}

export async function executeAction(accountId: string, action: Action, opts: ExecuteOptions = {}): Promise<ExecuteResult> {
  const now = opts.now ?? new Date();
  const result = await execute(accountId, action, now, opts);
  if (action.workflow)
    await recordWorkflowRun(
      action.workflow,
      { accountId, contactId: action.contactId ?? null },
      'accepted',
      now,
      result.kind === 'task' ? result.task.id : null,
    );
  return result;
}

async function execute(accountId: string, action: Action, now: Date, opts: ExecuteOptions): Promise<ExecuteResult> {
  if (!isActionType(action.type)) throw new ActionBlockedError('unknown_action');
  const account: Account | undefined = await getLive('accounts', accountId);
  if (!account) throw new ActionBlockedError('no_account');
  const contact = await reachableContact(action.type, action.contactId ?? null, now);
  const exec = ACTION_CATALOGUE[action.type].execute;
  const l = opts.lang ?? uiLang.value;
  switch (exec.kind) {
    case 'task':
      return writeTransaction(['tasks', 'feedback'], async () => {
        const task = await insert('tasks', {
          accountId,
          contactId: contact?.id ?? null,
          title: actionTaskTitle(action.type, account.name, l),
          dueAt: new Date(now.getTime() + exec.dueInDays * DAY).toISOString(),
          status: 'open',
          actionType: action.type,
          owner: account.owner,
        });
        const feedback = await insert('feedback', feedbackInput(accountId, action, 'accepted', now));
        return { kind: 'task' as const, task, feedback };
      });
    case 'email': {
      if (!contact) throw new ActionBlockedError('no_contact');
      const to = contact.emails[0];
      if (!to) throw new ActionBlockedError('no_email');
      const lang = templateLang(contact, l);
      const compose = opts.composeEmail ? await opts.composeEmail({ contact, actionType: action.type, templateKey: exec.template, lang }) : null;
      if (compose) {
        const feedback = await insert('feedback', feedbackInput(accountId, action, 'accepted', now));
        return { kind: 'email', url: '', contact, lang, feedback, compose };
      }
      const { subject, body } = renderTemplate(exec.template, lang, contact, account, opts.sender ?? '');
      const url = opts.useGmail === false ? mailtoUrl(to, subject, body) : gmailComposeUrl(to, subject, body);
      await (opts.openUrl ?? ((u: string) => browser.tabs.create({ url: u })))(url);
      const feedback = await insert('feedback', feedbackInput(accountId, action, 'accepted', now));
      return { kind: 'email', url, contact, lang, feedback };
    }
    case 'log': {
      const { interaction } = await logInteraction({
        accountId,
        contactIds: contact ? [contact.id] : [],
        channel: exec.channel,
        direction: 'outbound',
        occurredAt: now.toISOString(),
        subject: actionLabel(action.type, l),
      });
      const feedback = await insert('feedback', feedbackInput(accountId, action, 'accepted', now));
      return { kind: 'log', interaction, feedback };
    }
  }
}

/** Records a dismissal, or a snooze (hidden until snoozeUntil, default 7 days). */
export async function recordFeedback(
  accountId: string,
  action: Action,
  outcome: 'dismissed' | 'snoozed',
  opts: { now?: Date; snoozeDays?: number } = {},
): Promise<ActionFeedback> {
  const now = opts.now ?? new Date();
  const until = outcome === 'snoozed' ? new Date(now.getTime() + (opts.snoozeDays ?? 7) * DAY) : null;
  const feedback = await insert('feedback', feedbackInput(accountId, action, outcome, now, until));
  // a dismissed workflow proposal never comes back; a snoozed one does, after its snooze
  if (outcome === 'dismissed' && action.workflow)
    await recordWorkflowRun(action.workflow, { accountId, contactId: action.contactId ?? null }, 'dismissed', now);
  return feedback;
}

/** Labels the account churned (today unless given) — a label the health model learns from. */
export async function markChurned(accountId: string, churnedAt: string = new Date().toISOString().slice(0, 10)): Promise<Account> {
  return update('accounts', accountId, { lifecycleStage: 'churned', churnedAt });
}

/** Labels the account retained: active, no churn date. */
export async function markRetained(accountId: string): Promise<Account> {
  return update('accounts', accountId, { lifecycleStage: 'active', churnedAt: null });
}

/** Labels available for retraining (as the library counts them): churned = has a churn date; retained = not churned and started a year ago. */
export async function labelCounts(now = new Date()): Promise<{ churned: number; retained: number; min: typeof RETRAIN_MIN; enough: boolean }> {
  const t = now.getTime();
  let churned = 0,
    retained = 0;
  await getDb().accounts.each((a) => {
    if (a.deletedAt) return;
    if (a.churnedAt && Date.parse(a.churnedAt) <= t) churned++;
    else {
      const start = Date.parse(a.contractStart ?? a.createdAt.slice(0, 24));
      if (t - start >= 365 * DAY) retained++;
    }
  });
  return { churned, retained, min: RETRAIN_MIN, enough: shouldRetrain({ churned, retained }) };
}
