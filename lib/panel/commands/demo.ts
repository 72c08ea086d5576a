export const DEMO_ACCOUNTS = 200;

/** The generator is loaded on demand: it is not part of the panel's start-up code. */
export async function loadDemoPortfolio(onProgress?: (done: number, total: number) => void, accounts = DEMO_ACCOUNTS) {
  const { loadDemo, DEFAULT_DEMO_SEED } = await import('../../demo');
  return loadDemo({
    accounts,
    seed: DEFAULT_DEMO_SEED,
    now: new Date(),
    onProgress: onProgress && ((p) => onProgress(p.accountsDone, p.accountsTotal)),
  });
}

/** `sidepanel.html?demo=200` loads the demo portfolio into an empty database (`npm start` uses it). */
export async function autoLoadDemoFromUrl(search: string): Promise<void> {
  const n = Number(new URLSearchParams(search).get('demo'));
  if (!Number.isInteger(n) || n <= 0) return;
  const { hasData } = await import('../../demo');
  if (await hasData()) return;
  await loadDemoPortfolio(undefined, Math.min(n, 100_000));
}
