import { toCsv } from '../import/csv-export';
import { NotFoundError } from '../db/write';
import { collectPersonData } from './person-data';
import { getDb } from '../db/db';
import { requireUnlocked } from '../crypto/state';

export interface PersonExport {
  /** Pretty-printed JSON of everything held about the person. */
  json: string;
  /** One CSV per kind of record; every cell neutralised against formula injection. */
  csvFiles: { name: string; text: string }[];
}

function flat(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

function tableCsv(rows: object[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return toCsv(
    columns,
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, flat(v)]))),
  );
}

/** Right of access (art. 15): the person's contact record, what is linked to them, consent history and audit trail. */
export async function exportPerson(contactId: string, now = new Date()): Promise<PersonExport> {
  // The person is owed their data in clear: with at-rest encryption on, that needs the key.
  await getDb().open();
  requireUnlocked();
  const data = await collectPersonData(contactId);
  if (!data) throw new NotFoundError('contacts', contactId);
  const json = JSON.stringify({ exportedAt: now.toISOString(), ...data, consentHistory: data.contact.consent }, null, 2);
  const { consent, ...contact } = data.contact;
  const files: [string, object[]][] = [
    ['contact.csv', [contact]],
    ['consent.csv', consent],
    ['interactions.csv', data.interactions],
    ['surveys.csv', data.surveys],
    ['tasks.csv', data.tasks],
    ['feedback.csv', data.feedback],
    ['orders.csv', data.orders],
    ['deals.csv', data.deals],
    ['template-uses.csv', data.templateUses],
    ['sequence-enrolments.csv', data.enrolments],
    ['referrals.csv', data.referrals],
    ['workflow-proposals.csv', data.workflowRuns],
    ['audit.csv', data.audit],
    ['account-score.csv', data.accountScore ? [data.accountScore] : []],
  ];
  return { json, csvFiles: files.filter(([, rows]) => rows.length > 0).map(([name, rows]) => ({ name, text: tableCsv(rows) })) };
}
