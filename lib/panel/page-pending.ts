import { computed, effect, signal } from '@preact/signals';
import { activeTabId, tabState } from './active-tab';
import { pageNotice, UNREADABLE_AFTER_MS, type PageNotice, type ReportAbout } from './view/page-notice';

/** Since when the followed tab's page has been "not rendered yet" (a readable URL, markup not found). */
const since = signal<{ key: string; at: number } | null>(null);
/** Re-evaluated once the wait passes the threshold, so the notice changes without any other event. */
const tick = signal(0);
let about: ReportAbout = { version: '?', userAgent: '?' };

/** Starts following the tab's pending state; returns the stop function. */
export function followPagePending(info: ReportAbout, clock: () => number = Date.now): () => void {
  about = info;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = effect(() => {
    const s = tabState.value;
    const key = s && s.context.kind === 'none' && s.context.pending ? `${activeTabId.value}|${s.context.url}` : null;
    if (key === (since.peek()?.key ?? null)) return;
    clearTimeout(timer);
    since.value = key ? { key, at: clock() } : null;
    if (key) timer = setTimeout(() => (tick.value = clock()), UNREADABLE_AFTER_MS + 50);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}

/** What the page view says about a page Carnet is still reading, or cannot read. */
export const pageNoticeNow = computed<PageNotice>(() => {
  const s = tabState.value;
  const p = since.value;
  if (!s || !p) return null;
  const now = Math.max(tick.value, p.at);
  return pageNotice(s.context, now - p.at, about, new Date(now));
});

/** Copies the notice's report for the user to send to whoever runs Carnet: nothing is sent by Carnet itself. */
export async function copyPageReport(report: string, copy: (text: string) => Promise<void> = (text) => navigator.clipboard.writeText(text)): Promise<boolean> {
  try {
    await copy(report);
    return true;
  } catch {
    return false;
  }
}
