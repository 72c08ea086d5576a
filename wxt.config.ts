import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONTENT_MATCHES } from './lib/sites/matches';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'tabs',
      'alarms',
      'notifications',
      ...(browser === 'chrome' ? ['sidePanel'] : []),
    ],
    // Only the supported sites; a team server is asked for at the moment it is configured.
    host_permissions: [...CONTENT_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+C' }, description: 'Open Carnet' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+C' } } },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'carnet@carnet.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: () => ({ plugins: [preact()] }),
});
