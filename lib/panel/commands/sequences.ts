/**
 * Sequences' writes: create or edit a sequence, enrol a contact (one dated task per step, with its reminder through
 * the task table the reminder alarm reads, and the enrolment, in one transaction), stop an enrolment (its open step
 * tasks go), and evaluate every running enrolment's stop rules (lib/lifecycle/sequences.ts), which the background
 * alarm (lib/background/lifecycle.ts) and a logged reply run.
 */
import { getDb, getLive, insert, interactionsOfContacts, remove, update, writeTransaction } from '../../db';
import { translate, type Lang } from '../../i18n';
import { enrolRefusal, isFinished, planSteps, stopDecision, type EnrolRefusal } from '../../lifecycle/sequences';
import { Enrolment, SequenceInput, ValidationError, type Sequence, type StopReason } from '../../schema';

export async function createSequence(input: unknown): Promise<Sequence> {
  const r = SequenceInput.safeParse(input);
  if (!r.success) throw ValidationError.from('sequences', r.error);
  return insert('sequences', r.data);
}

export async function updateSequence(id: string, input: unknown): Promise<Sequence> {
  const r = SequenceInput.safeParse(input);
  if (!r.success) throw ValidationError.from('sequences', r.error);
  return update('sequences', id, r.data);
}

export class EnrolRefusedError extends Error {
  constructor(readonly reason: EnrolRefusal | 'not_found') {
    super(`enrolment refused: ${reason}`);
  }
}

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** Enrols the contact: the step tasks (titled in `lang`) and the enrolment are written together, or nothing is. */
export async function enrolContact(sequenceId: string, contactId: string, now: Date, lang: Lang): Promise<Enrolment> {
  return writeTransaction(['sequences', 'contacts', 'accounts', 'enrolments', 'tasks', 'templates'], async () => {
    const [sequence, contact] = await Promise.all([getLive('sequences', sequenceId), getLive('contacts', contactId)]);
    if (!sequence || !contact) throw new EnrolRefusedError('not_found');
    const account = contact.accountId ? ((await getLive('accounts', contact.accountId)) ?? null) : null;
    const enrolments = (await getDb().enrolments.where('contactId').equals(contactId).toArray()).filter((e) => e.sequenceId === sequenceId);
    const refusal = enrolRefusal({ sequence, contact, account, enrolments }, now);
    if (refusal) throw new EnrolRefusedError(refusal);
    const steps = planSteps(sequence, now);
    const taskIds: string[] = [];
    for (const s of steps) {
      const template = await getLive('templates', s.templateId);
      const title = translate(lang, 'sequence.taskTitle', {
        sequence: sequence.name,
        n: s.index + 1,
        total: steps.length,
        template: template?.name ?? translate(lang, 'sequence.templateGone'),
      });
      const task = await insert('tasks', {
        accountId: contact.accountId,
        contactId,
        title,
        notes: s.note,
        dueAt: s.dueAt,
        status: 'open',
        actionType: 'sequence_step',
        owner: account?.owner ?? null,
      });
      taskIds.push(task.id);
    }
    return insert('enrolments', { sequenceId, contactId, accountId: contact.accountId, enrolledAt: now.toISOString(), status: 'active', taskIds });
  });
}

/** Stops an enrolment and removes its step tasks still open (done ones stay: they happened). */
export async function stopEnrolment(id: string, reason: StopReason, detail: string | null, now: Date): Promise<Enrolment | null> {
  return writeTransaction(['enrolments', 'tasks'], async () => {
    const e = await getLive('enrolments', id);
    if (!e || e.status !== 'active') return null;
    for (const taskId of e.taskIds) {
      const task = await getLive('tasks', taskId);
      if (task && task.status === 'open') await remove('tasks', taskId);
    }
    return update('enrolments', id, { status: 'stopped', stopReason: reason, stoppedAt: now.toISOString(), stopDetail: detail });
  });
}

export interface EvaluateReport {
  stopped: number;
  finished: number;
  active: number;
  /** Enrolments that could not be evaluated (a stored shape that no longer parses); the others go on. */
  skipped?: number;
}

/** Applies the stop and finish rules to every running enrolment (or those of the given contacts). */
export async function evaluateEnrolments(now: Date, contactIds?: readonly string[]): Promise<EvaluateReport> {
  const db = getDb();
  const rows = alive(await db.enrolments.where('status').equals('active').toArray()).filter((e) => !contactIds || contactIds.includes(e.contactId));
  const running: Enrolment[] = [];
  let skipped = 0;
  for (const row of rows) {
    const r = Enrolment.safeParse(row);
    if (r.success) running.push(r.data);
    else skipped++;
  }
  const report: EvaluateReport = { stopped: 0, finished: 0, active: 0, ...(skipped && { skipped }) };
  if (running.length === 0) return report;
  const interactions = await interactionsOfContacts([...new Set(running.map((e) => e.contactId))]);
  for (const e of running) {
    const [sequence, contact, account] = await Promise.all([
      getLive('sequences', e.sequenceId),
      getLive('contacts', e.contactId),
      e.accountId ? getLive('accounts', e.accountId) : Promise.resolve(undefined),
    ]);
    const decision = stopDecision(
      e,
      {
        purpose: sequence?.purpose ?? 'sales',
        contact: contact ?? null,
        account: account ?? null,
        interactions: interactions.filter((i) => i.contactIds.includes(e.contactId)),
      },
      now,
    );
    if (decision) {
      if (await stopEnrolment(e.id, decision.reason, decision.detail, now)) report.stopped++;
      continue;
    }
    const tasks = await db.tasks.bulkGet(e.taskIds);
    if (
      isFinished(
        e,
        tasks.filter((x) => !!x),
      )
    ) {
      await update('enrolments', e.id, { status: 'finished', stoppedAt: now.toISOString() });
      report.finished++;
    } else report.active++;
  }
  return report;
}

/**
 * After an inbound interaction is logged: evaluates its contacts' running enrolments, so a reply stops them at once.
 * Returns how many stopped; a failure is logged and never fails the log itself.
 */
export async function stopOnReply(input: { direction?: string; contactIds?: readonly string[] }, now: Date): Promise<number> {
  const contactIds = input.contactIds ?? [];
  if (input.direction !== 'inbound' || contactIds.length === 0) return 0;
  try {
    return (await evaluateEnrolments(now, contactIds)).stopped;
  } catch (e) {
    console.error('sequences', e);
    return 0;
  }
}
