export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Milliseconds since epoch of an ISO date or date-time (or already ms); NaN when absent or unparsable. */
export function ms(iso: string | number | null | undefined): number {
  if (typeof iso === 'number') return iso;
  return iso ? Date.parse(iso) : NaN;
}

export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}
