import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../messaging/send';
import type { Site } from '../sites/site';
import { runSite, type Extra } from './runtime';

/**
 * A site's whole content-script entrypoint: `export default siteContentScript(gmail, { extras: [...] })`.
 * (Two arguments, not `{ ...gmail, extras }`: WXT's build-time transform of the default export cannot read a spread.)
 */
export function siteContentScript(site: Site, options: { extras?: readonly Extra[] } = {}) {
  const script = { ...site, extras: options.extras ?? [] };
  return defineContentScript({
    matches: [...site.matches],
    runAt: 'document_idle',
    main(ctx) {
      runSite(ctx, script, { browser, send: (page) => sendMessage('pageContext', page) });
    },
  });
}
