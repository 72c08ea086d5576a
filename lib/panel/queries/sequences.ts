/**
 * Reads of the Lifecycle screen and of a contact's sequences: the sequences with their enrolment counts, each
 * enrolment with its contact's name and the state of its steps, and the templates a step can use.
 */
import { getDb, liveTemplates } from '../../db';
import { contactName, type Enrolment, type Sequence, type Task } from '../../schema';

export interface SequenceRow {
  sequence: Sequence;
  active: number;
  stopped: number;
  finished: number;
}

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** Every live sequence, newest first, with how many enrolments are running, stopped or finished. */
export async function sequenceRows(): Promise<SequenceRow[]> {
  const db = getDb();
  const [sequences, enrolments] = await Promise.all([db.sequences.toArray(), db.enrolments.toArray()]);
  const counts = new Map<string, SequenceRow>();
  const rows = alive(sequences)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map((sequence) => {
      const row = { sequence, active: 0, stopped: 0, finished: 0 };
      counts.set(sequence.id, row);
      return row;
    });
  for (const e of alive(enrolments)) {
    const row = counts.get(e.sequenceId);
    if (row && (e.status === 'active' || e.status === 'stopped' || e.status === 'finished')) row[e.status]++;
  }
  return rows;
}

export interface StepState {
  index: number;
  dueAt: string;
  status: 'open' | 'done' | 'removed';
}

export interface EnrolmentRow {
  enrolment: Enrolment;
  sequenceName: string;
  contactName: string;
  /** The steps as their tasks say (a step whose task is gone counts as removed). */
  steps: StepState[];
  /** The next open step, for an active enrolment. */
  next: StepState | null;
}

async function rowsOf(enrolments: Enrolment[]): Promise<EnrolmentRow[]> {
  const db = getDb();
  const live = alive(enrolments);
  const [contacts, sequences, tasks] = await Promise.all([
    db.contacts.bulkGet([...new Set(live.map((e) => e.contactId))]),
    db.sequences.bulkGet([...new Set(live.map((e) => e.sequenceId))]),
    db.tasks.bulkGet([...new Set(live.flatMap((e) => e.taskIds))]),
  ]);
  const contactById = new Map(contacts.filter((c) => !!c).map((c) => [c.id, c] as const));
  const sequenceById = new Map(sequences.filter((s) => !!s).map((s) => [s.id, s] as const));
  const taskById = new Map(tasks.filter((x): x is Task => !!x).map((x) => [x.id, x] as const));
  return live
    .sort((a, b) => (a.enrolledAt < b.enrolledAt ? 1 : -1))
    .map((enrolment) => {
      const steps = enrolment.taskIds.map((id, index): StepState => {
        const task = taskById.get(id);
        const status = !task || task.deletedAt ? 'removed' : task.status === 'done' ? 'done' : 'open';
        return { index, dueAt: task?.dueAt ?? '', status };
      });
      const contact = contactById.get(enrolment.contactId);
      return {
        enrolment,
        sequenceName: sequenceById.get(enrolment.sequenceId)?.name ?? '',
        contactName: contact && !contact.deletedAt ? contactName(contact) : '',
        steps,
        next: enrolment.status === 'active' ? (steps.find((s) => s.status === 'open') ?? null) : null,
      };
    });
}

/** The enrolments of one sequence, newest first. */
export async function enrolmentsOfSequence(sequenceId: string): Promise<EnrolmentRow[]> {
  return rowsOf(await getDb().enrolments.where('sequenceId').equals(sequenceId).toArray());
}

/** The enrolments of one contact, newest first. */
export async function enrolmentsOfContact(contactId: string): Promise<EnrolmentRow[]> {
  return rowsOf(await getDb().enrolments.where('contactId').equals(contactId).toArray());
}

export interface TemplateOption {
  id: string;
  name: string;
}

/** The templates a step can send, by name. */
export async function templateOptions(): Promise<TemplateOption[]> {
  return (await liveTemplates()).map((t) => ({ id: t.id, name: t.name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Sequences a contact can be enrolled in (not archived). */
export async function enrollableSequences(): Promise<Sequence[]> {
  return (await sequenceRows()).map((r) => r.sequence).filter((s) => !s.archived);
}
