import { describe, it, expect } from 'vitest';
import { analyzeFile, planFile, runImport } from '../../../lib/import';
import { getDb, findContactByEmail } from '../../../lib/db';
import { readReal } from './helpers';

/**
 * Expected numbers were counted by reading the files with Python's csv module (see SOURCES.md for row counts):
 * data rows, distinct e-mails/refs/companies, and the rows that break a schema rule, with the rule named.
 */
interface Expect {
  preset: string;
  encoding?: string;
  rows: number;
  new: number;
  updated?: number;
  duplicates: number;
  invalid: { line: number; reason: RegExp }[];
  byEntity: Record<string, { new: number; updated: number }>;
}

const FILES: Record<string, Expect> = {
  'google-contacts-gmail.csv': {
    preset: 'google-legacy',
    rows: 1,
    new: 1,
    duplicates: 0,
    invalid: [],
    byEntity: { contacts: { new: 1, updated: 0 }, accounts: { new: 1, updated: 0 } },
  },
  // One of its 11 addresses is "business 3@golker.de" (a space): the row is listed, naming the field and value.
  'google-contacts-Google.csv': {
    preset: 'google-legacy',
    rows: 1,
    new: 0,
    duplicates: 0,
    invalid: [{ line: 2, reason: /^emails\.6: not a valid email address .*business 3@golker\.de/ }],
    byEntity: { accounts: { new: 1, updated: 0 } },
  },
  'GoogleCreatedOutlook.csv': {
    preset: 'outlook-google',
    rows: 1,
    new: 1,
    duplicates: 0,
    invalid: [],
    byEntity: { contacts: { new: 1, updated: 0 }, accounts: { new: 1, updated: 0 } },
  },
  // Windows-1252; 6 people at 2 companies (Contoso Ltd. / the German test record's company).
  'Outlook365.csv': {
    preset: 'outlook-desktop',
    encoding: 'windows-1252',
    rows: 6,
    new: 6,
    duplicates: 0,
    invalid: [],
    byEntity: { contacts: { new: 6, updated: 0 }, accounts: { new: 2, updated: 0 } },
  },
  'Outlook365_Web.csv': {
    preset: 'outlook-web',
    rows: 1,
    new: 1,
    duplicates: 0,
    invalid: [],
    byEntity: { contacts: { new: 1, updated: 0 }, accounts: { new: 1, updated: 0 } },
  },
  'outlook-Sample_CSV_file_for_importing_contacts.csv': {
    preset: 'outlook-desktop',
    rows: 5,
    new: 5,
    duplicates: 0,
    invalid: [],
    byEntity: { contacts: { new: 5, updated: 0 }, accounts: { new: 1, updated: 0 } },
  },
  // 3-line preamble + blank line; the last row only has "Connected On" (physical line 9).
  'linkedin-Connections.csv': {
    preset: 'linkedin',
    rows: 5,
    new: 4,
    duplicates: 0,
    invalid: [{ line: 9, reason: /^lastName: a contact needs a name or an email/ }],
    byEntity: { contacts: { new: 4, updated: 0 }, accounts: { new: 3, updated: 0 } },
  },
  'thunderbird-tb_plain.csv': {
    preset: 'thunderbird',
    rows: 1,
    new: 1,
    duplicates: 0,
    invalid: [],
    byEntity: { contacts: { new: 1, updated: 0 }, accounts: { new: 1, updated: 0 } },
  },
  // b.levy@ and j.davis@expressl&t.net are not valid addresses; multi-line MailingStreet puts them on lines 21 and 24.
  'salesforce-Contact.csv': {
    preset: 'salesforce-contact',
    rows: 20,
    new: 18,
    duplicates: 0,
    invalid: [
      { line: 21, reason: /^emails\.0: .*b\.levy@expressl&t\.net/ },
      { line: 24, reason: /^emails\.0: .*j\.davis@/ },
    ],
    byEntity: { contacts: { new: 18, updated: 0 } },
  },
  // United Oil & Gas UK and Singapore share uos.com with United Oil & Gas Corp.: duplicates by domain.
  'salesforce-Account.csv': { preset: 'salesforce-account', rows: 14, new: 12, duplicates: 2, invalid: [], byEntity: { accounts: { new: 12, updated: 0 } } },
  // Two rows are both named "????????????????" (a mangled Japanese name) with no website: one duplicate by name.
  'salesforce-dataloader-accountData.csv': {
    preset: 'salesforce-account',
    encoding: 'windows-1252',
    rows: 423,
    new: 422,
    duplicates: 1,
    invalid: [],
    byEntity: { accounts: { new: 422, updated: 0 } },
  },
  // 45 tickets (ids 1-46 without 4) from 44 distinct requesters; companies Acme Inc, Freshworks, MoEngage, mo.
  'freshdesk_tickets.csv': {
    preset: 'freshdesk-tickets',
    rows: 45,
    new: 45,
    duplicates: 0,
    invalid: [],
    byEntity: { interactions: { new: 45, updated: 0 }, contacts: { new: 44, updated: 0 }, accounts: { new: 4, updated: 0 } },
  },
  // 99 invoice lines → 14 invoices (orders) of 7 customers.
  'online_retail_II.csv': {
    preset: 'online-retail',
    rows: 99,
    new: 14,
    duplicates: 0,
    invalid: [],
    byEntity: { orders: { new: 14, updated: 0 }, accounts: { new: 7, updated: 0 } },
  },
};

