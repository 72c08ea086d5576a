import { describe, it, expect, afterEach, vi } from 'vitest';
import { PageContext } from '../../../lib/schema';
import { insert, update, remove } from '../../../lib/db';
import { mergeContacts } from '../../../lib/db/merge';
import { erasePerson } from '../../../lib/gdpr';
import { tabState } from '../../../lib/panel/active-tab';
import { followPageMatch, pageState } from '../../../lib/panel/page-match';
import type { TabState } from '../../../lib/background/tab-state';

const ctx = PageContext.parse({
  site: 'zendesk',
  kind: 'ticket',
  url: 'https://acme.zendesk.com/agent/tickets/12',
  ref: '12',
  people: [{ role: 'requester', email: 'lea@roux-conseil.fr', name: 'Léa Roux' }],
});
/** What the background stored when the page was recognised: nobody known yet. */
const snapshot: TabState = {
  context: ctx,
  match: { primary: { person: ctx.people[0]!, contactId: null, accountId: null, matchedBy: null }, others: [], suggestions: [] },
  at: 0,
};

const primary = () => pageState.value?.match.primary;
const settle = (check: () => void) => vi.waitFor(check, { timeout: 3000, interval: 10 });

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  tabState.value = null;
});

describe('the panel’s match for a tab follows the database', () => {
  it('create, edit, merge and delete a contact: the page view follows without a reload', async () => {
    tabState.value = snapshot;
    stop = followPageMatch();
    await settle(() => expect(primary()?.contactId).toBeNull());

    const lea = await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@roux-conseil.fr'] });
    await settle(() => expect(primary()).toMatchObject({ contactId: lea.id, matchedBy: 'email' }));

    await update('contacts', lea.id, { emails: ['l.roux@elsewhere.fr'] });
    await settle(() => expect(primary()?.contactId).toBeNull());
    // No exact match any more, but the name still suggests her.
    await settle(() => expect(pageState.value?.match.suggestions.map((s) => s.contactId)).toContain(lea.id));

    await update('contacts', lea.id, { emails: ['lea@roux-conseil.fr'] });
    await settle(() => expect(primary()?.contactId).toBe(lea.id));

    const survivor = await insert('contacts', { firstName: 'Léa', lastName: 'Roux-Martin', emails: ['lea.rm@roux-conseil.fr'] });
    await mergeContacts(survivor.id, lea.id);
    await settle(() => expect(primary()?.contactId).toBe(survivor.id));

    await remove('contacts', survivor.id);
    await settle(() => expect(primary()?.contactId).toBeNull());
  });

  it('an account created for the address’s domain shows at once', async () => {
    tabState.value = snapshot;
    stop = followPageMatch();
    await settle(() => expect(primary()?.accountId).toBeNull());
    const acct = await insert('accounts', { name: 'Roux Conseil', domains: ['roux-conseil.fr'] });
    await settle(() => expect(primary()).toMatchObject({ contactId: null, accountId: acct.id, matchedBy: 'domain' }));
  });

  it('erasing the person marks the page suppressed (no offer to recreate them)', async () => {
    const lea = await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@roux-conseil.fr'] });
    tabState.value = snapshot;
    stop = followPageMatch();
    await settle(() => expect(primary()?.contactId).toBe(lea.id));
    await erasePerson(lea.id);
    await settle(() => expect(pageState.value?.match).toMatchObject({ primary: { contactId: null }, suppressed: true }));
  });

  it('another page replaces the subscription; the old page’s match never shows under the new one', async () => {
    const lea = await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@roux-conseil.fr'] });
    tabState.value = snapshot;
    stop = followPageMatch();
    await settle(() => expect(primary()?.contactId).toBe(lea.id));
    const other = PageContext.parse({
      ...ctx,
      ref: '13',
      url: 'https://acme.zendesk.com/agent/tickets/13',
      people: [{ role: 'requester', email: 'paul@durand.fr' }],
    });
    tabState.value = {
      context: other,
      match: { primary: { person: other.people[0]!, contactId: null, accountId: null, matchedBy: null }, others: [], suggestions: [] },
      at: 1,
    };
    expect(primary()?.person.email).toBe('paul@durand.fr');
    expect(primary()?.contactId).toBeNull();
    const paul = await insert('contacts', { firstName: 'Paul', lastName: 'Durand', emails: ['paul@durand.fr'] });
    await settle(() => expect(primary()?.contactId).toBe(paul.id));
  });
});
