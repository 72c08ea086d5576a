import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONTENT_MATCHES } from './lib/sites/matches';
import { noMarkupSink } from './scripts/no-markup-sink.mjs';

// Asked for when a team server is configured (Settings › Team sync), never at install.
const SERVER_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each one is justified in docs/permissions.md (scripts/check-packages.mjs fails the build's check otherwise).
    // No "tabs": a tab's URL is needed only on the supported sites, which the host permissions already grant.
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    // Only the supported sites; a team server is asked for at the moment it is configured.
    host_permissions: [...CONTENT_MATCHES],
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 2 ? { optional_permissions: SERVER_ORIGINS } : { optional_host_permissions: SERVER_ORIGINS }),
    action: { default_title: '__MSG_actionTitle__' },
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+C' }, description: 'Open Carnet' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+C' } } },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // 140 (the current ESR) is the first to know data_collection_permissions; Android, 142.
        gecko: { id: 'carnet@carnet.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({ plugins: [preact(), noMarkupSink()] }),
});
