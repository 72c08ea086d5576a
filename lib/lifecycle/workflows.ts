/**
 * Lifecycle workflows (pure): rules that, on a clock, propose or schedule an action for an account or a contact —
 * welcome and onboarding of a new account, birthday wishes, renewal reminders, win-back of a dormant or lost
 * account, a recovery call after an NPS detractor answer, a CSAT request after a solved ticket.
 *
 * Every proposal has a key `<rule>|<target>|<period>`: the ledger (workflowRuns) records what was scheduled,
 * accepted or dismissed under that key and the rule never proposes it again. Nothing is proposed to a contact who
 * objected (do-not-contact), has no consent for the action's purpose or withdrew it.
 */
import type { Contact, Purpose } from '../schema/contact';
import type { WorkflowRule } from '../schema/workflow';
import { mayContact } from '../scoring/consent';
import type { Lifecycle } from '../scoring/lifecycle';
import { ACTION_CATALOGUE, daysUntilBirthday, type ActionType } from '../scoring/nba';
import { DAY_MS, ms } from '../scoring/time';
import type { WorkflowMode, WorkflowSettings } from './settings';

export const WORKFLOW_ACTION: Record<WorkflowRule, ActionType> = {
  welcome: 'welcome_new',
  onboarding: 'onboarding_checkin',
  birthday: 'birthday_message',
  renewal: 'renewal_reminder',
  win_back: 'win_back',
  nps_recovery: 'recovery_call',
  csat_request: 'ask_csat',
};

/** The next-best-action types the workflows own: the scoring's own triggers for them stand down when workflows run. */
export const WORKFLOW_ACTION_TYPES: ReadonlySet<ActionType> = new Set([...Object.values(WORKFLOW_ACTION), 'reengage_dormant']);

export interface WorkflowAccount {
  id: string;
  lifecycle: Lifecycle;
  /** When the relationship started, ms (NaN when unknown). */
  startedAt: number;
  /** Last contact or order, ms, or null. */
  lastActivityAt: number | null;
  churnedAt: string | null;
  renewalDate: string | null;
}

export type WorkflowContact = Pick<Contact, 'id' | 'firstName' | 'lastName' | 'emails' | 'birthday' | 'consent' | 'doNotContact'> & {
  deletedAt?: string | null;
};
export interface WorkflowSurvey {
  id: string;
  kind: string;
  score: number;
  contactId: string | null;
  respondedAt: string;
  deletedAt?: string | null;
}
export interface WorkflowInteraction {
  id: string;
  channel: string;
  ticketStatus: string | null;
  contactIds: readonly string[];
  occurredAt: string;
  /** HLC stamp of the last write: when a ticket was last seen in its state. */
  updatedAt: string;
  deletedAt?: string | null;
}

export interface WorkflowInput {
  account: WorkflowAccount;
  /** The account's contacts, most relevant first. */
  contacts: readonly WorkflowContact[];
  surveys: readonly WorkflowSurvey[];
  interactions: readonly WorkflowInteraction[];
  /** Keys already in the ledger. */
  done: ReadonlySet<string>;
}

export type WorkflowReasonKey =
  | 'new_account_days'
  | 'onboarding_days'
  | 'birthday_in_days'
  | 'renewal_in_days'
  | 'dormant_days'
  | 'lost_days'
  | 'nps_detractor'
  | 'ticket_solved';

export interface WorkflowProposal {
  rule: WorkflowRule;
  actionType: ActionType;
  mode: WorkflowMode;
  key: string;
  period: string;
  accountId: string;
  contactId: string | null;
  purpose: Purpose;
  /** When the action is due (the scheduled task's due time). */
  dueAt: string;
  reason: { key: WorkflowReasonKey; params: Record<string, string | number> };
}

export const workflowKey = (rule: WorkflowRule, target: string, period: string) => `${rule}|${target}|${period}`;

