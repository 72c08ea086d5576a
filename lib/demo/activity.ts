import type { Channel } from '../schema';
import type { Rng } from './prng';
import { CALL, CHAT, EMAIL, LINKEDIN, MEETING, NOTE, SURVEY_COMMENT, TASK, TICKET, TICKET_SUMMARY, fill, type Valence } from './texts';
import { businessTime, DAY, iso, progress, type AccountPlan, type ContactRef, type DemoInput, type IdMaker } from './plan';
import { PRODUCTS } from './vocab';

const WEEK = 7 * DAY;
const TIER_ACTIVITY = { strategic: 2, key: 1.4, standard: 1, small: 0.6 } as const;
const SENTIMENT = { pos: 'positive', neu: 'neutral', neg: 'negative' } as const;

export interface TicketSeen {
  ms: number;
  valence: Valence;
  contactId: string | null;
}

function activityWindow(plan: AccountPlan): [number, number] {
  const start = Math.max(plan.windowStartMs, plan.firstTouchMs);
  const end = plan.churnedAtMs ?? plan.lastActivityMs ?? plan.nowMs;
  return [start, Math.min(end, plan.nowMs)];
}

/** Relative activity in the week starting at t: the cadence each archetype shows. */
function intensity(plan: AccountPlan, t: number): number {
  let w = plan.archetype === 'prospect' ? 0.6 : 1;
  if (plan.contractStartMs !== null && t < plan.contractStartMs) w *= 0.5;
  if (plan.archetype === 'onboarding' && plan.contractStartMs !== null && t >= plan.contractStartMs && t < plan.contractStartMs + 45 * DAY) w *= 3;
  if (plan.archetype === 'at_risk') w *= 1 - 0.85 * progress(t, plan.declineStartMs, plan.nowMs);
  if (plan.churnedAtMs !== null) w *= 1 - 0.7 * progress(t, plan.churnedAtMs - 150 * DAY, plan.churnedAtMs);
  const d = new Date(t);
  const month = d.getUTCMonth();
  if (month === 7) w *= plan.lang === 'fr' ? 0.35 : 0.8;
  if (month === 11 && d.getUTCDate() > 18) w *= 0.5;
  return w;
}

/** How things are going with the account at time t. */
function decline(plan: AccountPlan, t: number): number {
  if (plan.archetype === 'at_risk') return progress(t, plan.declineStartMs, plan.nowMs);
  if (plan.churnedAtMs !== null) return progress(t, plan.churnedAtMs - 180 * DAY, plan.churnedAtMs);
  return 0;
}

export function valenceAt(rng: Rng, plan: AccountPlan, t: number): Valence {
  const p = decline(plan, t);
  const base = {
    healthy: [0.45, 0.06],
    onboarding: [0.5, 0.08],
    prospect: [0.3, 0.05],
    dormant: [0.25, 0.12],
    at_risk: [0.35, 0.08],
    churned: [0.3, 0.08],
  }[plan.archetype];
  const pos = base[0]! * (1 - p);
  const neg = base[1]! + 0.55 * p;
  const r = rng.next();
  return r < neg ? 'neg' : r < neg + pos ? 'pos' : 'neu';
}

function pickContacts(rng: Rng, contacts: ContactRef[], outbound: boolean): ContactRef[] {
  const pool = outbound ? contacts.filter((c) => !c.doNotContact) : contacts;
  if (pool.length === 0) return [];
  return rng.sample(pool, pool.length > 1 && rng.chance(0.2) ? 2 : 1);
}

const CHANNELS: readonly Channel[] = ['email', 'call', 'meeting', 'linkedin', 'ticket', 'chat', 'note'];
/** Channel weights (in CHANNELS order) for [customer, prospect] × [not negative, negative]. */
const CHANNEL_WEIGHTS = [
  [40, 14, 9, 5, 12, 6, 8],
  [40, 14, 9, 5, 30, 6, 8],
  [40, 14, 9, 12, 0, 2, 8],
  [40, 14, 9, 12, 0, 2, 8],
].map((w) => {
  let sum = 0;
  return w.map((x) => (sum += x) / w.reduce((s, y) => s + y, 0));
});

function channelFor(rng: Rng, plan: AccountPlan, valence: Valence): Channel {
  const cumulative = CHANNEL_WEIGHTS[(plan.archetype === 'prospect' ? 2 : 0) + (valence === 'neg' ? 1 : 0)]!;
  const r = rng.next();
  for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return CHANNELS[i]!;
  return 'note';
}

