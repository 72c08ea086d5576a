import { uuidv7 } from 'uuidv7';
import { liveDeals } from '../../db/import-lookups';
import { currencyOf, parseNumber } from '../values';
import type { AccountResolver } from './accounts';
import { check } from './check';
import type { PlanContext } from './context';
import { dealKind, dealStage } from './fields';
import { fillPatch, mergeInto } from './merge';
import { all, first, type Values } from './row';

/** Deals: one per external id, else per account and name; a deal Carnet holds under that name gets the new stage. */
export async function createDealPlanner(ctx: PlanContext, accounts: AccountResolver): Promise<(v: Values, line: number) => void> {
  const { summary } = ctx;
  const stored = new Map<string, Awaited<ReturnType<typeof liveDeals>>[number]>();
  for (const d of await liveDeals()) {
    const k = `${d.accountId}|${d.name.toLowerCase()}`;
    if (!stored.has(k)) stored.set(k, d);
  }
  const inFile = new Map<string, Record<string, unknown>>();
  return (v, line) => {
    if (ctx.skipDeleted(v, line)) return;
    const close = ctx.dateOf(v, 'closeDate', 'date');
    if (close.bad) {
      summary.invalid.push({ line, reason: close.bad });
      return;
    }
    const accountExternalId = ctx.exactId(v, 'accountExternalId', line);
    const company = first(v, 'company');
    const accountId =
      (accountExternalId ? accounts.resolve({ name: null, domains: [], externalId: accountExternalId }, line, false) : null) ??
      (company ? accounts.resolve({ name: company, domains: [] }, line, true) : null);
    if (!accountId) {
      summary.invalid.push({
        line,
        reason: accountExternalId
          ? `accountId: no account with id "${accountExternalId}" in Carnet; import the accounts file first`
          : 'accountId: the deal names no company',
      });
      return;
    }
    const amountCell = first(v, 'amount');
    const amount = amountCell ? parseNumber(amountCell, ctx.decimalComma) : null;
    if (amountCell && amount === null) {
      summary.invalid.push({ line, reason: `amount: "${amountCell}" is not a number` });
      return;
    }
    const name = first(v, 'name').slice(0, 300);
    const r = check('deals', {
      accountId,
      name,
      kind: dealKind(first(v, 'kind')),
      stage: dealStage(first(v, 'stage')),
      amount,
      currency: currencyOf(first(v, 'currency')) ?? currencyOf(amountCell) ?? ctx.defaultCurrency,
      closeDate: close.value,
      owner: first(v, 'owner') || null,
      notes: all(v, 'notes').join('\n\n') || null,
    });
    if (!r.ok) {
      summary.invalid.push({ line, reason: r.reason });
      return;
    }
    const byName = `${accountId}|${name.toLowerCase()}`;
    const key = ctx.exactId(v, 'externalId', line) || byName;
    const earlier = inFile.get(key);
    if (earlier) {
      mergeInto(earlier, r.data);
      summary.duplicates++;
      return;
    }
    const dbMatch = stored.get(byName);
    if (dbMatch) {
      const patch = fillPatch(dbMatch as unknown as Record<string, unknown>, r.data, ['currency', 'kind']);
      if (r.data.stage !== dbMatch.stage) patch.stage = r.data.stage;
      if (Object.keys(patch).length) {
        ctx.updates.push({ entity: 'deals', id: dbMatch.id, patch, line });
        ctx.count('deals', 'updated');
        summary.updated++;
      } else summary.duplicates++;
      return;
    }
    const rec = { ...r.data, id: uuidv7() };
    ctx.inserts.deals.push(rec);
    inFile.set(key, rec);
    ctx.count('deals', 'new');
    summary.new++;
  };
}
