import { t } from '@/lib/i18n';
import { route, back, canGoBack } from '@/lib/panel/router';
import { PageView } from './PageView';
import { ContactView } from './ContactView';
import { AccountView } from './AccountView';
import { PortfolioView } from './PortfolioView';
import { SettingsView } from './SettingsView';
import { SearchBox } from './SearchBox';
import { TasksView } from './TasksView';
import { Toast } from './Toast';
import { LockedBanner } from './LockedBanner';
import { StorageBanner } from './StorageBanner';
import { lazyView } from './Lazy';
import { TabBar } from './TabBar';
import { Welcome } from './Welcome';

const DashboardView = lazyView(() => import('./DashboardView').then((m) => m.DashboardView));
const ImportView = lazyView(() => import('./ImportView').then((m) => m.ImportView));
const PrivacyView = lazyView(() => import('./PrivacyView').then((m) => m.PrivacyView));
const TemplatesView = lazyView(() => import('./engage/TemplatesView').then((m) => m.TemplatesView));
const PersonPrivacy = lazyView(() => import('./PersonPrivacy').then((m) => m.PersonPrivacy));
const LifecycleView = lazyView(() => import('./lifecycle/LifecycleView').then((m) => m.LifecycleView));
const AgencyView = lazyView(() => import('./agency/AgencyView').then((m) => m.AgencyView));

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
      <TabBar />
      <StorageBanner />
      <LockedBanner />
      <main class="view">
        {r.name === 'page' && <PageView />}
        {r.name === 'contact' && <ContactView id={r.id} />}
        {r.name === 'account' && <AccountView id={r.id} />}
        {r.name === 'portfolio' && <PortfolioView />}
        {r.name === 'tasks' && <TasksView />}
        {r.name === 'templates' && <TemplatesView />}
        {r.name === 'lifecycle' && <LifecycleView />}
        {r.name === 'dashboard' && <DashboardView />}
        {r.name === 'agency' && <AgencyView />}
        {r.name === 'settings' && <SettingsView />}
        {r.name === 'import' && <ImportView />}
        {r.name === 'privacy' && <PrivacyView />}
        {r.name === 'personPrivacy' && <PersonPrivacy id={r.id} />}
        {r.name === 'welcome' && <Welcome standalone />}
      </main>
      <Toast />
    </div>
  );
}
