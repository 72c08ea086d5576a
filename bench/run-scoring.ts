import { benchScoring } from './scoring';

const n = Number(process.argv[2] ?? 10_000);
const r = benchScoring(n);
console.log(
  JSON.stringify(
    {
      ...r,
      times: r.times.map((x) => Math.round(x)),
      cpuMs: r.cpuMs.map((x) => Math.round(x)),
      warmStart: Math.round(r.warmStart),
      reuseModels: Math.round(r.reuseModels),
    },
    null,
    2,
  ),
);
