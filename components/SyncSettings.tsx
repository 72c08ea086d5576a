import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatRelative } from '@/lib/i18n/format';
import { cryptoStatus } from '@/lib/panel/models/crypto';
import { createSyncSettingsModel, panelSyncDeps, type ProblemRow } from '@/lib/panel/models/sync-settings';
import { useModel } from '@/lib/panel/use-model';

export function SyncSettings() {
  const m = useModel(() => createSyncSettingsModel({ ...panelSyncDeps(), tr: t, relative: formatRelative }));
  useEffect(() => {
    void m.load();
    // Now and then, so "2 minutes ago" stays true.
    const id = setInterval(m.refreshClock, 30_000);
    return () => clearInterval(id);
  }, [m]);
  const lines = m.lines.value;
  const busy = m.busy.value;
  const notice = m.notice.value;
  const problems = m.problems.value;

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
          value={m.serverUrl.value}
          onInput={(e) => m.setServerUrl(e.currentTarget.value)}
          data-testid="sync-url"
        />
      </label>
      <label class="field">
        {t('sync.token')}
        <input
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={m.token.value}
          onInput={(e) => m.setToken(e.currentTarget.value)}
          data-testid="sync-token"
        />
      </label>
      <div class="row">
        <button type="button" disabled={!!busy} onClick={() => void m.test()} data-testid="sync-test">
          {busy === 'test' ? t('sync.testing') : t('sync.test')}
        </button>
        {lines?.on ? (
          <>
            <button type="button" class="primary" disabled={!!busy} onClick={() => void m.syncNow()} data-testid="sync-now">
              {busy === 'sync' ? t('sync.syncing') : t('sync.now')}
            </button>
            <button type="button" disabled={!!busy} onClick={() => void m.turnOff()} data-testid="sync-off">
              {t('sync.turnOff')}
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={!!busy} onClick={() => void m.turnOn()} data-testid="sync-on">
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
              <p class="muted" data-testid="sync-last">
                {lines.lastSuccess}
              </p>
              <p class="muted" data-testid="sync-pending">
                {lines.pending}
              </p>
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
          {lines.rejected && (
            <ProblemList
              testId="sync-rejected"
              title={t('sync.rejected.title')}
              summary={lines.rejected}
              rows={problems?.rejected ?? []}
              busy={!!busy}
              retry={{ label: t('sync.rejected.retry'), run: () => void m.sendRejectedAgain() }}
              discard={{ label: t('sync.rejected.discard'), run: () => void m.forgetRejected() }}
            />
          )}
          {lines.setAside && (
            <ProblemList
              testId="sync-set-aside"
              title={t('sync.setAside.title')}
              summary={lines.setAside}
              rows={problems?.setAside ?? []}
              busy={!!busy}
              retry={{ label: t('sync.setAside.retry'), run: () => void m.pullSetAsideAgain() }}
              discard={{ label: t('sync.setAside.discard'), run: () => void m.forgetSetAside() }}
            />
          )}
        </div>
      )}
    </section>
  );
}

interface ProblemListProps {
  testId: string;
  title: string;
  summary: string;
  rows: ProblemRow[];
  busy: boolean;
  retry: { label: string; run: () => void };
  discard: { label: string; run: () => void };
}

/** A sync problem list: what, why, and the two ways out (try again, forget). */
function ProblemList({ testId, title, summary, rows, busy, retry, discard }: ProblemListProps) {
  return (
    <details class="warning" data-testid={testId}>
      <summary>{summary}</summary>
      <p class="muted">{title}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.key}>
            <strong>{r.what}</strong>
            {r.reasons.map((reason, i) => (
              <div key={i} class="muted">
                {reason}
              </div>
            ))}
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" disabled={busy} onClick={retry.run} data-testid={`${testId}-retry`}>
          {retry.label}
        </button>
        <button type="button" disabled={busy} onClick={discard.run} data-testid={`${testId}-discard`}>
          {discard.label}
        </button>
      </div>
    </details>
  );
}
