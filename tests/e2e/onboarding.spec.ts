import type { Page } from '@playwright/test';
import { test, expect, launchWithExtension, isWelcomeUrl, readTable } from './extension';

test('the first install opens a short welcome; its demo button, reached by keyboard, fills the portfolio', async () => {
  const { context } = await launchWithExtension({ keepWelcome: true });
  try {
    const welcome = context.pages().find((p) => isWelcomeUrl(p.url())) ?? (await context.waitForEvent('page', { predicate: (p) => isWelcomeUrl(p.url()) }));
    const view = welcome.getByTestId('welcome');
    await expect(view.getByRole('heading', { name: /Welcome to Carnet|Bienvenue dans Carnet/ })).toBeVisible();
    await expect(view).toContainText(/Gmail, Outlook, LinkedIn, Zendesk (and|et) Freshdesk/);
    await expect(view).toContainText(/In this browser, on this device|Dans ce navigateur, sur cet appareil/);
    await expect(view.getByTestId('open-side-panel')).toBeVisible();
    // Keyboard only: Tab until the demo button has the focus, then Enter.
    const demo = view.getByTestId('load-demo');
    for (let i = 0; i < 40 && !(await demo.evaluate((el) => el === document.activeElement)); i++) await welcome.keyboard.press('Tab');
    await expect(demo).toBeFocused();
    await welcome.keyboard.press('Enter');
    await expect(welcome.getByTestId('account-list')).toBeVisible({ timeout: 60_000 });
    expect((await readTable(welcome, 'accounts', 500)).length).toBeGreaterThanOrEqual(50);
  } finally {
    await context.close();
  }
});

test('"Open the side panel" on the welcome opens Carnet’s real side panel', async () => {
  const { context, sw } = await launchWithExtension({ keepWelcome: true });
  try {
    const welcome = context.pages().find((p) => isWelcomeUrl(p.url())) ?? (await context.waitForEvent('page', { predicate: (p) => isWelcomeUrl(p.url()) }));
    const sidePanels = () => sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
    expect(await sidePanels()).toBe(0);
    await welcome.getByTestId('open-side-panel').click();
    await expect.poll(sidePanels).toBe(1);
  } finally {
    await context.close();
  }
});

test('a first open greets on "This page" with the three ways to start, each working', async ({ panel }) => {
  const welcome = panel.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await welcome.getByTestId('start-import').click();
  await expect(panel.getByTestId('import-view')).toBeVisible();
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await welcome.getByTestId('start-server').click();
  await expect(panel.getByTestId('sync-url')).toBeFocused();
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await welcome.getByTestId('load-demo').click();
  await expect(panel.getByTestId('account-list')).toBeVisible({ timeout: 60_000 });
  // Now that Carnet holds data, "This page" no longer greets.
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByText(/Open an email|Ouvrez un e-mail|Carnet reads|Carnet lit/)).toBeVisible();
  await expect(panel.getByTestId('welcome')).toHaveCount(0);
});

test('the empty portfolio links to Import', async ({ panel }) => {
  await panel.getByRole('button', { name: /^(Accounts|Comptes)$/ }).click();
  await expect(panel.getByText(/when it is available|dès qu’il est disponible/)).toHaveCount(0);
  await panel.locator('.empty-state').getByTestId('start-import').click();
  await expect(panel.getByTestId('import-view')).toBeVisible();
});

/** Every tab of the bar lies inside the panel; the others are in the "More" menu. Returns the names of both. */
async function tabsAt360(panel: Page) {
  // The bar re-fits from a ResizeObserver, which runs before the next paint: wait for that frame, not for time.
  await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const layout = await panel.evaluate(() => {
    const nav = document.querySelector<HTMLElement>('[data-testid="tab-bar"]')!;
    const box = nav.getBoundingClientRect();
    const bar = [...nav.querySelectorAll<HTMLElement>(':scope > .tab, :scope > .tab-more > .tab')].map((b) => {
      const r = b.getBoundingClientRect();
      return { tab: b.dataset.tab ?? 'more', left: r.left, right: r.right, visible: r.width > 0 && getComputedStyle(b).visibility === 'visible' };
    });
    return { navLeft: box.left, navRight: box.right, pageScrolls: document.documentElement.scrollWidth > innerWidth, bar };
  });
  expect(layout.pageScrolls).toBe(false);
  for (const b of layout.bar) {
    expect(b.visible, b.tab).toBe(true);
    expect(b.left, b.tab).toBeGreaterThanOrEqual(layout.navLeft - 0.5);
    expect(b.right, b.tab).toBeLessThanOrEqual(layout.navRight + 0.5);
  }
  const shown = layout.bar.map((b) => b.tab).filter((t) => t !== 'more');
  let inMenu: string[] = [];
  if (layout.bar.some((b) => b.tab === 'more')) {
    await panel.getByTestId('tab-more').click();
    inMenu = await panel.getByRole('menuitem').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.tab!));
    await panel.keyboard.press('Escape');
  }
  return { shown, inMenu };
}

const ALL = ['page', 'portfolio', 'tasks', 'templates', 'lifecycle', 'dashboard', 'agency', 'import', 'privacy', 'settings'];

test('at Chrome’s default side-panel width (360 px) every view is reachable, by keyboard too, in English and French', async ({ panel }) => {
  await panel.setViewportSize({ width: 360, height: 720 });
  for (const language of ['en', 'fr']) {
    const { shown, inMenu } = await tabsAt360(panel);
    expect([...shown, ...inMenu].sort(), language).toEqual([...ALL].sort());
    expect(inMenu.length, language).toBeGreaterThan(0);

    // By keyboard: → along the bar to "More", ↓ opens it, ↓ to the second item, Enter opens that view.
    await panel.locator('[data-testid="tab-bar"] > .tab').first().focus();
    for (let i = 0; i < shown.length; i++) await panel.keyboard.press('ArrowRight');
    await expect(panel.getByTestId('tab-more')).toBeFocused();
    await panel.keyboard.press('ArrowDown');
    await expect(panel.getByRole('menuitem').first()).toBeFocused();
    await panel.keyboard.press('ArrowDown');
    const target = await panel.getByRole('menuitem').nth(1).getAttribute('data-tab');
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('menu')).toHaveCount(0);
    const current = panel.locator(`[data-testid="tab-bar"] > .tab[data-tab="${target}"]`);
    await expect(current).toHaveAttribute('aria-current', 'page');
    await expect(current).toBeFocused();
    // The chosen view's tab came into the bar, still without cutting any.
    const after = await tabsAt360(panel);
    expect([...after.shown, ...after.inMenu].sort()).toEqual([...ALL].sort());

    // Escape closes the menu and gives the focus back to "More".
    await panel.getByTestId('tab-more').focus();
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('menu')).toBeVisible();
    await panel.keyboard.press('Escape');
    await expect(panel.getByRole('menu')).toHaveCount(0);
    await expect(panel.getByTestId('tab-more')).toBeFocused();

    if (language === 'en') {
      // Settings, wherever it is, then French.
      const settings = panel.locator('[data-testid="tab-bar"] > .tab[data-tab="settings"]');
      if (!(await settings.count())) {
        await panel.getByTestId('tab-more').click();
        await panel.getByRole('menuitem', { name: 'Settings' }).click();
      } else await settings.click();
      await panel.getByTestId('language').selectOption('fr');
      await expect(panel.locator('[data-testid="tab-bar"] > .tab[data-tab="page"]')).toHaveText('Cette page');
    }
  }
});
