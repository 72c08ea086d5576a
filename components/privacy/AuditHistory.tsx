import { t, type MessageKey } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { auditHistory } from '@/lib/panel/models/privacy';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  return Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function AuditHistory({ entries }: { entries: ReturnType<typeof auditHistory> }) {
  return (
    <section class="card" aria-labelledby="history-title" data-testid="audit-history">
      <h3 id="history-title">{t('gdpr.history')}</h3>
      {entries.length === 0 ? (
        <p class="muted">{t('gdpr.historyEmpty')}</p>
      ) : (
        <ul class="plain scroll-list">
          {entries.map((e) => (
            <li>
              <strong>{formatDateTime(e.date || null)}</strong> {t(`gdpr.action.${e.action}` as MessageKey)}
              <ul class="muted">
                {Object.entries(e.changes)
                  .filter(([k]) => k !== 'consent')
                  .map(([k, c]) => (
                    <li>
                      {k}: {show(c.from)} → {show(c.to)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
