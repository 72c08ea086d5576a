import { useEffect, useMemo } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { createAccountLoyaltyModel } from '@/lib/panel/models/loyalty';
import { goTo, open } from '@/lib/panel/router';
import { showToast } from '@/lib/panel/toast';
import './loyalty.css';

const day = (ms: number) => formatDate(new Date(ms).toISOString());

/** An account's loyalty in its 360°: points, tier and progress, a coming drop, badges, referrals made and received. */
export function LoyaltySection({ accountId }: { accountId: string }) {
  const m = useMemo(
    () => createAccountLoyaltyModel(accountId, { onRemoved: (undo) => showToast({ message: t('loyalty.referralRemoved'), undo }) }),
    [accountId],
  );
  useEffect(() => () => m.dispose(), [m]);
  const data = m.data.value;
  if (!data) return null;
  const s = data.status;
  if (!s)
    return (
      <details class="loyalty-card" data-testid="loyalty-section-none">
        <summary>{t('loyalty.card.title')}</summary>
        <p class="muted small">{data.programme.stored ? t('loyalty.disabled') : t('loyalty.card.none')}</p>
        <button type="button" class="secondary" onClick={() => goTo('lifecycle')}>
          {t('loyalty.card.goSetUp')}
        </button>
      </details>
    );
  const ref = m.referral.value;
  const errors = m.errors.value;
  return (
    <section class="card loyalty-card" aria-labelledby={`loyalty-${accountId}`} data-testid="loyalty-section">
      <h3 id={`loyalty-${accountId}`}>{t('loyalty.card.title')}</h3>
      <p>
        <span class="tier" data-testid="loyalty-tier">
          {s.tier ? s.tier.name : t('loyalty.noTier')}
        </span>{' '}
        {s.tier && s.tierSince !== null && <span class="muted small">{t('loyalty.tierSince', { date: day(s.tierSince) })}</span>}
      </p>
      <p data-testid="loyalty-points">
        {t('loyalty.points', { n: formatNumber(s.points) })}
        {s.qualifyingPoints !== s.points && <span class="muted small"> · {t('loyalty.qualifying', { n: formatNumber(s.qualifyingPoints) })}</span>}
      </p>
      {s.next ? (
        <>
          <progress max={1} value={m.progress.value} aria-label={t('loyalty.progress')} />
          <p class="muted small" data-testid="loyalty-next">
            {t('loyalty.toNext', { n: formatNumber(s.next.pointsNeeded), tier: s.next.tier.name })}
          </p>
        </>
      ) : (
        s.tier && <p class="muted small">{t('loyalty.topTier')}</p>
      )}
      {s.drop && (
        <p class="warn" role="note" data-testid="loyalty-drop">
          {t('loyalty.drop', { tier: s.drop.from.name, date: day(s.drop.at), days: s.drop.daysLeft, points: formatNumber(s.drop.pointsNeeded) })}
          {s.drop.to && t('loyalty.dropTo', { to: s.drop.to.name })}
        </p>
      )}
      {s.unconverted > 0 && <p class="muted small">{t('loyalty.unconverted', { n: s.unconverted })}</p>}

      <h4>{t('loyalty.badges')}</h4>
      {s.badges.length === 0 ? (
        <p class="muted small">{t('loyalty.noBadges')}</p>
      ) : (
        <ul class="loyalty-badges" data-testid="loyalty-badges">
          {s.badges.map((b) => (
            <li key={b.key} class="chip" title={t('loyalty.badgeEarned', { date: day(b.earnedAt) })}>
              {t(`loyalty.badge.${b.key}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('loyalty.referrals')}</h4>
      {data.receivedFrom && (
        <p class="small" data-testid="loyalty-referred-by">
          {t('loyalty.referredBy', {
            who: [data.receivedFrom.contactName, data.receivedFrom.accountName].filter(Boolean).join(' · ') || t('loyalty.referredByUnknown'),
          })}
        </p>
      )}
      {data.made.length === 0 ? (
        <p class="muted small">{t('loyalty.noReferrals')}</p>
      ) : (
        <ul class="loyalty-referrals" data-testid="loyalty-referrals">
          {data.made.map((r) => {
            const name = r.accountName ?? t('loyalty.deletedAccount');
            return (
              <li key={r.referral.id}>
                <span>
                  {r.accountId && r.accountName ? (
                    <button type="button" class="link" onClick={() => open({ name: 'account', id: r.accountId! })}>
                      {t('loyalty.referredOn', { account: name, date: formatDate(r.referral.referredAt) })}
                    </button>
                  ) : (
                    t('loyalty.referredOn', { account: name, date: formatDate(r.referral.referredAt) })
                  )}
                  {r.contactName && <span class="muted small"> {t('loyalty.referredVia', { person: r.contactName })}</span>}
                </span>
                <button
                  type="button"
                  class="icon-button"
                  onClick={() => void m.remove(r.referral.id)}
                  aria-label={t('loyalty.removeReferral', { account: name })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {!ref ? (
        <button type="button" class="secondary" onClick={m.startReferral} data-testid="loyalty-add-referral">
          {t('loyalty.addReferral')}
        </button>
      ) : (
        <form
          data-testid="referral-form"
          onSubmit={(e) => {
            e.preventDefault();
            void m.saveReferral();
          }}
        >
          <label class="field">
            <span>{t('loyalty.referredAccount')}</span>
            <input
              value={ref.query}
              placeholder={t('loyalty.referredSearch')}
              autoComplete="off"
              onInput={(e) => m.changeReferral({ query: (e.target as HTMLInputElement).value })}
              aria-invalid={errors.referredAccountId ? true : undefined}
              data-testid="referral-account"
            />
            {errors.referredAccountId && (
              <span class="field-error" role="alert">
                {errors.referredAccountId === 'required' ? t('loyalty.referredRequired') : errors.referredAccountId}
              </span>
            )}
          </label>
          {m.results.value.length > 0 && (
            <ul class="account-results" role="listbox" aria-label={t('loyalty.referredAccount')}>
              {m.results.value.map((a) => (
                <li key={a.id} role="option" aria-selected={false}>
                  <button type="button" class="link" onClick={() => m.pickReferred(a)}>
                    {a.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label class="field">
            <span>{t('loyalty.referrer')}</span>
            <select
              value={ref.referrerContactId}
              onChange={(e) => m.changeReferral({ referrerContactId: (e.target as HTMLSelectElement).value })}
              data-testid="referral-contact"
            >
              <option value="">{t('loyalty.referrerNone')}</option>
              {data.contacts.map((c) => (
                <option value={c.id} key={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('loyalty.referredAt')}</span>
            <input
              type="date"
              value={ref.referredAt}
              onInput={(e) => m.changeReferral({ referredAt: (e.target as HTMLInputElement).value })}
              data-testid="referral-date"
            />
            {errors.referredAt && (
              <span class="field-error" role="alert">
                {errors.referredAt}
              </span>
            )}
          </label>
          <label class="field">
            <span>{t('loyalty.note')}</span>
            <input value={ref.note} maxLength={1000} onInput={(e) => m.changeReferral({ note: (e.target as HTMLInputElement).value })} />
          </label>
          {(errors._ || errors.note || errors.referrerContactId || errors.referrerAccountId) && (
            <p class="error" role="alert">
              {errors._ ?? errors.note ?? errors.referrerContactId ?? errors.referrerAccountId}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary" data-testid="referral-save">
              {t('common.save')}
            </button>
            <button type="button" class="secondary" onClick={m.cancelReferral}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
