import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { goTo } from '@/lib/panel/router';
import { currentWindowId, openSidePanel } from '@/lib/panel/open-panel';
import { StartOptions } from './StartOptions';

/**
 * What Carnet does, what it reads, where the data lives, and the three ways to start. Shown in a tab of its
 * own at install (`standalone`) and in "This page" while Carnet holds nothing yet.
 */
export function Welcome({ standalone = false }: { standalone?: boolean }) {
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    if (standalone) void currentWindowId().then(setWindowId);
  }, [standalone]);
  return (
    <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.what')}</p>
      <h3>{t('welcome.readsTitle')}</h3>
      <p>{t('welcome.reads')}</p>
      <h3>{t('welcome.dataTitle')}</h3>
      <p>
        {t('welcome.data')}{' '}
        <button type="button" class="link" onClick={() => goTo('privacy')} data-testid="welcome-privacy">
          {t('welcome.privacyLink')}
        </button>
      </p>
      <h3>{t('welcome.startTitle')}</h3>
      <StartOptions afterDemo={() => goTo('portfolio')} />
      {standalone && (
        <p class="muted welcome-panel">
          {t('welcome.openPanel')}{' '}
          <button type="button" class="secondary" onClick={() => openSidePanel(windowId)} data-testid="open-side-panel">
            {t('welcome.openPanelButton')}
          </button>
        </p>
      )}
    </section>
  );
}
