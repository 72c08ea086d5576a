import './currency-settings.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';
import { tableCurrencies, reportingCurrency, REFERENCE_TABLE } from '@/lib/currency/convert';
import { locale } from '@/lib/i18n';
import {
  loadReportingSettings,
  rateTable,
  ratesToStore,
  reportingSettings,
  restoreReferenceRates,
  rowsOf,
  saveReportingSettings,
  tableFromRows,
  type RateRow,
} from '@/lib/panel/models/reporting';

type Message = { text: string; error?: boolean } | null;

/** Settings › Reporting currency: the currency totals are shown in, and the exchange rates (dated, editable). */
export function CurrencySettings() {
  useEffect(() => {
    void loadReportingSettings();
  }, []);
  const settings = reportingSettings.value;
  const table = rateTable.value;
  const [message, setMessage] = useState<Message>(null);
  const auto = reportingCurrency(null, locale.value, table);
  const codes = tableCurrencies(table);
  const ratesLabel = t(table.source === 'ecb' ? 'reporting.rates.ecb' : 'reporting.rates.user', { date: formatDate(table.asOf) });

  const choose = async (value: string) => {
    setMessage(null);
    try {
      await saveReportingSettings({ ...settings, currency: value || null });
    } catch {
      setMessage({ text: t('reporting.error.noRate', { currency: value }), error: true });
    }
  };

  return (
    <section aria-labelledby="reporting-title" class="reporting" data-testid="reporting-settings">
      <h3 id="reporting-title">{t('reporting.title')}</h3>
      <p class="muted small">{t('reporting.hint')}</p>
      <label class="field">
        {t('reporting.currency')}
        <select value={settings.currency ?? ''} onChange={(e) => void choose(e.currentTarget.value)} data-testid="reporting-currency">
          <option value="">{t('reporting.auto', { currency: auto })}</option>
          {codes.map((c) => (
            <option value={c}>{c}</option>
          ))}
        </select>
      </label>
      <details class="rates" data-testid="reporting-rates">
        <summary>
          {t('reporting.rates')} — <span data-testid="reporting-rates-source">{ratesLabel}</span>
        </summary>
        <RatesForm key={`${table.source}:${table.asOf}:${Object.keys(table.perEur).length}`} onMessage={setMessage} />
      </details>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'} data-testid="reporting-message">
          {message.text}
        </p>
      )}
    </section>
  );
}

function RatesForm({ onMessage }: { onMessage: (m: Message) => void }) {
  const table = rateTable.value;
  const [asOf, setAsOf] = useState(table.asOf);
  const [rows, setRows] = useState<RateRow[]>(() => rowsOf(table));
  const [draft, setDraft] = useState<RateRow>({ code: '', rate: '' });
  const [busy, setBusy] = useState(false);
  const setRow = (i: number, patch: Partial<RateRow>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  const save = async (next: RateRow[]) => {
    const built = tableFromRows(asOf, next);
    if (!built.ok) {
      onMessage({ text: t(`reporting.error.${built.message as 'code' | 'duplicate' | 'rate' | 'asOf'}`, { row: (built.row ?? 0) + 1 }), error: true });
      return;
    }
    const settings = reportingSettings.value;
    const rates = ratesToStore(built.table);
    setBusy(true);
    try {
      await saveReportingSettings({ ...settings, rates });
      onMessage({ text: t('reporting.saved') });
    } catch {
      onMessage({ text: t('reporting.error.noRate', { currency: settings.currency ?? '' }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="rates-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(rows);
      }}
    >
      <label class="field">
        {t('reporting.asOf')}
        <input type="date" value={asOf} required onInput={(e) => setAsOf(e.currentTarget.value)} data-testid="rates-as-of" />
      </label>
      <table class="data rates-table">
        <thead>
          <tr>
            <th scope="col">1 EUR =</th>
            <th scope="col">{t('reporting.perEur')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('reporting.removeColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.code || i}>
              <th scope="row">{r.code}</th>
              <td>
                <input
                  type="text"
                  inputMode="decimal"
                  value={r.rate}
                  aria-label={t('reporting.rateOf', { currency: r.code })}
                  onInput={(e) => setRow(i, { rate: e.currentTarget.value })}
                  data-testid={`rate-${r.code}`}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="link"
                  aria-label={t('reporting.remove', { currency: r.code })}
                  onClick={() => setRows(rows.filter((_, k) => k !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="rates-add">
        <label class="field">
          {t('reporting.newCode')}
          <input
            type="text"
            maxLength={3}
            value={draft.code}
            onInput={(e) => setDraft({ ...draft, code: e.currentTarget.value.toUpperCase() })}
            data-testid="rate-new-code"
          />
        </label>
        <label class="field">
          {t('reporting.newRate')}
          <input
            type="text"
            inputMode="decimal"
            value={draft.rate}
            onInput={(e) => setDraft({ ...draft, rate: e.currentTarget.value })}
            data-testid="rate-new-value"
          />
        </label>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const next = [...rows, draft];
            const built = tableFromRows(asOf || table.asOf, next);
            if (!built.ok && built.row === next.length - 1) {
              onMessage({ text: t(`reporting.error.${built.message as 'code' | 'duplicate' | 'rate'}`, { row: next.length }), error: true });
              return;
            }
            onMessage(null);
            setRows(next);
            setDraft({ code: '', rate: '' });
          }}
          data-testid="rate-add"
        >
          {t('reporting.add')}
        </button>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="rates-save">
          {t('common.save')}
        </button>
        {table.source === 'user' && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={async () => {
              await restoreReferenceRates();
              onMessage({ text: t('reporting.saved') });
            }}
            data-testid="rates-restore"
          >
            {t('reporting.restore', { date: formatDate(REFERENCE_TABLE.asOf) })}
          </button>
        )}
      </div>
    </form>
  );
}
