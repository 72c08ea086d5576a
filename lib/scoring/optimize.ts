/** Derivative-free minimisation (Nelder–Mead) with restarts; deterministic for a given start. */

export interface MinimizeResult {
  x: number[];
  fx: number;
  evaluations: number;
}

export interface NelderMeadOptions {
  maxEvaluations?: number;
  /** Stop when the simplex's function values differ by less than this. */
  fTolerance?: number;
  xTolerance?: number;
  initialStep?: number;
}

export function nelderMead(f: (x: number[]) => number, start: number[], opts: NelderMeadOptions = {}): MinimizeResult {
  const n = start.length;
  const maxEval = opts.maxEvaluations ?? 4000;
  const fTol = opts.fTolerance ?? 1e-10;
  const xTol = opts.xTolerance ?? 1e-8;
  const step = opts.initialStep ?? 0.5;
  let evaluations = 0;
  const fx = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = p[i]! + step;
    simplex.push(p);
  }
  let values = simplex.map(fx);
  while (evaluations < maxEval) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const s = order.map((i) => simplex[i]!);
    const v = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...s);
    values = v;
    const best = values[0]!;
    const worst = values[n]!;
    let size = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(simplex[i]![j]! - simplex[0]![j]!));
    if (Math.abs(worst - best) <= fTol * (1 + Math.abs(best)) && size <= xTol) break;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const worstPt = simplex[n]!;
    const along = (t: number) => centroid.map((c, j) => c + t * (c - worstPt[j]!));
    const xr = along(1);
    const fr = fx(xr);
    if (fr < best) {
      const xe = along(2);
      const fe = fx(xe);
      if (fe < fr) [simplex[n], values[n]] = [xe, fe];
      else [simplex[n], values[n]] = [xr, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [xr, fr];
    } else {
      const outside = fr < worst;
      const xc = along(outside ? 0.5 : -0.5);
      const fc = fx(xc);
      if (fc < (outside ? fr : worst)) {
        [simplex[n], values[n]] = [xc, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((x, j) => simplex[0]![j]! + 0.5 * (x - simplex[0]![j]!));
          values[i] = fx(simplex[i]!);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[bi]!) bi = i;
  return { x: simplex[bi]!, fx: values[bi]!, evaluations };
}

/** Nelder–Mead from several starts, each restarted from its best point until it stops improving; returns the best. */
export function minimizeMultiStart(
  f: (x: number[]) => number,
  starts: number[][],
  opts: NelderMeadOptions & { restarts?: number } = {},
): MinimizeResult {
  let best: MinimizeResult | null = null;
  let evaluations = 0;
  for (const start of starts) {
    let res = nelderMead(f, start, opts);
    evaluations += res.evaluations;
    for (let k = 0; k < (opts.restarts ?? 3); k++) {
      const again = nelderMead(f, res.x, { ...opts, initialStep: 0.1 });
      evaluations += again.evaluations;
      const improved = res.fx - again.fx;
      if (again.fx < res.fx) res = again;
      if (!(improved > 1e-9)) break;
    }
    if (!best || res.fx < best.fx) best = res;
  }
  return { ...best!, evaluations };
}
