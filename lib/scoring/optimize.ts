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
export function minimizeMultiStart(f: (x: number[]) => number, starts: number[][], opts: NelderMeadOptions & { restarts?: number } = {}): MinimizeResult {
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

/**
 * BFGS with an Armijo backtracking line search, for smooth objectives with an analytic gradient.
 * `fg` returns the value and fills `grad`; non-finite values are treated as +∞ (the line search backs off).
 */
export function bfgs(
  fg: (x: number[], grad: number[]) => number,
  start: number[],
  opts: { maxIterations?: number; gradTolerance?: number } = {},
): MinimizeResult & { converged: boolean } {
  const n = start.length;
  let x = start.slice();
  let g = new Array<number>(n).fill(0);
  let fx = fg(x, g);
  let evaluations = 1;
  // inverse Hessian approximation, starts as identity
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const tol = opts.gradTolerance ?? 1e-9;
  let converged = false;
  for (let iter = 0; iter < (opts.maxIterations ?? 200); iter++) {
    if (Math.max(...g.map(Math.abs)) < tol) {
      converged = true;
      break;
    }
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j]!, 0));
    let slope = d.reduce((s, di, i) => s + di * g[i]!, 0);
    if (!(slope < 0)) {
      // not a descent direction: reset to steepest descent
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((gi) => -gi);
      slope = d.reduce((s, di, i) => s + di * g[i]!, 0);
    }
    let step = 1;
    const g2 = new Array<number>(n).fill(0);
    let x2 = x;
    let f2 = Infinity;
    for (let k = 0; k < 60; k++) {
      x2 = x.map((xi, i) => xi + step * d[i]!);
      f2 = fg(x2, g2);
      evaluations++;
      if (Number.isFinite(f2) && f2 <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(Number.isFinite(f2) && f2 <= fx + 1e-4 * step * slope)) break;
    const s = x2.map((v, i) => v - x[i]!);
    const y = g2.map((v, i) => v - g[i]!);
    const sy = s.reduce((acc, si, i) => acc + si * y[i]!, 0);
    const improved = fx - f2;
    x = x2;
    fx = f2;
    g = g2;
    if (sy > 1e-12) {
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j]!, 0));
      const yHy = y.reduce((acc, yi, i) => acc + yi * Hy[i]!, 0);
      H = H.map((row, i) => row.map((h, j) => h + ((sy + yHy) * s[i]! * s[j]!) / (sy * sy) - (Hy[i]! * s[j]! + s[i]! * Hy[j]!) / sy));
    }
    if (improved >= 0 && improved < 1e-15 * (1 + Math.abs(fx)) && Math.max(...g.map(Math.abs)) < 1e-6) {
      converged = true;
      break;
    }
  }
  return { x, fx, evaluations, converged };
}
