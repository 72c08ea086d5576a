import type { Site } from '../site';
import { LINKEDIN_MATCHES } from './urls';
import { recognize } from './recognize';

/** LinkedIn: profiles, messaging threads, Sales Navigator leads. */
export const linkedin = { site: 'linkedin', matches: LINKEDIN_MATCHES, recognize } as const satisfies Site;
