import { siteContentScript } from '../lib/content/define';
import { linkedin } from '../lib/sites/linkedin';

/** Reads the LinkedIn page the user is looking at and tells the background who is on it. */
export default siteContentScript(linkedin);
