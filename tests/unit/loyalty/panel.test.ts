import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { getDb, insert, remove, SYNC_ENABLED_KEY } from '../../../lib/db';
import { recordReferral, removeReferral, saveProgramme } from '../../../lib/panel/commands/loyalty';
import { loadAccountLoyalty, loadProgramme, loyaltyTierOfAccount } from '../../../lib/panel/queries/loyalty';
import { createAccountLoyaltyModel, createLoyaltyProgrammeModel } from '../../../lib/panel/models/loyalty';
import { draftFromRules, inputFromDraft, otherErrors, tierKey, typedNumber } from '../../../lib/panel/view/loyalty-form';
import { LOYALTY_PROGRAMME_ID, LoyaltyProgrammeInput, TierId, ValidationError, type LoyaltyRules } from '../../../lib/schema';

const NOW = new Date('2026-12-01T12:00:00Z');

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function account(name: string, currency = 'EUR') {
  return insert('accounts', { name, currency });
}

describe('the programme form draft', () => {
  const rulesArb = fc
    .record({
      enabled: fc.boolean(),
      currency: fc.constantFrom('EUR', 'USD', 'GBP'),
      pointsPerUnit: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.5, 2.5, 0.25)),
      windowMonths: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      warnDays: fc.integer({ min: 1, max: 365 }),
      thresholds: fc.uniqueArray(fc.integer({ min: 0, max: 1e6 }), { minLength: 0, maxLength: 10 }),
      names: fc.array(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        { minLength: 10, maxLength: 10 },
      ),
      bonus: fc.option(fc.record({ points: fc.integer({ min: 0, max: 1e6 }), minAmount: fc.integer({ min: 0, max: 1e6 }) }), { nil: null }),
    })
    .map(({ thresholds, names, bonus, ...r }) =>
      LoyaltyProgrammeInput.parse({
        ...r,
        tiers: thresholds.map((threshold, i) => ({ id: `t${i}`, name: names[i]!, threshold })),
        bonuses: bonus
          ? [
              { kind: 'order_at_least', ...bonus },
              { kind: 'referral', points: bonus.points },
            ]
          : [],
      }),
    );

  it('round-trips every valid programme, with a decimal comma or a point', () => {
    fc.assert(
      fc.property(rulesArb, fc.boolean(), (rules: LoyaltyRules, comma) => {
        const back = LoyaltyProgrammeInput.parse(inputFromDraft(draftFromRules(rules, comma)));
        expect(back).toEqual({ ...rules, tiers: [...rules.tiers].sort((a, b) => a.threshold - b.threshold), bonuses: rules.bonuses });
      }),
    );
  });

  it('reads typed numbers as a French or English user writes them; anything else is NaN', () => {
    expect(typedNumber('1 000')).toBe(1000);
    expect(typedNumber('2,5')).toBe(2.5);
    expect(typedNumber('1\u202f500,75')).toBe(1500.75);
    for (const s of ['', ' ', 'abc', '1,2,3', '1e3', '--1']) expect(typedNumber(s)).toBeNaN();
  });

  it('makes a valid, unique tier key from any name', () => {
    expect(tierKey('Or Élite', new Set())).toBe('or-elite');
    expect(tierKey('Or', new Set(['or', 'or-2']))).toBe('or-3');
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,23}$/)), (name, taken) => {
        const key = tierKey(name, new Set(taken));
        expect(TierId.safeParse(key).success).toBe(true);
        expect(taken).not.toContain(key);
      }),
    );
  });

  it('new tiers get keys from their names; existing ones keep theirs', () => {
    const d = draftFromRules(LoyaltyProgrammeInput.parse({}), false);
    d.tiers[0]!.name = 'Bronze renamed';
    d.tiers.push({ id: '', name: 'Platine', threshold: '50000' });
    const input = inputFromDraft(d) as { tiers: { id: string; name: string }[] };
    expect(input.tiers.map((x) => x.id)).toEqual(['bronze', 'silver', 'gold', 'platine']);
  });

  it('collects the errors no field shows', () => {
    expect(otherErrors({ 'tiers.0.name': 'x', pointsPerUnit: 'y' })).toBeNull();
    expect(otherErrors({ 'bonuses.0.kind': 'bad', _: 'oops' })).toBe('bonuses.0.kind: bad; oops');
  });
});

describe('saving the programme', () => {
  it('creates the one record, then updates it, each with its outbox row', async () => {
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
    expect((await loadProgramme()).stored).toBe(false);
    await saveProgramme({ pointsPerUnit: 2 });
    await saveProgramme({ pointsPerUnit: 3, tiers: [{ id: 'or', name: 'Or', threshold: 10 }] });
    const rows = await getDb().loyaltyProgrammes.toArray();
    expect(rows.map((r) => r.id)).toEqual([LOYALTY_PROGRAMME_ID]);
    const p = await loadProgramme();
    expect(p).toMatchObject({ stored: true, rules: { pointsPerUnit: 3, tiers: [{ id: 'or', name: 'Or', threshold: 10 }] } });
    const outbox = (await getDb().outbox.toArray()).filter((e) => e.entity === 'loyaltyProgrammes');
    expect(outbox).toHaveLength(2);
    expect(outbox[1]!.fields).toMatchObject({ pointsPerUnit: 3 });
  });

  it('refuses bad input with the field path and writes nothing', async () => {
    const bad = [
      { pointsPerUnit: Number.NaN },
      {
        tiers: [
          { id: 'a', name: 'A', threshold: 5 },
          { id: 'b', name: 'B', threshold: 5 },
        ],
      },
      { bonuses: [{ kind: 'order_at_least', points: 10 }] },
      { currency: 'euro' },
      'not an object',
    ];
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
    for (const input of bad) await expect(saveProgramme(input)).rejects.toBeInstanceOf(ValidationError);
    await expect(
      saveProgramme({
        tiers: [
          { id: 'a', name: 'A', threshold: 1 },
          { id: 'b', name: 'B', threshold: -1 },
        ],
      }),
    ).rejects.toMatchObject({ issues: [{ path: 'tiers.1.threshold' }] });
    expect(await getDb().loyaltyProgrammes.count()).toBe(0);
    expect(await getDb().outbox.count()).toBe(0);
  });

  it('the form model shows an error beside its tier, then saves', async () => {
    const m = createLoyaltyProgrammeModel({ decimalComma: () => true });
    await until(() => m.programme.value !== undefined);
    m.edit();
    expect(m.draft.value!.enabled).toBe(true);
    m.setTier(1, { threshold: 'beaucoup' });
    expect(await m.save()).toBe(false);
    expect(Object.keys(m.errors.value)).toContain('tiers.1.threshold');
    m.setTier(1, { threshold: '5 000' });
    m.change({ pointsPerUnit: '1,5' });
    expect(await m.save()).toBe(true);
    expect(m.draft.value).toBeNull();
    expect((await loadProgramme()).rules.pointsPerUnit).toBe(1.5);
    m.dispose();
  });
});

