import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

export interface LiveSignal<T> {
  value: ReadonlySignal<T | undefined>;
  error: ReadonlySignal<unknown>;
  dispose(): void;
}

/**
 * A Dexie live query as a signal, for models: re-runs whenever the tables it read change, including writes made
 * by the service worker or by sync (same extension origin). Call dispose() when the screen goes away.
 */
export function liveSignal<T>(query: () => Promise<T>): LiveSignal<T> {
  const value = signal<T | undefined>(undefined);
  const error = signal<unknown>(null);
  const sub = liveQuery(query).subscribe({
    next: (v) => {
      value.value = v;
      error.value = null;
    },
    error: (e) => (error.value = e),
  });
  return { value, error, dispose: () => sub.unsubscribe() };
}
