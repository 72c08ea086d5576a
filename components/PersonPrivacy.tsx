import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { contactName } from '@/lib/schema';
import { erasePerson, exportPerson, setDoNotContact, type ErasureReport } from '@/lib/panel/commands/privacy';
import { personPrivacy } from '@/lib/panel/queries/privacy';
import { useLiveQuery } from '@/lib/panel/live';
import { erasureLines } from '@/lib/panel/models/privacy';
import { ConsentLedger } from './privacy/ConsentLedger';
import { Rectification } from './privacy/Rectification';
import { AuditHistory } from './privacy/AuditHistory';
import { ConfirmDialog } from './privacy/ConfirmDialog';
import { downloadText } from './privacy/download';
import type { MessageKey } from '@/lib/i18n';
import './privacy/gdpr.css';
import { failureText } from '@/lib/panel/failure';

/** GDPR tools for one person: consent, objection, access, rectification, erasure. */
export function PersonPrivacy({ id }: { id: string }) {
  const data = useLiveQuery(() => personPrivacy(id), [id]);
  const [erasing, setErasing] = useState(false);
  const [report, setReport] = useState<{ name: string; r: ErasureReport } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [csvCount, setCsvCount] = useState<number | null>(null);

  if (report) {
    return (
      <section class="card" role="status" data-testid="erasure-report">
        <h2>{t('gdpr.erased', { name: report.name })}</h2>
        <ul class="plain">
          {erasureLines(report.r).map((l) => (
            <li>
              {t(l.kind === 'deleted' ? 'gdpr.erasedDeleted' : 'gdpr.erasedScrubbed', {
                table: t(`table.${l.table}` as MessageKey),
                n: formatNumber(l.n),
              })}
            </li>
          ))}
          <li>{t('gdpr.erasedAudit', { n: formatNumber(report.r.auditEntriesCleared) })}</li>
          <li>{t('gdpr.erasedOutbox', { n: formatNumber(report.r.outboxEntriesRemoved) })}</li>
        </ul>
      </section>
    );
  }
  const v = data.value;
  if (!v) return <p class="muted">{t('common.loading')}</p>;
  const c = v.contact;
  if (!c)
    return (
      <p class="muted" data-testid="person-gone">
        {t('gdpr.gone')}
      </p>
    );
  const name = contactName(c);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(failureText(e));
    }
  };

  const exportJson = () =>
    run(async () => {
      const out = await exportPerson(id);
      downloadText(`carnet-person-${id}.json`, out.json);
    });
  const exportCsv = () =>
    run(async () => {
      const out = await exportPerson(id);
      for (const f of out.csvFiles) downloadText(`carnet-person-${id}-${f.name}`, f.text, 'text/csv');
      setCsvCount(out.csvFiles.length);
    });
  const erase = () =>
    run(async () => {
      setErasing(false);
      setReport({ name, r: await erasePerson(id) });
    });

  return (
    <article data-testid="person-privacy">
      <h2>{t('gdpr.title', { name })}</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ConsentLedger contact={c} />
      <section class="card">
        <label>
          <input
            type="checkbox"
            checked={c.doNotContact}
            data-testid="do-not-contact"
            onChange={(e) => void run(() => setDoNotContact(id, e.currentTarget.checked))}
          />{' '}
          {t('gdpr.doNotContact')}
        </label>
      </section>
      <section class="card" aria-labelledby="export-title">
        <h3 id="export-title">{t('gdpr.export')}</h3>
        <div class="actions">
          <button type="button" class="secondary" onClick={exportJson} data-testid="export-json">
            {t('gdpr.exportJson')}
          </button>
          <button type="button" class="secondary" onClick={exportCsv} data-testid="export-csv">
            {t('gdpr.exportCsv', { n: csvCount ?? '…' })}
          </button>
        </div>
      </section>
      <Rectification contact={c} />
      <AuditHistory entries={v.audit} />
      <section class="card">
        <button type="button" class="danger" onClick={() => setErasing(true)} data-testid="erase-person">
          {t('gdpr.erase')}
        </button>
      </section>
      <ConfirmDialog
        open={erasing}
        title={t('gdpr.eraseTitle', { name })}
        confirmLabel={t('gdpr.eraseConfirm')}
        onConfirm={() => void erase()}
        onCancel={() => setErasing(false)}
        testId="erase-dialog"
      >
        <p>{t('gdpr.eraseBody', { emails: c.emails.join(', ') || '—' })}</p>
      </ConfirmDialog>
    </article>
  );
}
