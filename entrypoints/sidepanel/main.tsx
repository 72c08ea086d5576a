import { render } from 'preact';
import { effect } from '@preact/signals';
import { App } from '@/components/App';
import { lang } from '@/lib/i18n';
import { loadSettings } from '@/lib/ui/settings';
import { followActiveTab } from '@/lib/ui/active-tab';
import { followPageMatch } from '@/lib/ui/page-match';
import { autoLoadDemoFromUrl } from '@/lib/ui/demo';
import { onPanelKey } from '@/lib/ui/shortcuts';
import { resetRouter, routeFromSearch } from '@/lib/ui/router';
import { watchCryptoStatus } from '@/lib/ui/crypto-model';
import './style.css';

effect(() => {
  document.documentElement.lang = lang.value;
});
void loadSettings();
void followActiveTab();
followPageMatch();
watchCryptoStatus();
void autoLoadDemoFromUrl(location.search);
resetRouter(routeFromSearch(location.search));
document.addEventListener('keydown', onPanelKey);
// scores kept fresh off the UI thread (see lib/scoring-runner); loaded after start-up
void import('@/lib/ui/scoring-boot').then((m) => m.startScoring());
render(<App />, document.getElementById('app')!);
