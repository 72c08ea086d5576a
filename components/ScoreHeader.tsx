import { t } from '@/lib/i18n';
import { formatMoney, formatPercent, formatDate } from '@/lib/i18n/format';
import type { Score } from '@/lib/schema';
import { riskBand } from '@/lib/ui/load360';
import { tKey } from '@/lib/ui/i18n-dynamic';

/** Churn risk gauge with its reasons, CLV and segments, read from the scores table; never a made-up number. */
export function ScoreHeader({ score, currency }: { score: Score | null; currency: string }) {
  const band = riskBand(score?.churnProbability);
  return (
    <div class="score" data-testid="score">
      {score?.segments.length ? (
        <p class="chips" aria-label={t('score.segments')}>
          {score.segments.map((s) => (
            <span class="chip">{tKey(`segment.${s}`)}</span>
          ))}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('score.churn')}</dt>
        <dd>
          {band && score?.churnProbability != null ? (
            <span class={`gauge risk-${band}`}>
              <meter min={0} max={1} low={0.3} high={0.6} optimum={0} value={score.churnProbability} aria-label={t('score.churn')} />{' '}
              {formatPercent(score.churnProbability)} · {t(`risk.${band}`)}
            </span>
          ) : (
            <span class="muted" data-testid="no-score">{t('score.notEnough')}</span>
          )}
        </dd>
        <dt>{t('score.clv')}</dt>
        <dd>{score?.clv != null ? formatMoney(score.clv, currency) : <span class="muted">{t('score.notEnough')}</span>}</dd>
      </dl>
      {score && score.reasons.length > 0 && (
        <details>
          <summary>{t('score.reasons')}</summary>
          <ul class="plain">
            {[...score.reasons].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).map((r) => (
              <li>
                {r.weight > 0 ? '▲' : '▼'} {tKey(r.key, r.params)}
              </li>
            ))}
          </ul>
          <p class="muted">{t('score.computedAt', { date: formatDate(score.computedAt) })}</p>
        </details>
      )}
    </div>
  );
}
