import type { Site } from '../site';
import { ZENDESK_MATCHES } from './urls';
import { recognize } from './recognize';

/** Zendesk agent workspace: the ticket the URL names and its requester. */
export const zendesk = { site: 'zendesk', matches: ZENDESK_MATCHES, recognize } as const satisfies Site;
