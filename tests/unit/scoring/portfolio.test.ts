import { describe, expect, it } from 'vitest';
import { scorePortfolio, scorePortfolioDetailed, scoreAccount, groupByAccount, summariseOrders } from '../../../lib/portfolio/score';
import { Score } from '../../../lib/schema/score';
import { auc } from '../../../lib/scoring/health';
import { REASON_KEYS, ACTION_TYPES } from '../../../lib/scoring/reasons';
import { syntheticPortfolio } from '../../../bench/synthetic';

const now = new Date('2026-06-01T00:00:00Z');

const lost = (a: { lifecycleStage: string; churnedAt: string | null }) =>
  a.lifecycleStage === 'churned' || (a.churnedAt !== null && Date.parse(a.churnedAt) <= now.getTime());

describe('scorePortfolio', () => {
  const input = syntheticPortfolio(now, { accounts: 600, seed: 3 });
  const result = scorePortfolioDetailed(input, now);

  it('returns one schema-valid score per account, with known keys only', () => {
    expect(result.scores).toHaveLength(600);
    for (const s of result.scores) {
      expect(Score.safeParse(s).success).toBe(true);
      for (const r of s.reasons) expect(REASON_KEYS).toContain(r.key);
      for (const a of s.actions) {
        expect(ACTION_TYPES).toContain(a.type);
        expect(REASON_KEYS).toContain(a.reason.key);
      }
      for (let i = 1; i < s.actions.length; i++) expect(s.actions[i - 1]!.sampledValue!).toBeGreaterThanOrEqual(s.actions[i]!.sampledValue!);
      expect(s.segments.some((x) => x.startsWith('rfm:'))).toBe(true);
      expect(s.segments.some((x) => x.startsWith('lifecycle:'))).toBe(true);
    }
  });

  it('uses BG/NBD for buyers and the health model for the others', () => {
    expect(result.models.bgnbd).not.toBeNull();
    expect(result.models.gammaGamma).not.toBeNull();
    const buyers = new Set(input.orders.map((o) => o.accountId));
    for (const s of result.scores) {
      const a = input.accounts.find((x) => x.id === s.accountId)!;
      if (lost(a)) {
        // an account already lost is not predicted: its churn is a fact, and it has no future value
        expect(s).toMatchObject({ churnModel: 'none', churnProbability: 1, clv: 0 });
        expect(s.reasons[0]?.key).toBe('already_churned');
        continue;
      }
      expect(s.churnModel).toBe(buyers.has(s.accountId) ? 'bgnbd' : 'health');
      if (buyers.has(s.accountId)) expect(s.clvMethod).toBe('bgnbd_gg');
      else {
        expect(s.clvMethod).toBe(a.annualValue === null ? 'none' : 'annual_value');
        if (a.annualValue === null) expect(s.clv).toBeNull();
      }
    }
  });

  it('ranks churners above stayers (synthetic truth)', () => {
    // only accounts not yet marked lost: those are a fact (probability 1), not a prediction
    const lostIds = new Set(input.accounts.filter(lost).map((a) => a.id));
    const open = result.scores.filter((s) => !lostIds.has(s.accountId));
    const preds = open.map((s) => s.churnProbability ?? 0);
    const labels = open.map((s) => input.churnedTruth.get(s.accountId)!);
    const a = auc(preds, labels);
    console.log(`synthetic portfolio: churn AUC vs truth = ${a.toFixed(3)}`);
    expect(a).toBeGreaterThan(0.65);
  });

  it('applies user segments and tag segments', () => {
    const vip = input.accounts.filter((a) => a.tags.includes('vip')).map((a) => a.id);
    const inSeg = result.scores.filter((s) => s.segments.includes('seg-vip-risk'));
    for (const s of inSeg) {
      expect(vip).toContain(s.accountId);
      expect(s.churnProbability!).toBeGreaterThanOrEqual(0.5);
      expect(s.segments).toContain('tag:vip');
    }
  });

  it('rescoring one account with cached models gives the same score', () => {
    const grouped = groupByAccount(input);
    for (const a of input.accounts.slice(0, 50)) {
      const one = scoreAccount(a, grouped.get(a.id)!, input.segments, result.models, now);
      expect(one.score).toEqual(result.scores.find((s) => s.accountId === a.id));
    }
  });

  it('reusing the fitted models gives the same scores; a warm start converges to the same fit', () => {
    const again = scorePortfolioDetailed(input, now, { reuseModels: result.models });
    expect(again.scores).toEqual(result.scores);
    const warm = scorePortfolioDetailed(input, now, { warmStart: result.models.bgnbd });
    expect(warm.models.bgnbd!.r).toBeCloseTo(result.models.bgnbd!.r, 4);
    expect(warm.models.bgnbd!.evaluations).toBeLessThan(result.models.bgnbd!.evaluations);
  });

  it('falls back to the health model with few buyers, and ignores deleted records', () => {
    const small = syntheticPortfolio(now, { accounts: 40, seed: 9, buyerShare: 0.3 });
    const r = scorePortfolioDetailed(small, now);
    expect(r.models.bgnbd).toBeNull();
    const lostIds = new Set(small.accounts.filter(lost).map((a) => a.id));
    expect(r.scores.every((s) => s.churnModel === (lostIds.has(s.accountId) ? 'none' : 'health'))).toBe(true);
    const deleted = { ...small, accounts: small.accounts.map((a, i) => (i === 0 ? { ...a, deletedAt: '2026-01-01T00:00:00.000Z-0000-node' } : a)) };
    expect(scorePortfolio(deleted, now)).toHaveLength(39);
  });

  it('never invents a value for an account with no data', () => {
    const id = '01900000-0000-7000-8000-000000000001';
    const [s] = scorePortfolio(
      {
        accounts: [
          {
            id,
            name: 'Empty',
            tier: 'standard',
            lifecycleStage: 'active',
            owner: null,
            industry: null,
            tags: [],
            annualValue: null,
            currency: 'EUR',
            contractStart: null,
            renewalDate: null,
            churnedAt: null,
            createdAt: '2026-05-30T00:00:00.000Z-0000-node',
          },
        ],
        contacts: [],
        interactions: [],
        orders: [],
        surveys: [],
        tasks: [],
        feedback: [],
        segments: [],
      },
      now,
    );
    expect(s!.clv).toBeNull();
    expect(s!.clvMethod).toBe('none');
    expect(s!.segments).toContain('lifecycle:new');
    expect(Score.safeParse(s).success).toBe(true);
  });

  it('retrains the health model from the portfolio labels when there are enough', () => {
    const labelled = syntheticPortfolio(now, { accounts: 400, seed: 5, buyerShare: 0 });
    const r = scorePortfolioDetailed(labelled, now);
    expect(r.models.healthSource).toBe('portfolio');
    expect(r.models.health.trainedOn).toBeGreaterThanOrEqual(40);
  });

  it('summarises orders per day like lifetimes', () => {
    const o = summariseOrders(
      [
        { occurredAt: '2026-01-05T09:00:00Z', amount: 10 },
        { occurredAt: '2026-01-05T15:00:00Z', amount: 5 },
        { occurredAt: '2026-01-19T10:00:00Z', amount: 30 },
        { occurredAt: '2026-02-02T10:00:00Z', amount: -40 },
        { occurredAt: '2026-02-16T10:00:00Z', amount: 50 },
        { occurredAt: '2026-07-01T10:00:00Z', amount: 99 },
      ],
      new Date('2026-03-02T00:00:00Z'),
    )!;
    expect(o.row).toEqual({ frequency: 2, recency: 6, T: 8 });
    expect(o.monetaryValue).toBe(40);
    expect(o.count).toBe(3);
  });
});
