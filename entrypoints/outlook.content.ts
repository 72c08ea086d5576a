import { siteContentScript } from '../lib/content/define';
import { outlook } from '../lib/sites/outlook';

/** Reads the Outlook page the user is looking at and tells the background who is on it. */
export default siteContentScript(outlook);