describe('an account’s loyalty', () => {
  it('counts orders of the account and of its contacts, converts currencies, names referrals both ways', async () => {
    await saveProgramme({ pointsPerUnit: 1, bonuses: [{ kind: 'referral', points: 500 }] });
    const acme = await account('Acme');
    const newco = await account('Newco');
    const other = await account('Other');
    const helene = await insert('contacts', { firstName: 'Hélène', lastName: 'Roux', accountId: acme.id });
    await insert('orders', { accountId: acme.id, occurredAt: '2026-10-01T09:00:00Z', amount: 3000, currency: 'EUR' });
    await insert('orders', { accountId: null, contactId: helene.id, occurredAt: '2026-10-02T09:00:00Z', amount: 1100, currency: 'USD' });
    await insert('orders', { accountId: other.id, contactId: helene.id, occurredAt: '2026-10-03T09:00:00Z', amount: 90_000, currency: 'EUR' });
    await recordReferral({ referrerAccountId: acme.id, referrerContactId: helene.id, referredAccountId: newco.id, referredAt: '2026-11-01' });
    const rates = { asOf: '2026-11-30', source: 'user' as const, perEur: { USD: 1.1 } };
    const a = await loadAccountLoyalty(acme.id, NOW, rates);
    expect(a.status).toMatchObject({ points: 4500, tier: { name: 'Bronze' }, referralsMade: 1 });
    expect(a.status!.badges.map((b) => b.key)).toEqual(['first_order', 'first_referral']);
    expect(a.made).toMatchObject([{ accountName: 'Newco', contactName: 'Hélène Roux' }]);
    expect(a.contacts).toEqual([{ id: helene.id, name: 'Hélène Roux' }]);
    const n = await loadAccountLoyalty(newco.id, NOW, rates);
    expect(n.receivedFrom).toMatchObject({ accountName: 'Acme', contactName: 'Hélène Roux' });
    expect(await loyaltyTierOfAccount(acme.id, NOW, rates)).toBe('Bronze');
    expect(await loyaltyTierOfAccount(newco.id, NOW, rates)).toBeNull();
    await saveProgramme({ enabled: false });
    expect(await loyaltyTierOfAccount(acme.id, NOW, rates)).toBeNull();
    expect((await loadAccountLoyalty(acme.id, NOW, rates)).status).toBeNull();
  });

  it('refuses a self-referral or an unknown account; removal can be undone', async () => {
    const acme = await account('Acme');
    const newco = await account('Newco');
    await expect(recordReferral({ referrerAccountId: acme.id, referredAccountId: acme.id, referredAt: '2026-11-01' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordReferral({ referrerAccountId: acme.id, referredAccountId: '0190a000-0000-7000-8000-0000000000ff', referredAt: '2026-11-01' }),
    ).rejects.toMatchObject({ issues: [{ path: 'referredAccountId' }] });
    await remove('accounts', newco.id);
    await expect(recordReferral({ referrerAccountId: acme.id, referredAccountId: newco.id, referredAt: '2026-11-01' })).rejects.toBeInstanceOf(ValidationError);
    const later = await account('Later');
    const r = await recordReferral({ referrerAccountId: acme.id, referredAccountId: later.id, referredAt: '2026-11-02', note: 'met at a fair' });
    const { undo } = await removeReferral(r.id);
    expect((await loadAccountLoyalty(acme.id, NOW, null)).made).toHaveLength(0);
    await undo();
    expect((await loadAccountLoyalty(acme.id, NOW, null)).made).toMatchObject([
      { accountName: 'Later', referral: { note: 'met at a fair', referredAt: '2026-11-02' } },
    ]);
  });

  it('the card model records a referral picked by search, and says when none is picked', async () => {
    await saveProgramme({});
    const acme = await account('Acme');
    const newco = await account('Newco Industries');
    const m = createAccountLoyaltyModel(acme.id, { now: () => NOW });
    await until(() => m.data.value !== undefined);
    m.startReferral();
    expect(await m.saveReferral()).toBe(false);
    expect(m.errors.value.referredAccountId).toBe('required');
    m.changeReferral({ query: 'newco' });
    await until(() => m.results.value.length > 0);
    expect(m.results.value.map((a) => a.id)).toEqual([newco.id]);
    m.pickReferred(m.results.value[0]!);
    expect(await m.saveReferral()).toBe(true);
    await until(() => (m.data.value?.made.length ?? 0) === 1);
    expect(m.data.value!.made[0]!.referral.referredAt).toBe('2026-12-01');
    m.dispose();
  });
});
