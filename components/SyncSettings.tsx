import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { formatRelative } from '@/lib/i18n/format';
import { useLiveQuery } from '@/lib/ui/live';
import { cryptoStatus } from '@/lib/ui/crypto-model';
import { getSyncStatus } from '@/lib/sync/engine';
import { sendMessage } from '@/lib/messaging/send';
import { isFirefox } from '@/lib/ui/browser-kind';
import {
  form,
  loadForm,
  describeStatus,
  testServerConnection,
  turnOnSync,
  turnOffSync,
  syncNowFromPanel,
  type SyncSettingsDeps,
} from '@/lib/ui/sync-settings';

const deps: SyncSettingsDeps = {
  storage: browser.storage.local,
  permissions: browser.permissions,
  portInPattern: !isFirefox(),
  askSyncNow: () => sendMessage('syncNow', {}),
};

export function SyncSettings() {
  const status = useLiveQuery(() => getSyncStatus(), []);
  // Re-render now and then so "2 minutes ago" stays true.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    void loadForm(deps);
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  const lines = status.value ? describeStatus(status.value, t, (iso) => formatRelative(iso, now)) : null;
  const busy = form.busy.value;
  const notice = form.notice.value;

  return (
    <section aria-labelledby="sync-title" data-testid="sync-settings" class="card">
      <h3 id="sync-title">{t('sync.title')}</h3>
      <p class="muted">{t('sync.intro')}</p>
      <label class="field">
        {t('sync.serverUrl')}
        <input
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://carnet.example.com"
          value={form.serverUrl.value}
          onInput={(e) => (form.serverUrl.value = e.currentTarget.value)}
          data-testid="sync-url"
        />
      </label>
      <label class="field">
        {t('sync.token')}
        <input
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={form.token.value}
          onInput={(e) => (form.token.value = e.currentTarget.value)}
          data-testid="sync-token"
        />
      </label>
      <div class="row">
        <button type="button" disabled={!!busy} onClick={() => void testServerConnection(deps, t)} data-testid="sync-test">
          {busy === 'test' ? t('sync.testing') : t('sync.test')}
        </button>
        {lines?.on ? (
          <>
            <button type="button" class="primary" disabled={!!busy} onClick={() => void syncNowFromPanel(deps, t)} data-testid="sync-now">
              {busy === 'sync' ? t('sync.syncing') : t('sync.now')}
            </button>
            <button type="button" disabled={!!busy} onClick={() => void turnOffSync(deps, t)} data-testid="sync-off">
              {t('sync.turnOff')}
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={!!busy} onClick={() => void turnOnSync(deps, t)} data-testid="sync-on">
            {t('sync.turnOn')}
          </button>
        )}
      </div>
      {notice && (
        <p class={notice.tone === 'error' ? 'error' : 'muted'} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="sync-notice">
          {notice.text}
        </p>
      )}
      {lines && (
        <div data-testid="sync-status" aria-live="polite">
          <p data-testid="sync-state" data-on={lines.on ? 'true' : 'false'}>
            {lines.state}
          </p>
          {lines.on && (
            <>
              <p class="muted" data-testid="sync-last">{lines.lastSuccess}</p>
              <p class="muted" data-testid="sync-pending">{lines.pending}</p>
              {lines.on && cryptoStatus.value === 'locked' && (
                <p class="warning" role="status" data-testid="sync-locked">
                  {t('crypto.syncPaused')}
                </p>
              )}
            </>
          )}
          {lines.error && (
            <p class="error" data-testid="sync-error">
              {lines.error}
            </p>
          )}
          {lines.nextTry && <p class="muted">{lines.nextTry}</p>}
        </div>
      )}
    </section>
  );
}
