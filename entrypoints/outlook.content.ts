import { siteContentScript } from '../lib/content/define';
import { composeWriter } from '../lib/content/compose/extra';
import { outlookCompose } from '../lib/content/compose/outlook';
import { outlook } from '../lib/sites/outlook';

/** Reads the Outlook page the user is looking at, tells the background who is on it, and writes templates into compose. */
export default siteContentScript(outlook, { extras: [composeWriter(outlookCompose)] });
