import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { loadDemoPortfolio, DEMO_ACCOUNTS } from '@/lib/ui/demo';

export function EmptyState() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    setProgress({ done: 0, total: DEMO_ACCOUNTS });
    try {
      await loadDemoPortfolio((done, total) => setProgress({ done, total }));
    } catch (e) {
      setError(t('error.generic', { message: (e as Error).message }));
    } finally {
      setProgress(null);
    }
  };
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      {progress ? (
        <div role="status">
          <progress max={progress.total} value={progress.done} />
          <p>{t('empty.loading', progress)}</p>
        </div>
      ) : (
        <button type="button" class="primary" onClick={load} data-testid="load-demo">
          {t('empty.loadDemo')}
        </button>
      )}
      <p class="muted small">{t('empty.next')}</p>
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
