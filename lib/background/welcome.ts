/** The welcome the first install opens: the panel app in a tab, on its welcome view (see lib/panel/router). */
export const WELCOME_PATH = '/sidepanel.html?view=welcome';

export interface WelcomeDeps {
  getURL(path: string): string;
  createTab(props: { url: string; active: boolean }): Promise<unknown>;
}

/** runtime.onInstalled: a first install opens the welcome; updates, browser updates and reloads do not. */
export async function openWelcomeOnInstall(details: { reason: string; temporary?: boolean }, deps: WelcomeDeps): Promise<boolean> {
  if (details.reason !== 'install') return false;
  await deps.createTab({ url: deps.getURL(WELCOME_PATH), active: true });
  return true;
}
