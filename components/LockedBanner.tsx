import { t } from '@/lib/i18n';
import { cryptoStatus } from '@/lib/panel/models/crypto';
import { UnlockForm } from './UnlockForm';

/** Shown on every view while at-rest encryption is locked, with the unlock form right there. */
export function LockedBanner() {
  if (cryptoStatus.value !== 'locked') return null;
  return (
    <section class="card locked-banner" role="region" aria-label={t('crypto.title')} data-testid="locked-banner">
      <p>🔒 {t('crypto.banner')}</p>
      <UnlockForm id="banner-unlock" />
    </section>
  );
}
