/**
 * A Dexie liveQuery as signals, for screen models: re-runs whenever the tables it read change (writes from the
 * service worker and the import worker too), and whenever the signals `deps` reads change.
 */
import { effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

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
