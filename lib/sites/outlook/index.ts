import type { Site } from '../site';
import { OUTLOOK_MATCHES } from './urls';
import { recognize } from './recognize';

/** Outlook on the web (office.com, office365.com, live.com): the reading pane. */
export const outlook = { site: 'outlook', matches: OUTLOOK_MATCHES, recognize } as const satisfies Site;
