import { describe, expect, it } from 'vitest';
import { REASON_KEYS, ACTION_TYPES, RFM_LABELS, LIFECYCLE_STAGES, VALUE_TIERS } from '../../../lib/scoring';
import { ACTION_REASON_KEYS } from '../../../lib/scoring/nba';
import { CATALOGUES } from '../../../lib/i18n';
import { describeReason, actionLabel, actionTaskTitle, segmentLabel } from '../../../lib/panel/view/scoring-labels';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('scoring labels', () => {
  it('has an EN and a FR text for every reason key and action type, with the same placeholders', () => {
    expect(REASON_KEYS.length).toBeGreaterThan(20);
    for (const key of [...REASON_KEYS.map((k) => `scoring.reason.${k}`), ...ACTION_TYPES.flatMap((a) => [`scoring.action.${a}`, `scoring.task.${a}`])]) {
      const en = (CATALOGUES.en as Record<string, string>)[key];
      const fr = (CATALOGUES.fr as Record<string, string>)[key];
      expect(en, `${key} en`).toBeTruthy();
      expect(fr, `${key} fr`).toBeTruthy();
      expect(fr).not.toBe(key);
      expect(placeholders(fr!), key).toEqual(placeholders(en!));
    }
    for (const k of ACTION_REASON_KEYS) expect(REASON_KEYS).toContain(k);
  });

  it('fills the reason params in both languages, shares as percents', () => {
    expect(describeReason({ key: 'no_contact_days', params: { days: 47 } }, 'en')).toBe('No contact for 47 days');
    expect(describeReason({ key: 'no_contact_days', params: { days: 47 } }, 'fr')).toBe('Aucun contact depuis 47 jours');
    expect(describeReason({ key: 'negative_sentiment', params: { share: 0.4 } }, 'en')).toBe('40% of recent exchanges were negative');
    expect(describeReason({ key: 'promoter', params: { name: 'Zoë', score: 10 } }, 'fr')).toBe('Zoë a donné 10/10');
    expect(describeReason({ key: 'made_up' }, 'en')).toBe('made_up');
  });

  it('translates action types and task titles', () => {
    expect(actionLabel('ask_nps', 'fr')).toBe('Demander une note NPS');
    expect(actionTaskTitle('call_at_risk', 'ACME', 'en')).toBe('Call ACME: churn risk');
  });

  it('labels every built-in segment key and user segments by name', () => {
    for (const l of RFM_LABELS) expect(segmentLabel(`rfm:${l}`, undefined, 'fr')).not.toBe(l);
    for (const s of LIFECYCLE_STAGES) expect(segmentLabel(`lifecycle:${s}`, undefined, 'en')).not.toBe(s);
    for (const v of VALUE_TIERS) expect(segmentLabel(`value:${v}`, undefined, 'en')).toMatch(/value/);
    expect(segmentLabel('tier:strategic', undefined, 'en')).toBe('Strategic');
    expect(segmentLabel('lifecycle:at_risk', undefined, 'fr')).toBe('À risque');
    expect(segmentLabel('tag:vip')).toBe('#vip');
    expect(segmentLabel('0190a-seg', [{ id: '0190a-seg', name: 'Grands comptes' }])).toBe('Grands comptes');
    expect(segmentLabel('0190a-seg', new Map([['0190a-seg', { name: 'Big' }]]))).toBe('Big');
    expect(segmentLabel('unknown-id', [])).toBe('unknown-id');
  });
});