describe('realdata exports', () => {
  for (const [file, exp] of Object.entries(FILES)) {
    it(`${file}: detects ${exp.preset} and plans the right counts, then imports them`, async () => {
      const analyzed = await analyzeFile(readReal(file));
      expect(analyzed.detection.preset.id).toBe(exp.preset);
      expect(analyzed.detection.confidence).toBeGreaterThan(0.5);
      if (exp.encoding) expect(analyzed.encoding).toBe(exp.encoding);
      expect(analyzed.parsed.rows).toHaveLength(exp.rows);
      const plan = await planFile(analyzed);
      const s = plan.summary;
      expect({ new: s.new, updated: s.updated, duplicates: s.duplicates }).toEqual({ new: exp.new, updated: exp.updated ?? 0, duplicates: exp.duplicates });
      expect(s.invalid.map((i) => i.line)).toEqual(exp.invalid.map((i) => i.line));
      s.invalid.forEach((inv, k) => expect(inv.reason).toMatch(exp.invalid[k]!.reason));
      expect(s.byEntity).toEqual(exp.byEntity);
      const summary = await runImport(plan);
      for (const [entity, c] of Object.entries(exp.byEntity)) {
        expect(summary.created[entity as keyof typeof summary.created] ?? 0).toBe(c.new);
        expect(await getDb().table(entity).count()).toBe(c.new);
      }
    });
  }

  it('reads Windows-1252 accents and Salesforce multi-line fields correctly', async () => {
    const plan = await planFile(await analyzeFile(readReal('salesforce-dataloader-accountData.csv')));
    const names = plan.inserts.accounts.map((a) => a.name as string);
    expect(names.some((n) => n.includes('Crédito'))).toBe(true);
    expect(names.some((n) => n.includes('\uFFFD'))).toBe(false);
  });

  it('LinkedIn: canonical profile URLs, company accounts, and a re-import only updates', async () => {
    const plan = await planFile(await analyzeFile(readReal('linkedin-Connections.csv')));
    await runImport(plan);
    const rahul = await findContactByEmail('rahul@example.com');
    expect(rahul?.linkedinUrl).toBe('https://www.linkedin.com/in/rahul-iyer');
    expect(rahul?.title).toBe('Senior SDE');
    const again = await planFile(await analyzeFile(readReal('linkedin-Connections.csv')));
    expect(again.summary.new).toBe(0);
    expect(again.summary.duplicates).toBe(4);
    expect(again.summary.byEntity).toEqual({});
  });

  it('Salesforce contacts link to accounts imported before them (AccountId → custom.externalId)', async () => {
    await runImport(await planFile(await analyzeFile(readReal('salesforce-Account.csv'))));
    await runImport(await planFile(await analyzeFile(readReal('salesforce-Contact.csv'))));
    const rose = await findContactByEmail('rose@edge.com');
    const edge = (await getDb().accounts.toArray()).find((a) => a.name === 'Edge Communications');
    expect(edge?.domains).toEqual(['edgecomm.com']);
    expect(rose?.accountId).toBe(edge?.id);
    expect(rose?.birthday).toBe('1974-08-14');
  });

  it('a company gets only the e-mail domain that looks like its own', async () => {
    const plan = await planFile(await analyzeFile(readReal('google-contacts-Google.csv')));
    expect(plan.inserts.accounts).toMatchObject([{ name: 'Firma', domains: [] }]);
    const fd = await planFile(await analyzeFile(readReal('freshdesk_tickets.csv')));
    expect(fd.inserts.accounts.map((a) => [a.name, a.domains])).toContainEqual(['Acme Inc', ['acme.com']]);
  });

  it('Online Retail: amount = quantity × price summed per invoice, GBP, dates m/d/yyyy', async () => {
    const plan = await planFile(await analyzeFile(readReal('online_retail_II.csv')));
    const first = plan.inserts.orders.find((o) => o.ref === '536365')!;
    expect(first.amount).toBe(139.12);
    expect(first.currency).toBe('GBP');
    expect(first.occurredAt).toBe('2010-12-01T08:26:00.000Z');
    expect(plan.inserts.accounts[0]).toMatchObject({ name: 'Customer 17850', currency: 'GBP', custom: { externalId: '17850' } });
  });

  it('Freshdesk: tickets become ticket interactions with status, linked to requester and company', async () => {
    const plan = await planFile(await analyzeFile(readReal('freshdesk_tickets.csv')));
    await runImport(plan);
    const emily = await findContactByEmail('emily.garcia@acme.com');
    const tickets = await getDb().interactions.where('contactIds').equals(emily!.id).toArray();
    expect(tickets.map((t) => t.source?.ref).sort()).toEqual(['1', '2']);
    expect(tickets.every((t) => t.channel === 'ticket' && t.accountId === emily!.accountId)).toBe(true);
    expect(tickets.find((t) => t.source?.ref === '1')?.ticketStatus).toBe('pending');
    expect(plan.summary.warnings).toEqual([{ line: 11, reason: 'ticketStatus: unknown status "OpenPending"; left empty' }]);
    // Importing the same file again updates the tickets instead of duplicating them.
    const again = await planFile(await analyzeFile(readReal('freshdesk_tickets.csv')));
    expect(again.summary.new).toBe(0);
    expect(again.summary.updated).toBe(45);
  });

  it('Salesforce opportunities: need their accounts; after the Account export they become deals', async () => {
    const alone = await planFile(await analyzeFile(readReal('salesforce-dataloader-opportunityData.csv')));
    expect(alone.summary.invalid).toHaveLength(38);
    expect(alone.summary.invalid[0]!.reason).toMatch(/^accountId: no account with id "001x0000002xLD0AAM"/);
    await runImport(await planFile(await analyzeFile(readReal('salesforce-dataloader-accountData.csv'))));
    const plan = await planFile(await analyzeFile(readReal('salesforce-dataloader-opportunityData.csv')));
    expect(plan.summary.new).toBe(38);
    expect(plan.summary.invalid).toEqual([]);
    await runImport(plan);
    const deals = await getDb().deals.toArray();
    expect(deals).toHaveLength(38);
    const george = deals.find((d) => d.name === 'George Foundation - 5000 Widgets')!;
    expect(george).toMatchObject({ stage: 'won', amount: 500000, closeDate: '2005-11-09' });
    expect(new Set(deals.map((d) => d.accountId)).size).toBe(7);
  });
});
