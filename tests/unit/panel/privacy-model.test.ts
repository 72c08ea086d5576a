import { describe, it, expect } from 'vitest';
import { consentByPurpose, formToPolicy, policyToForm, rectificationPatch, contactToForm, erasureLines, auditHistory } from '../../../lib/panel/models/privacy';
import { formatHlc } from '../../../lib/clock/hlc';
import { applyRetentionIfDue, RETENTION_LAST_RUN_KEY } from '../../../lib/background/retention';
import { saveRetentionPolicy } from '../../../lib/gdpr/retention';
import { insert } from '../../../lib/db/write';
import { getDb } from '../../../lib/db/db';

describe('privacy model', () => {
  it('retention form round-trips and names invalid boxes', () => {
    const policy = { interactionsMonths: 24, closedTasksMonths: null, surveysMonths: 12, feedbackMonths: null, ordersMonths: 120 };
    expect(formToPolicy(policyToForm(policy))).toEqual({ policy });
    expect(formToPolicy({ ...policyToForm(policy), surveysMonths: '0', ordersMonths: '1.5' })).toEqual({ invalid: ['surveysMonths', 'ordersMonths'] });
  });

  it('consent by purpose: the entry in force, history newest first, withdrawn entries not in force', () => {
    const ledger = [
      {
        purpose: 'marketing' as const,
        lawfulBasis: 'consent' as const,
        grantedAt: '2024-01-01T00:00:00.000Z',
        source: 'form',
        withdrawnAt: '2024-06-01T00:00:00.000Z',
      },
      { purpose: 'marketing' as const, lawfulBasis: 'consent' as const, grantedAt: '2025-01-01T00:00:00.000Z', source: 'fair', withdrawnAt: null },
      {
        purpose: 'sales' as const,
        lawfulBasis: 'legitimate_interest' as const,
        grantedAt: '2024-01-01T00:00:00.000Z',
        source: 'x',
        withdrawnAt: '2024-02-01T00:00:00.000Z',
      },
    ];
    const s = consentByPurpose(ledger, new Date('2025-06-01T00:00:00Z'));
    const m = s.find((x) => x.purpose === 'marketing')!;
    expect(m.active?.source).toBe('fair');
    expect(m.history.map((e) => e.source)).toEqual(['fair', 'form']);
    expect(s.find((x) => x.purpose === 'sales')!.active).toBeNull();
    expect(consentByPurpose(ledger, new Date('2024-03-01T00:00:00Z')).find((x) => x.purpose === 'marketing')!.active?.source).toBe('form');
  });

  it('rectification patch holds only changed fields, lists split on commas', () => {
    const before = contactToForm({ firstName: 'Anne', lastName: 'Martin', emails: ['a@x.org'], phones: [], title: null, linkedinUrl: null, notes: 'n' });
    expect(before.emails).toBe('a@x.org');
    const patch = rectificationPatch(before, { ...before, emails: 'a@x.org, b@y.org', notes: '' });
    expect(patch).toEqual({ emails: ['a@x.org', 'b@y.org'], notes: null });
  });

  it('erasure lines skip zeros; audit history newest first with dates', () => {
    expect(
      erasureLines({ deleted: { contacts: 1, tasks: 0 }, scrubbed: { orders: 2 }, auditEntriesCleared: 0, outboxEntriesRemoved: 0, suppressions: 1 }),
    ).toEqual([
      { kind: 'deleted', table: 'contacts', n: 1 },
      { kind: 'scrubbed', table: 'orders', n: 2 },
    ]);
    const at = (ms: number) => formatHlc({ ms, counter: 0, node: 'abcd' });
    const h = auditHistory([
      { id: '1', entity: 'contacts', recordId: 'c', at: at(Date.UTC(2024, 0, 1)), action: 'update', changes: {} },
      { id: '2', entity: 'contacts', recordId: 'c', at: at(Date.UTC(2025, 0, 1)), action: 'update', changes: {} },
    ]);
    expect(h.map((e) => e.id)).toEqual(['2', '1']);
    expect(h[0]!.date).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('background retention', () => {
  it('applies the saved policy once a day', async () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const acc = await insert('accounts', { name: 'Acme' });
    await insert('interactions', { accountId: acc.id, channel: 'call', direction: 'outbound', occurredAt: '2020-01-01T00:00:00.000Z', subject: 'old' });
    await insert('interactions', { accountId: acc.id, channel: 'call', direction: 'outbound', occurredAt: '2025-05-01T00:00:00.000Z', subject: 'new' });
    expect(await applyRetentionIfDue(now)).toBeNull();
    await getDb().meta.delete(RETENTION_LAST_RUN_KEY);
    await saveRetentionPolicy({ interactionsMonths: 12 });
    expect(await applyRetentionIfDue(now)).toEqual({ interactions: 1 });
    const live = (await getDb().interactions.toArray()).filter((i) => !i.deletedAt).map((i) => i.subject);
    expect(live).toEqual(['new']);
    await insert('interactions', { accountId: acc.id, channel: 'call', direction: 'outbound', occurredAt: '2019-01-01T00:00:00.000Z', subject: 'older' });
    expect(await applyRetentionIfDue(new Date(now.getTime() + 3600_000))).toBeNull();
    expect(await applyRetentionIfDue(new Date(now.getTime() + 25 * 3600_000))).toEqual({ interactions: 1 });
  });
});
