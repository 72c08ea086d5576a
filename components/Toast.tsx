import { t } from '@/lib/i18n';
import { toast, undoToast, dismissToast } from '@/lib/panel/toast';

export function Toast() {
  const v = toast.value;
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {v && (
        <div class={`toast${v.error ? ' toast-error' : ''}`} data-testid="toast">
          <span>{v.message}</span>
          {v.undo && (
            <button type="button" class="link" onClick={() => void undoToast()} data-testid="undo">
              {t('common.undo')}
            </button>
          )}
          <button type="button" class="icon-button" aria-label={t('common.close')} onClick={dismissToast}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
