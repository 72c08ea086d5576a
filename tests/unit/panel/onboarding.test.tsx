import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'preact';
import { insert } from '../../../lib/db';
import { en, fr } from '../../../lib/i18n/catalog';
import { PageView } from '../../../components/PageView';
import { EmptyState } from '../../../components/EmptyState';
import { resetRouter, route } from '../../../lib/panel/router';
import { tabState } from '../../../lib/panel/active-tab';
import { openWelcomeOnInstall, WELCOME_PATH } from '../../../lib/background/welcome';

async function until(check: () => boolean, ms = 20_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('first minutes', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    tabState.value = null;
  });
  const q = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('an empty Carnet greets the user on "This page" with what it does and three working ways to start', async () => {
    resetRouter();
    document.body.append(host);
    render(<PageView />, host);
    await until(() => !!q('welcome'));
    expect(host.textContent).toContain(en['welcome.reads']);
    expect(host.textContent).toContain(en['welcome.data']);
    for (const id of ['load-demo', 'start-import', 'start-server']) expect(q(id)?.tagName).toBe('BUTTON');
    q('start-import')!.click();
    expect(route.value.name).toBe('import');
    q('start-server')!.click();
    expect(route.value.name).toBe('settings');
  });

  it('the welcome leaves "This page" once Carnet holds a record', async () => {
    resetRouter();
    document.body.append(host);
    render(<PageView />, host);
    await until(() => !!q('welcome'));
    await insert('accounts', { name: 'Acme' });
    await until(() => !q('welcome'));
    expect(host.textContent).toContain(en['page.unsupported']);
  });

  it('"Explore the demo" loads the demo portfolio with progress, then opens it', async () => {
    resetRouter();
    document.body.append(host);
    render(<PageView />, host);
    await until(() => !!q('load-demo'));
    q('load-demo')!.click();
    await until(() => !!host.querySelector('[role="status"] progress'));
    await until(() => route.value.name === 'portfolio', 60_000);
  }, 90_000);

  it('the empty portfolio links to the import that exists now (no "when it is available")', async () => {
    resetRouter({ name: 'portfolio' });
    document.body.append(host);
    render(<EmptyState />, host);
    for (const text of [...Object.values(en), ...Object.values(fr)]) expect(text).not.toMatch(/when it is available|dès qu’il est disponible/);
    expect(host.textContent).not.toMatch(/when it is available/);
    q('start-import')!.click();
    expect(route.value.name).toBe('import');
    q('start-server')!.click();
    expect(route.value.name).toBe('settings');
  });
});

describe('welcome at install', () => {
  const deps = () => {
    const opened: { url: string; active: boolean }[] = [];
    return { opened, getURL: (p: string) => `chrome-extension://abc${p}`, createTab: async (p: { url: string; active: boolean }) => void opened.push(p) };
  };
  it('a first install opens the welcome view in a tab; updates and browser updates do not', async () => {
    const d = deps();
    expect(await openWelcomeOnInstall({ reason: 'install' }, d)).toBe(true);
    expect(d.opened).toEqual([{ url: `chrome-extension://abc${WELCOME_PATH}`, active: true }]);
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update']) expect(await openWelcomeOnInstall({ reason }, d)).toBe(false);
    expect(d.opened).toHaveLength(1);
    expect(WELCOME_PATH).toBe('/sidepanel.html?view=welcome');
  });
});
