import type { Contact, Interaction, SurveyResponse, Task, ActionFeedback, Order, Deal, Score, TemplateUse, Enrolment, Referral, WorkflowRun } from '../schema';
import type { AuditEntry } from '../db/db';
import { getDb } from '../db/db';
import { fromStored } from '../db/write';

/** Everything Carnet holds that is about one person (tombstones included: they are still held). */
export interface PersonData {
  contact: Contact;
  interactions: Interaction[];
  surveys: SurveyResponse[];
  tasks: Task[];
  feedback: ActionFeedback[];
  orders: Order[];
  deals: Deal[];
  /** Which message templates were written to them, when, and whether they replied. */
  templateUses: TemplateUse[];
  /** Sequences they were enrolled in, referrals they made, what lifecycle workflows proposed for them. */
  enrolments: Enrolment[];
  referrals: Referral[];
  workflowRuns: WorkflowRun[];
  accountScore: Score | null;
  audit: AuditEntry[];
}

export async function collectPersonData(contactId: string): Promise<PersonData | null> {
  const db = getDb();
  const contact = fromStored(await db.contacts.get(contactId));
  if (!contact) return null;
  const [interactions, surveys, tasks, feedback, orders, deals, templateUses, enrolments, referrals, workflowRuns, audit] = await Promise.all([
    db.interactions.where('contactIds').equals(contactId).toArray(),
    db.surveys.where('contactId').equals(contactId).toArray(),
    db.tasks.where('contactId').equals(contactId).toArray(),
    db.feedback.filter((f) => f.contactId === contactId).toArray(),
    db.orders.where('contactId').equals(contactId).toArray(),
    db.deals.filter((d) => d.contactId === contactId).toArray(),
    db.templateUses.where('contactId').equals(contactId).toArray(),
    db.enrolments.where('contactId').equals(contactId).toArray(),
    db.referrals.where('referrerContactId').equals(contactId).toArray(),
    db.workflowRuns.where('contactId').equals(contactId).toArray(),
    db.audit.where('[entity+recordId]').equals(['contacts', contactId]).toArray(),
  ]);
  const accountScore = contact.accountId ? ((await db.scores.get(contact.accountId)) ?? null) : null;
  return { contact, interactions, surveys, tasks, feedback, orders, deals, templateUses, enrolments, referrals, workflowRuns, accountScore, audit };
}
