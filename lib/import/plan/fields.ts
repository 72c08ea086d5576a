import { Tag, type AccountInput, type DealInput, type InteractionInput } from '../../schema';
import { splitMulti } from '../values';

/** A tags cell (or several): split on ; and , , Google's "* " prefix and its "My Contacts" group left out. */
export function normTags(values: string[]): string[] {
  const out = new Set<string>();
  for (const cell of values) {
    for (let t of splitMulti(cell.replace(/,/g, ';'))) {
      t = t.replace(/^\*\s*/, '').trim();
      if (!t || /^my contacts$/i.test(t) || !Tag.safeParse(t).success) continue;
      out.add(t.slice(0, 64));
    }
  }
  return [...out];
}

export function sizeBucket(n: number): AccountInput['size'] {
  if (n <= 10) return '1-10';
  if (n <= 50) return '11-50';
  if (n <= 200) return '51-200';
  if (n <= 1000) return '201-1000';
  if (n <= 5000) return '1001-5000';
  return '5000+';
}

export const TICKET_STATUS: Record<string, InteractionInput['ticketStatus']> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  'waiting on customer': 'pending',
  'waiting on third party': 'on_hold',
  hold: 'on_hold',
  'on-hold': 'on_hold',
  'on hold': 'on_hold',
  resolved: 'solved',
  solved: 'solved',
  closed: 'closed',
};

export function dealStage(s: string): DealInput['stage'] {
  const x = s.toLowerCase();
  if (/won|gagn/.test(x)) return 'won';
  if (/lost|perdu/.test(x)) return 'lost';
  if (/negotiat|review|négo/.test(x)) return 'negotiation';
  if (/propos|quote|decision|perception|devis/.test(x)) return 'proposal';
  return 'qualification';
}

export function dealKind(s: string): DealInput['kind'] {
  const x = s.toLowerCase();
  if (/renew|renouvel/.test(x)) return 'renewal';
  if (/existing|upsell|upgrade/.test(x)) return 'upsell';
  return 'new_business';
}

export const truthy = (s: string) => /^(true|1|yes|oui)$/i.test(s);
