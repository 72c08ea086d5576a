import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { createImportModel, errorKey } from '@/lib/panel/models/import';
import { importWorkerPort } from '@/lib/panel/import-worker';
import { useModel } from '@/lib/panel/use-model';
import { FilePicker } from '../import/FilePicker';
import { MappingEditor } from '../import/MappingEditor';
import { ImportProgress } from '../import/DryRunParts';
import { ClientPicker } from './ClientPicker';
import { CampaignDryRun } from './CampaignDryRun';

/**
 * Import one campaign report (Google Ads, Meta, Microsoft Advertising, LinkedIn, a sheet): pick the file, check the
 * client, see the dry run, import. The contact import's own session and worker underneath.
 */
export function CampaignImport({ accountId, onImported }: { accountId?: string; onImported?: (accountIds: string[]) => void }) {
  const s = useModel(() => createImportModel(importWorkerPort, { accountId }), [accountId]);
  const step = s.step.value;
  const a = s.analyzed.value;
  const p = s.progress.value;
  const err = s.error.value;
  const plan = s.plan.value;
  const result = s.result.value;
  const total = plan ? plan.summary.new + plan.summary.updated : 0;
  const isCampaign = s.entity.value === 'campaigns';
  const fileAccounts = a?.campaign?.accounts ?? [];
  const needsClient = isCampaign && !s.accountId.value && fileAccounts.length === 0;

  useEffect(() => {
    if (step === 'done' && plan?.summary.campaigns) onImported?.(plan.summary.campaigns.accounts.map((x) => x.id));
  }, [step]);

  return (
    <section class="card campaign-import" aria-labelledby="campaign-import-title" data-testid="campaign-import">
      <h3 id="campaign-import-title">{t('agency.import.title')}</h3>
      {(step === 'idle' || step === 'done') && (
        <>
          <p class="muted small">{t('agency.import.help')}</p>
          <FilePicker disabled={s.busy.value} onFile={(name, bytes) => void s.analyze(name, bytes)} />
        </>
      )}
      {p && <ImportProgress fraction={p.fraction} onCancel={s.cancel} testIdPrefix="campaign-import" />}
      {err && (
        <p role="alert" class="error" data-testid="campaign-import-error">
          {t(errorKey(err.code), { message: err.message })}
        </p>
      )}
      {a && step !== 'done' && step !== 'analyzing' && (
        <div>
          <p data-testid="campaign-import-detected">
            <strong>{t('import.detected', { preset: a.preset.name })}</strong> · {t('import.file', { rows: formatNumber(a.rows), encoding: a.encoding })}
          </p>
          {!isCampaign && (
            <p class="warn" role="note">
              {t('agency.import.notCampaign')}{' '}
              <button type="button" class="link" onClick={() => s.setEntity('campaigns')} data-testid="read-as-campaigns">
                {t('agency.import.readAsCampaigns')}
              </button>
            </p>
          )}
          {isCampaign && <ClientPicker value={s.accountId.value} onChange={s.setAccount} fileAccounts={fileAccounts} disabled={s.busy.value} />}
          <details>
            <summary>{t('agency.import.columns')}</summary>
            <MappingEditor session={s} disabled={s.busy.value} />
          </details>
          {step === 'analyzed' && (
            <button type="button" class="primary" disabled={needsClient} onClick={() => void s.dryRun()} data-testid="campaign-dry-run-button">
              {t('agency.import.check')}
            </button>
          )}
          {needsClient && <p class="muted small">{t('agency.import.pickFirst')}</p>}
        </div>
      )}
      {plan && (step === 'planned' || step === 'importing') && (
        <div>
          <CampaignDryRun plan={plan} />
          <p class="muted small">{t('import.allOrNothing')}</p>
          {step === 'planned' && (
            <div class="toolbar">
              <button type="button" class="primary" disabled={total === 0} onClick={() => void s.commit()} data-testid="campaign-import-run">
                {t('agency.import.run', { n: formatNumber(total) })}
              </button>
              <button type="button" class="secondary" onClick={s.reset}>
                {t('common.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {step === 'done' && result && (
        <p role="status" class="ok" data-testid="campaign-import-done">
          {t('agency.import.done', {
            created: formatNumber(result.created.campaignStats ?? 0),
            updated: formatNumber(result.updated.campaignStats ?? 0),
          })}
        </p>
      )}
    </section>
  );
}
