import { siteContentScript } from '../lib/content/define';
import { zendesk } from '../lib/sites/zendesk';

/** Reads the Zendesk page the user is looking at and tells the background who is on it. */
export default siteContentScript(zendesk);
