import { describe, expect, it } from 'vitest';
import { evaluateRule, evaluateCondition, segmentsFor, type AccountFacts } from '../../../lib/scoring/rules';
import { RuleGroup } from '../../../lib/schema/segment';

const now = new Date('2026-06-01T12:00:00Z');
const facts: Partial<AccountFacts> = {
  name: 'Acme Industrie',
  tier: 'key',
  lifecycle: 'at_risk',
  owner: 'claire',
  industry: null,
  tags: ['Export', 'vip'],
  annualValue: 48000,
  churnProbability: 0.62,
  rfmR: 2,
  lastInteractionAt: '2026-05-10T09:00:00Z',
  renewalDate: '2026-06-20',
  segments: ['rfm:at_risk', 'lifecycle:at_risk'],
  custom: { region: 'Nord', seats: 40 },
};
const c = (field: string, operator: string, value: unknown) =>
  evaluateCondition({ field, operator, value } as Parameters<typeof evaluateCondition>[0], facts, now);

describe('rules', () => {
  it('comparison operators', () => {
    expect(c('tier', 'eq', 'KEY')).toBe(true);
    expect(c('tier', 'neq', 'key')).toBe(false);
    expect(c('annualValue', 'gt', 40000)).toBe(true);
    expect(c('annualValue', 'gte', 48000)).toBe(true);
    expect(c('annualValue', 'lt', 48000)).toBe(false);
    expect(c('annualValue', 'lte', '48000')).toBe(true);
    expect(c('churnProbability', 'gt', 0.5)).toBe(true);
    expect(c('renewalDate', 'lt', '2026-07-01')).toBe(true);
    expect(c('name', 'contains', 'industrie')).toBe(true);
    expect(c('tier', 'in', ['key', 'strategic'])).toBe(true);
    expect(c('tier', 'in', ['small'])).toBe(false);
    expect(c('custom.region', 'eq', 'nord')).toBe(true);
    expect(c('custom.seats', 'gte', 40)).toBe(true);
  });
  it('array fields', () => {
    expect(c('tags', 'contains', 'export')).toBe(true);
    expect(c('tags', 'eq', 'vip')).toBe(true);
    expect(c('tags', 'neq', 'vip')).toBe(false);
    expect(c('tags', 'in', ['x', 'VIP'])).toBe(true);
    expect(c('segments', 'contains', 'rfm:at_risk')).toBe(true);
    expect(c('tags', 'gt', 3)).toBe(false);
  });
  it('exists and within_days', () => {
    expect(c('owner', 'exists', true)).toBe(true);
    expect(c('industry', 'exists', true)).toBe(false);
    expect(c('industry', 'exists', false)).toBe(true);
    expect(c('lastInteractionAt', 'within_days', 30)).toBe(true);
    expect(c('lastInteractionAt', 'within_days', 10)).toBe(false);
    expect(c('renewalDate', 'within_days', 30)).toBe(true);
    expect(c('renewalDate', 'within_days', 'soon')).toBe(false);
  });
  it('missing fields and type mismatches never throw', () => {
    expect(c('industry', 'eq', 'retail')).toBe(false);
    expect(c('industry', 'neq', 'retail')).toBe(true);
    expect(c('industry', 'eq', null)).toBe(true);
    expect(c('nonexistent', 'gt', 3)).toBe(false);
    expect(c('nonexistent', 'contains', 'x')).toBe(false);
    expect(c('custom.missing', 'exists', true)).toBe(false);
    expect(c('name', 'gt', 5)).toBe(false);
    expect(c('annualValue', 'contains', 'x')).toBe(false);
    expect(c('annualValue', 'eq', 'abc')).toBe(false);
    expect(c('annualValue', 'eq', ['a'])).toBe(false);
    expect(c('name', 'within_days', 10)).toBe(false);
    expect(c('tier', 'in', null)).toBe(false);
  });
  it('and/or nesting and empty groups', () => {
    const rule = RuleGroup.parse({
      op: 'and',
      rules: [
        { field: 'churnProbability', operator: 'gte', value: 0.5 },
        {
          op: 'or',
          rules: [
            { field: 'tier', operator: 'eq', value: 'strategic' },
            { field: 'tags', operator: 'contains', value: 'vip' },
          ],
        },
      ],
    });
    expect(evaluateRule(rule, facts, now)).toBe(true);
    expect(evaluateRule(rule, { ...facts, tags: [] }, now)).toBe(false);
    expect(evaluateRule({ op: 'and', rules: [] }, facts, now)).toBe(true);
    expect(evaluateRule({ op: 'or', rules: [] }, facts, now)).toBe(false);
    expect(evaluateRule({ op: 'and', rules: [{ op: 'or', rules: [] }] }, facts, now)).toBe(false);
    expect(evaluateRule(rule, {}, now)).toBe(false);
  });
  it('segmentsFor skips deleted and condition-less segments', () => {
    const segs = [
      { id: 's1', rule: { op: 'and' as const, rules: [{ field: 'tier', operator: 'eq' as const, value: 'key' }] }, deletedAt: null },
      { id: 's2', rule: { op: 'and' as const, rules: [] }, deletedAt: null },
      {
        id: 's3',
        rule: { op: 'and' as const, rules: [{ field: 'tier', operator: 'eq' as const, value: 'key' }] },
        deletedAt: '2026-01-01T00:00:00.000Z-0000-abcd',
      },
      { id: 's4', rule: { op: 'or' as const, rules: [{ field: 'owner', operator: 'eq' as const, value: 'bob' }] } },
    ];
    expect(segmentsFor(segs, facts, now)).toEqual(['s1']);
  });
});
