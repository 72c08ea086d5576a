import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { loadDemoPortfolio, DEMO_ACCOUNTS } from '@/lib/panel/commands/demo';
import { goTo } from '@/lib/panel/router';
import './onboarding.css';
import { failureText } from '@/lib/panel/failure';

/** Settings, then its team-server address field once it is rendered. */
export function goToServerSettings(): void {
  goTo('settings');
  const focus = (tries: number) => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="sync-url"]');
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus();
    } else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
  };
  requestAnimationFrame(() => focus(30));
}

/**
 * The three ways to start with an empty Carnet: the demo portfolio (with progress), an import, a team server.
 * `afterDemo` runs once the demo is in (the welcome goes to the portfolio; the empty portfolio just fills).
 */
export function StartOptions({ afterDemo }: { afterDemo?: () => void }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    setProgress({ done: 0, total: DEMO_ACCOUNTS });
    try {
      await loadDemoPortfolio((done, total) => setProgress({ done, total }));
      afterDemo?.();
    } catch (e) {
      setError(failureText(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <>
      <ul class="start-options">
        <li>
          {progress ? (
            <div role="status">
              <progress max={progress.total} value={progress.done} />
              <p>{t('empty.loading', progress)}</p>
            </div>
          ) : (
            <button type="button" class="primary" onClick={load} data-testid="load-demo">
              {t('start.demo')}
            </button>
          )}
          <span class="muted small">{t('start.demoHint', { n: DEMO_ACCOUNTS })}</span>
        </li>
        <li>
          <button type="button" class="secondary" onClick={() => goTo('import')} data-testid="start-import">
            {t('start.import')}
          </button>
          <span class="muted small">{t('start.importHint')}</span>
        </li>
        <li>
          <button type="button" class="secondary" onClick={goToServerSettings} data-testid="start-server">
            {t('start.server')}
          </button>
          <span class="muted small">{t('start.serverHint')}</span>
        </li>
      </ul>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
