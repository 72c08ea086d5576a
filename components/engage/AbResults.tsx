import { t } from '@/lib/i18n';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/i18n/format';
import type { TemplatesModel } from '@/lib/panel/models/templates';
import type { UseRow } from '@/lib/panel/queries/templates';
import { withUndo } from '@/lib/panel/commands/log';
import { ConfirmDialog } from '../privacy/ConfirmDialog';

/** Reply rates per variant, the test's verdict with its figures, stopping it, and the uses behind the counts. */
export function AbResults({ m }: { m: TemplatesModel }) {
  const r = m.results.value;
  if (!r) return <p class="muted">{t('common.loading')}</p>;
  const test = r.test;
  const a = test?.analysis;
  const label = (id: string | null) => r.template.variants.find((v) => v.id === id)?.label ?? id ?? '';
  const logReply = (row: UseRow) =>
    withUndo(async () => {
      const u = await m.logReply(row, t('engage.uses.replySubject', { name: r.template.name }));
      return { undo: u.undo };
    }, t('engage.uses.replyLogged'));
  return (
    <section class="card" aria-labelledby="ab-title" data-testid="ab-results">
      <h3 id="ab-title">{t('engage.ab.title')}</h3>
      {test ? (
        <p class="muted small" data-testid="ab-status">
          {test.status === 'running'
            ? t('engage.ab.runningSince', { date: formatDate(test.startedAt) })
            : t('engage.ab.stoppedKept', { label: label(test.winnerVariantId) })}
        </p>
      ) : (
        <p class="muted small">{t('engage.ab.none')}</p>
      )}
      <table class="ab-table">
        <thead>
          <tr>
            <th scope="col">{t('engage.ab.variant')}</th>
            <th scope="col">{t('engage.ab.sent')}</th>
            <th scope="col">{t('engage.ab.replies')}</th>
            <th scope="col">{t('engage.ab.rate')}</th>
            {a && <th scope="col">{t('engage.ab.pBest')}</th>}
            {test?.status === 'running' && (
              <th scope="col">
                <span class="visually-hidden">{t('engage.ab.keep')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {(test ? test.variants : r.variants).map((v) => {
            const arm = a?.arms.find((x) => x.id === v.variantId);
            return (
              <tr key={v.variantId} data-testid="ab-row" data-variant={v.variantId}>
                <th scope="row">
                  {v.label}
                  {!v.active && <span class="muted small"> ({t('engage.ab.retired')})</span>}
                </th>
                <td>{v.uses}</td>
                <td>{v.replies}</td>
                <td>{v.uses ? formatPercent(v.replies / v.uses) : '—'}</td>
                {a && <td>{arm ? formatPercent(arm.probabilityBest) : '—'}</td>}
                {test?.status === 'running' && (
                  <td>
                    <button type="button" class="link small" onClick={() => (m.confirmStop.value = v.variantId)} data-testid="ab-keep">
                      {t('engage.ab.keepThis', { label: v.label })}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {a && (
        <div class="ab-verdict" data-testid="ab-verdict">
          <p>
            <strong>
              {t(`engage.ab.verdict.${a.verdict}`, { label: label(a.leader), p: formatPercent(a.arms.find((x) => x.id === a.leader)?.probabilityBest ?? 0) })}
            </strong>
          </p>
          {a.zTest && (
            <p class="muted small">
              {t('engage.ab.zTest', { leader: label(a.leader), other: label(a.runnerUp), p: formatNumber(a.zTest.pValue, 3), z: formatNumber(a.zTest.z, 2) })}
            </p>
          )}
          {a.neededPerArm != null && (
            <p class="muted small" data-testid="ab-sample">
              {a.stillNeeded
                ? t('engage.ab.stillNeeded', {
                    n: formatNumber(a.stillNeeded),
                    total: formatNumber(a.neededPerArm),
                    points: formatNumber(a.effect * 100, 1),
                    power: formatPercent(a.options.power),
                    alpha: formatPercent(a.options.alpha),
                  })
                : t('engage.ab.enough', {
                    total: formatNumber(a.neededPerArm),
                    points: formatNumber(a.effect * 100, 1),
                    power: formatPercent(a.options.power),
                  })}
            </p>
          )}
          <p class="muted small">{t('engage.ab.method', { days: r.windowDays })}</p>
        </div>
      )}

      <h3>{t('engage.uses.title')}</h3>
      {r.recent.length === 0 ? (
        <p class="muted">{t('engage.uses.none')}</p>
      ) : (
        <ul class="plain use-list" data-testid="use-list">
          {r.recent.map((row) => (
            <li key={row.use.id} class="use-row">
              <span>
                {row.contactName ?? t('engage.uses.noContact')} · {t('engage.variant', { label: row.variantLabel })}
                <br />
                <span class="muted small">
                  {formatDateTime(row.use.usedAt)} · {t(`engage.how.${row.use.how}`)}
                </span>
              </span>
              <span class="use-actions">
                {row.reply ? (
                  <span class="ok small">✓ {t('engage.uses.replied', { date: formatDate(row.reply.at) })}</span>
                ) : (
                  <>
                    <span class="muted small">{t('engage.uses.noReply')}</span>
                    {row.use.contactId && (
                      <button type="button" class="link small" onClick={() => void logReply(row)} data-testid="use-log-reply">
                        {t('engage.uses.logReply')}
                      </button>
                    )}
                    <button type="button" class="link small" onClick={() => (m.confirmRemoveUse.value = row)}>
                      {t('engage.uses.notSent')}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={m.confirmStop.value !== null}
        title={t('engage.ab.stopTitle', { label: label(m.confirmStop.value) })}
        confirmLabel={t('engage.ab.stopConfirm', { label: label(m.confirmStop.value) })}
        onConfirm={() => void m.stopConfirmed()}
        onCancel={() => (m.confirmStop.value = null)}
        testId="ab-stop-confirm"
      >
        <p>{t('engage.ab.stopBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={m.confirmRemoveUse.value !== null}
        title={t('engage.uses.notSentTitle')}
        confirmLabel={t('engage.uses.notSentConfirm')}
        onConfirm={() => void m.removeUseConfirmed()}
        onCancel={() => (m.confirmRemoveUse.value = null)}
      >
        <p>{t('engage.uses.notSentBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
