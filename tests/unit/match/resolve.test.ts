import { describe, it, expect } from 'vitest';
import { insert, remove } from '../../../lib/db/write';
import { resolveContext } from '../../../lib/match';
import { PageContext, type PageContextInput } from '../../../lib/schema/page-context';

const ctx = (input: Partial<PageContextInput> & Pick<PageContextInput, 'kind'>) =>
  PageContext.parse({ site: 'gmail', url: 'https://mail.google.com/mail/u/0/', ...input });

async function seed() {
  const acme = await insert('accounts', { name: 'Acme Industrie', domains: ['acme-industrie.fr', 'acme.co.uk'] });
  const globex = await insert('accounts', { name: 'Globex', domains: ['globex.com'] });
  const helene = await insert('contacts', {
    accountId: acme.id,
    firstName: 'Hélène',
    lastName: 'Dupont',
    emails: ['H.Dupont@Acme-Industrie.fr'],
    linkedinUrl: 'https://www.linkedin.com/in/helene-dupont-4a1b2c',
  });
  const helene2 = await insert('contacts', { accountId: globex.id, firstName: 'Helene', lastName: 'Durand', emails: ['hd@globex.com'] });
  const paul = await insert('contacts', { firstName: 'Paul', lastName: 'Dupont', emails: ['paul@gmail.com'] });
  return { acme, globex, helene, helene2, paul };
}

describe('resolveContext', () => {
  it('matches the primary by exact email, case-insensitively, with its account', async () => {
    const { acme, helene } = await seed();
    const r = await resolveContext(ctx({ kind: 'thread', self: 'alex@northwind.com', people: [{ role: 'from', email: 'h.dupont@ACME-industrie.fr' }] }));
    expect(r.primary).toMatchObject({ contactId: helene.id, accountId: acme.id, matchedBy: 'email' });
    expect(r.suggestions).toEqual([]);
  });

  it('matches an unknown sender to the account by domain and by parent domain', async () => {
    const { acme } = await seed();
    const r = await resolveContext(
      ctx({
        kind: 'thread',
        people: [
          { role: 'to', email: 'buyer@eu.sales.acme.co.uk' },
          { role: 'from', email: 'new.person@acme-industrie.fr' },
        ],
      }),
    );
    expect(r.primary).toMatchObject({ contactId: null, accountId: acme.id, matchedBy: 'domain' });
    expect(r.others).toHaveLength(1);
    expect(r.others[0]).toMatchObject({ contactId: null, accountId: acme.id, matchedBy: 'domain' });
  });

  it('never matches an account through a webmail domain, even one listed on an account', async () => {
    await seed();
    await insert('accounts', { name: 'Careless import', domains: ['gmail.com'] });
    const r = await resolveContext(ctx({ kind: 'thread', people: [{ role: 'from', email: 'stranger@gmail.com' }] }));
    expect(r.primary).toMatchObject({ contactId: null, accountId: null, matchedBy: null });
  });

  it('a known webmail contact still matches by exact email', async () => {
    const { paul } = await seed();
    const r = await resolveContext(ctx({ kind: 'thread', people: [{ role: 'from', email: 'Paul@gmail.com' }] }));
    expect(r.primary).toMatchObject({ contactId: paul.id, accountId: null, matchedBy: 'email' });
  });

  it('matches LinkedIn URL variants of a profile', async () => {
    const { helene, acme } = await seed();
    for (const url of [
      'https://www.linkedin.com/in/Helene-Dupont-4a1b2c/',
      'https://fr.linkedin.com/in/helene-dupont-4a1b2c/fr/?trk=x',
      'https://www.linkedin.com/in/helene-dupont-4a1b2c/overlay/about-this-profile/',
    ]) {
      const r = await resolveContext(ctx({ site: 'linkedin', kind: 'profile', people: [{ role: 'subject', name: 'Hélène Dupont', linkedinUrl: url }] }));
      expect(r.primary, url).toMatchObject({ contactId: helene.id, accountId: acme.id, matchedBy: 'linkedin' });
    }
  });

  it('suggests contacts by fuzzy name, ignoring accents and word order, best first', async () => {
    const { helene, paul, helene2 } = await seed();
    const r = await resolveContext(
      ctx({
        site: 'linkedin',
        kind: 'profile',
        people: [{ role: 'subject', name: 'DUPONT Helene', company: 'Acme Industrie', linkedinUrl: 'https://www.linkedin.com/in/someone-else' }],
      }),
    );
    expect(r.primary?.contactId).toBeNull();
    expect(r.suggestions[0]).toMatchObject({ contactId: helene.id });
    expect(r.suggestions[0]!.score).toBeGreaterThan(0.95);
    const ids = r.suggestions.map((s) => s.contactId);
    // Paul Dupont and Helene Durand share one word only: ranked below or left out.
    expect(ids.indexOf(helene.id)).toBe(0);
    for (const other of [paul.id, helene2.id]) {
      const s = r.suggestions.find((x) => x.contactId === other);
      if (s) expect(s.score).toBeLessThan(r.suggestions[0]!.score);
    }
  });

  it('a requester with a name only gets suggestions, not a match', async () => {
    const { helene } = await seed();
    const r = await resolveContext(ctx({ site: 'zendesk', kind: 'ticket', people: [{ role: 'requester', name: 'Hélène Dupont' }] }));
    expect(r.primary).toMatchObject({ contactId: null, accountId: null });
    expect(r.suggestions.map((s) => s.contactId)).toEqual([helene.id]);
  });

  it('leaves out self, colleagues and deleted contacts; dedupes people across roles', async () => {
    const { helene } = await seed();
    const r = await resolveContext(
      ctx({
        kind: 'thread',
        self: 'alex@northwind.com',
        people: [
          { role: 'from', email: 'h.dupont@acme-industrie.fr' },
          { role: 'to', email: 'alex@northwind.com' },
          { role: 'to', email: 'bob@northwind.com' },
          { role: 'from', email: 'hd@globex.com' },
          { role: 'to', email: 'H.Dupont@acme-industrie.fr' },
        ],
      }),
    );
    expect(r.primary?.person.email).toBe('hd@globex.com');
    expect(r.others.map((o) => o.contactId)).toEqual([helene.id]);
    expect(await resolveContext(ctx({ kind: 'none', reason: 'list' }))).toEqual({ primary: null, others: [], suggestions: [] });
    await remove('contacts', helene.id);
    const after = await resolveContext(ctx({ kind: 'thread', people: [{ role: 'from', email: 'h.dupont@acme-industrie.fr', name: 'Hélène Dupont' }] }));
    expect(after.primary?.contactId).toBeNull();
    expect(after.suggestions).toEqual([]);
  });
});
