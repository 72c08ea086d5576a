import { describe, it, expect } from 'vitest';
import {
  checkDrop,
  checkDrops,
  dailyOptionsFor,
  adaptiveWindow,
  robustStats,
  DAILY_DROP_OPTIONS,
  MONTHLY_DROP_OPTIONS,
  type DropMetric,
} from '../../../lib/agency/drops';
import type { Totals } from '../../../lib/agency/kpi';
import { monthly, series, SHAPES } from './synthetic';

const day = (conversions: number, spend = 100, value = conversions * 50): Totals => ({
  spend,
  impressions: 10_000,
  clicks: 300,
  conversions,
  conversionValue: value,
});

describe('drop detection on hand-made series', () => {
  it('the robust spread ignores one outlier day', () => {
    const st = robustStats([10, 11, 9, 10, 12, 8, 10, 500]);
    expect(st.median).toBe(10);
    expect(st.spread).toBeLessThan(3);
  });

  it('flags a clear drop in conversions and ROAS, with the expected value and the change', () => {
    const s = [...Array.from({ length: 84 }, (_, i) => day(20 + (i % 3) - 1)), ...Array.from({ length: 7 }, () => day(8))];
    const conv = checkDrop(s, 'conversions', DAILY_DROP_OPTIONS)!;
    expect(conv.alarm).toBe(true);
    expect(conv.expected).toBeCloseTo(20, 0);
    expect(conv.current).toBe(8);
    expect(conv.change).toBeCloseTo(-0.6, 1);
    const roas = checkDrop(s, 'roas', DAILY_DROP_OPTIONS)!;
    expect(roas.alarm).toBe(true);
    // CPA's bad side is up: the same drop shows as a rise
    const cpa = checkDrop(s, 'cpa', DAILY_DROP_OPTIONS)!;
    expect(cpa.change).toBeGreaterThan(1);
    expect(cpa.alarm).toBe(true);
  });

  it('a rise is not a drop, and a steady series raises nothing', () => {
    const up = [...Array.from({ length: 84 }, () => day(20)), ...Array.from({ length: 7 }, () => day(40))];
    expect(checkDrop(up, 'conversions', DAILY_DROP_OPTIONS)!.alarm).toBe(false);
    expect(checkDrop(up, 'conversions', DAILY_DROP_OPTIONS)!.z).toBeLessThan(0);
    const steady = Array.from({ length: 91 }, (_, i) => day(20 + (i % 5) - 2));
    expect(checkDrops(steady, DAILY_DROP_OPTIONS).some((c) => c.alarm)).toBe(false);
  });

  it('a statistically clear but small dip on a very steady account is not an alarm (materiality)', () => {
    const s = [...Array.from({ length: 84 }, () => day(1000)), ...Array.from({ length: 7 }, () => day(880))];
    const c = checkDrop(s, 'conversions', DAILY_DROP_OPTIONS)!;
    expect(c.z).toBeGreaterThan(DAILY_DROP_OPTIONS.z);
    expect(c.alarm).toBe(false);
  });

  it('no judgement without enough history, without spend (ROAS), or without conversions in the baseline', () => {
    expect(
      checkDrop(
        Array.from({ length: 20 }, () => day(5)),
        'conversions',
        DAILY_DROP_OPTIONS,
      ),
    ).toBeNull();
    const noSpend = Array.from({ length: 91 }, () => day(5, 0, 0));
    expect(checkDrop(noSpend, 'roas', DAILY_DROP_OPTIONS)).toBeNull();
    const none = Array.from({ length: 91 }, () => day(0));
    expect(checkDrop(none, 'conversions', DAILY_DROP_OPTIONS)).toBeNull();
    expect(checkDrop(none, 'cpa', DAILY_DROP_OPTIONS)).toBeNull();
  });

  it('small accounts are judged on longer windows', () => {
    expect(adaptiveWindow(Array.from({ length: 84 }, () => day(10)))).toBe(7);
    expect(adaptiveWindow(Array.from({ length: 84 }, () => day(3)))).toBe(14);
    expect(adaptiveWindow(Array.from({ length: 84 }, () => day(0.5)))).toBe(28);
    expect(dailyOptionsFor(Array.from({ length: 84 }, () => day(0.5)))).toMatchObject({ window: 28, minBaseline: 84 });
  });
});

