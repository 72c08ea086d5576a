import { describe, it, expect } from 'vitest';
import {
  analyzeFile,
  planFile,
  runImport,
  ImportFileError,
  decodeBytes,
  parseCsv,
  neutralizeCell,
  toCsv,
  detectPreset,
  isKnownHeader,
} from '../../../lib/import';
import { insert, getDb } from '../../../lib/db';
import { saveImportPreset, listImportPresets } from '../../../lib/db/import-presets';
import { parseNumber, parseDateParts, detectDayOrder } from '../../../lib/import/values';
import { enc, tableCounts } from './helpers';

async function seed() {
  const a = await insert('accounts', { name: 'Existing', domains: ['existing.fr'] });
  await insert('contacts', { firstName: 'Old', lastName: 'Timer', emails: ['old@existing.fr'], accountId: a.id });
}

/** Runs analyze + plan + commit, returning the error thrown (if any). */
async function attempt(bytes: Uint8Array): Promise<unknown> {
  try {
    await runImport(await planFile(await analyzeFile(bytes)));
    return null;
  } catch (e) {
    return e;
  }
}

describe('malformed files change nothing and say why', () => {
  it('empty file', async () => {
    await seed();
    const before = await tableCounts();
    for (const bytes of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), enc('  \n\n ')]) {
      const e = await attempt(bytes);
      expect(e).toBeInstanceOf(ImportFileError);
      expect((e as Error).message).toBe('The file is empty.');
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('truncated quote: names the line', async () => {
    await seed();
    const before = await tableCounts();
    const e = await attempt(enc('First Name,Last Name,Email\nAnn,Lee,ann@a.fr\n"Bob,Ray,bob@b.fr\nCy,Dee,cy@c.fr\n'));
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as Error).message).toMatch(/^Line 3: a quoted field is never closed/);
    expect(await tableCounts()).toEqual(before);
  });

  it('50 MB of random bytes is refused fast as binary', async () => {
    await seed();
    const before = await tableCounts();
    const bytes = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    const t0 = performance.now();
    const e = await attempt(bytes);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect((e as ImportFileError).code).toBe('binary');
    expect(await tableCounts()).toEqual(before);
  });

  it('printable garbage without a header row is refused', async () => {
    let s = '';
    for (let i = 0; i < 200; i++) s += `${Math.random().toString(36)}${i % 7 === 0 ? '' : ' 12'}\n`;
    const e = await attempt(enc(s));
    expect((e as ImportFileError).code).toBe('no_header');
  });

  it('a Latin-1 file with accents decodes as Windows-1252 and keeps its accents', async () => {
    const text = 'Prénom;Nom;Email;Société\nHélène;Dupré;helene@exemple-societe.fr;Crédit Agricole\n';
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(decodeBytes(latin1).encoding).toBe('windows-1252');
    const a = await analyzeFile(latin1);
    expect(a.parsed.delimiter).toBe(';');
    expect(a.detection.preset.id).toBe('generic-contacts');
    await runImport(await planFile(a));
    const c = (await getDb().contacts.toArray())[0]!;
    expect([c.firstName, c.lastName]).toEqual(['Hélène', 'Dupré']);
    expect((await getDb().accounts.toArray())[0]?.name).toBe('Crédit Agricole');
  });

  it('UTF-16 LE and BE with BOM', () => {
    const s = 'Name,Email\nZoé,z@x.fr\n';
    const le = new Uint8Array(2 + s.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + s.length * 2);
    be.set([0xfe, 0xff]);
    [...s].forEach((c, i) => {
      le[2 + i * 2] = c.charCodeAt(0) & 0xff;
      le[3 + i * 2] = c.charCodeAt(0) >> 8;
      be[2 + i * 2] = c.charCodeAt(0) >> 8;
      be[3 + i * 2] = c.charCodeAt(0) & 0xff;
    });
    expect(decodeBytes(le)).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeBytes(be)).toEqual({ text: s, encoding: 'utf-16be' });
  });

  it('a formula cell is kept as text on import and neutralised on export', async () => {
    const file = 'First Name,Last Name,Email,Notes\nEve,Hack,eve@evil.io,"=HYPERLINK(""http://evil.io"",""x"")"\n';
    await runImport(await planFile(await analyzeFile(enc(file))));
    const c = (await getDb().contacts.toArray())[0]!;
    expect(c.notes).toBe('=HYPERLINK("http://evil.io","x")');
    const csv = toCsv(['notes'], [{ notes: c.notes }]);
    expect(csv).toBe('notes\r\n"\'=HYPERLINK(""http://evil.io"",""x"")"');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok'].map(neutralizeCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'ok']);
  });

  it('rows failing their schema are listed with physical line and field, and the rest imports', async () => {
    const file = 'Name,Email,Phone\n"Ann\nMulti-line",ann@a.fr,+33 1 23\nBob,not-an-email,\n,,\n';
    const plan = await planFile(await analyzeFile(enc(file)));
    expect(plan.summary.new).toBe(1);
    expect(plan.summary.invalid).toEqual([{ line: 4, reason: 'emails.0: not a valid email address ("not-an-email")' }]);
  });
});

