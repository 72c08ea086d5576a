import './insights.css';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatMoney, formatPercent } from '@/lib/i18n/format';
import { accountInsights } from '@/lib/panel/queries/insights';
import { useLiveQuery } from '@/lib/panel/live';
import { markChurned, markRetained, labelCounts } from '@/lib/panel/commands/actions';
import { describeReason, segmentLabel } from '@/lib/panel/view/scoring-labels';
import { runScoring } from '@/lib/panel/scoring';
import { ActionList } from './ActionList';

/** Churn gauge with its reasons, CLV, segment chips and ranked actions of one account (embeddable in the 360° view). */
export function AccountInsights({ accountId, showLabels = true }: { accountId: string; showLabels?: boolean }) {
  const data = useLiveQuery(() => accountInsights(accountId), [accountId]);
  const [labels, setLabels] = useState<string | null>(null);
  const v = data.value;
  if (!v) return <p class="muted">{t('common.loading')}</p>;
  if (!v.account) return null;
  if (!v.score)
    return (
      <p class="muted" data-testid="no-score">
        {t('score.none')}
      </p>
    );
  const s = v.score;
  const a = v.account;
  const p = s.churnProbability;
  const level = p === null ? '' : p >= 0.5 ? 'high' : p >= 0.25 ? 'medium' : 'low';
  const label = async (what: 'churned' | 'retained') => {
    if (what === 'churned') await markChurned(a.id);
    else await markRetained(a.id);
    const c = await labelCounts();
    setLabels(t('score.labels', { churned: c.churned, retained: c.retained, min: c.min.perClass }));
    // a new label may be enough to retrain the health model: refit on the whole portfolio
    void runScoring({ refit: true });
  };
  return (
    <section class="insights" data-testid="account-insights" aria-label={a.name}>
      {p !== null && (
        <div class={`gauge gauge-${level}`} data-testid="churn-gauge">
          <span>{t('score.churn')}</span>
          <meter min={0} max={1} low={0.25} high={0.5} optimum={0} value={p} aria-label={t('score.churnGauge', { percent: formatPercent(p) })} />
          <strong>{formatPercent(p)}</strong>
          <span class="muted"> · {t(`score.model.${s.churnModel}`)}</span>
        </div>
      )}
      {s.reasons.length > 0 && (
        <>
          <h4>{t('score.reasons')}</h4>
          <ul class="reasons" data-testid="churn-reasons">
            {s.reasons.map((r) => (
              <li class={r.weight > 0 ? 'up' : 'down'}>{describeReason(r)}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        {t('score.clv')}: {s.clv !== null && s.clv >= 0 ? <strong>{formatMoney(s.clv, a.currency)}</strong> : <span class="muted">{t('score.notEnough')}</span>}
      </p>
      <div class="chips" data-testid="segment-chips" aria-label={t('score.segments')}>
        {s.segments.map((k) => (
          <span class="chip">{segmentLabel(k, v.segments)}</span>
        ))}
      </div>
      <h4>{t('actions.title')}</h4>
      <ActionList accountId={a.id} actions={s.actions} currency={a.currency} />
      {showLabels && (
        <div class="action-buttons">
          <button type="button" class="secondary" onClick={() => label('churned')} data-testid="mark-churned">
            {t('score.markChurned')}
          </button>
          <button type="button" class="secondary" onClick={() => label('retained')}>
            {t('score.markRetained')}
          </button>
        </div>
      )}
      {labels && (
        <p class="muted" role="status">
          {labels}
        </p>
      )}
    </section>
  );
}