/**
 * False-alarm and detection rates on synthetic series (see synthetic.ts): 3 account sizes × 20 seeds. A stable
 * account is checked every other day over three months; a changed one every day for 28 days after the change.
 */
describe('drop detection rates on synthetic series with known change points', () => {
  const METRICS: DropMetric[] = ['conversions', 'roas'];
  const SEEDS = 20;

  it('daily series: false alarms per check and detection within 28 days', () => {
    const run = (s: Totals[]) => checkDrops(s, dailyOptionsFor(s), METRICS).some((c) => c.alarm);
    let checks = 0;
    let alarms = 0;
    const rows: string[] = [];
    const detected: Record<string, number> = {};
    for (const shape of SHAPES) {
      for (let seed = 0; seed < SEEDS; seed++) {
        const stable = series(shape, { days: 220, changeAt: null, factor: 1 }, 1000 + seed);
        for (let t = 130; t <= 220; t += 2) {
          checks++;
          if (run(stable.slice(0, t))) alarms++;
        }
      }
      const cells: string[] = [];
      for (const factor of [0.8, 0.7, 0.5]) {
        let hits = 0;
        let delay = 0;
        for (let seed = 0; seed < SEEDS; seed++) {
          const changed = series(shape, { days: 158, changeAt: 130, factor }, 5000 + seed);
          for (let t = 131; t <= 158; t++) {
            if (run(changed.slice(0, t))) {
              hits++;
              delay += t - 130;
              break;
            }
          }
        }
        detected[`${shape.name}${factor}`] = hits / SEEDS;
        cells.push(`−${Math.round((1 - factor) * 100)} %: ${Math.round((100 * hits) / SEEDS)} % (${hits ? (delay / hits).toFixed(1) : '–'} d)`);
      }
      rows.push(
        `  ${shape.name.padEnd(6)} (${shape.clicksPerDay} clicks/day, ${(shape.clicksPerDay * shape.conversionRate).toFixed(1)} conv/day): ${cells.join(' · ')}`,
      );
    }
    const fa = alarms / checks;
    console.log(
      `daily drop detector: false alarms ${(100 * fa).toFixed(2)} % of ${checks} checks of stable accounts\n  detected within 28 days (mean delay):\n${rows.join('\n')}`,
    );
    expect(fa).toBeLessThan(0.015);
    expect(detected['large0.5']).toBe(1);
    expect(detected['medium0.5']).toBeGreaterThanOrEqual(0.95);
    expect(detected['small0.5']).toBeGreaterThanOrEqual(0.8);
    expect(detected['large0.7']).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('monthly series: false alarms per check and detection of the changed month', () => {
    let checks = 0;
    let alarms = 0;
    const rows: string[] = [];
    const detected: Record<string, number> = {};
    for (const shape of SHAPES) {
      for (let seed = 0; seed < SEEDS * 2; seed++) {
        const m = monthly(series(shape, { days: 30 * 24, changeAt: null, factor: 1 }, 100 + seed));
        for (let t = 8; t <= 24; t++) {
          checks++;
          if (checkDrops(m.slice(0, t), MONTHLY_DROP_OPTIONS, METRICS).some((c) => c.alarm)) alarms++;
        }
      }
      const cells: string[] = [];
      for (const factor of [0.8, 0.7, 0.5]) {
        let hits = 0;
        for (let seed = 0; seed < SEEDS * 2; seed++) {
          const m = monthly(series(shape, { days: 30 * 14, changeAt: 30 * 13, factor }, 900 + seed));
          if (checkDrops(m, MONTHLY_DROP_OPTIONS, METRICS).some((c) => c.alarm)) hits++;
        }
        detected[`${shape.name}${factor}`] = hits / (SEEDS * 2);
        cells.push(`−${Math.round((1 - factor) * 100)} %: ${Math.round((100 * hits) / (SEEDS * 2))} %`);
      }
      rows.push(`  ${shape.name.padEnd(6)}: ${cells.join(' · ')}`);
    }
    const fa = alarms / checks;
    console.log(`monthly drop detector: false alarms ${(100 * fa).toFixed(2)} % of ${checks} checks\n  changed month detected:\n${rows.join('\n')}`);
    expect(fa).toBeLessThan(0.015);
    expect(detected['large0.7']).toBeGreaterThanOrEqual(0.95);
    expect(detected['medium0.5']).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
