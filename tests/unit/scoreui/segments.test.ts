import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../lib/demo';
import { currentFacts, setScoringBackend } from '../../../lib/scoring-runner';
import { inlineBackend } from '../../../lib/scoring-runner/compute';
import { countMatching, parseRuleValue } from '../../../components/SegmentBuilder';

beforeAll(() => setScoringBackend(inlineBackend));

describe('segment builder logic', () => {
  it('parses typed values: numbers, booleans, lists for "in", empty as null', () => {
    expect(parseRuleValue('0.5', 'gte')).toBe(0.5);
    expect(parseRuleValue('true', 'eq')).toBe(true);
    expect(parseRuleValue('retail', 'eq')).toBe('retail');
    expect(parseRuleValue('key, strategic,', 'in')).toEqual(['key', 'strategic']);
    expect(parseRuleValue('  ', 'eq')).toBeNull();
  });

  it('counts matching accounts live from the last run’s facts, and reports an invalid rule', async () => {
    await loadDemo({ accounts: 40, seed: 'segments' });
    const facts = [...(await currentFacts()).values()];
    expect(facts).toHaveLength(40);
    const risky = facts.filter((f) => (f.churnProbability ?? 0) >= 0.3).length;
    expect(countMatching({ op: 'and', rules: [{ field: 'churnProbability', operator: 'gte', value: 0.3 }] }, facts)).toEqual({ count: risky });
    const keyOrRisky = facts.filter((f) => f.tier === 'key' || (f.churnProbability ?? 0) >= 0.3).length;
    const nested = {
      op: 'or',
      rules: [
        { field: 'tier', operator: 'eq', value: 'key' },
        { op: 'and', rules: [{ field: 'churnProbability', operator: 'gte', value: 0.3 }] },
      ],
    };
    expect(countMatching(nested, facts)).toEqual({ count: keyOrRisky });
    const bad = countMatching({ op: 'xor', rules: [] }, facts);
    expect('error' in bad && bad.error).toMatch(/op/);
    expect(countMatching({ op: 'and', rules: [] }, facts)).toEqual({ count: 0 });
  });
});
