/**
 * Sequences, decided (pure; the clock is a parameter): when each step of an enrolment is due, whether a contact may
 * be enrolled, and whether a running enrolment must stop — a reply from the contact after enrolling (logged, or a
 * recognised thread where they are the latest sender, which is logged as an inbound interaction), an objection or a
 * consent lost for the sequence's purpose, do-not-contact, or the account churned. lib/panel/commands/sequences.ts
 * writes what these decide.
 */
import { mayContact, type ConsentLike } from '../scoring/consent';
import type { Enrolment, Sequence, StopReason } from '../schema/sequence';

const DAY = 86_400_000;

export interface PlannedStep {
  index: number;
  templateId: string;
  note: string | null;
  dueAt: string;
}

/** Each step's due time: the delays add up from the enrolment (step 1 at its delay after enrolling). */
export function planSteps(sequence: Pick<Sequence, 'steps'>, enrolledAt: Date): PlannedStep[] {
  let at = enrolledAt.getTime();
  return sequence.steps.map((s, index) => {
    at += s.delayDays * DAY;
    return { index, templateId: s.templateId, note: s.note, dueAt: new Date(at).toISOString() };
  });
}

export type EnrolRefusal = 'archived' | 'no_consent' | 'already_enrolled' | 'churned';

export interface EnrolCheck {
  sequence: Pick<Sequence, 'archived' | 'purpose'>;
  contact: ConsentLike;
  account: AccountLike | null;
  /** The contact's enrolments in this sequence. */
  enrolments: readonly Pick<Enrolment, 'status' | 'deletedAt'>[];
}

export interface AccountLike {
  lifecycleStage: string;
  churnedAt: string | null;
}

const churned = (a: AccountLike | null) => !!a && (a.lifecycleStage === 'churned' || a.churnedAt !== null);

/** Why the contact cannot be enrolled now, or null when they can. */
export function enrolRefusal(c: EnrolCheck, now: Date): EnrolRefusal | null {
  if (c.sequence.archived) return 'archived';
  if (!mayContact(c.contact, c.sequence.purpose, now)) return 'no_consent';
  if (churned(c.account)) return 'churned';
  if (c.enrolments.some((e) => !e.deletedAt && e.status === 'active')) return 'already_enrolled';
  return null;
}

export interface ReplyLike {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  occurredAt: string;
  contactIds: readonly string[];
}

export interface StopContext {
  purpose: Sequence['purpose'];
  contact: ConsentLike | null;
  account: AccountLike | null;
  /** Interactions of the contact (any; only inbound ones after the enrolment count). */
  interactions: readonly ReplyLike[];
}

export interface StopDecision {
  reason: StopReason;
  detail: string | null;
}

/**
 * Whether an active enrolment stops at `now`, and why. A reply wins over the other reasons (it is what the user
 * looks for); a deleted contact counts as an objection (there is nobody left to write to).
 */
export function stopDecision(e: Pick<Enrolment, 'status' | 'enrolledAt' | 'contactId'>, ctx: StopContext, now: Date): StopDecision | null {
  if (e.status !== 'active') return null;
  const from = Date.parse(e.enrolledAt);
  const t = now.getTime();
  let reply: ReplyLike | null = null;
  for (const i of ctx.interactions) {
    if (i.direction !== 'inbound' || !i.contactIds.includes(e.contactId)) continue;
    const at = Date.parse(i.occurredAt);
    if (at > from && at <= t && (!reply || at < Date.parse(reply.occurredAt))) reply = i;
  }
  if (reply) return { reason: 'replied', detail: reply.id };
  if (!ctx.contact || !mayContact(ctx.contact, ctx.purpose, now)) return { reason: 'objected', detail: null };
  if (churned(ctx.account)) return { reason: 'churned', detail: null };
  return null;
}

/** An active enrolment is finished once none of its step tasks is still open. */
export function isFinished(e: Pick<Enrolment, 'status' | 'taskIds'>, tasks: readonly { id: string; status: string; deletedAt: string | null }[]): boolean {
  if (e.status !== 'active' || e.taskIds.length === 0) return false;
  const byId = new Map(tasks.map((x) => [x.id, x] as const));
  return e.taskIds.every((id) => {
    const task = byId.get(id);
    return !task || !!task.deletedAt || task.status === 'done';
  });
}
