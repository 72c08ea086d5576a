import { siteContentScript } from '../lib/content/define';
import { knownSenderBadges } from '../lib/content/known-senders';
import { gmail } from '../lib/sites/gmail';
import { GMAIL } from '../lib/sites/gmail/selectors';

/** Reads the Gmail page the user is looking at, tells the background who is on it, and marks known senders. */
export default siteContentScript(gmail, { extras: [knownSenderBadges(GMAIL.sender)] });
