import { computed, effect, signal } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import type { TabState } from '../background/tab-state';
import type { PageMatch } from '../match/page-match';
import { tabState } from './active-tab';

/** The live match of the page the panel follows, keyed by the context it was computed for. */
const live = signal<{ key: string; match: PageMatch } | null>(null);

const keyOf = (s: TabState) => JSON.stringify(s.context);

/**
 * The active tab's state with its match kept live: the background matched the page when it was recognised; from
 * then on the panel re-matches whenever a table the match read changes (a contact created, edited, merged or
 * deleted — here, in another view or by sync), so the view follows the database without a reload.
 */
export const pageState = computed<TabState | null>(() => {
  const s = tabState.value;
  if (!s) return null;
  const l = live.value;
  return l && l.key === keyOf(s) ? { ...s, match: l.match } : s;
});

/** Starts following; returns the stop function. One subscription at a time, for the page currently shown. */
export function followPageMatch(): () => void {
  let key: string | null = null;
  let sub: Subscription | null = null;
  let generation = 0;
  const stopSub = () => {
    sub?.unsubscribe();
    sub = null;
  };
  const stopEffect = effect(() => {
    const s = tabState.value;
    const next = s && s.context.kind !== 'none' ? keyOf(s) : null;
    if (next === key) return;
    key = next;
    stopSub();
    const mine = ++generation;
    if (!s || next === null) return;
    const ctx = s.context;
    // The matcher carries the free-mail list (~80 KB gzip): loaded when a page is first shown, not at start-up.
    void import('../match/page-match')
      .then(async ({ matchPage, suppressionKeys }) => {
        const keys = await suppressionKeys(ctx);
        if (mine !== generation) return;
        sub = liveQuery(() => matchPage(ctx, keys)).subscribe({
          next: (match) => {
            if (mine === generation) live.value = { key: next, match };
          },
          // A failed re-match keeps the last match shown (the background's, or the previous live one).
          error: (e) => console.error('page match', e),
        });
      })
      .catch((e) => console.error('page match', e));
  });
  return () => {
    generation++;
    stopEffect();
    stopSub();
  };
}
