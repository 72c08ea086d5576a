import { t, type MessageKey } from '@/lib/i18n';
import { formatBytes } from '@/lib/i18n/format';
import { goTo } from '@/lib/panel/router';
import { dismissStorageProblem, storageProblem } from '@/lib/panel/storage-problem';

/** Shown on every view when the browser's storage fails Carnet: what happened, what is safe, what to do next. */
export function StorageBanner() {
  const p = storageProblem.value;
  if (!p) return null;
  const reload = p.kind === 'upgraded' || p.kind === 'deleted';
  return (
    <section class="card storage-banner" role="alert" aria-labelledby="storage-banner-title" data-testid="storage-banner" data-kind={p.kind}>
      <h2 id="storage-banner-title">{t(`storage.${p.kind}.title` as MessageKey)}</h2>
      <p>{t(`storage.${p.kind}.body` as MessageKey)}</p>
      {p.kind === 'quota' && p.estimate && (
        <p class="small" data-testid="storage-usage">
          {t('storage.quota.usage', { used: formatBytes(p.estimate.usage), quota: formatBytes(p.estimate.quota) })}
        </p>
      )}
      <div class="actions">
        {reload && (
          <button type="button" class="primary" data-testid="storage-reload" onClick={() => location.reload()}>
            {t('storage.reload')}
          </button>
        )}
        {p.kind === 'quota' && (
          <button type="button" onClick={() => goTo('privacy')}>
            {t('storage.retention')}
          </button>
        )}
        {p.kind === 'deleted' && (
          <button type="button" onClick={() => goTo('privacy')}>
            {t('storage.backup')}
          </button>
        )}
        {!reload && (
          <button type="button" data-testid="storage-dismiss" onClick={dismissStorageProblem}>
            {t('storage.dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
