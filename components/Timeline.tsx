import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDate, formatTime } from '@/lib/i18n/format';
import { Channel, type Interaction } from '@/lib/schema';
import { useLiveQuery } from '@/lib/panel/live';
import { timelineCount, timelinePage, startsDay, windowFor, type TimelineQuery } from '@/lib/panel/queries/timeline';
import { VirtualList } from './VirtualList';
import { shownText } from '@/lib/panel/models/crypto';
import { isSealed } from '@/lib/panel/models/crypto';

const ROW = 52;
const PAGE = 40;
const CHANNELS = Channel.options;

function timeOf(iso: string) {
  return formatTime(iso, document.documentElement.lang || undefined);
}

/**
 * The interaction timeline of a contact or account: every channel or one, grouped by day, windowed (only
 * the rows in view are rendered and only their page is read from the index).
 */
export function Timeline({ query, total: initialTotal, firstPage }: { query: TimelineQuery; total: number; firstPage: Interaction[] }) {
  const [channel, setChannel] = useState<Channel | null>(null);
  const [win, setWin] = useState({ offset: 0, limit: PAGE });
  const q = { ...query, channel };
  const key = `${q.accountId}|${q.contactId}|${channel}`;
  const count = useLiveQuery(() => timelineCount(q), [key]);
  const total = count.value ?? (channel ? 0 : initialTotal);
  // One row before the window, to know whether its first row opens a new day.
  const from = Math.max(0, win.offset - 1);
  const page = useLiveQuery(async () => ({ from, rows: await timelinePage(q, from, win.limit + (win.offset - from)), key }), [key, from, win.limit]);
  const loaded = page.value && page.value.key === key ? page.value : !channel ? { from: 0, rows: firstPage, key } : null;
  const rowAt = (i: number) => loaded?.rows[i - loaded.from];
  const shownTotal = loaded && loaded.rows.length < win.limit && win.offset === 0 ? Math.min(total, loaded.rows.length) : total;

  return (
    <section aria-labelledby="timeline-title" class="timeline-section">
      <div class="section-head">
        <h3 id="timeline-title">{t('timeline.title')}</h3>
        <span class="muted" data-testid="timeline-count">
          {t('timeline.count', { n: shownTotal })}
        </span>
      </div>
      <div class="chips" role="group" aria-label={t('timeline.filter')}>
        <button type="button" class="chip-button" aria-pressed={channel === null} onClick={() => setChannel(null)}>
          {t('timeline.all')}
        </button>
        {CHANNELS.map((c) => (
          <button type="button" class="chip-button" aria-pressed={channel === c} onClick={() => setChannel(c)}>
            {t(`channel.${c}`)}
          </button>
        ))}
      </div>
      {shownTotal === 0 ? (
        <p class="muted">{t('timeline.empty')}</p>
      ) : (
        <VirtualList
          count={shownTotal}
          rowHeight={ROW}
          height={420}
          label={t('timeline.title')}
          testId="timeline"
          onRange={(first, last) => {
            const w = windowFor(first, last, PAGE, shownTotal);
            if (w.offset !== win.offset || w.limit !== win.limit) setWin(w);
          }}
          renderRow={(i) => {
            const item = rowAt(i);
            if (!item)
              return (
                <div class="timeline-item placeholder" aria-busy="true">
                  …
                </div>
              );
            const prev = rowAt(i - 1);
            const newDay = prev === undefined && i > 0 ? false : startsDay(prev ? [prev, item] : [item], prev ? 1 : 0);
            return (
              <div class="timeline-item" data-channel={item.channel} data-testid="timeline-item">
                <span class="day">{newDay ? formatDate(item.occurredAt, 'medium') : ''}</span>
                <span class="what">
                  <span class="chip">{t(`channel.${item.channel}`)}</span>
                  <span class="muted">
                    {t(`direction.${item.direction}`)} · {timeOf(item.occurredAt)}
                  </span>
                  <span class="subject" title={shownText(item.summary) ?? item.subject} data-summary-locked={isSealed(item.summary) || undefined}>
                    {item.subject || t('timeline.noSubject')}
                  </span>
                </span>
              </div>
            );
          }}
        />
      )}
    </section>
  );
}
