import { getDb, getLive } from '../../db';
import { contactName } from '../../schema';

/** What the insights card of one account shows: its score, the account, and the live segments (for their names). */
export async function accountInsights(accountId: string) {
  const db = getDb();
  const [score, account, segments] = await Promise.all([db.scores.get(accountId), getLive('accounts', accountId), db.segments.toArray()]);
  return { score, account, segments: segments.filter((s) => !s.deletedAt) };
}

/** Display names of live contacts by id (actions name the person they are about). */
export async function contactNames(ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await getDb().contacts.bulkGet([...ids]);
  return new Map(rows.filter((c) => c && !c.deletedAt).map((c) => [c!.id, contactName(c!)]));
}
