import { SUITES } from '../suites';
import type { BenchRow } from '../harness';

const logEl = document.getElementById('log')!;
const log = (msg: string) => {
  logEl.textContent += `${msg}\n`;
  console.log(`[bench] ${msg}`);
};

async function main() {
  const only = new URLSearchParams(location.search).get('suite');
  const rows: BenchRow[] = [];
  for (const suite of SUITES) {
    if (only && suite.name !== only) continue;
    log(`suite ${suite.name}…`);
    try {
      rows.push(...(await suite.run(log)));
    } catch (e) {
      log(`suite ${suite.name} failed: ${(e as Error).stack ?? e}`);
    }
  }
  (window as unknown as { __benchDone: BenchRow[] }).__benchDone = rows;
}
void main();
