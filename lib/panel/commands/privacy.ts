import { update } from '../../db';
import type { ContactInput } from '../../schema';

/**
 * The panel's GDPR use cases: consent, objection, access, rectification, erasure, retention and backups. Each is
 * one call into lib/gdpr or lib/backup (which own the rules); screens call them from here.
 */
export { erasePerson, exportPerson, setDoNotContact, grantConsent, withdrawConsent, type ErasureReport } from '../../gdpr';
export { applyRetention, previewRetention, saveRetentionPolicy, type RetentionPolicy, type RetentionPreview } from '../../gdpr/retention';
export { exportBackupJson, restoreBackup, RestoreError } from '../../backup';

/** Right to rectification: the change goes through the write path, which records it in the audit log. */
export function rectifyContact(id: string, patch: Partial<ContactInput>) {
  return update('contacts', id, patch);
}
