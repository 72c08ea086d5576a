import { SUITES } from '../suites';
import type { BenchRow } from '../harness';

const logEl = document.getElementById('log')!;
const log = (msg: string) => {
  logEl.textContent += `${msg}\n`;
  console.log(`[bench] ${msg}`);
};

/** The machine's load average, from scripts/bench.mjs (Node's os.loadavg()); null when the page runs alone. */
const loadavg = async (): Promise<number[] | null> => (await (window as { __benchLoad?: () => Promise<number[]> }).__benchLoad?.()) ?? null;

async function main() {
  const only = new URLSearchParams(location.search).get('suite');
  const rows: BenchRow[] = [];
  for (const suite of SUITES) {
    if (only && suite.name !== only) continue;
    const before = await loadavg();
    log(`suite ${suite.name}… (load average ${before?.map((x) => x.toFixed(2)).join(' ') ?? '?'})`);
    try {
      const got = await suite.run(log);
      const after = await loadavg();
      for (const r of got) if (before && after) r.load = { before, after };
      rows.push(...got);
    } catch (e) {
      log(`suite ${suite.name} failed: ${(e as Error).stack ?? e}`);
    }
  }
  (window as unknown as { __benchDone: BenchRow[] }).__benchDone = rows;
}
void main();
