import { describe, it, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageContext } from '../../../lib/schema';
import { insert, getDb } from '../../../lib/db';
import { erasePerson } from '../../../lib/gdpr';
import { handlePageContext, createContactFromTab } from '../../../lib/background/page-context';

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

describe('an erased person seen again on a page', () => {
  it('is marked suppressed and not recreated; someone else is not', async () => {
    const c = await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@acme.fr'] });
    await erasePerson(c.id);
    const state = await handlePageContext(thread('Lea@Acme.fr', 'Léa Roux'), 4, session);
    expect(state.match.primary?.contactId).toBeFalsy();
    expect(state.match.suppressed).toBe(true);
    expect(await createContactFromTab(4, -1, session)).toHaveProperty('error');
    expect((await getDb().contacts.toArray()).filter((x) => !x.deletedAt)).toHaveLength(0);

    const other = await handlePageContext(thread('paul@acme.fr', 'Paul Durand'), 5, session);
    expect(other.match.suppressed).toBeUndefined();
  });
});
