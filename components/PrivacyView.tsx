import { t, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { dataInventory, type InventoryRow } from '@/lib/panel/queries/privacy';
import { useLiveQuery } from '@/lib/panel/live';
import { BackupPanel } from './privacy/BackupPanel';
import { RetentionEditor } from './privacy/RetentionEditor';
import { EncryptionPanel } from './privacy/EncryptionPanel';
import { cryptoStatus } from '@/lib/panel/models/crypto';
import { SENSITIVE_FIELDS } from '@/lib/panel/models/crypto';

const ENCRYPTED_TABLES = new Set<string>([...Object.keys(SENSITIVE_FIELDS), 'outbox', 'audit']);
import './privacy/gdpr.css';

function keptFor(r: InventoryRow): string {
  return typeof r.retention === 'number' ? t('privacy.keep.months', { n: r.retention }) : t(`privacy.keep.${r.retention}` as MessageKey);
}

export function PrivacyView() {
  const inv = useLiveQuery(() => dataInventory(), []);
  return (
    <section aria-labelledby="privacy-title" data-testid="privacy-view">
      <h2 id="privacy-title">{t('privacy.title')}</h2>
      <section class="card" aria-labelledby="inventory-title">
        <h3 id="inventory-title">{t('privacy.inventory')}</h3>
        {!inv.value ? (
          <p class="muted">{t('common.loading')}</p>
        ) : (
          <table class="inventory" data-testid="inventory">
            <thead>
              <tr>
                <th>{t('privacy.table')}</th>
                <th>{t('privacy.count')}</th>
                <th>{t('privacy.where')}</th>
                <th>{t('privacy.howLong')}</th>
              </tr>
            </thead>
            <tbody>
              {inv.value.rows.map((r) => (
                <tr data-table={r.table}>
                  <td>
                    {t(`privacy.what.${r.what}` as MessageKey)}
                    {r.personalData && <span class="chip">{t('privacy.personal')}</span>}
                    {cryptoStatus.value !== 'off' && ENCRYPTED_TABLES.has(r.table) && <span class="chip">{t('crypto.inventoryChip')}</span>}
                  </td>
                  <td data-testid={`inventory-count-${r.table}`}>
                    {formatNumber(r.live)}
                    {r.tombstones > 0 && <div class="muted">{t('privacy.tombstones', { n: formatNumber(r.tombstones) })}</div>}
                  </td>
                  <td>{t(`privacy.where.${r.storage}`)}</td>
                  <td>{keptFor(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {cryptoStatus.value !== 'off' && (
          <p class="muted" data-testid="inventory-crypto-note">
            {t('crypto.inventoryNote')}
          </p>
        )}
      </section>
      {inv.value && <RetentionEditor initial={inv.value.policy} />}
      <EncryptionPanel />
      <BackupPanel />
    </section>
  );
}