export function generateInteractions(
  rng: Rng,
  plan: AccountPlan,
  contacts: ContactRef[],
  ids: IdMaker,
  opts: { mean: number; count?: number },
): { records: DemoInput<'interactions'>[]; tickets: TicketSeen[] } {
  const [start, end] = activityWindow(plan);
  if (end <= start) return { records: [], tickets: [] };
  const weekStarts: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let t = start; t < end; t += WEEK) {
    total += intensity(plan, t + WEEK / 2);
    weekStarts.push(t);
    cumulative.push(total);
  }
  if (total <= 0) return { records: [], tickets: [] };
  const k = opts.count ?? rng.poisson((opts.mean * TIER_ACTIVITY[plan.tier] * total) / (730 / 7));
  const times: number[] = [];
  for (let i = 0; i < k; i++) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const t = weekStarts[lo]! + rng.next() * WEEK;
    times.push(Math.max(start, businessTime(rng, Math.min(t, end), end)));
  }
  times.sort((a, b) => a - b);

  const records: DemoInput<'interactions'>[] = [];
  const tickets: TicketSeen[] = [];
  let ticketNo = 0;
  const lang = plan.lang;
  for (const ms of times) {
    const valence = valenceAt(rng, plan, ms);
    let channel = channelFor(rng, plan, valence);
    if (channel === 'ticket' && ticketNo >= 9999) channel = 'email';
    const emailLine = channel === 'email' ? rng.pick(EMAIL[lang][valence]) : undefined;
    const direction = emailLine
      ? (emailLine[2] ?? 'inbound')
      : channel === 'note'
        ? 'internal'
        : channel === 'ticket' || channel === 'chat'
          ? 'inbound'
          : channel === 'meeting'
            ? 'outbound'
            : rng.chance(channel === 'call' ? 0.25 : 0.4)
              ? 'inbound'
              : 'outbound';
    const people = channel === 'note' && rng.chance(0.5) ? [] : pickContacts(rng, contacts, direction === 'outbound');
    const who = people[0];
    const values = {
      first: who?.firstName ?? plan.shortName,
      company: plan.shortName,
      product: rng.pick(PRODUCTS)[lang],
      n: rng.int(5, 80),
      inv: `${lang === 'fr' ? 'FA' : 'INV'}-${new Date(ms).getUTCFullYear()}-${String(plan.index * 1000 + rng.int(1, 999)).padStart(8, '0')}`,
    };
    let subject = '';
    let summary: string | null = null;
    let outcome: DemoInput<'interactions'>['outcome'] = null;
    let ticketStatus: DemoInput<'interactions'>['ticketStatus'] = null;
    let source: DemoInput<'interactions'>['source'] = null;
    let durationMinutes: number | null = null;
    const age = plan.nowMs - ms;
    switch (channel) {
      case 'email': {
        const [s, sum] = emailLine!;
        subject = fill(s, values);
        summary = fill(sum, values);
        outcome = rng.chance(0.2) ? 'follow_up' : null;
        const thread = rng.hex(16);
        source =
          plan.mailSite === 'gmail'
            ? { site: 'gmail', ref: thread, url: `https://mail.google.com/mail/u/0/#inbox/${thread}` }
            : { site: 'outlook', ref: thread, url: `https://outlook.office.com/mail/inbox/id/${thread}` };
        break;
      }
      case 'call':
      case 'meeting': {
        const [s, sum] = rng.pick((channel === 'call' ? CALL : MEETING)[lang][valence]);
        subject = fill(s, values);
        summary = fill(sum, values);
        durationMinutes = channel === 'call' ? rng.int(3, 45) : rng.pick([30, 45, 60, 90]);
        outcome =
          channel === 'call'
            ? valence === 'pos'
              ? rng.pick(['completed', 'meeting_booked'] as const)
              : valence === 'neg'
                ? 'follow_up'
                : rng.pick(['completed', 'no_answer', 'follow_up'] as const)
            : valence === 'neg'
              ? 'follow_up'
              : 'completed';
        if (outcome === 'no_answer') durationMinutes = 1;
        break;
      }
      case 'ticket': {
        ticketNo++;
        subject = fill(rng.pick(TICKET[lang]), values);
        summary = fill(rng.pick(TICKET_SUMMARY[lang][valence]), values);
        const stillOpen = age < 10 * DAY || (plan.archetype === 'at_risk' && age < 90 * DAY && rng.chance(0.35));
        ticketStatus = stillOpen
          ? rng.weighted({ new: 2, open: 4, pending: 2, on_hold: plan.archetype === 'at_risk' ? 2 : 0.5 })
          : rng.chance(0.6)
            ? 'solved'
            : 'closed';
        outcome = stillOpen ? null : 'resolved';
        const ref = String((plan.index + 1) * 10000 + ticketNo);
        source =
          plan.helpdesk === 'zendesk'
            ? { site: 'zendesk', ref, url: `https://carnet-demo.zendesk.com/agent/tickets/${ref}` }
            : { site: 'freshdesk', ref, url: `https://carnet-demo.freshdesk.com/a/tickets/${ref}` };
        if (!stillOpen) tickets.push({ ms, valence, contactId: who?.id ?? null });
        break;
      }
      case 'chat':
        subject = fill(rng.pick(CHAT[lang]), values);
        durationMinutes = rng.int(2, 20);
        break;
      case 'linkedin':
        subject = fill(rng.pick(LINKEDIN[lang]), values);
        break;
      case 'note':
        subject = lang === 'fr' ? 'Note interne' : 'Internal note';
        summary = fill(rng.pick(NOTE[lang][valence]), values);
        break;
    }
    records.push({
      id: ids.next('interactions', ms),
      accountId: plan.id,
      contactIds: people.map((p) => p.id),
      channel,
      direction,
      occurredAt: iso(ms),
      subject,
      summary,
      source,
      outcome,
      sentiment: channel === 'note' && valence === 'neu' ? null : SENTIMENT[valence],
      ticketStatus,
      durationMinutes,
    });
  }
  return { records, tickets };
}

