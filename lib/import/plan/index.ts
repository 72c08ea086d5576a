/**
 * The dry run of an import: what a parsed file would create, update and skip, and why, as plain data a worker can
 * post (applied by lib/import/commit.ts). One planner per kind of row (accounts, contacts, orders, tickets, deals,
 * campaign figures) over a shared context: the file's choices and the plan being built. People and companies are
 * matched in the file first, then against what Carnet holds (read once, in known.ts).
 */
import type { ParsedCsv } from '../parse';
import type { Mapping, PresetDef } from '../presets';
import { createAccountResolver } from './accounts';
import { planCampaigns } from './campaigns';
import { createContactPlanner } from './contacts';
import { createPlanContext } from './context';
import { createDealPlanner } from './deals';
import { loadKnown } from './known';
import { createOrderPlanner } from './orders';
import type { Values } from './row';
import { createTicketPlanner } from './tickets';
import type { ImportPlan, PlanOptions } from './types';

export * from './types';
export { check } from './check';
export { all, first, rowValues, type Values } from './row';

/** Builds the dry run for a parsed file under a mapping: what would be created, updated, skipped, and why. */
export async function buildPlan(parsed: ParsedCsv, preset: PresetDef, mapping: Mapping, opts: PlanOptions = {}): Promise<ImportPlan> {
  if (preset.entity === 'campaigns') return planCampaigns(parsed, preset, mapping, opts);
  const ctx = createPlanContext(parsed, preset, mapping, opts);
  const known = await loadKnown(ctx);
  const accounts = createAccountResolver(ctx, known);
  const contacts = createContactPlanner(ctx, known, accounts);
  let planRow: (v: Values, line: number) => void;
  switch (preset.entity) {
    case 'contacts':
      planRow = (v, line) => {
        if (!ctx.skipDeleted(v, line)) contacts.plan(v, line, true);
      };
      break;
    case 'accounts':
      planRow = accounts.planRow;
      break;
    case 'orders':
      planRow = await createOrderPlanner(ctx, accounts, contacts);
      break;
    case 'tickets':
      planRow = await createTicketPlanner(ctx, accounts, contacts);
      break;
    case 'deals':
      planRow = await createDealPlanner(ctx, accounts);
      break;
  }

  const { rows } = parsed;
  for (let i = 0; i < rows.length; i++) {
    if (i % 2000 === 0) {
      if (opts.signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      opts.onProgress?.(i / rows.length);
    }
    planRow(ctx.values[i]!, rows[i]!.line);
  }
  opts.onProgress?.(1);
  return { preset: { id: preset.id, name: preset.name, entity: preset.entity }, inserts: ctx.inserts, updates: ctx.updates, summary: ctx.summary };
}
