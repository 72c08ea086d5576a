import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '@/lib/i18n';

/** The dashboard (KPIs, segments, charts) is loaded on demand: it is not part of the panel's start-up code. */
export function DashboardRoute() {
  const [View, setView] = useState<ComponentType | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    import('./DashboardView').then((m) => setView(() => m.DashboardView), (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert" class="error">{t('error.generic', { message: error })}</p>;
  return View ? <View /> : <p class="muted">{t('common.loading')}</p>;
}
