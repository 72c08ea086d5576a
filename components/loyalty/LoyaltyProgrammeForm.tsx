import { useEffect, useMemo } from 'preact/hooks';
import { t, lang, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { createLoyaltyProgrammeModel } from '@/lib/panel/models/loyalty';
import { BonusKind } from '@/lib/schema/loyalty';
import { otherErrors } from '@/lib/panel/view/loyalty-form';
import './loyalty.css';

const BONUS_KINDS = BonusKind.options;

function FieldError({ errors, path }: { errors: Record<string, string>; path: string }) {
  const e = errors[path];
  return e ? (
    <span class="field-error" role="alert">
      {e}
    </span>
  ) : null;
}

/** The loyalty programme's rules: on or off, points per currency unit, bonuses, tiers and their window. */
export function LoyaltyProgrammeForm() {
  const m = useMemo(() => createLoyaltyProgrammeModel({ decimalComma: () => lang.value === 'fr' }), []);
  useEffect(() => () => m.dispose(), [m]);
  const p = m.programme.value;
  const d = m.draft.value;
  const errors = m.errors.value;
  const r = p?.rules;
  return (
    <section class="card" aria-labelledby="loyalty-title" data-testid="loyalty-settings">
      <h3 id="loyalty-title">{t('loyalty.title')}</h3>
      <p class="muted small">{t('loyalty.intro')}</p>
      {!p ? (
        <p class="muted">{t('common.loading')}</p>
      ) : !d ? (
        <>
          {!p.stored ? (
            <p class="empty">{t('loyalty.off')}</p>
          ) : !r!.enabled ? (
            <p class="muted">{t('loyalty.disabled')}</p>
          ) : (
            <>
              <p data-testid="loyalty-summary">
                {t('loyalty.summary', {
                  points: formatNumber(r!.pointsPerUnit, 2),
                  currency: r!.currency,
                  window: r!.windowMonths === null ? t('loyalty.window.lifetime') : t('loyalty.window.months', { n: r!.windowMonths }),
                  days: r!.warnDays,
                })}
              </p>
              <p class="chips">
                {[...r!.tiers]
                  .sort((a, b) => a.threshold - b.threshold)
                  .map((x) => (
                    <span class="chip" key={x.id}>
                      {x.name} · {formatNumber(x.threshold)}
                    </span>
                  ))}
              </p>
            </>
          )}
          {m.saved.value && (
            <p role="status" class="ok">
              {t('loyalty.saved')}
            </p>
          )}
          <div class="actions">
            <button type="button" class={p.stored ? 'secondary' : 'primary'} onClick={m.edit} data-testid="loyalty-edit">
              {p.stored ? t('loyalty.edit') : t('loyalty.setUp')}
            </button>
          </div>
        </>
      ) : (
        <form
          data-testid="loyalty-form"
          onSubmit={(e) => {
            e.preventDefault();
            void m.save();
          }}
        >
          <label class="inline">
            <input
              type="checkbox"
              checked={d.enabled}
              onChange={(e) => m.change({ enabled: (e.target as HTMLInputElement).checked })}
              data-testid="loyalty-enabled"
            />{' '}
            {t('loyalty.enabled')}
          </label>
          <div class="loyalty-fields">
            <label class="field">
              <span>{t('loyalty.pointsPerUnit')}</span>
              <input
                inputMode="decimal"
                size={6}
                value={d.pointsPerUnit}
                onInput={(e) => m.change({ pointsPerUnit: (e.target as HTMLInputElement).value })}
                data-testid="loyalty-points-per-unit"
              />
              <FieldError errors={errors} path="pointsPerUnit" />
            </label>
            <label class="field">
              <span>{t('loyalty.currency')}</span>
              <input
                size={4}
                maxLength={3}
                value={d.currency}
                onInput={(e) => m.change({ currency: (e.target as HTMLInputElement).value })}
                data-testid="loyalty-currency"
              />
              <FieldError errors={errors} path="currency" />
            </label>
            <label class="field">
              <span>{t('loyalty.windowMonths')}</span>
              <input
                inputMode="numeric"
                size={4}
                value={d.windowMonths}
                onInput={(e) => m.change({ windowMonths: (e.target as HTMLInputElement).value })}
                aria-describedby="loyalty-window-hint"
                data-testid="loyalty-window"
              />
              <span id="loyalty-window-hint" class="muted small">
                {t('loyalty.windowHint')}
              </span>
              <FieldError errors={errors} path="windowMonths" />
            </label>
            <label class="field">
              <span>{t('loyalty.warnDays')}</span>
              <input
                inputMode="numeric"
                size={4}
                value={d.warnDays}
                onInput={(e) => m.change({ warnDays: (e.target as HTMLInputElement).value })}
                data-testid="loyalty-warn-days"
              />
              <FieldError errors={errors} path="warnDays" />
            </label>
          </div>

          <fieldset>
            <legend>{t('loyalty.tiers')}</legend>
            <FieldError errors={errors} path="tiers" />
            <ol class="loyalty-tiers" data-testid="loyalty-tiers">
              {d.tiers.map((tier, i) => (
                <li key={i}>
                  <label class="field">
                    <span>{t('loyalty.tierName')}</span>
                    <input
                      value={tier.name}
                      maxLength={40}
                      onInput={(e) => m.setTier(i, { name: (e.target as HTMLInputElement).value })}
                      data-testid="loyalty-tier-name"
                    />
                    <FieldError errors={errors} path={`tiers.${i}.name`} />
                  </label>
                  <label class="field">
                    <span>{t('loyalty.tierThreshold')}</span>
                    <input
                      inputMode="numeric"
                      size={8}
                      value={tier.threshold}
                      onInput={(e) => m.setTier(i, { threshold: (e.target as HTMLInputElement).value })}
                      data-testid="loyalty-tier-threshold"
                    />
                    <FieldError errors={errors} path={`tiers.${i}.threshold`} />
                  </label>
                  <button type="button" class="icon-button" onClick={() => m.removeTier(i)} aria-label={t('loyalty.removeTier', { name: tier.name })}>
                    ×
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" class="secondary" onClick={m.addTier} disabled={d.tiers.length >= 10} data-testid="loyalty-add-tier">
              {t('loyalty.addTier')}
            </button>
          </fieldset>

          <fieldset>
            <legend>{t('loyalty.bonuses')}</legend>
            {d.bonuses.length === 0 && <p class="muted small">{t('loyalty.noBonuses')}</p>}
            <ul class="loyalty-bonuses" data-testid="loyalty-bonuses">
              {d.bonuses.map((b, i) => (
                <li key={i}>
                  <label class="field">
                    <span>{t('loyalty.bonusKind')}</span>
                    <select
                      value={b.kind}
                      onChange={(e) => m.setBonus(i, { kind: (e.target as HTMLSelectElement).value as BonusKind })}
                      data-testid="loyalty-bonus-kind"
                    >
                      {BONUS_KINDS.map((k) => (
                        <option value={k} key={k}>
                          {t(`loyalty.bonus.${k}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {b.kind === 'order_at_least' && (
                    <label class="field">
                      <span>{t('loyalty.bonusMinAmount')}</span>
                      <input
                        inputMode="decimal"
                        size={8}
                        value={b.minAmount}
                        onInput={(e) => m.setBonus(i, { minAmount: (e.target as HTMLInputElement).value })}
                        data-testid="loyalty-bonus-min"
                      />
                      <FieldError errors={errors} path={`bonuses.${i}.minAmount`} />
                    </label>
                  )}
                  <label class="field">
                    <span>{t('loyalty.bonusPoints')}</span>
                    <input
                      inputMode="numeric"
                      size={6}
                      value={b.points}
                      onInput={(e) => m.setBonus(i, { points: (e.target as HTMLInputElement).value })}
                      data-testid="loyalty-bonus-points"
                    />
                    <FieldError errors={errors} path={`bonuses.${i}.points`} />
                  </label>
                  <button type="button" class="icon-button" onClick={() => m.removeBonus(i)} aria-label={t('loyalty.removeBonus')}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" class="secondary" onClick={() => m.addBonus()} disabled={d.bonuses.length >= 20} data-testid="loyalty-add-bonus">
              {t('loyalty.addBonus')}
            </button>
          </fieldset>

          {otherErrors(errors) && (
            <p class="error" role="alert">
              {t('loyalty.notSaved', { detail: otherErrors(errors)! })}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={m.saving.value} data-testid="loyalty-save">
              {t('common.save')}
            </button>
            <button type="button" class="secondary" onClick={m.cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
