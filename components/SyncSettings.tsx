import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatRelative } from '@/lib/i18n/format';
import { useLiveQuery } from '@/lib/panel/live';
import { cryptoStatus } from '@/lib/panel/models/crypto';
import { getSyncStatus } from '@/lib/panel/queries/sync';
import {
  form,
  loadForm,
  describeStatus,
  testServerConnection,
  turnOnSync,
  turnOffSync,
  syncNowFromPanel,
  readSyncProblems,
  sendRejectedAgain,
  forgetRejected,
  pullSetAsideAgain,
  forgetSetAside,
  type ProblemRow,
  panelSyncDeps,
} from '@/lib/panel/models/sync-settings';

const deps = panelSyncDeps();

export function SyncSettings() {
  const status = useLiveQuery(() => getSyncStatus(), []);
  const problems = useLiveQuery(() => readSyncProblems(t), []);
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
          {lines.rejected && (
            <ProblemList
              testId="sync-rejected"
              title={t('sync.rejected.title')}
              summary={lines.rejected}
              rows={problems.value?.rejected ?? []}
              busy={!!busy}
              retry={{ label: t('sync.rejected.retry'), run: () => void sendRejectedAgain(deps, t) }}
              discard={{ label: t('sync.rejected.discard'), run: () => void forgetRejected(deps) }}
            />
          )}
          {lines.setAside && (
            <ProblemList
              testId="sync-set-aside"
              title={t('sync.setAside.title')}
              summary={lines.setAside}
              rows={problems.value?.setAside ?? []}
              busy={!!busy}
              retry={{ label: t('sync.setAside.retry'), run: () => void pullSetAsideAgain(deps) }}
              discard={{ label: t('sync.setAside.discard'), run: () => void forgetSetAside(deps) }}
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
