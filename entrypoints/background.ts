import '@/lib/background/startup-mark';
import { browser } from 'wxt/browser';
import { dispatch, type Handlers } from '@/lib/messaging/receive';
import { handlePageContext, rematchTab, createContactFromTab, knownEmails } from '@/lib/background/page-context';
import { tabKey } from '@/lib/background/tab-state';
import { matchesAny } from '@/lib/sites/match-pattern';
import { CONTENT_MATCHES } from '@/lib/sites/matches';
import { createSyncRunner, startSyncTriggers } from '@/lib/background/sync';
import { setupReminders } from '@/lib/background/reminders';
import { applyRetentionIfDue, RETENTION_ALARM } from '@/lib/background/retention';
import { openWelcomeOnInstall } from '@/lib/background/welcome';
import { setupLifecycle } from '@/lib/lifecycle-runner/run';
import { startupMarks } from '@/lib/background/startup';

export default defineBackground(() => {
  const startup = startupMarks();
  // Chrome: the toolbar button (and its shortcut) opens the side panel.
  (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  const env = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isSupportedPage: (url: string) => matchesAny(CONTENT_MATCHES, url),
  };

  const sync = createSyncRunner({ storage: browser.storage.local });
  startSyncTriggers(sync, { alarms: browser.alarms, scope: self });

  const handlers: Handlers = {
    pageContext: async (ctx, sender) => {
      const state = await handlePageContext(ctx, sender.tab!.id!, browser.storage.session);
      return { ok: true, known: knownEmails(state) };
    },
    rematchTab: async ({ tabId }) => ({ ok: !!(await rematchTab(tabId, browser.storage.session)) }),
    createContactFromTab: ({ tabId, personIndex }) => createContactFromTab(tabId, personIndex, browser.storage.session),
    syncNow: () => sync.syncNow(),
  };

  setupReminders({
    alarms: browser.alarms,
    storage: browser.storage,
    notifications: browser.notifications,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: () => browser.i18n.getMessage('reminderTitle') || 'Carnet',
  });

  // Sequences' stop rules and the workflows that schedule tasks, on their own alarm.
  setupLifecycle({ alarms: browser.alarms, storage: browser.storage, browserLanguage: () => browser.i18n.getUILanguage() });

  browser.runtime.onMessage.addListener((message, sender) => startup.replied(dispatch(message, sender, handlers, env)));
  // Retention policy: deletes records past their period once a day.
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void applyRetentionIfDue(new Date()).catch((e) => console.error('retention', e));
  });

  browser.runtime.onInstalled.addListener((details) => {
    void openWelcomeOnInstall(details, { getURL: (p) => browser.runtime.getURL(p as '/sidepanel.html'), createTab: (p) => browser.tabs.create(p) }).catch((e) =>
      console.error('welcome', e),
    );
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabKey(tabId));
  });
  startup.ready = performance.now();
});
