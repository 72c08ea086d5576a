/**
 * Delay before the next attempt after `failures` failures in a row: exponential, capped, with "equal jitter"
 * (half fixed, half random) so many devices that failed together do not retry together. A server's Retry-After
 * is a floor.
 */
export function backoffDelay(
  failures: number,
  {
    baseMs = 5_000,
    maxMs = 15 * 60_000,
    retryAfterMs = 0,
    random = Math.random,
  }: { baseMs?: number; maxMs?: number; retryAfterMs?: number; random?: () => number } = {},
): number {
  if (failures <= 0) return retryAfterMs;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  const delay = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(delay, retryAfterMs);
}