describe('cancel', () => {
  it('cancel half-way through the commit leaves the database unchanged', async () => {
    await seed();
    const before = await tableCounts();
    const rows = Array.from({ length: 5000 }, (_, i) => `P${i},L${i},p${i}@co${i % 50}.fr,Co ${i % 50}`);
    const plan = await planFile(await analyzeFile(enc(`First Name,Last Name,Email,Company\n${rows.join('\n')}\n`)));
    const ctrl = new AbortController();
    const seen: number[] = [];
    const e = await runImport(plan, {
      signal: ctrl.signal,
      chunkSize: 500,
      onProgress: (done, total) => {
        seen.push(done);
        if (done >= total / 2) ctrl.abort();
      },
    }).catch((x: unknown) => x);
    expect((e as ImportFileError).code).toBe('aborted');
    expect(seen.length).toBeGreaterThan(1);
    expect(await tableCounts()).toEqual(before);
  });

  it('a failure in the middle rolls everything back', async () => {
    await seed();
    const before = await tableCounts();
    const plan = await planFile(await analyzeFile(enc('First Name,Email\nA,a@a.fr\nB,b@b.fr\n')));
    (plan.inserts.contacts[1] as Record<string, unknown>).emails = ['broken'];
    await expect(runImport(plan)).rejects.toThrow(/emails/);
    expect(await tableCounts()).toEqual(before);
  });

  it('a write refused by IndexedDB in a later chunk, while the next chunk is already sent, rolls back every chunk', async () => {
    await seed();
    const before = await tableCounts();
    const rows = Array.from({ length: 9 }, (_, i) => `P${i},p${i}@co.fr`);
    const plan = await planFile(await analyzeFile(enc(`First Name,Email\n${rows.join('\n')}\n`)));
    // Same id as the first row: the store's key refuses it in the third chunk (ConstraintError), not validation.
    (plan.inserts.contacts[5] as Record<string, unknown>).id = (plan.inserts.contacts[0] as { id: string }).id;
    const seen: number[] = [];
    await expect(runImport(plan, { chunkSize: 2, onProgress: (done) => seen.push(done) })).rejects.toThrow();
    expect(seen).toEqual([2, 4]);
    expect(await tableCounts()).toEqual(before);
  });

  it('cancel during parsing', () => {
    const ctrl = new AbortController();
    ctrl.abort();
    expect(() => parseCsv('a,b\n1,2\n', { signal: ctrl.signal })).toThrow(/cancelled/);
  });
});