const live = (r: { deletedAt?: string | null }) => !r.deletedAt;
const nameOf = (c: WorkflowContact) => `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || '';
const dayIso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** 09:00 UTC of a day: the time a dated reminder falls due. */
const morning = (t: number) => `${dayIso(t)}T09:00:00.000Z`;
/** The ISO instant of an HLC stamp (its first 24 characters). */
const hlcTime = (stamp: string) => ms(stamp.slice(0, 24));

/** Whether a contact may be reached for this purpose now (alive, not do-not-contact, consent granted and not withdrawn). */
export function reachable(c: WorkflowContact, purpose: Purpose, now: Date): boolean {
  return live(c) && mayContact(c, purpose, now);
}

/** The workflows' proposals for one account at `now`, minus those already in the ledger. */
export function workflowProposals(input: WorkflowInput, settings: WorkflowSettings, now: Date): WorkflowProposal[] {
  const { account: a, done } = input;
  const t = now.getTime();
  const out: WorkflowProposal[] = [];
  const contacts = input.contacts.filter(live);
  const firstReachable = (purpose: Purpose) => contacts.find((c) => reachable(c, purpose, now)) ?? null;
  const add = (rule: WorkflowRule, target: string, period: string, p: { contactId: string | null; dueAt: number; reason: WorkflowProposal['reason'] }) => {
    const key = workflowKey(rule, target, period);
    if (done.has(key)) return;
    const actionType = WORKFLOW_ACTION[rule];
    const def = ACTION_CATALOGUE[actionType];
    if (def.needsContact && !p.contactId) return;
    out.push({
      rule,
      actionType,
      mode: settings[rule].mode,
      key,
      period,
      accountId: a.id,
      contactId: p.contactId,
      purpose: def.purpose,
      dueAt: new Date(Math.max(p.dueAt, 0)).toISOString(),
      reason: p.reason,
    });
  };
  const lost = a.lifecycle === 'churned';
  const started = a.startedAt;
  const age = Number.isNaN(started) ? NaN : (t - started) / DAY_MS;

  if (settings.welcome.enabled && !lost && age >= 0 && age < settings.welcome.withinDays) {
    const c = firstReachable(ACTION_CATALOGUE.welcome_new.purpose);
    add('welcome', a.id, 'once', { contactId: c?.id ?? null, dueAt: t, reason: { key: 'new_account_days', params: { days: Math.floor(age) } } });
  }

  const ob = settings.onboarding;
  if (ob.enabled && !lost && age >= ob.afterDays && age < ob.afterDays + ob.withinDays) {
    const c = firstReachable(ACTION_CATALOGUE.onboarding_checkin.purpose);
    add('onboarding', a.id, 'once', {
      contactId: c?.id ?? null,
      dueAt: started + ob.afterDays * DAY_MS,
      reason: { key: 'onboarding_days', params: { days: Math.floor(age) } },
    });
  }

  if (settings.birthday.enabled && !lost) {
    const purpose = ACTION_CATALOGUE.birthday_message.purpose;
    for (const c of contacts) {
      if (!c.birthday || !reachable(c, purpose, now)) continue;
      const days = daysUntilBirthday(c.birthday, now);
      if (days === null || days > settings.birthday.leadDays) continue;
      const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS;
      add('birthday', c.id, String(new Date(day).getUTCFullYear()), {
        contactId: c.id,
        dueAt: ms(morning(day)),
        reason: { key: 'birthday_in_days', params: { days, name: nameOf(c) } },
      });
    }
  }

  const renewal = ms(a.renewalDate);
  if (settings.renewal.enabled && !lost && !Number.isNaN(renewal)) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const days = Math.round((renewal - today) / DAY_MS);
    // Only the tightest lead reached: a renewal set 20 days ahead gets its 30-day reminder, not the 90-day one too.
    const lead = [...settings.renewal.leadDays].sort((x, y) => x - y).find((n) => days <= n);
    if (days >= 0 && lead !== undefined) {
      add('renewal', a.id, `${a.renewalDate!.slice(0, 10)}@${lead}`, {
        contactId: null,
        dueAt: Math.max(t, ms(morning(renewal - lead * DAY_MS))),
        reason: { key: 'renewal_in_days', params: { days } },
      });
    }
  }

  const wb = settings.win_back;
  if (wb.enabled) {
    const c = firstReachable(ACTION_CATALOGUE.win_back.purpose);
    const churnedAt = ms(a.churnedAt);
    if (lost && !Number.isNaN(churnedAt)) {
      const since = Math.floor((t - churnedAt) / DAY_MS);
      if (since >= wb.lostAfterDays && since <= wb.lostMaxDays)
        add('win_back', a.id, `lost:${a.churnedAt!.slice(0, 10)}`, {
          contactId: c?.id ?? null,
          dueAt: t,
          reason: { key: 'lost_days', params: { days: since } },
        });
    } else if (a.lifecycle === 'dormant') {
      const last = a.lastActivityAt ?? started;
      const idle = Number.isNaN(last) ? -1 : Math.floor((t - last) / DAY_MS);
      // A new period after each return to activity: dormant again later is a new win-back.
      add('win_back', a.id, `dormant:${Number.isNaN(last) ? 'never' : dayIso(last)}`, {
        contactId: c?.id ?? null,
        dueAt: t,
        reason: { key: 'dormant_days', params: { days: idle } },
      });
    }
  }

  if (settings.nps_recovery.enabled && !lost) {
    const purpose = ACTION_CATALOGUE.recovery_call.purpose;
    const latest = new Map<string, WorkflowSurvey>();
    for (const s of input.surveys) {
      if (!live(s) || s.kind !== 'nps' || !(ms(s.respondedAt) <= t)) continue;
      const who = s.contactId ?? '';
      const prev = latest.get(who);
      if (!prev || ms(s.respondedAt) > ms(prev.respondedAt)) latest.set(who, s);
    }
    for (const s of latest.values()) {
      const age = (t - ms(s.respondedAt)) / DAY_MS;
      if (s.score > 6 || age > settings.nps_recovery.withinDays) continue;
      const own = s.contactId ? contacts.find((c) => c.id === s.contactId) : undefined;
      const c = own ? (reachable(own, purpose, now) ? own : null) : s.contactId ? null : firstReachable(purpose);
      add('nps_recovery', s.contactId ?? a.id, s.id, {
        contactId: c?.id ?? null,
        dueAt: Math.max(t, ms(s.respondedAt) + DAY_MS),
        reason: { key: 'nps_detractor', params: { score: s.score, name: c ? nameOf(c) : '', days: Math.floor(age) } },
      });
    }
  }

  if (settings.csat_request.enabled) {
    const purpose = ACTION_CATALOGUE.ask_csat.purpose;
    const csatAfter = (contactId: string, at: number) =>
      input.surveys.some((s) => live(s) && s.kind === 'csat' && (s.contactId === contactId || s.contactId === null) && ms(s.respondedAt) >= at);
    for (const i of input.interactions) {
      if (!live(i) || i.channel !== 'ticket' || (i.ticketStatus !== 'solved' && i.ticketStatus !== 'closed')) continue;
      const solvedAt = Math.max(hlcTime(i.updatedAt) || 0, ms(i.occurredAt) || 0);
      const age = (t - solvedAt) / DAY_MS;
      if (!(age >= 0) || age > settings.csat_request.withinDays) continue;
      const c = i.contactIds.map((id) => contacts.find((x) => x.id === id)).find((x): x is WorkflowContact => !!x && reachable(x, purpose, now));
      if (!c || csatAfter(c.id, solvedAt)) continue;
      add('csat_request', c.id, i.id, { contactId: c.id, dueAt: t, reason: { key: 'ticket_solved', params: { days: Math.floor(age), name: nameOf(c) } } });
    }
  }
  return out;
}
