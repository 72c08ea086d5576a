import cdnowCsv from '../../../shared/realdata/clv-cdnow/cdnow_customers_summary.csv?raw';
import { fitBgNbd, type BgNbdRow } from '../../lib/scoring/bgnbd';
import { scoreAccount, scorePortfolioDetailed, groupByAccount } from '../../lib/portfolio/score';
import { median, type BenchRow, type BenchSuite } from '../harness';
import { syntheticPortfolio } from '../synthetic';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../lib/lifecycle/settings';

const ACCOUNTS = 10_000;
/** Published BTYD estimates on CDNOW (Fader, Hardie & Lee 2005): the fit must find them, not only be fast. */
const BTYD = { r: 0.2426, alpha: 4.4137, a: 0.793, b: 2.4262 };

function cdnowRows(): BgNbdRow[] {
  const [header, ...lines] = cdnowCsv.trim().split(/\r?\n/);
  const cols = header!.split(',');
  const at = (name: string) => cols.indexOf(name);
  const [f, r, T] = [at('frequency'), at('recency'), at('T')];
  return lines.map((l) => {
    const v = l.split(',');
    return { frequency: Number(v[f]), recency: Number(v[r]), T: Number(v[T]) };
  });
}

export const scoringSuite: BenchSuite = {
  name: 'scoring',
  async run(log) {
    const now = new Date('2026-06-01T00:00:00Z');
    const input = syntheticPortfolio(now, { accounts: ACCOUNTS, seed: 42 });
    log(`synthetic portfolio: ${ACCOUNTS} accounts, ${input.interactions.length} interactions, ${input.orders.length} orders, ${input.surveys.length} surveys`);
    scorePortfolioDetailed(input, now); // warm-up (JIT)
    const times: number[] = [];
    let last = scorePortfolioDetailed(input, now);
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      last = scorePortfolioDetailed(input, now);
      times.push(performance.now() - t0);
    }
    // best of 7: the machine's other load only ever adds time; the median is logged beside it
    const full = Math.min(...times);
    const phases = Object.entries(last.timings)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    log(
      `score ${ACCOUNTS} accounts: best ${full.toFixed(0)} ms, median ${median(times).toFixed(0)} ms (${phases}); churn models ${JSON.stringify(count(last.scores.map((s) => s.churnModel)))}`,
    );

    // routine full run: the models fitted within the day are reused (what the panel's runner does)
    const reuseTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      scorePortfolioDetailed(input, now, { reuseModels: last.models });
      reuseTimes.push(performance.now() - t0);
    }
    const reuse = Math.min(...reuseTimes);
    log(`score ${ACCOUNTS} accounts with cached models: best ${reuse.toFixed(0)} ms, median ${median(reuseTimes).toFixed(0)} ms`);

    // the same run with every lifecycle workflow on (what the scoring worker runs when workflows are set): their
    // proposals feed the next-best-actions; the difference with the run above is what the workflows cost
    const wfTimes: number[] = [];
    let proposed = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = scorePortfolioDetailed(input, now, { reuseModels: last.models, workflows: DEFAULT_WORKFLOW_SETTINGS });
      wfTimes.push(performance.now() - t0);
      proposed = r.scores.reduce((n, s) => n + s.actions.filter((a) => 'workflow' in a && a.workflow).length, 0);
    }
    const withWorkflows = Math.min(...wfTimes);
    log(
      `score ${ACCOUNTS} accounts with cached models and every workflow on: best ${withWorkflows.toFixed(0)} ms, median ${median(wfTimes).toFixed(0)} ms (${proposed} workflow actions among the top actions; workflows' share ${(withWorkflows - reuse).toFixed(0)} ms)`,
    );

    // incremental: one account rescored with the cached models
    const grouped = groupByAccount(input);
    const ids = input.accounts.slice(0, 200).map((a) => a.id);
    const accountsById = new Map(input.accounts.map((a) => [a.id, a]));
    // timer resolution is coarse in a page: time the 200 rescorings together
    const t1 = performance.now();
    for (const id of ids) scoreAccount(accountsById.get(id)!, grouped.get(id)!, input.segments, last.models, now);
    const rescore = (performance.now() - t1) / ids.length;
    log(`rescore one account with cached models: mean ${rescore.toFixed(3)} ms over ${ids.length}`);

    const rows = cdnowRows();
    fitBgNbd(rows);
    const fits: number[] = [];
    let fit = fitBgNbd(rows);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      fit = fitBgNbd(rows);
      fits.push(performance.now() - t0);
    }
    const fitMs = median(fits);
    const close = (Object.keys(BTYD) as (keyof typeof BTYD)[]).every((k) => Math.abs(fit[k] - BTYD[k]) / BTYD[k] < 0.01);
    log(
      `BG/NBD fit on ${rows.length} CDNOW customers: median ${fitMs.toFixed(0)} ms; r=${fit.r.toFixed(4)} α=${fit.alpha.toFixed(4)} a=${fit.a.toFixed(4)} b=${fit.b.toFixed(4)} (BTYD within 1%: ${close})`,
    );

    const out: BenchRow[] = [
      {
        suite: 'scoring',
        metric: `score ${ACCOUNTS} accounts (segments + churn + CLV + NBA, models fitted; best of 7)`,
        unit: 'ms',
        carnet: full,
        raw: null,
        budget: '≤ 300 ms',
        pass: full <= 300,
      },
      {
        suite: 'scoring',
        metric: `score ${ACCOUNTS} accounts with the day's cached models (best of 5)`,
        unit: 'ms',
        carnet: reuse,
        raw: null,
        budget: '≤ 300 ms',
        pass: reuse <= 300,
      },
      {
        suite: 'scoring',
        metric: `score ${ACCOUNTS} accounts with every lifecycle workflow evaluated (cached models; best of 5)`,
        unit: 'ms',
        carnet: withWorkflows,
        raw: null,
        budget: '≤ 300 ms',
        pass: withWorkflows <= 300,
      },
      {
        suite: 'scoring',
        metric: `lifecycle workflows' share of that run (${ACCOUNTS} accounts)`,
        unit: 'ms',
        carnet: Math.max(0, withWorkflows - reuse),
        raw: null,
        budget: '—',
        pass: true,
      },
      {
        suite: 'scoring',
        metric: 'rescore one account with cached models (mean of 200)',
        unit: 'ms',
        carnet: rescore,
        raw: null,
        budget: '≤ 5 ms',
        pass: rescore <= 5,
      },
      {
        suite: 'scoring',
        metric: `BG/NBD fit on ${rows.length} CDNOW customers (params within 1% of BTYD)`,
        unit: 'ms',
        carnet: fitMs,
        raw: null,
        budget: '≤ 1000 ms',
        pass: fitMs <= 1000 && close && rows.length === 2357,
      },
    ];
    return out;
  },
};

function count(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
