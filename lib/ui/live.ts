import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export interface Live<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Re-runs a Dexie query whenever the tables it read change — including writes made by the service worker,
 * which shares the extension origin's database.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: null, loading: true });
  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null, loading: false }),
      error: (error) => setState({ value: undefined, error, loading: false }),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
