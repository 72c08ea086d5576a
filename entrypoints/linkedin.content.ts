import { SITE_MATCHES } from '../lib/sites/matches';
import { recognize } from '../lib/sites/linkedin/recognize';
import { observePage } from '../lib/content/observe';
import { sendMessage } from '../lib/messaging/send';

/** Reads the linkedin page the user is looking at and tells the background who is on it. */
export default defineContentScript({
  matches: [...SITE_MATCHES.linkedin],
  runAt: 'document_idle',
  main(ctx) {
    observePage(ctx, recognize, (context) => sendMessage('pageContext', context));
  },
});
