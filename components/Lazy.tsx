import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '@/lib/i18n';

/**
 * A view loaded on demand, so what a screen needs (charts, the import parser, GDPR tools) is not part of the
 * panel's start-up code.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let cached: ComponentType<P> | null = null;
  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => cached);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (View) return;
      load().then(
        (c) => {
          cached = c;
          setView(() => c);
        },
        (e: Error) => setError(e.message),
      );
    }, []);
    if (error)
      return (
        <p role="alert" class="error">
          {t('error.generic', { message: error })}
        </p>
      );
    return View ? <View {...props} /> : <p class="muted">{t('common.loading')}</p>;
  };
}