describe('dedupe against the database and within the file', () => {
  it('email, then LinkedIn URL, then domain', async () => {
    await seed();
    const file = [
      'First Name,Last Name,Email,Company,LinkedIn',
      'Old,Timer,OLD@existing.fr,Existing,https://www.linkedin.com/in/old-timer/',
      'Nia,Ray,nia@newco.io,NewCo,https://linkedin.com/in/Nia-Ray/',
      'Nia,Ray,,NewCo,https://www.linkedin.com/in/nia-ray',
      'Sam,Po,sam@newco.io,,',
      'Gus,Free,gus@gmail.com,,',
    ].join('\n');
    const plan = await planFile(await analyzeFile(enc(file)));
    expect(plan.summary).toMatchObject({ new: 3, updated: 1, duplicates: 1, invalid: [] });
    expect(plan.summary.byEntity).toEqual({ contacts: { new: 3, updated: 1 }, accounts: { new: 1, updated: 0 } });
    await runImport(plan);
    const newco = await getDb().accounts.where('domains').equals('newco.io').first();
    const sam = await getDb().contacts.where('emails').equals('sam@newco.io').first();
    expect(sam?.accountId).toBe(newco?.id);
    const gus = await getDb().contacts.where('emails').equals('gus@gmail.com').first();
    expect(gus?.accountId).toBeNull();
    expect(await getDb().accounts.where('domains').equals('gmail.com').count()).toBe(0);
    const old = await getDb().contacts.where('emails').equals('old@existing.fr').first();
    expect(old?.linkedinUrl).toBe('https://www.linkedin.com/in/old-timer');
    expect(old?.accountId).toBe((await getDb().accounts.where('domains').equals('existing.fr').first())?.id);
  });
});

describe('values', () => {
  it('numbers', () => {
    expect(parseNumber('1 234,56')).toBe(1234.56);
    expect(parseNumber('1.234,56 €')).toBe(1234.56);
    expect(parseNumber('$1,234.50')).toBe(1234.5);
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('1,234', true)).toBe(1.234);
    expect(parseNumber('(12.5)')).toBe(-12.5);
    expect(parseNumber('abc')).toBeNull();
  });

  it('dates: day order decided per file', () => {
    expect(detectDayOrder(['12/1/2009 07:45', '13/1/2009'], false)).toBe('dmy');
    expect(detectDayOrder(['12/1/2009 07:45', '1/13/2009'], true)).toBe('mdy');
    expect(detectDayOrder(['03/04/2020'], true)).toBe('dmy');
    expect(detectDayOrder(['13/13/2020'], true)).toBeNull();
    expect(parseDateParts('2/5/24 1:51', 'mdy')).toMatchObject({ y: 2024, m: 2, d: 5, time: '01:51:00' });
    expect(parseDateParts('12 Mar 2021', 'mdy')).toMatchObject({ y: 2021, m: 3, d: 12 });
    expect(parseDateParts('2006-06-15T20:47:07.000Z', 'mdy')?.instant).toBe('2006-06-15T20:47:07.000Z');
    expect(parseDateParts('2023-02-30', 'mdy')).toBeNull();
  });

  it('a French file with dd/mm dates and comma decimals', async () => {
    const file = 'Facture;Date;Montant;Client\nF1;31/01/2024;1 234,56;Dupont SA\nF2;02/03/2024;10,5;Dupont SA\n';
    const plan = await planFile(await analyzeFile(enc(file)));
    expect(plan.preset.entity).toBe('orders');
    expect(plan.inserts.orders.map((o) => [o.occurredAt, o.amount])).toEqual([
      ['2024-01-31T00:00:00.000Z', 1234.56],
      ['2024-03-02T00:00:00.000Z', 10.5],
    ]);
  });
});

