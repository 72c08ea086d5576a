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
  /** Carnet ÷ raw of each interleaved pair (min, median, max): the spread a loaded machine gives. */
  ratios?: Spread & { n: number };
  /** The machine's load average (1, 5, 15 min) before and after the suite (os.loadavg(), read by scripts/bench.mjs). */
  load?: { before: number[]; after: number[] };
  /** The command that measures this figure again (scripts/bench.mjs fills it in when the suite does not). */
  command?: string;
}

export interface BenchSuite {
  name: string;
  run(log: (msg: string) => void): Promise<BenchRow[]>;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
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

export function spread(xs: number[]): Spread {
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
}

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/** Pairs to run: ?repeats=N (npm run bench -- --repeats=N), else the suite's default. */
export function repeats(fallback: number): number {
  const n = Number(new URLSearchParams(location.search).get('repeats'));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Runs the raw side and Carnet's side in turn — raw, Carnet, raw, Carnet… — each on a fresh database (the sides
 * set that up themselves, untimed), and returns their times in milliseconds. A machine that gets busier or
 * quieter during the run slows both sides of a pair alike, so the ratio of each pair stays meaningful where the
 * absolute times do not.
 */
export async function interleaved(
  pairs: number,
  raw: (pair: number) => Promise<number>,
  carnet: (pair: number) => Promise<number>,
  log?: (msg: string) => void,
): Promise<{ raw: number[]; carnet: number[] }> {
  const out = { raw: [] as number[], carnet: [] as number[] };
  for (let k = 0; k < pairs; k++) {
    out.raw.push(await raw(k));
    out.carnet.push(await carnet(k));
    log?.(
      `  pair ${k + 1}/${pairs}: raw ${out.raw[k]!.toFixed(0)} ms, Carnet ${out.carnet[k]!.toFixed(0)} ms (${(out.raw[k]! / out.carnet[k]!).toFixed(2)}× raw's rate)`,
    );
  }
  return out;
}

/**
 * A throughput row from interleaved pairs: records/s at the median time of each side, and the spread of the
 * per-pair ratio (Carnet's rate ÷ raw's rate = raw ms ÷ Carnet ms). The budget applies to the median ratio.
 */
export function rateRow(suite: string, metric: string, records: number, t: { raw: number[]; carnet: number[] }, minRatio: number): BenchRow {
  const ratios = t.raw.map((r, i) => r / t.carnet[i]!);
  const s = spread(ratios);
  return {
    suite,
    metric,
    unit: 'rec/s',
    carnet: (records / median(t.carnet)) * 1000,
    raw: (records / median(t.raw)) * 1000,
    budget: `≥ ${minRatio} × raw (median of pairs)`,
    pass: s.median >= minRatio,
    ratios: { ...s, n: ratios.length },
  };
}

/** Long tasks (> 50 ms of wall time, as Chromium reports them) on this thread while `watching` is on. */
export function longTaskObserver(): { tasks: number[]; starts: number[]; supported: boolean; stop(): void } {
  const tasks: number[] = [];
  const starts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push(e.duration);
      starts.push(e.startTime);
    }
  });
  let supported = true;
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    supported = false;
  }
  return { tasks, starts, supported, stop: () => observer.disconnect() };
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
