import { browser } from 'wxt/browser';
import { SITE_MATCHES } from '../lib/sites/matches';
import { recognize } from '../lib/sites/gmail/recognize';
import { observePage } from '../lib/content/observe';
import { applyBadges } from '../lib/content/badge';
import { sendMessage } from '../lib/messaging/send';

/** Reads the gmail page the user is looking at, tells the background who is on it, and marks known senders. */
export default defineContentScript({
  matches: [...SITE_MATCHES.gmail],
  runAt: 'document_idle',
  main(ctx) {
    let known: string[] = [];
    const hintOn = async () => ((await browser.storage.local.get('settings')).settings as { inPageHint?: boolean } | undefined)?.inPageHint !== false;
    const title = browser.i18n.getMessage('badgeTitle') || 'Carnet';
    observePage(
      ctx,
      (url, doc) => {
        const page = recognize(url, doc);
        applyBadges(doc, known, title); // Gmail re-renders headers: put the badges back after each change
        return page;
      },
      async (context) => {
        const reply = (await sendMessage('pageContext', context)) as { known?: string[] } | undefined;
        known = (await hintOn()) ? (reply?.known ?? []) : [];
        applyBadges(document, known, title);
      },
    );
  },
});