function npsScore(rng: Rng, v: Valence): number {
  return v === 'pos' ? rng.int(9, 10) : v === 'neu' ? rng.int(7, 8) : rng.pick([0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 6]);
}

function comment(rng: Rng, lang: 'fr' | 'en', v: Valence): string | null {
  return rng.chance(v === 'neu' ? 0.3 : 0.6) ? rng.pick(SURVEY_COMMENT[lang][v]) : null;
}

/** NPS for the account's mood at the time of the survey wave; CSAT and CES after solved tickets. */
export function generateSurveys(rng: Rng, plan: AccountPlan, contacts: ContactRef[], tickets: TicketSeen[], ids: IdMaker): DemoInput<'surveys'>[] {
  const out: DemoInput<'surveys'>[] = [];
  if (plan.contractStartMs === null) return out;
  const lastAlive = plan.churnedAtMs ?? plan.nowMs;
  const waves = [plan.nowMs - 400 * DAY, plan.nowMs - 45 * DAY];
  for (const wave of waves) {
    if (wave < plan.contractStartMs + 30 * DAY || wave > lastAlive) continue;
    const respondents = contacts.filter((c) => !c.doNotContact && rng.chance(0.35)).slice(0, 2);
    for (const c of respondents) {
      const ms = Math.min(plan.nowMs - DAY, wave + rng.int(0, 10) * DAY + rng.int(0, 86_399) * 1000);
      let v = valenceAt(rng, plan, ms);
      if (plan.archetype === 'healthy' && v === 'neg' && rng.chance(0.6)) v = 'pos';
      if (decline(plan, ms) > 0.4 && rng.chance(0.6)) v = 'neg';
      out.push({
        id: ids.next('surveys', ms),
        accountId: plan.id,
        contactId: c.id,
        kind: 'nps',
        score: npsScore(rng, v),
        comment: comment(rng, c.lang, v),
        respondedAt: iso(ms),
      });
    }
  }
  for (const t of tickets) {
    const kind = rng.weighted({ csat: 25, ces: 12, none: 63 });
    if (kind === 'none') continue;
    const ms = Math.min(plan.nowMs - 60_000, t.ms + rng.int(2, 72) * 3_600_000);
    const v = t.valence;
    const score =
      kind === 'csat'
        ? v === 'pos'
          ? rng.int(4, 5)
          : v === 'neu'
            ? rng.int(3, 4)
            : rng.int(1, 2)
        : v === 'pos'
          ? rng.int(6, 7)
          : v === 'neu'
            ? rng.int(4, 5)
            : rng.int(1, 3);
    out.push({
      id: ids.next('surveys', ms),
      accountId: plan.id,
      contactId: t.contactId,
      kind,
      score,
      comment: comment(rng, plan.lang, v),
      respondedAt: iso(ms),
    });
  }
  out.sort((a, b) => (a.respondedAt < b.respondedAt ? -1 : a.respondedAt > b.respondedAt ? 1 : 0));
  return out;
}

