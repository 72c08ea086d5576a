import { browser } from 'wxt/browser';
import { SITE_MATCHES } from '../lib/sites/matches';
import { recognize } from '../lib/recognize/outlook';
import { observePage } from '../lib/content/observe';
import { sendMessage } from '../lib/messaging/send';
import { listenForCompose } from '../lib/content/compose/listen';
import { outlookCompose } from '../lib/content/compose/outlook';

/** Reads the outlook page the user is looking at, tells the background who is on it, and writes templates into compose. */
export default defineContentScript({
  matches: [...SITE_MATCHES.outlook],
  runAt: 'document_idle',
  main(ctx) {
    listenForCompose(ctx, outlookCompose, browser.runtime);
    observePage(ctx, recognize, (context) => sendMessage('pageContext', context));
  },
});
