import { useState } from 'preact/hooks';
import { t, lang } from '@/lib/i18n';
import { KpiMetric, AdChannel, type AgencyPlan } from '@/lib/schema';
import { planDraft, type FiguresDraft, type PlanDraft, type TargetDraft } from '@/lib/panel/commands/agency';
import { errorsOf, type FieldErrors } from '@/lib/panel/view/forms';
import { metricLabel, channelLabel } from '@/lib/panel/agency-labels';
import { failureReason } from '@/lib/panel/failure';

const METRICS = KpiMetric.options;
const CHANNELS = AdChannel.options;
/** The natural direction of a target on each KPI (a ROAS floor, a CPA ceiling). */
const DEFAULT_OP: Record<string, 'min' | 'max'> = {
  roas: 'min',
  cpa: 'max',
  ctr: 'min',
  cpc: 'max',
  cpm: 'max',
  conversionRate: 'min',
  conversions: 'min',
  spend: 'max',
  conversionValue: 'min',
};

const decimalComma = () => lang.value === 'fr';

function fieldError(errors: FieldErrors | null, key: string) {
  return errors?.[key] ? (
    <span class="field-error" role="alert">
      {errors[key]}
    </span>
  ) : null;
}

/** Targets, monthly budget, pacing tolerance and report language of one client. */
export function TargetsForm({
  plan,
  currency,
  onSave,
  onDone,
}: {
  plan: AgencyPlan | null;
  currency: string;
  onSave: (d: PlanDraft, decimalComma: boolean) => Promise<unknown>;
  onDone: () => void;
}) {
  const [d, setD] = useState<PlanDraft>(() => {
    const draft = planDraft(plan, currency, decimalComma());
    return draft.targets.length
      ? draft
      : {
          ...draft,
          targets: [
            { metric: 'roas', op: 'min', value: '' },
            { metric: 'cpa', op: 'max', value: '' },
          ],
        };
  });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const setTarget = (i: number, patch: Partial<TargetDraft>) => setD({ ...d, targets: d.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <form
      class="figures-form"
      data-testid="targets-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await onSave(d, decimalComma());
          onDone();
        } catch (err) {
          setErrors(errorsOf(err) ?? { _: failureReason(err) });
        }
      }}
    >
      <fieldset>
        <legend>{t('agency.targets.title')}</legend>
        {d.targets.map((x, i) => (
          <div class="target-row">
            <label class="field">
              {t('agency.targets.metric')}
              <select
                value={x.metric}
                onChange={(e) => {
                  const metric = e.currentTarget.value as TargetDraft['metric'];
                  setTarget(i, { metric, op: DEFAULT_OP[metric] ?? 'min' });
                }}
                data-testid={`target-metric-${i}`}
              >
                {METRICS.map((m) => (
                  <option value={m}>{metricLabel(m)}</option>
                ))}
              </select>
            </label>
            <label class="field">
              {t('agency.targets.op')}
              <select value={x.op} onChange={(e) => setTarget(i, { op: e.currentTarget.value as 'min' | 'max' })}>
                <option value="min">≥</option>
                <option value="max">≤</option>
              </select>
            </label>
            <label class="field">
              {x.metric === 'ctr' || x.metric === 'conversionRate' ? t('agency.targets.valuePercent') : t('agency.targets.value')}
              <input inputMode="decimal" value={x.value} onInput={(e) => setTarget(i, { value: e.currentTarget.value })} data-testid={`target-value-${i}`} />
            </label>
            <button
              type="button"
              class="icon-button"
              aria-label={t('agency.targets.remove')}
              onClick={() => setD({ ...d, targets: d.targets.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        {fieldError(errors, 'targets')}
        <button type="button" class="link" onClick={() => setD({ ...d, targets: [...d.targets, { metric: 'ctr', op: 'min', value: '' }] })}>
          {t('agency.targets.add')}
        </button>
      </fieldset>
      <label class="field">
        {t('agency.targets.budget', { currency: d.currency })}
        <input
          inputMode="decimal"
          value={d.monthlyBudget}
          onInput={(e) => setD({ ...d, monthlyBudget: e.currentTarget.value })}
          data-testid="target-budget"
          aria-invalid={!!errors?.monthlyBudget}
        />
        {fieldError(errors, 'monthlyBudget')}
      </label>
      <label class="field">
        {t('agency.targets.currency')}
        <input value={d.currency} maxLength={3} onInput={(e) => setD({ ...d, currency: e.currentTarget.value })} aria-invalid={!!errors?.currency} />
        {fieldError(errors, 'currency')}
      </label>
      <label class="field">
        {t('agency.targets.tolerance')}
        <input
          inputMode="decimal"
          value={d.pacingTolerance}
          onInput={(e) => setD({ ...d, pacingTolerance: e.currentTarget.value })}
          aria-invalid={!!errors?.pacingTolerance}
        />
        {fieldError(errors, 'pacingTolerance')}
      </label>
      <label class="field">
        {t('agency.targets.reportLanguage')}
        <select value={d.reportLanguage} onChange={(e) => setD({ ...d, reportLanguage: e.currentTarget.value as PlanDraft['reportLanguage'] })}>
          <option value="">{t('agency.targets.reportLanguage.ui')}</option>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </label>
      {fieldError(errors, '_')}
      <button type="submit" class="primary" data-testid="targets-save">
        {t('common.save')}
      </button>
    </form>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/** Figures typed by hand for one campaign and one day or month (a platform without an export, an offline channel). */
export function FiguresForm({
  currency,
  onSave,
  onDone,
}: {
  currency: string;
  onSave: (d: FiguresDraft, decimalComma: boolean) => Promise<unknown>;
  onDone: () => void;
}) {
  const [d, setD] = useState<FiguresDraft>({
    granularity: 'month',
    when: today().slice(0, 7),
    channel: 'google_ads',
    campaign: '',
    spend: '',
    impressions: '',
    clicks: '',
    conversions: '',
    conversionValue: '',
    currency,
  });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [saved, setSaved] = useState(0);
  const num = (key: 'spend' | 'impressions' | 'clicks' | 'conversions' | 'conversionValue') => (
    <label class="field">
      {metricLabel(key)}
      <input
        inputMode="decimal"
        value={d[key]}
        onInput={(e) => setD({ ...d, [key]: e.currentTarget.value })}
        aria-invalid={!!errors?.[key]}
        data-testid={`figures-${key}`}
      />
      {fieldError(errors, key)}
    </label>
  );
  return (
    <form
      class="figures-form"
      data-testid="figures-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await onSave(d, decimalComma());
          setErrors(null);
          setSaved(saved + 1);
          setD({ ...d, campaign: '', spend: '', impressions: '', clicks: '', conversions: '', conversionValue: '' });
        } catch (err) {
          setErrors(errorsOf(err) ?? { _: failureReason(err) });
        }
      }}
    >
      <label class="field">
        {t('agency.figures.granularity')}
        <select
          value={d.granularity}
          onChange={(e) => {
            const g = e.currentTarget.value as 'day' | 'month';
            setD({ ...d, granularity: g, when: g === 'month' ? d.when.slice(0, 7) : `${d.when.slice(0, 7)}-01` });
          }}
        >
          <option value="month">{t('agency.figures.month')}</option>
          <option value="day">{t('agency.figures.day')}</option>
        </select>
      </label>
      <label class="field">
        {d.granularity === 'month' ? t('agency.figures.month') : t('agency.figures.day')}
        <input
          type={d.granularity === 'month' ? 'month' : 'date'}
          value={d.when}
          onInput={(e) => setD({ ...d, when: e.currentTarget.value })}
          data-testid="figures-when"
          aria-invalid={!!errors?.when}
        />
        {fieldError(errors, 'when')}
      </label>
      <label class="field">
        {t('agency.figures.channel')}
        <select value={d.channel} onChange={(e) => setD({ ...d, channel: e.currentTarget.value as FiguresDraft['channel'] })}>
          {CHANNELS.map((c) => (
            <option value={c}>{channelLabel(c)}</option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('agency.figures.campaign')}
        <input
          value={d.campaign}
          onInput={(e) => setD({ ...d, campaign: e.currentTarget.value })}
          placeholder={t('agency.figures.campaignHint')}
          data-testid="figures-campaign"
        />
      </label>
      {num('spend')}
      {num('impressions')}
      {num('clicks')}
      {num('conversions')}
      {num('conversionValue')}
      <label class="field">
        {t('agency.targets.currency')}
        <input value={d.currency} maxLength={3} onInput={(e) => setD({ ...d, currency: e.currentTarget.value })} aria-invalid={!!errors?.currency} />
        {fieldError(errors, 'currency')}
      </label>
      {fieldError(errors, '_')}
      <div class="toolbar">
        <button type="submit" class="primary" data-testid="figures-save">
          {t('agency.figures.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('common.close')}
        </button>
      </div>
      {saved > 0 && <p role="status">{t('agency.figures.saved', { n: saved })}</p>}
    </form>
  );
}
