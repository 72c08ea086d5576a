import type { PageContextInput } from '../schema/page-context';

/** The part of WXT's ContentScriptContext the runtime needs (tests pass a fake). */
export interface ObserverContext {
  readonly isValid: boolean;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  onInvalidated(cb: () => void): () => void;
}

export interface ObserveOptions {
  /** Quiet period after the last DOM change before recognizing again. */
  debounceMs?: number;
  /** Without user input for this long, stop watching the DOM until the next input. */
  idleMs?: number;
  win?: Window;
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'focusin'] as const;

/**
 * The content-script runtime: recognizes the page on start, on SPA navigation and after DOM changes settle,
 * and sends the context only when it differs from the last one sent. The DOM observer sleeps while the tab
 * is hidden or the user idle, and wakes on the next activity.
 */
export function observePage(
  ctx: ObserverContext,
  recognize: (url: string, doc: Document) => PageContextInput,
  send: (ctx: PageContextInput) => Promise<unknown> | void,
  options: ObserveOptions = {},
): { runNow: () => void; isObserving: () => boolean } {
  const win = options.win ?? window;
  const doc = win.document;
  const debounceMs = options.debounceMs ?? 150;
  const idleMs = options.idleMs ?? 60_000;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let observing = false;

  const runNow = () => {
    timer = undefined;
    if (!ctx.isValid) return;
    const context = recognize(win.location.href, doc);
    const key = JSON.stringify(context);
    if (key === last) return;
    last = key;
    try {
      Promise.resolve(send(context)).catch(() => {
        last = ''; // not delivered (background restarting): send again next time
      });
    } catch {
      last = '';
    }
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(runNow, debounceMs);
  };

  const observer = new (win as Window & typeof globalThis).MutationObserver(schedule);
  const connect = () => {
    if (observing || !ctx.isValid || doc.visibilityState === 'hidden') return;
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-selected', 'hidden', 'aria-hidden', 'aria-expanded'],
    });
    observing = true;
  };
  const disconnect = () => {
    observer.disconnect();
    observing = false;
  };
  const armIdle = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(disconnect, idleMs);
  };
  const wake = () => {
    if (!observing) {
      connect();
      schedule();
    }
    armIdle();
  };

  ctx.addEventListener(win, 'wxt:locationchange', schedule);
  ctx.addEventListener(win, 'hashchange', schedule);
  ctx.addEventListener(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'hidden') disconnect();
    else wake();
  });
  for (const type of ACTIVITY) ctx.addEventListener(win, type, wake, { capture: true, passive: true });
  ctx.onInvalidated(() => {
    disconnect();
    if (timer !== undefined) clearTimeout(timer);
    if (idleTimer !== undefined) clearTimeout(idleTimer);
  });

  connect();
  armIdle();
  runNow();
  return { runNow, isObserving: () => observing };
}
