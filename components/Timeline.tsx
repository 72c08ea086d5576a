import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { Interaction } from '@/lib/schema';

export function Timeline({ items }: { items: Interaction[] }) {
  if (items.length === 0) return <p class="muted">{t('timeline.empty')}</p>;
  return (
    <ol class="timeline" aria-label={t('timeline.title')}>
      {items.map((i) => (
        <li class="timeline-item" data-channel={i.channel}>
          <span class="chip">{t(`channel.${i.channel}`)}</span>
          <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt)}</time>
          <div class="subject">{i.subject}</div>
        </li>
      ))}
    </ol>
  );
}
