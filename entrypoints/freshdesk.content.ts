import { siteContentScript } from '../lib/content/define';
import { freshdesk } from '../lib/sites/freshdesk';

/** Reads the Freshdesk page the user is looking at and tells the background who is on it. */
export default siteContentScript(freshdesk);
