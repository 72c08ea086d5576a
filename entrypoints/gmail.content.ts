import { SITE_MATCHES } from '../lib/sites/matches';
import { recognize } from '../lib/recognize/gmail';
import { observePage } from '../lib/content/observe';
import { sendMessage } from '../lib/messaging/send';

/** Reads the gmail page the user is looking at and tells the background who is on it. */
export default defineContentScript({
  matches: [...SITE_MATCHES.gmail],
  runAt: 'document_idle',
  main(ctx) {
    observePage(ctx, recognize, (context) => sendMessage('pageContext', context));
  },
});
