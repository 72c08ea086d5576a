import { t } from '@/lib/i18n';
import type { RenderIssue } from '@/lib/engage/render';
import { issueText } from '@/lib/panel/engage-text';

/** The message as the recipient will read it (text, never markup), and a warning for each field that is empty. */
export function MessagePreview({ subject, body, issues }: { subject: string; body: string; issues: readonly RenderIssue[] }) {
  return (
    <div class="message-preview" data-testid="template-preview">
      <p class="preview-subject">
        <span class="muted">{t('engage.subject')}: </span>
        <strong data-testid="preview-subject">{subject || t('engage.preview.noSubject')}</strong>
      </p>
      <div class="preview-body" data-testid="preview-body">
        {body}
      </div>
      {issues.length > 0 && (
        <ul class="plain preview-issues" aria-label={t('engage.preview.issues')} data-testid="preview-issues">
          {issues.map((i) => (
            <li class="warn" key={`${i.field}:${i.kind}`}>
              ⚠ {issueText(i)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
