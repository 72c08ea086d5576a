import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { exportBackupJson, restoreBackup, RestoreError } from '@/lib/panel/commands/privacy';
import { backupFileName } from '@/lib/panel/models/privacy';
import { ConfirmDialog } from './ConfirmDialog';
import { cryptoErrorText } from '@/lib/panel/models/crypto';
import { downloadText } from './download';

/** "Export everything" and "Restore from backup" (which replaces every record, after confirmation). */
export function BackupPanel() {
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const exportAll = async () => {
    setBusy(true);
    try {
      downloadText(backupFileName(new Date()), await exportBackupJson());
      setMessage(t('backup.exported'));
    } catch (e) {
      setMessage(cryptoErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    const file = pending;
    setPending(null);
    if (!file) return;
    setBusy(true);
    setIssues([]);
    setMessage(null);
    setProgress(0);
    try {
      const report = await restoreBackup(file.text, { onProgress: setProgress });
      const n = Object.values(report.counts).reduce((a, b) => a + b, 0);
      setMessage(t('backup.restored', { n: formatNumber(n) }));
    } catch (e) {
      setIssues(e instanceof RestoreError ? e.issues : [cryptoErrorText(e)]);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <section class="card" aria-labelledby="backup-title" data-testid="backup-panel">
      <h3 id="backup-title">{t('backup.title')}</h3>
      <p class="muted">{t('backup.explain')}</p>
      <div class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={exportAll} data-testid="backup-export">
          {t('backup.export')}
        </button>
        <label class="secondary">
          {t('backup.restore')}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            data-testid="backup-file"
            class="visually-hidden"
            onChange={async (e) => {
              const input = e.currentTarget;
              const f = input.files?.[0];
              if (f) setPending({ name: f.name, text: await f.text() });
              input.value = '';
            }}
          />
        </label>
      </div>
      {progress !== null && (
        <div role="status">
          <progress max={1} value={progress} data-testid="restore-progress" />
        </div>
      )}
      {message && (
        <p role="status" data-testid="backup-message">
          {message}
        </p>
      )}
      {issues.length > 0 && (
        <div role="alert" class="error" data-testid="restore-errors">
          <p>{t('backup.invalid')}</p>
          <ul class="plain scroll-list">
            {issues.slice(0, 200).map((i) => (
              <li>{i}</li>
            ))}
          </ul>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t('backup.confirmTitle')}
        confirmLabel={t('backup.confirmRestore')}
        onConfirm={() => void restore()}
        onCancel={() => setPending(null)}
        testId="restore-dialog"
      >
        <p>{t('backup.confirmBody', { name: pending?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
