import type { ContentBrowser, Extra, ExtraHooks, ExtraHost } from './runtime';

/** What an extra is given when the content script starts. */
export interface ExtraEnv {
  readonly doc: Document;
  readonly win: Window;
  readonly browser: ContentBrowser;
  /** A page listener removed with the content script (update, reload); what it throws is caught and reported. */
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  /** Runs when the content script is torn down. */
  onInvalidated(cb: () => void): void;
  /** Reports a failure of this extra. */
  report(phase: string, error: unknown): void;
}

const reported = new Set<string>();

/** One console line per extra and phase: a hook failing on every DOM change would flood the page's console. */
function warnOnce(extra: string, phase: string, error: unknown): void {
  const key = `${extra} ${phase}`;
  if (!reported.has(key)) console.warn(`Carnet: ${key} failed:`, error instanceof Error ? error.message : String(error));
  reported.add(key);
}

/**
 * An extra of a site's content script. `start` runs once, when the content script starts; its listeners go
 * through `env.listen` (bound to the content script's life) and it returns the hooks the runtime calls. Whatever
 * `start`, a hook or a listener throws or rejects with is reported and stops nothing: not the page, not the
 * recognition, not the other extras.
 */
export function defineExtra(name: string, start: (env: ExtraEnv) => ExtraHooks | void): Extra {
  return (ctx, { win, browser, report = warnOnce }: ExtraHost) => {
    const fail = (phase: string, error: unknown) => report(name, phase, error);
    /** fn, made safe: what it throws or rejects with is reported. Hooks are plain functions (no `this`). */
    const safe =
      <A extends unknown[]>(phase: string, fn: (...args: A) => unknown) =>
      (...args: A): void => {
        try {
          (fn(...args) as Promise<unknown> | undefined)?.catch?.((e: unknown) => fail(phase, e));
        } catch (e) {
          fail(phase, e);
        }
      };
    let h: ExtraHooks = {};
    safe('start', () => {
      h =
        start({
          doc: win.document,
          win,
          browser,
          listen: (target, type, handler, options) => ctx.addEventListener(target, type, safe(type, handler), options),
          onInvalidated: (cb) => void ctx.onInvalidated(safe('invalidated', cb)),
          report: fail,
        }) ?? {};
    })();
    return { recognized: h.recognized && safe('recognized', h.recognized), delivered: h.delivered && safe('delivered', h.delivered) };
  };
}
