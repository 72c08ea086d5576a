import type { Site } from '../site';
import { GMAIL_MATCHES } from './urls';
import { recognize } from './recognize';

/** Gmail (mail.google.com): threads, compose and reply windows. */
export const gmail = { site: 'gmail', matches: GMAIL_MATCHES, recognize } as const satisfies Site;
