import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber, formatPercent, warmNumberFormats } from '@/lib/i18n/format';
import { createImportModel, errorKey } from '@/lib/panel/models/import';
import { importWorkerPort } from '@/lib/panel/import-worker';
import { useModel } from '@/lib/panel/use-model';
import { FilePicker } from './import/FilePicker';
import { MappingEditor } from './import/MappingEditor';
import { DryRunSummary } from './import/DryRunSummary';
import { ImportProgress } from './import/DryRunParts';
import { ClientPicker } from './agency/ClientPicker';
import { CampaignDryRun } from './agency/CampaignDryRun';
import './privacy/gdpr.css';

export function ImportView() {
  const s = useModel(() => createImportModel(importWorkerPort));
  useEffect(() => warmNumberFormats(), []);
  const presetName = s.presetName.value;
  const saved = s.savedPreset.value;
  const step = s.step.value;
  const a = s.analyzed.value;
  const p = s.progress.value;
  const err = s.error.value;
  const plan = s.plan.value;
  const result = s.result.value;
  const total = plan ? plan.summary.new + plan.summary.updated : 0;

  const progressLabel = !p
    ? ''
    : p.phase === 'parse'
      ? t('import.parsing', { name: s.fileName.value })
      : p.phase === 'plan'
        ? t('import.planning')
        : t('import.writing', { written: formatNumber(p.written ?? 0), total: formatNumber(p.total ?? total) });

  return (
    <section aria-labelledby="import-title" data-testid="import-view">
      <h2 id="import-title">{t('import.title')}</h2>
      {(step === 'idle' || step === 'done') && <FilePicker disabled={s.busy.value} onFile={(name, bytes) => void s.analyze(name, bytes)} />}
      {p && <ImportProgress fraction={p.fraction} label={progressLabel} onCancel={s.cancel} testIdPrefix="import" />}
      {err && (
        <p role="alert" class="error" data-testid="import-error">
          {t(errorKey(err.code), { message: err.message })}
        </p>
      )}
      {a && step !== 'done' && step !== 'analyzing' && (
        <div class="card">
          <p data-testid="import-detected">
            <strong>{t('import.detected', { preset: a.preset.name })}</strong>{' '}
            <span class="muted">({t('import.confidence', { pct: formatPercent(a.confidence) })})</span>
          </p>
          <p class="muted">{t('import.file', { rows: formatNumber(a.rows), encoding: a.encoding })}</p>
          <MappingEditor session={s} disabled={s.busy.value} />
          {s.entity.value === 'campaigns' && (
            <ClientPicker value={s.accountId.value} onChange={s.setAccount} fileAccounts={a.campaign?.accounts ?? []} disabled={s.busy.value} />
          )}
          <div class="inline-form">
            <label class="field">
              {t('import.presetName')}
              <input value={presetName} onInput={(e) => s.setPresetName(e.currentTarget.value)} data-testid="preset-name" />
            </label>
            <button type="button" class="secondary" disabled={!presetName.trim() || s.busy.value} data-testid="save-preset" onClick={() => void s.savePreset()}>
              {t('import.savePreset')}
            </button>
          </div>
          {saved && <p role="status">{t('import.presetSaved', { name: saved })}</p>}
          {step === 'analyzed' && (
            <button type="button" class="primary" onClick={() => void s.dryRun()} data-testid="dry-run">
              {t('import.dryRun')}
            </button>
          )}
        </div>
      )}
      {plan && (step === 'planned' || step === 'importing') && (
        <div class="card">
          {plan.preset.entity === 'campaigns' ? <CampaignDryRun plan={plan} /> : <DryRunSummary plan={plan} />}
          <p class="muted">{t('import.allOrNothing')}</p>
          {step === 'planned' && (
            <button type="button" class="primary" disabled={total === 0} onClick={() => void s.commit()} data-testid="run-import">
              {t('import.run', { n: formatNumber(total) })}
            </button>
          )}
        </div>
      )}
      {step === 'done' && result && (
        <div class="card" role="status" data-testid="import-done">
          <p>
            {t('import.done', {
              seconds: formatNumber(result.durationMs / 1000, 1),
              created: formatNumber(Object.values(result.created).reduce((n, x) => n + (x ?? 0), 0)),
              updated: formatNumber(Object.values(result.updated).reduce((n, x) => n + (x ?? 0), 0)),
            })}
          </p>
        </div>
      )}
    </section>
  );
}
