import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useLiveQuery } from '@/lib/panel/live';
import { demoPresent, removeAllData } from '@/lib/panel/queries/demo-data';
import { showToast } from '@/lib/panel/toast';
import { Dialog } from './Dialog';
import { failureText } from '@/lib/panel/failure';

/** Settings → Data: remove the demo portfolio (every record), after a confirmation. */
export function DataSettings() {
  const info = useLiveQuery(demoPresent, []);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await removeAllData();
      showToast({ message: t('data.removed') });
      setConfirming(false);
    } catch (e) {
      showToast({ message: failureText(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="data-title">
      <h3 id="data-title">{t('data.title')}</h3>
      {info.value ? (
        <>
          <p class="muted">{t('data.demoLoaded', { n: info.value.accounts })}</p>
          <button type="button" class="secondary danger" onClick={() => setConfirming(true)} data-testid="remove-demo">
            {t('data.removeDemo')}
          </button>
        </>
      ) : (
        <p class="muted">{t('data.noDemo')}</p>
      )}
      {confirming && (
        <Dialog title={t('data.removeDemo')} onClose={() => setConfirming(false)} testId="confirm-remove">
          <p>{t('data.confirm')}</p>
          <div class="actions">
            <button type="button" class="primary danger" disabled={busy} onClick={remove} data-testid="confirm-remove-yes">
              {t('data.removeYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
