import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

export interface Live<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
}

export interface LiveOptions {
  /**
   * Start the query as soon as the component is in the DOM rather than after the next paint (Preact runs
   * effects after a frame, up to 16 ms later): for the reads a screen's first paint waits for.
   */
  eager?: boolean;
}

/**
 * Re-runs a Dexie query whenever the tables it read change — including writes made by the service worker,
 * which shares the extension origin's database.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], options: LiveOptions = {}): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: null, loading: true });
  // Chosen once per component: `eager` must not change between renders.
  const useStart = options.eager ? useLayoutEffect : useEffect;
  useStart(() => {
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null, loading: false }),
      error: (error) => setState({ value: undefined, error, loading: false }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}

/**
 * A Dexie liveQuery as signals, for screen models: re-runs whenever the tables it read change (writes from the
 * service worker and the import worker too), and whenever the signals `deps` reads change.
 */

export interface LiveSignal<T> {
  value: ReadonlySignal<T | undefined>;
  loading: ReadonlySignal<boolean>;
  error: ReadonlySignal<unknown>;
  dispose(): void;
}

export function liveSignal<D, T>(deps: () => D, query: (d: D) => Promise<T>): LiveSignal<T> {
  const value = signal<T | undefined>(undefined);
  const loading = signal(true);
  const error = signal<unknown>(null);
  const stop = effect(() => {
    const d = deps();
    return untracked(() => {
      loading.value = true;
      const sub = liveQuery(() => query(d)).subscribe({
        next: (v) => {
          value.value = v;
          error.value = null;
          loading.value = false;
        },
        error: (e) => {
          error.value = e;
          loading.value = false;
        },
      });
      return () => sub.unsubscribe();
    });
  });
  return { value, loading, error, dispose: stop };
}
