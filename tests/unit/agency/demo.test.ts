import { it, expect } from 'vitest';
import { generatePortfolio } from '../../../lib/demo/generate';
import { assessAgencyAccount } from '../../../lib/agency/alerts';
import { ENTITIES } from '../../../lib/schema';

const NOW = new Date('2026-11-20T10:00:00.000Z');

it('the demo portfolio has agency clients whose figures show each kind of alert', () => {
  const stats = [];
  const plans = [];
  for (const c of generatePortfolio({ seed: 'carnet-demo', accounts: 200, now: NOW })) {
    stats.push(...c.campaignStats);
    plans.push(...c.agencyPlans);
  }
  expect(plans.length).toBeGreaterThanOrEqual(10);
  for (const r of [...stats.slice(0, 500), ...plans]) {
    const { id: _id, ...input } = r as { id: string };
    const schema = 'period' in input ? ENTITIES.campaignStats.input : ENTITIES.agencyPlans.input;
    expect(schema.safeParse(input).success).toBe(true);
  }
  const kinds = new Map<string, number>();
  let quiet = 0;
  for (const p of plans) {
    const a = assessAgencyAccount({
      rows: stats.filter((s) => s.accountId === p.accountId) as never,
      plan: p as never,
      accountCurrency: p.currency!,
      today: NOW,
    });
    if (a.alerts.length === 0) quiet++;
    for (const x of a.alerts) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
  }
  console.log(`demo agency clients: ${plans.length}, ${stats.length} rows; alerts ${JSON.stringify(Object.fromEntries(kinds))}; ${quiet} without alert`);
  expect(kinds.get('drop')).toBeGreaterThan(0);
  expect(kinds.get('target_missed')).toBeGreaterThan(0);
  expect(kinds.get('pacing')).toBeGreaterThan(0);
  expect(quiet).toBeGreaterThan(0);
});
