import { uuidv7 } from 'uuidv7';
import { interactionsBySourceRefs } from '../../db/import-lookups';
import { idDamage } from '../identifiers';
import type { AccountResolver } from './accounts';
import { check } from './check';
import type { ContactPlanner } from './contacts';
import type { PlanContext } from './context';
import { TICKET_STATUS } from './fields';
import { mergeInto } from './merge';
import { all, first, type Values } from './row';

/** Helpdesk tickets: one interaction per ticket reference; a reference Carnet holds is updated (its status, subject). */
export async function createTicketPlanner(ctx: PlanContext, accounts: AccountResolver, contacts: ContactPlanner): Promise<(v: Values, line: number) => void> {
  const { summary } = ctx;
  const site = ctx.preset.site ?? 'import';
  const refs = ctx.values.map((v) => first(v, 'ref')).filter((r) => r && !idDamage(r));
  const stored = new Map<string, string>();
  for (const i of await interactionsBySourceRefs(site, refs)) if (i.source) stored.set(i.source.ref, i.id);
  const inFile = new Map<string, Record<string, unknown>>();
  return (v, line) => {
    const ref = ctx.exactId(v, 'ref', line);
    const when = ctx.dateOf(v, 'occurredAt', 'datetime');
    if (when.bad || !when.value) {
      summary.invalid.push({ line, reason: when.bad ?? 'occurredAt: the date is missing' });
      return;
    }
    const statusCell = first(v, 'status');
    const ticketStatus = statusCell ? (TICKET_STATUS[statusCell.toLowerCase()] ?? null) : null;
    if (statusCell && !ticketStatus) summary.warnings.push({ line, reason: `ticketStatus: unknown status "${statusCell}"; left empty` });
    const hasPerson = first(v, 'email') || first(v, 'fullName') || first(v, 'firstName') || first(v, 'lastName');
    const contactId = hasPerson ? contacts.plan(v, line, false) : null;
    const accountId =
      (contactId ? contacts.accountOf(contactId) : null) ??
      (first(v, 'company') ? accounts.resolve({ name: first(v, 'company'), domains: [] }, line, true) : null);
    const r = check('interactions', {
      accountId,
      contactIds: contactId ? [contactId] : [],
      channel: 'ticket',
      direction: 'inbound',
      occurredAt: when.value,
      subject: first(v, 'subject').slice(0, 1000),
      summary: all(v, 'summary').join('\n\n') || null,
      source: ref ? { site, ref, url: first(v, 'url') || null } : null,
      ticketStatus,
    });
    if (!r.ok) {
      summary.invalid.push({ line, reason: r.reason });
      return;
    }
    const earlier = ref ? inFile.get(ref) : undefined;
    if (earlier) {
      mergeInto(earlier, r.data);
      summary.duplicates++;
      return;
    }
    const storedId = ref ? stored.get(ref) : undefined;
    if (storedId) {
      const { contactIds: _c, ...patch } = r.data;
      ctx.updates.push({ entity: 'interactions', id: storedId, patch, line });
      ctx.count('interactions', 'updated');
      summary.updated++;
      return;
    }
    const rec = { ...r.data, id: uuidv7() };
    ctx.inserts.interactions.push(rec);
    if (ref) inFile.set(ref, rec);
    ctx.count('interactions', 'new');
    summary.new++;
  };
}
