import { describe, it, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageContext } from '../../lib/schema';
import { insert, getDb, findContactByEmail } from '../../lib/db';
import { handlePageContext, createContactFromTab, readTabState } from '../../lib/background/page-context';
import { splitName } from '../../lib/background/create-from-page';

const session = fakeBrowser.storage.session;
const thread = (email: string, name: string) =>
  PageContext.parse({
    site: 'gmail',
    kind: 'thread',
    url: 'https://mail.google.com/mail/u/0/#inbox/x',
    ref: 'thread-f:1',
    self: 'me@myco.fr',
    people: [
      { role: 'from', email, name },
      { role: 'to', email: 'me@myco.fr', name: 'Me' },
    ],
  });

describe('page context in the background', () => {
  it('stores the matched contact per tab for the panel', async () => {
    const a = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
    const c = await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@acme.fr'], accountId: a.id });
    await handlePageContext(thread('LEA@acme.fr', 'Léa Roux'), 5, session);
    const state = await readTabState(5, session);
    expect(state?.match.primary?.contactId).toBe(c.id);
    expect(state?.match.primary?.accountId).toBe(a.id);
    expect(state?.match.others.map((o) => o.person.email)).not.toContain('me@myco.fr');
  });

  it('creates an unknown sender with the account of their company domain, then rematches', async () => {
    await handlePageContext(thread('paul.durand@ventoux-logistique.fr', 'Durand, Paul'), 9, session);
    const reply = await createContactFromTab(9, -1, session);
    expect(reply).toHaveProperty('ok', true);
    const created = await findContactByEmail('paul.durand@ventoux-logistique.fr');
    expect(created).toMatchObject({ firstName: 'Paul', lastName: 'Durand' });
    const account = await getDb().accounts.get(created!.accountId!);
    expect(account?.domains).toEqual(['ventoux-logistique.fr']);
    expect((await readTabState(9, session))?.match.primary?.contactId).toBe(created!.id);
  });

  it('never creates an account for a free-mail address', async () => {
    await handlePageContext(thread('jeanne.b@gmail.com', 'Jeanne B'), 3, session);
    await createContactFromTab(3, -1, session);
    expect((await findContactByEmail('jeanne.b@gmail.com'))?.accountId).toBeNull();
    expect(await getDb().accounts.count()).toBe(0);
  });

  it('splits names written either way', () => {
    expect(splitName('Dupont, Hélène')).toEqual({ firstName: 'Hélène', lastName: 'Dupont' });
    expect(splitName('Jean-Pierre de la Tour')).toEqual({ firstName: 'Jean-Pierre', lastName: 'de la Tour' });
    expect(splitName('Ludwig van Beethoven')).toEqual({ firstName: 'Ludwig', lastName: 'van Beethoven' });
    expect(splitName(null)).toEqual({ firstName: '', lastName: '' });
  });
});
