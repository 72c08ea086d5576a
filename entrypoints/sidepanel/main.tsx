import { render } from 'preact';
import { effect } from '@preact/signals';
import { App } from '@/components/App';
import { lang } from '@/lib/i18n';
import { loadSettings } from '@/lib/panel/models/settings';
import { followActiveTab } from '@/lib/panel/active-tab';
import { followPageMatch } from '@/lib/panel/page-match';
import { followPagePending } from '@/lib/panel/page-pending';
import { reportAbout } from '@/lib/panel/browser-deps';
import { autoLoadDemoFromUrl } from '@/lib/panel/commands/demo';
import { onPanelKey } from '@/lib/panel/shortcuts';
import { resetRouter, routeFromSearch } from '@/lib/panel/router';
import { watchCryptoStatus } from '@/lib/panel/models/crypto';
import { followStorage } from '@/lib/panel/storage-problem';
import './style.css';

effect(() => {
  document.documentElement.lang = lang.value;
});
void loadSettings();
void followActiveTab();
followPageMatch();
followPagePending(reportAbout());
watchCryptoStatus();
followStorage();
void autoLoadDemoFromUrl(location.search);
resetRouter(routeFromSearch(location.search));
document.addEventListener('keydown', onPanelKey);
// scores kept fresh off the UI thread (see lib/scoring-runner); loaded after start-up
void import('@/lib/panel/scoring-boot').then((m) => m.startScoring());
render(<App />, document.getElementById('app')!);
