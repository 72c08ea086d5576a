import { getDemoMarker, clearPortfolioTables, hasLiveData } from '../../db/maintenance';

/** The demo marker when demo data is loaded (its size), else null. */
export async function demoPresent() {
  return (await getDemoMarker()) ?? null;
}

/** "Remove demo data": empties every portfolio table (the UI confirms first). */
export function removeAllData(): Promise<void> {
  return clearPortfolioTables();
}

/** Whether Carnet holds no live record yet (a first run, or after "remove all data"): "This page" greets then. */
export async function portfolioIsEmpty(): Promise<boolean> {
  return !(await hasLiveData());
}
