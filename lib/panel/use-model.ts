import { useEffect, useMemo } from 'preact/hooks';

/** Creates a screen's model once per mount (and again when keys change), disposing the previous one. */
export function useModel<M extends { dispose(): void }>(create: () => M, keys: unknown[] = []): M {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(create, keys);
  useEffect(() => () => model.dispose(), [model]);
  return model;
}
