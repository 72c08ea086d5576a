import { getDb, getLive } from '../../db';
import { auditHistory } from '../models/privacy';

export { dataInventory, type InventoryRow } from '../../gdpr/inventory';

/** One person's privacy page: the live contact and the history of changes to it. */
export async function personPrivacy(id: string) {
  const contact = await getLive('contacts', id);
  const audit = await getDb().audit.where('[entity+recordId]').equals(['contacts', id]).toArray();
  return { contact, audit: auditHistory(audit) };
}
