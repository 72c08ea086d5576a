import { describe, it, expect } from 'vitest';
import { insert, insertMany, remove, getDb } from '../../../lib/db';
import { load360, load360Head, consentStatus, npsOf, riskBand } from '../../../lib/panel/queries/record360';
import { timelineCount, timelinePage, windowFor, startsDay, dayKey } from '../../../lib/panel/queries/timeline';

async function accountWithHistory(n: number) {
  const account = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
  const [ana, bob] = await insertMany('contacts', [
    { firstName: 'Ana', lastName: 'Lima', emails: ['ana@acme.fr'], accountId: account.id },
    { firstName: 'Bob', lastName: 'Roy', emails: ['bob@acme.fr'], accountId: account.id },
  ]);
  const base = Date.parse('2026-01-01T10:00:00Z');
  await insertMany(
    'interactions',
    Array.from({ length: n }, (_, i) => ({
      accountId: account.id,
      contactIds: [i % 3 === 0 ? ana!.id : bob!.id],
      channel: (i % 2 ? 'email' : 'call') as 'email' | 'call',
      occurredAt: new Date(base + i * 3_600_000).toISOString(),
      subject: `#${i}`,
    })),
  );
  return { account, ana: ana!, bob: bob! };
}

describe('timeline model', () => {
  it('pages an account timeline newest first through the index, and counts it', async () => {
    const { account } = await accountWithHistory(100);
    const q = { accountId: account.id };
    expect(await timelineCount(q)).toBe(100);
    const first = await timelinePage(q, 0, 10);
    expect(first.map((i) => i.subject)).toEqual(['#99', '#98', '#97', '#96', '#95', '#94', '#93', '#92', '#91', '#90']);
    expect((await timelinePage(q, 95, 10)).map((i) => i.subject)).toEqual(['#4', '#3', '#2', '#1', '#0']);
  });

  it('filters by channel and by contact, and skips deleted interactions', async () => {
    const { account, ana } = await accountWithHistory(30);
    expect(await timelineCount({ accountId: account.id, channel: 'email' })).toBe(15);
    const anas = await timelinePage({ accountId: account.id, contactId: ana.id }, 0, 100);
    expect(anas).toHaveLength(10);
    expect(anas.every((i) => i.contactIds.includes(ana.id))).toBe(true);
    await remove('interactions', anas[0]!.id);
    expect(await timelinePage({ accountId: account.id, contactId: ana.id }, 0, 100)).toHaveLength(9);
    expect((await timelinePage({ accountId: account.id }, 0, 100)).some((i) => i.id === anas[0]!.id)).toBe(false);
  });

  it('a contact without an account still has its own timeline', async () => {
    const c = await insert('contacts', { firstName: 'Solo', lastName: 'X', emails: ['solo@gmail.com'] });
    await insert('interactions', { channel: 'note', occurredAt: '2026-02-01T09:00:00Z', contactIds: [c.id], subject: 'a' });
    await insert('interactions', { channel: 'call', occurredAt: '2026-03-01T09:00:00Z', contactIds: [c.id], subject: 'b' });
    const q = { accountId: null, contactId: c.id };
    expect(await timelineCount(q)).toBe(2);
    expect((await timelinePage(q, 0, 5)).map((i) => i.subject)).toEqual(['b', 'a']);
  });

  it('windows are page-aligned and day headings open on a day change', () => {
    expect(windowFor(0, 12, 40, 1000)).toEqual({ offset: 0, limit: 40 });
    expect(windowFor(35, 50, 40, 1000)).toEqual({ offset: 0, limit: 80 });
    expect(windowFor(990, 1010, 40, 1000)).toEqual({ offset: 960, limit: 40 });
    const rows = [{ occurredAt: '2026-01-02T15:00:00' }, { occurredAt: '2026-01-02T09:00:00' }, { occurredAt: '2026-01-01T18:00:00' }];
    expect(rows.map((_, i) => startsDay(rows, i))).toEqual([true, false, true]);
    expect(dayKey('2026-01-02T15:00:00')).toBe('2026-01-02');
  });
});

