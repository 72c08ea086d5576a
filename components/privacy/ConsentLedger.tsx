import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { Contact, Purpose } from '@/lib/schema';
import { grantConsent, withdrawConsent } from '@/lib/panel/commands/privacy';
import { consentByPurpose, LAWFUL_BASES, PURPOSES } from '@/lib/panel/models/privacy';
import { failureText } from '@/lib/panel/failure';

const purposeLabel = (p: string) => t(`gdpr.purpose.${p}` as MessageKey);
const basisLabel = (b: string) => t(`gdpr.basis.${b}` as MessageKey);

export function ConsentLedger({ contact }: { contact: Contact }) {
  const [purpose, setPurpose] = useState<Purpose>('marketing');
  const [basis, setBasis] = useState<(typeof LAWFUL_BASES)[number]>('consent');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const states = consentByPurpose(contact.consent);

  const grant = async () => {
    if (!source.trim()) {
      setError(t('gdpr.sourceRequired'));
      return;
    }
    setError(null);
    try {
      await grantConsent(contact.id, { purpose, lawfulBasis: basis, source: source.trim() });
      setSource('');
    } catch (e) {
      setError(failureText(e));
    }
  };

  return (
    <section class="card" aria-labelledby="consent-title" data-testid="consent-ledger">
      <h3 id="consent-title">{t('gdpr.consent')}</h3>
      <ul class="plain">
        {states.map((s) => (
          <li data-purpose={s.purpose} data-active={s.active ? 'yes' : 'no'}>
            <strong>{purposeLabel(s.purpose)}</strong>:{' '}
            {s.active
              ? t('gdpr.active', { date: formatDateTime(s.active.grantedAt), basis: basisLabel(s.active.lawfulBasis), source: s.active.source })
              : t('gdpr.none')}
            {s.active && (
              <button type="button" class="link" onClick={() => void withdrawConsent(contact.id, s.purpose)} data-testid={`withdraw-${s.purpose}`}>
                {t('gdpr.withdraw')}
              </button>
            )}
            {s.history.length > 0 && (
              <ul class="muted consent-history">
                {s.history.map((e) => (
                  <li>
                    {t('gdpr.granted', { date: formatDateTime(e.grantedAt), basis: basisLabel(e.lawfulBasis), source: e.source })}
                    {e.withdrawnAt && <>, {t('gdpr.withdrawnAt', { date: formatDateTime(e.withdrawnAt) })}</>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div class="inline-form">
        <label class="field">
          {t('gdpr.purpose')}
          <select value={purpose} onChange={(e) => setPurpose(e.currentTarget.value as Purpose)} data-testid="grant-purpose">
            {PURPOSES.map((p) => (
              <option value={p}>{purposeLabel(p)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('gdpr.basis')}
          <select value={basis} onChange={(e) => setBasis(e.currentTarget.value as typeof basis)} data-testid="grant-basis">
            {LAWFUL_BASES.map((b) => (
              <option value={b}>{basisLabel(b)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('gdpr.source')}
          <input value={source} maxLength={200} onInput={(e) => setSource(e.currentTarget.value)} data-testid="grant-source" />
        </label>
        <button type="button" class="secondary" onClick={grant} data-testid="grant">
          {t('gdpr.grant')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
