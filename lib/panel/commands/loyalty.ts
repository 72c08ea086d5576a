/**
 * Writes of the loyalty programme: its one record (the same id on every device, so sync merges edits field by
 * field) and referrals (who brought which new account), each through the one write path with its outbox row.
 */
import { getDb, insert, remove, update, writeTransaction } from '../../db';
import { LOYALTY_PROGRAMME_ID, LoyaltyProgrammeInput, ReferralInput, ValidationError, type LoyaltyProgramme, type Referral } from '../../schema';

/**
 * Saves the programme (creating it the first time). The input is parsed first: an error names the field
 * ("tiers.1.threshold") and nothing is written.
 */
export async function saveProgramme(input: unknown): Promise<LoyaltyProgramme> {
  const parsed = LoyaltyProgrammeInput.safeParse(input);
  if (!parsed.success) throw ValidationError.from('loyaltyProgrammes', parsed.error);
  return writeTransaction(['loyaltyProgrammes'], async () => {
    const existing = await getDb().loyaltyProgrammes.get(LOYALTY_PROGRAMME_ID);
    if (!existing) return insert('loyaltyProgrammes', { ...parsed.data, id: LOYALTY_PROGRAMME_ID });
    if (existing.deletedAt) throw new ValidationError('loyaltyProgrammes', [{ path: '', message: 'the programme was deleted on another device' }]);
    return update('loyaltyProgrammes', LOYALTY_PROGRAMME_ID, parsed.data);
  });
}

/** Records that a contact (or an account) brought a new account; parsed first, an account cannot refer itself. */
export async function recordReferral(input: unknown): Promise<Referral> {
  const parsed = ReferralInput.safeParse(input);
  if (!parsed.success) throw ValidationError.from('referrals', parsed.error);
  const r = parsed.data;
  const db = getDb();
  const [referred, referrer] = await Promise.all([
    db.accounts.get(r.referredAccountId),
    r.referrerAccountId ? db.accounts.get(r.referrerAccountId) : undefined,
  ]);
  if (!referred || referred.deletedAt) throw new ValidationError('referrals', [{ path: 'referredAccountId', message: 'the referred account does not exist' }]);
  if (r.referrerAccountId && (!referrer || referrer.deletedAt))
    throw new ValidationError('referrals', [{ path: 'referrerAccountId', message: 'the referring account does not exist' }]);
  return insert('referrals', r);
}

/** Removes a referral; the returned undo records it again (a tombstone is never revived). */
export async function removeReferral(id: string): Promise<{ undo: () => Promise<void> }> {
  const before = await getDb().referrals.get(id);
  await remove('referrals', id);
  return {
    undo: async () => {
      if (!before || before.deletedAt) return;
      const { referrerContactId, referrerAccountId, referredAccountId, referredAt, note } = before;
      await insert('referrals', { referrerContactId, referrerAccountId, referredAccountId, referredAt, note });
    },
  };
}
