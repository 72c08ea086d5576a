import { uuidv7 } from 'uuidv7';
import { orderRefs } from '../../db/import-lookups';
import { currencyOf, parseNumber } from '../values';
import type { AccountResolver } from './accounts';
import { check } from './check';
import type { ContactPlanner } from './contacts';
import type { PlanContext } from './context';
import { first, type Values } from './row';

/**
 * Order lines: lines sharing an order reference add up to one order; a reference Carnet already holds is a
 * duplicate. The customer is the row's e-mail (its contact's account), else its customer id, else its company.
 */
export async function createOrderPlanner(ctx: PlanContext, accounts: AccountResolver, contacts: ContactPlanner): Promise<(v: Values, line: number) => void> {
  const { summary } = ctx;
  const stored = await orderRefs();
  const inFile = new Map<string, Record<string, unknown>>();
  return (v, line) => {
    const when = ctx.dateOf(v, 'occurredAt', 'datetime');
    if (when.bad || !when.value) {
      summary.invalid.push({ line, reason: when.bad ?? 'occurredAt: the date is missing' });
      return;
    }
    let amount = parseNumber(first(v, 'amount'), ctx.decimalComma);
    if (amount === null && first(v, 'unitPrice')) {
      const q = parseNumber(first(v, 'quantity') || '1', ctx.decimalComma);
      const p = parseNumber(first(v, 'unitPrice'), ctx.decimalComma);
      amount = q !== null && p !== null ? Math.round(q * p * 100) / 100 : null;
    }
    if (amount === null) {
      summary.invalid.push({ line, reason: `amount: "${first(v, 'amount') || first(v, 'unitPrice')}" is not a number` });
      return;
    }
    const ref = ctx.exactId(v, 'ref', line) || null;
    const sameOrder = ref ? inFile.get(ref) : undefined;
    if (sameOrder) {
      sameOrder.amount = Math.round(((sameOrder.amount as number) + amount) * 100) / 100;
      return;
    }
    if (ref && stored.has(ref)) {
      summary.duplicates++;
      return;
    }
    const customerId = ctx.exactId(v, 'customerId', line).replace(/\.0+$/, '');
    const contactId = first(v, 'email') ? contacts.plan(v, line, false) : null;
    const company = first(v, 'company');
    const accountId =
      (contactId ? contacts.accountOf(contactId) : null) ??
      (customerId
        ? accounts.resolve({ name: company || `Customer ${customerId}`, domains: [], externalId: customerId }, line, true)
        : company
          ? accounts.resolve({ name: company, domains: [] }, line, true)
          : null);
    const description = first(v, 'description');
    const r = check('orders', {
      accountId,
      contactId,
      occurredAt: when.value,
      amount,
      currency: currencyOf(first(v, 'currency')) ?? currencyOf(first(v, 'amount')) ?? ctx.defaultCurrency,
      ref,
      description: description ? description.slice(0, 2000) : null,
    });
    if (!r.ok) {
      summary.invalid.push({ line, reason: r.reason });
      return;
    }
    const rec = { ...r.data, id: uuidv7() };
    ctx.inserts.orders.push(rec);
    if (ref) inFile.set(ref, rec);
    ctx.count('orders', 'new');
    summary.new++;
  };
}
