import { recognize } from '@/lib/recognize/gmail';
import { sendMessage } from '@/lib/messaging/send';
import { SITE_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...SITE_MATCHES.gmail],
  runAt: 'document_idle',
  main(ctx) {
    let last = '';
    const run = () => {
      const page = recognize(location.href, document);
      const key = JSON.stringify(page);
      if (key !== last) {
        last = key;
        void sendMessage('pageContext', page).catch(() => {});
      }
    };
    run();
    ctx.addEventListener(window, 'hashchange', run);
  },
});