describe('presets', () => {
  const line = (h: string) => h.split(',');
  it('detects the documented HubSpot, Pipedrive, Zoho and Zendesk layouts', () => {
    const cases: [string, string][] = [
      [
        'Record ID - Contact,First Name,Last Name,Client Grade,Email,Phone Number,Contact owner,Last Activity Date,Create Date,Company Name,Contact type,Country/Region,Job Title,Mobile Phone Number,State/Region,Street Address,Website URL,Last Engagement Date,Postal Code,Record ID - Company,Company name,Create Date,Phone Number,Last Activity Date,City,Country/Region,Industry',
        'hubspot-contacts',
      ],
      ['Person - Name,Person - Organization,Person - Email - Work,Person - Phone - Mobile,Person - Labels,Person - Owner', 'pipedrive-people'],
      ['Deal - Title,Deal - Value,Deal - Status,Deal - Owner,Deal - Expected close date,Deal - Lost reason', 'pipedrive-deals'],
      [
        'Record Id,Contact Owner.id,Contact Owner,Lead Source,First Name,Last Name,Account Name.id,Account Name,Vendor Name.id,Vendor Name,Email,Title,Department,Phone',
        'zoho-contacts',
      ],
      [
        'Id,Requester,Requester id,Requester external id,Requester email,Requester domain,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at',
        'zendesk-tickets',
      ],
    ];
    for (const [h, id] of cases) {
      expect(detectPreset(line(h)).preset.id).toBe(id);
      expect(isKnownHeader(line(h))).toBe(true);
    }
  });

  it('HubSpot repeated columns, "null" phones and short US dates', async () => {
    const h =
      'Record ID - Contact,First Name,Last Name,Email,Phone Number,Contact owner,Create Date,Company Name,Job Title,Website URL,Record ID - Company,Company name,Create Date,Phone Number';
    const file = `${h}\n101,Ada,King,ada@analytic.io,null,Me,2/5/24 1:51,Analytic,CTO,https://www.analytic.io,9,Analytic,2/5/24 1:51,+44 20 1234\n`;
    const a = await analyzeFile(enc(file));
    expect(a.parsed.header.filter((x) => x.startsWith('Create Date'))).toEqual(['Create Date', 'Create Date (2)']);
    const plan = await planFile(a);
    expect(plan.summary.invalid).toEqual([]);
    expect(plan.inserts.contacts[0]).toMatchObject({ firstName: 'Ada', emails: ['ada@analytic.io'], phones: [], title: 'CTO', owner: 'Me' });
    expect(plan.inserts.accounts[0]).toMatchObject({ name: 'Analytic', domains: ['analytic.io'] });
  });

  it('Zendesk tickets become ticket interactions', async () => {
    const file =
      'Id,Requester,Requester email,Subject,Tags,Status,Created at,Organization\n7,Ann Lee,ann@lee.io,Broken,vip,Solved,2024-05-01 10:00:00,Lee Ltd\n';
    const plan = await planFile(await analyzeFile(enc(file)));
    expect(plan.preset.id).toBe('zendesk-tickets');
    expect(plan.inserts.interactions[0]).toMatchObject({ channel: 'ticket', ticketStatus: 'solved', source: { site: 'zendesk', ref: '7', url: null } });
  });

  it('a user mapping saved as a preset is detected next time', async () => {
    const file = 'Courriel client,Nom du client,Portable\nx@y.fr,Xavier,+33 6 00 00 00 00\n';
    const a = await analyzeFile(enc(file));
    await saveImportPreset({ name: 'Mon CRM', target: 'contacts', mapping: { 'Courriel client': 'email', 'Nom du client': 'fullName', Portable: 'phone' } });
    expect(await listImportPresets()).toHaveLength(1);
    const again = await analyzeFile(enc(file));
    expect(again.detection.preset.name).toBe('Mon CRM');
    expect(again.detection.confidence).toBe(1);
    const plan = await planFile(again);
    expect(plan.inserts.contacts[0]).toMatchObject({ firstName: 'Xavier', emails: ['x@y.fr'], phones: ['+33 6 00 00 00 00'] });
    expect(a.detection.preset.id).not.toBe(again.detection.preset.id);
    await expect(saveImportPreset({ name: '', target: 'contacts', mapping: {} })).rejects.toThrow(/name/);
  });
});

describe('cut-down exports', () => {
  it('an Outlook export reduced to a few columns still maps its e-mail and phone columns', () => {
    const d = detectPreset('First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title,Notes'.split(','));
    expect(d.mapping).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'E-mail Address': 'email',
      'Mobile Phone': 'phone',
      Company: 'company',
      'Job Title': 'title',
      Notes: 'notes',
    });
  });

  it('a preset that reads strictly more columns than the generic synonyms wins over them', () => {
    const d = detectPreset('Email,Person - Organization,Person - Phone - Mobile'.split(','));
    expect(d.preset.id).toBe('pipedrive-people');
    expect(Object.keys(d.mapping)).toHaveLength(3);
  });
});