describe('load360', () => {
  it('reads a contact with its account, colleagues, tasks, deals, surveys and the first timeline page — no score yet', async () => {
    const { account, ana } = await accountWithHistory(50);
    await insert('tasks', { title: 'Call Ana', contactId: ana.id, accountId: account.id, dueAt: '2026-05-01T09:00:00Z' });
    await insert('deals', { accountId: account.id, name: 'Renewal 2027', kind: 'renewal', closeDate: '2027-01-01' });
    await insert('surveys', { contactId: ana.id, accountId: account.id, kind: 'nps', score: 9, respondedAt: '2026-03-01T10:00:00Z' });
    const v = (await load360({ kind: 'contact', id: ana.id }))!;
    expect(v.contact?.firstName).toBe('Ana');
    expect(v.account?.name).toBe('Acme');
    expect(v.contacts.map((c) => c.firstName).sort()).toEqual(['Ana', 'Bob']);
    expect(v.score).toBeNull();
    expect(v.tasks.map((t) => t.title)).toEqual(['Call Ana']);
    expect(v.deals.map((d) => d.name)).toEqual(['Renewal 2027']);
    expect(v.surveys).toHaveLength(1);
    expect(v.timelineTotal).toBe(17);
    expect(v.firstPage[0]!.subject).toBe('#48');
    expect((v.contact as Record<string, unknown>).searchTokens).toBeUndefined();
  });

  it('reads an account with its score; a missing record gives null', async () => {
    const { account } = await accountWithHistory(5);
    await getDb().scores.put({
      accountId: account.id,
      churnProbability: 0.72,
      churnModel: 'health',
      reasons: [{ key: 'reason.noContact', weight: 0.4 }],
      clv: 12000,
      clvMethod: 'annual_value',
      segments: ['at_risk'],
      actions: [],
      computedAt: '2026-04-01T00:00:00Z',
    });
    const v = (await load360({ kind: 'account', id: account.id }))!;
    expect(v.score?.churnProbability).toBe(0.72);
    expect(v.timelineTotal).toBe(5);
    expect(riskBand(v.score?.churnProbability)).toBe('high');
    expect(await load360({ kind: 'account', id: '01890000-0000-7000-8000-000000000000' })).toBeNull();
  });

  it('reads a 10 000-interaction account without loading the whole timeline', async () => {
    const { account } = await accountWithHistory(10_000);
    const v = (await load360({ kind: 'account', id: account.id }))!;
    expect(v.timelineTotal).toBe(10_000);
    expect(v.firstPage).toHaveLength(30);
    expect(v.firstPage[0]!.subject).toBe('#9999');
  });
});

describe('load360Head', () => {
  it('a contact whose account was deleted shows its own timeline, without the account', async () => {
    const { account, ana } = await accountWithHistory(30);
    await remove('accounts', account.id);
    const h = (await load360Head({ kind: 'contact', id: ana.id }))!;
    expect(h.account).toBeNull();
    expect(h.timeline).toEqual({ accountId: null, contactId: ana.id });
    expect(h.timelineTotal).toBe(10);
    expect(h.firstPage.map((i) => i.subject).slice(0, 2)).toEqual(['#27', '#24']);
  });
});

describe('consent, NPS and risk helpers', () => {
  it('the latest ledger entry per purpose decides; do-not-contact overrides', () => {
    const consent = [
      { purpose: 'marketing' as const, lawfulBasis: 'consent' as const, grantedAt: '2025-01-01T00:00:00Z', source: 'form', withdrawnAt: null },
      {
        purpose: 'marketing' as const,
        lawfulBasis: 'consent' as const,
        grantedAt: '2025-01-01T00:00:00Z',
        source: 'form',
        withdrawnAt: '2025-06-01T00:00:00Z',
      },
      { purpose: 'support' as const, lawfulBasis: 'contract' as const, grantedAt: '2024-01-01T00:00:00Z', source: 'contract', withdrawnAt: null },
    ];
    expect(consentStatus({ consent, doNotContact: false }).map((c) => [c.purpose, c.granted])).toEqual([
      ['marketing', false],
      ['support', true],
    ]);
    expect(consentStatus({ consent, doNotContact: true }).every((c) => !c.granted)).toBe(true);
  });

  it('NPS is promoters minus detractors; risk bands', () => {
    expect(npsOf([])).toBeNull();
    expect(
      npsOf([
        { kind: 'nps', score: 10 },
        { kind: 'nps', score: 9 },
        { kind: 'nps', score: 3 },
        { kind: 'nps', score: 7 },
        { kind: 'csat', score: 1 },
      ]),
    ).toBe(25);
    expect([riskBand(null), riskBand(0.1), riskBand(0.3), riskBand(0.6)]).toEqual([null, 'low', 'medium', 'high']);
  });
});
