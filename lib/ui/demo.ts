import { loadDemo, hasData } from '../demo';

export const DEMO_ACCOUNTS = 200;
export const DEMO_SEED = 42;

export async function loadDemoPortfolio(onProgress?: (done: number, total: number) => void, accounts = DEMO_ACCOUNTS) {
  return loadDemo({ accounts, seed: DEMO_SEED, now: new Date(), onProgress });
}

/** `sidepanel.html?demo=200` loads the demo portfolio into an empty database (`npm start` uses it). */
export async function autoLoadDemoFromUrl(search: string): Promise<void> {
  const n = Number(new URLSearchParams(search).get('demo'));
  if (!Number.isInteger(n) || n <= 0) return;
  if (await hasData()) return;
  await loadDemoPortfolio(undefined, Math.min(n, 100_000));
}
