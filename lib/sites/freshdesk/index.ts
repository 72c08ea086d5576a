import type { Site } from '../site';
import { FRESHDESK_MATCHES } from './urls';
import { recognize } from './recognize';

/** Freshdesk: the ticket the URL names and its requester. */
export const freshdesk = { site: 'freshdesk', matches: FRESHDESK_MATCHES, recognize } as const satisfies Site;
