/** One measured figure: Carnet's path beside the physical limit measured in the same run. */
export interface BenchRow {
  suite: string;
  metric: string;
  unit: string;
  carnet: number;
  /** The same work done on the raw engine (IndexedDB, PostgreSQL), or null when there is no such baseline. */
  raw: number | null;
  /** Human-readable budget, e.g. "≤ 2 ms" or "≥ 0.7 × raw". */
  budget: string;
  pass: boolean;
}

export interface BenchSuite {
  name: string;
  run(log: (msg: string) => void): Promise<BenchRow[]>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/** Runs fn with the CPU profiler on when the bench runs with --profile (written to bench/profile-<name>.cpuprofile). */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const hook = (globalThis as { __benchProfile?: (what: 'start' | 'stop', name: string) => Promise<void> }).__benchProfile;
  await hook?.('start', name);
  try {
    return await fn();
  } finally {
    await hook?.('stop', name);
  }
}