/** The next-best-action each task template matches, for the tasks that came from a suggestion. */
const TASK_ACTION = ['follow_up', 'prepare_qbr', 'prepare_renewal', 'call_after_ticket', null, 'check_payment', 'propose_upsell'] as const;

export function generateTasks(rng: Rng, plan: AccountPlan, contacts: ContactRef[], ids: IdMaker): DemoInput<'tasks'>[] {
  const n = {
    healthy: rng.int(0, 2),
    at_risk: rng.int(1, 3),
    prospect: rng.int(1, 2),
    onboarding: rng.int(1, 2),
    dormant: rng.int(0, 1),
    churned: rng.chance(0.1) ? 1 : 0,
  }[plan.archetype];
  const out: DemoInput<'tasks'>[] = [];
  for (let i = 0; i < n; i++) {
    const who = contacts.length > 0 ? rng.pick(contacts) : undefined;
    const templateIdx = rng.int(0, TASK[plan.lang].length - 1);
    const state = plan.archetype === 'churned' ? 'done' : rng.weighted({ done: 35, overdue: plan.archetype === 'at_risk' ? 40 : 20, soon: 30, later: 15 });
    let due: number;
    if (state === 'done') due = (plan.churnedAtMs ?? plan.nowMs) - rng.int(2, 120) * DAY;
    else if (state === 'overdue') due = plan.nowMs - rng.int(1, 25) * DAY - rng.int(0, 23) * 3_600_000;
    else if (state === 'soon') due = plan.nowMs + rng.int(2, 14 * 24) * 3_600_000;
    else due = plan.nowMs + rng.int(15, 60) * DAY;
    due = Math.floor(due / 3_600_000) * 3_600_000;
    const created = Math.min(plan.nowMs - 3_600_000, due - rng.int(3, 21) * DAY);
    const doneAt = state === 'done' ? Math.min(plan.nowMs - 3_600_000, due + rng.int(-3, 2) * DAY) : null;
    out.push({
      id: ids.next('tasks', created),
      accountId: plan.id,
      contactId: who?.id ?? null,
      title: fill(TASK[plan.lang][templateIdx]!, {
        first: who?.firstName ?? plan.shortName,
        company: plan.shortName,
        inv: `${plan.lang === 'fr' ? 'FA' : 'INV'}-${new Date(due).getUTCFullYear()}-${String(plan.index * 1000 + rng.int(1, 999)).padStart(8, '0')}`,
      }),
      notes: null,
      dueAt: iso(due),
      status: state === 'done' ? 'done' : 'open',
      doneAt: doneAt === null ? null : iso(doneAt),
      remindedAt: state === 'overdue' ? iso(due) : null,
      actionType: rng.chance(0.3) ? (TASK_ACTION[templateIdx] ?? null) : null,
      owner: plan.owner,
    });
  }
  return out;
}

const FEEDBACK_ACTIONS = ['call_at_risk', 'prepare_renewal', 'propose_upsell', 'reengage_dormant', 'follow_up_detractor'] as const;

export function generateFeedback(rng: Rng, plan: AccountPlan, contacts: ContactRef[], ids: IdMaker): DemoInput<'feedback'>[] {
  if (plan.archetype === 'churned' || !rng.chance(0.25)) return [];
  const out: DemoInput<'feedback'>[] = [];
  for (let i = rng.int(1, 2); i > 0; i--) {
    const at = plan.nowMs - rng.int(1, 60) * DAY - rng.int(0, 86_399) * 1000;
    const outcome = rng.weighted({ accepted: 50, dismissed: 30, snoozed: 20 });
    out.push({
      id: ids.next('feedback', at),
      accountId: plan.id,
      contactId: contacts.length > 0 && rng.chance(0.6) ? rng.pick(contacts).id : null,
      actionType: rng.pick(FEEDBACK_ACTIONS),
      outcome,
      at: iso(at),
      snoozeUntil: outcome === 'snoozed' ? iso(at + rng.pick([7, 14, 30]) * DAY) : null,
    });
  }
  return out;
}
