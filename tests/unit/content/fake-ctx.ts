import type { ObserverContext } from '../../../lib/content/observe';

/** A ContentScriptContext stand-in: listeners really attached, and removed by invalidate(). */
export function fakeCtx() {
  const listeners: { target: EventTarget; type: string; handler: (e: Event) => void }[] = [];
  const invalidated: (() => void)[] = [];
  const ctx: ObserverContext & { valid: boolean; invalidate(): void } = {
    valid: true,
    get isValid() {
      return this.valid;
    },
    addEventListener(target, type, handler, options) {
      target.addEventListener(type, handler, options);
      listeners.push({ target, type, handler });
    },
    onInvalidated(cb) {
      invalidated.push(cb);
      return () => {};
    },
    invalidate() {
      this.valid = false;
      for (const l of listeners) l.target.removeEventListener(l.type, l.handler);
      for (const cb of invalidated) cb();
    },
  };
  return ctx;
}
