import { siteContentScript } from '../lib/content/define';
import { knownSenderBadges } from '../lib/content/known-senders';
import { composeWriter } from '../lib/content/compose/extra';
import { gmailCompose } from '../lib/content/compose/gmail';
import { gmail } from '../lib/sites/gmail';
import { GMAIL } from '../lib/sites/gmail/selectors';

/** Reads the Gmail page the user is looking at, tells the background who is on it, marks known senders, and writes templates into compose. */
export default siteContentScript(gmail, { extras: [knownSenderBadges(GMAIL.sender), composeWriter(gmailCompose)] });
