import { t } from '@/lib/i18n';
import { route, goTo, back, canGoBack, type TopLevel } from '@/lib/ui/router';
import { PageView } from './PageView';
import { ContactView } from './ContactView';
import { AccountView } from './AccountView';
import { PortfolioView } from './PortfolioView';
import { SettingsView } from './SettingsView';
import { SearchBox } from './SearchBox';
import { TasksView } from './TasksView';
import { Toast } from './Toast';
import { LockedBanner } from './LockedBanner';
import { lazyView } from './Lazy';
import type { MessageKey } from '@/lib/i18n';

const DashboardView = lazyView(() => import('./DashboardView').then((m) => m.DashboardView));
const ImportView = lazyView(() => import('./ImportView').then((m) => m.ImportView));
const PrivacyView = lazyView(() => import('./PrivacyView').then((m) => m.PrivacyView));
const PersonPrivacy = lazyView(() => import('./PersonPrivacy').then((m) => m.PersonPrivacy));
const AgencyView = lazyView(() => import('./agency/AgencyView').then((m) => m.AgencyView));

const TABS: { name: TopLevel; label: MessageKey }[] = [
  { name: 'page', label: 'nav.page' },
  { name: 'portfolio', label: 'nav.portfolio' },
  { name: 'tasks', label: 'nav.tasks' },
  { name: 'dashboard', label: 'nav.dashboard' },
  { name: 'agency', label: 'nav.agency' },
  { name: 'import', label: 'nav.import' },
  { name: 'privacy', label: 'nav.privacy' },
  { name: 'settings', label: 'nav.settings' },
];

export function App() {
  const r = route.value;
  return (
    <div class="app">
      <header class="topbar">
        {canGoBack.value && (
          <button class="icon-button" type="button" onClick={back} aria-label={t('common.back')}>
            ←
          </button>
        )}
        <SearchBox />
      </header>
      <nav class="tabs" aria-label={t('app.title')}>
        {TABS.map((tab) => (
          <button
            type="button"
            class="tab"
            aria-current={r.name === tab.name ? 'page' : undefined}
            onClick={() => goTo(tab.name)}
          >
            {t(tab.label)}
          </button>
        ))}
      </nav>
      <LockedBanner />
      <main class="view">
        {r.name === 'page' && <PageView />}
        {r.name === 'contact' && <ContactView id={r.id} />}
        {r.name === 'account' && <AccountView id={r.id} />}
        {r.name === 'portfolio' && <PortfolioView />}
        {r.name === 'tasks' && <TasksView />}
        {r.name === 'dashboard' && <DashboardView />}
        {r.name === 'agency' && <AgencyView />}
        {r.name === 'settings' && <SettingsView />}
        {r.name === 'import' && <ImportView />}
        {r.name === 'privacy' && <PrivacyView />}
        {r.name === 'personPrivacy' && <PersonPrivacy id={r.id} />}
      </main>
      <Toast />
    </div>
  );
}
