import { t } from '@/lib/i18n';
import { StartOptions } from './StartOptions';

/** The empty portfolio: what to do next, each a working button (demo, import, team server). */
export function EmptyState() {
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <StartOptions />
    </section>
  );
}
