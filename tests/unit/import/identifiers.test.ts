import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyzeFile, planFile, runImport } from '../../../lib/import';
import { idDamage } from '../../../lib/import/identifiers';
import { insert, getDb } from '../../../lib/db';
import { enc } from './helpers';

const plan = async (csv: string) => planFile(await analyzeFile(enc(csv)));
const live = async (t: 'contacts' | 'accounts' | 'orders' | 'interactions') => (await getDb()[t].toArray()).filter((r) => !r.deletedAt);
const inexact = (p: Awaited<ReturnType<typeof plan>>) =>
  p.summary.warnings.filter((w) => w.key === 'import.issue.idScientific' || w.key === 'import.issue.idRounded');

describe('identifiers a spreadsheet damaged', () => {
  it('recognises scientific notation and digits rounded to 15 significant ones', () => {
    for (const v of ['1.2315E+11', '1,2315E+11', '1.23457e+17', '-4E5', '2.5E-3']) expect(idDamage(v), v).toBe('scientific');
    for (const v of ['1234567890123450000', '9007199254740990000']) expect(idDamage(v), v).toBe('truncated');
    for (const v of ['123150000000', '0012345', '003x0000001AbCdEAA', '13085.0', 'E12', 'ACME-2024', '1234567890123456789']) expect(idDamage(v), v).toBeNull();
  });

  it('fuzz: an integer Excel shows in scientific notation is always flagged; exact integers up to 15 digits never are', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 20n }), (n) => {
        const exact = n.toString();
        if (exact.length <= 15) expect(idDamage(exact)).toBeNull();
        expect(idDamage(Number(exact).toExponential(4).toUpperCase())).toBe('scientific');
      }),
    );
  });

  it('two rows whose ids a re-save turned into the same 1.2315E+11 are two contacts, each reported', async () => {
    const p = await plan(
      'Contact ID,First Name,Last Name,Email,Account ID\n' + '1.2315E+11,Ann,Lee,ann@lee.example,\n' + '1.2315E+11,Bob,Ray,bob@ray.example,\n',
    );
    expect(p.inserts.contacts).toHaveLength(2);
    expect(p.summary.duplicates).toBe(0);
    const w = inexact(p);
    expect(w.map((x) => x.line)).toEqual([2, 3]);
    expect(w[0]!.params).toMatchObject({ column: 'Contact ID', value: '1.2315E+11' });
    // The damaged value is not stored as the record's id either (it would match the next import's damage).
    for (const c of p.inserts.contacts) expect((c.custom as Record<string, unknown>).externalId).toBeUndefined();
  });

  it('a damaged id never matches an existing record', async () => {
    await insert('contacts', { firstName: 'Zoe', lastName: 'Kim', emails: ['zoe@kim.example'], custom: { externalId: '1.2315E+11' } });
    await insert('contacts', { firstName: 'Max', lastName: 'Roe', emails: ['max@roe.example'], custom: { externalId: '1234567890123450000' } });
    const p = await plan('Contact ID,First Name,Last Name,Email\n1.2315E+11,Ann,Lee,ann@lee.example\n1234567890123450000,Bob,Ray,bob@ray.example\n');
    expect(p.updates).toHaveLength(0);
    expect(p.inserts.contacts).toHaveLength(2);
    await runImport(p);
    expect(await live('contacts')).toHaveLength(4);
  });

  it('an exact id shared by rows whose e-mail and name both disagree: two people, reported', async () => {
    const p = await plan('Contact ID,First Name,Last Name,Email\n42,Ann,Lee,ann@lee.example\n42,Bob,Ray,bob@ray.example\n42,Ann,Lee,ann.lee@new.example\n');
    // Line 3 is another person; line 4 is Ann again (same name, new address): merged into line 2.
    expect(p.inserts.contacts).toHaveLength(2);
    expect(p.summary.duplicates).toBe(1);
    expect(p.summary.warnings.filter((w) => w.key?.startsWith('import.issue.idConflict')).map((x) => x.line)).toEqual([3]);
    const ann = p.inserts.contacts.find((c) => c.firstName === 'Ann')!;
    expect(ann.emails).toEqual(['ann@lee.example', 'ann.lee@new.example']);
  });

  it('an exact id matching a stored contact with another e-mail and name is not that contact', async () => {
    const zoe = await insert('contacts', { firstName: 'Zoe', lastName: 'Kim', emails: ['zoe@kim.example'], custom: { externalId: '42' } });
    const p = await plan('Contact ID,First Name,Last Name,Email\n42,Bob,Ray,bob@ray.example\n42,Zoé,Kim,zoe.kim@new.example\n');
    expect(p.inserts.contacts.map((c) => c.firstName)).toEqual(['Bob']);
    expect(p.updates.map((u) => u.id)).toEqual([zoe.id]);
    expect(p.summary.warnings.filter((w) => w.key?.startsWith('import.issue.idConflict')).map((x) => x.line)).toEqual([2]);
  });

  it('order lines whose invoice number or customer id is damaged are not summed together or put on one account', async () => {
    const p = await plan(
      'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n' +
        '5.3637E+05,1,A,1,12/1/2010 08:26,10,1.7850E+04,United Kingdom\n' +
        '5.3637E+05,2,B,1,12/1/2010 08:27,20,1.7851E+04,United Kingdom\n' +
        '536380,3,C,2,12/1/2010 08:28,5,17852,United Kingdom\n' +
        '536380,4,D,1,12/1/2010 08:28,5,17852,United Kingdom\n',
    );
    const amounts = p.inserts.orders.map((o) => o.amount).sort();
    expect(amounts).toEqual([10, 15, 20]);
    const accountsOfDamaged = p.inserts.orders.filter((o) => o.amount !== 15).map((o) => o.accountId);
    expect(accountsOfDamaged).toEqual([null, null]);
    expect(inexact(p).map((x) => x.line)).toEqual([2, 2, 3, 3]);
  });

  it('a ticket whose id is damaged is imported without a source, so it never updates another ticket', async () => {
    const p = await plan(
      'Ticket ID,Subject,Description,Status,Priority,Type,Created time,Resolved time,Summary,Full name,Title,Email,Mobile phone,Contact ID,Company Name\n' +
        '1.2E+11,One,,Open,Low,,2025-12-03 16:29:08,,,Ann Lee,,ann@lee.example,,,\n' +
        '1.2E+11,Two,,Open,Low,,2025-12-03 16:30:08,,,Bob Ray,,bob@ray.example,,,\n',
    );
    expect(p.inserts.interactions).toHaveLength(2);
    for (const i of p.inserts.interactions) expect(i.source).toBeNull();
  });
});
