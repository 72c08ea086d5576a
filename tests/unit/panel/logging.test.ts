import { describe, it, expect } from 'vitest';
import { insert, getDb, getLive } from '../../../lib/db';
import { interactionFromTab, logActionKind, channelOfSite } from '../../../lib/panel/view/log-page';
import { logWithUndo } from '../../../lib/panel/commands/undoable';
import { isLogShortcut } from '../../../lib/panel/shortcuts';
import type { TabState } from '../../../lib/background/tab-state';
import { PageContext, PagePerson } from '../../../lib/schema';

function state(over: Partial<PageContext> = {}, primaryRole: PagePerson['role'] = 'from', ids = { contactId: 'c-1', accountId: 'a-1' }): TabState {
  const ctx = PageContext.parse({
    site: 'gmail',
    kind: 'thread',
    url: 'https://mail.google.com/mail/u/0/#inbox/X',
    ref: 'thread-f:1',
    subject: 'Renewal',
    ...over,
  });
  const person = PagePerson.parse({ role: primaryRole, email: 'ana@acme.fr', name: 'Ana' });
  const other = PagePerson.parse({ role: 'cc', email: 'bob@acme.fr', name: 'Bob' });
  return {
    context: ctx,
    match: {
      primary: { person, ...ids, matchedBy: 'email' },
      others: [
        { person: other, contactId: 'c-2', accountId: 'a-1', matchedBy: 'email' },
        { person: other, contactId: null, accountId: null, matchedBy: null },
      ],
      suggestions: [],
    },
    at: 0,
  };
}

describe('interactionFromTab', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it('an email thread from the primary person: inbound email with every matched participant and the source', () => {
    const i = interactionFromTab(state(), now)!;
    expect(i).toMatchObject({
      channel: 'email',
      direction: 'inbound',
      subject: 'Renewal',
      accountId: 'a-1',
      contactIds: ['c-1', 'c-2'],
      occurredAt: '2026-11-26T10:00:00.000Z',
      source: { site: 'gmail', ref: 'thread-f:1', url: 'https://mail.google.com/mail/u/0/#inbox/X' },
    });
  });
  it('a ticket carries its status; a LinkedIn profile is outbound; compose and unrecognised pages log nothing', () => {
    const ticket = interactionFromTab(state({ site: 'zendesk', kind: 'ticket', ref: '4521', ticket: { status: 'Open', priority: null } }, 'requester'), now)!;
    expect(ticket).toMatchObject({ channel: 'ticket', direction: 'inbound', ticketStatus: 'open' });
    const li = interactionFromTab(state({ site: 'linkedin', kind: 'profile', ref: 'https://www.linkedin.com/in/ana' }, 'subject'), now)!;
    expect(li).toMatchObject({ channel: 'linkedin', direction: 'outbound' });
    expect(interactionFromTab(state({ kind: 'compose' }), now)).toBeNull();
    expect(interactionFromTab(state({ kind: 'none' }), now)).toBeNull();
    expect(logActionKind(state({ kind: 'none' }))).toBeNull();
    expect(logActionKind(state({ site: 'freshdesk', kind: 'ticket' }))).toBe('ticket');
    expect(channelOfSite('outlook')).toBe('email');
  });
  it('without a ref the URL is the source; the primary without an account borrows a participant’s', () => {
    const i = interactionFromTab(state({ ref: null }, 'from', { contactId: 'c-1', accountId: null as unknown as string }), now)!;
    expect(i.source?.ref).toBe('https://mail.google.com/mail/u/0/#inbox/X');
    expect(i.accountId).toBe('a-1');
  });
});

describe('logWithUndo', () => {
  const input = (subject: string) => ({
    channel: 'email' as const,
    occurredAt: '2026-11-26T10:00:00Z',
    subject,
    contactIds: [] as string[],
    source: { site: 'gmail' as const, ref: 'thread-f:9', url: null },
  });
  const live = async () => (await getDb().interactions.toArray()).filter((i) => !i.deletedAt);

  it('undo of a first log deletes it', async () => {
    const r = await logWithUndo(input('a'));
    expect(r.created).toBe(true);
    expect(await live()).toHaveLength(1);
    await r.undo();
    expect(await live()).toHaveLength(0);
  });

  it('logging the same source again updates it (no duplicate); undo restores the previous version', async () => {
    const c = await insert('contacts', { firstName: 'Ana', lastName: 'L', emails: ['ana@acme.fr'] });
    const first = await logWithUndo(input('Subject v1'));
    const second = await logWithUndo({ ...input('Subject v2'), contactIds: [c.id] });
    expect(second.created).toBe(false);
    expect(second.value.id).toBe(first.value.id);
    expect(await live()).toHaveLength(1);
    expect((await getLive('interactions', first.value.id))?.subject).toBe('Subject v2');
    await second.undo();
    const restored = await getLive('interactions', first.value.id);
    expect(restored?.subject).toBe('Subject v1');
    expect(restored?.contactIds).toEqual([]);
    expect(await live()).toHaveLength(1);
  });
});

describe('shortcut', () => {
  it('Alt+L and only Alt+L', () => {
    const k = (o: Partial<KeyboardEvent>) => ({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, code: '', key: '', ...o });
    expect(isLogShortcut(k({ altKey: true, code: 'KeyL', key: '¬' }))).toBe(true);
    expect(isLogShortcut(k({ altKey: true, ctrlKey: true, code: 'KeyL', key: 'l' }))).toBe(false);
    expect(isLogShortcut(k({ code: 'KeyL', key: 'l' }))).toBe(false);
  });
});
