import { describe, it, expect, afterEach, beforeEach, vi } from 'vitest';
import { render } from 'preact';
import { TabBar, TABS } from '../../../components/TabBar';
import { resetRouter, route } from '../../../lib/panel/router';
import { t } from '../../../lib/i18n';

/** happy-dom has no layout: each tab is 9 px per character plus padding, the bar is `barWidth` wide. */
let barWidth = 360;
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const width = (this.textContent ?? '').length * 9 + 16;
    return { width, height: 30, x: 0, y: 0, top: 0, left: 0, right: width, bottom: 30, toJSON: () => ({}) } as DOMRect;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('tabs') ? barWidth : 0;
  });
});

const tick = () => new Promise((r) => setTimeout(r, 30));
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('TabBar', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    vi.restoreAllMocks();
    barWidth = 360;
  });

  const barTabs = () => [...host.querySelectorAll<HTMLElement>('nav > .tab')].map((b) => b.dataset.tab);
  const more = () => host.querySelector<HTMLButtonElement>('[data-testid="tab-more"]');
  const items = () => [...host.querySelectorAll<HTMLElement>('[role="menuitem"]')];

  it('at 360 px puts the tabs that do not fit in a "More" menu: every view is reachable, by keyboard too', async () => {
    resetRouter();
    document.body.append(host);
    render(<TabBar />, host);
    await tick();
    const shown = barTabs();
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(TABS.length);
    expect(more()).not.toBeNull();
    expect(more()!.getAttribute('aria-haspopup')).toBe('menu');
    expect(more()!.getAttribute('aria-expanded')).toBe('false');

    // ↓ opens the menu on its first item; arrows move, End jumps, Escape closes and returns to the button.
    more()!.focus();
    key(more()!, 'ArrowDown');
    await tick();
    expect(more()!.getAttribute('aria-expanded')).toBe('true');
    const hidden = items().map((i) => i.dataset.tab);
    expect([...shown, ...hidden].sort()).toEqual(TABS.map((x) => x.name).sort());
    expect(document.activeElement).toBe(items()[0]);
    key(document.activeElement!, 'ArrowDown');
    await tick();
    expect(document.activeElement).toBe(items()[1]);
    key(document.activeElement!, 'End');
    await tick();
    expect(document.activeElement).toBe(items()[items().length - 1]);
    key(document.activeElement!, 'Escape');
    await tick();
    expect(items()).toHaveLength(0);
    expect(document.activeElement).toBe(more());

    // Choosing the last view opens it; its tab comes into the bar, marked current, and takes the focus.
    key(more()!, 'ArrowUp');
    await tick();
    const last = items()[items().length - 1]!;
    expect(document.activeElement).toBe(last);
    const name = last.dataset.tab!;
    last.click();
    await tick();
    expect(route.value.name).toBe(name);
    expect(barTabs()).toContain(name);
    const current = host.querySelector<HTMLElement>(`nav > .tab[data-tab="${name}"]`)!;
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(current);
    expect(items()).toHaveLength(0);

    // ← and → move along the bar (the "More" button included), wrapping.
    const bar = [...host.querySelectorAll<HTMLElement>('nav > .tab, nav > .tab-more > .tab')];
    bar[0]!.focus();
    key(bar[0]!, 'ArrowLeft');
    expect(document.activeElement).toBe(bar[bar.length - 1]);
    key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement).toBe(bar[0]);
  });

  it('shows every tab and no menu when the panel is wide enough', async () => {
    barWidth = 1200;
    resetRouter();
    document.body.append(host);
    render(<TabBar />, host);
    await tick();
    expect(barTabs()).toEqual(TABS.map((x) => x.name));
    expect(more()).toBeNull();
    expect(host.querySelector('[aria-current="page"]')!.textContent).toBe(t('nav.page'));
  });
});
