import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, lang, type MessageKey } from '@/lib/i18n';
import { route, currentTab, goTo, type TopLevel } from '@/lib/panel/router';
import { fitTabs, moveFocus } from '@/lib/panel/view/tab-overflow';
import './tabbar.css';

export const TABS: { name: TopLevel; label: MessageKey }[] = [
  { name: 'page', label: 'nav.page' },
  { name: 'portfolio', label: 'nav.portfolio' },
  { name: 'tasks', label: 'nav.tasks' },
  { name: 'templates', label: 'nav.templates' },
  { name: 'lifecycle', label: 'nav.lifecycle' },
  { name: 'dashboard', label: 'nav.dashboard' },
  { name: 'agency', label: 'nav.agency' },
  { name: 'import', label: 'nav.import' },
  { name: 'privacy', label: 'nav.privacy' },
  { name: 'settings', label: 'nav.settings' },
];

const GAP = 3;

/**
 * The view switcher. Tabs that do not fit the panel's width go in a "More" menu (a menu button: Enter, Space
 * or ↓ opens it, arrows move, Escape closes and returns focus); the current view's tab always stays in the bar.
 * Widths are measured from a hidden copy of every tab, again when the language or the panel's width changes.
 */
export function TabBar() {
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [layout, setLayout] = useState<{ widths: number[]; more: number; available: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [focusAt, setFocusAt] = useState(0);
  const l = lang.value;

  useLayoutEffect(() => {
    const read = () => {
      const m = measure.current;
      const n = nav.current;
      if (!m || !n) return;
      const items = [...m.children] as HTMLElement[];
      const style = getComputedStyle(n);
      const available = n.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
      const widths = items.slice(0, TABS.length).map((el) => Math.ceil(el.getBoundingClientRect().width));
      const more = Math.ceil(items[TABS.length]?.getBoundingClientRect().width ?? 0);
      setLayout((prev) =>
        prev && prev.available === available && prev.more === more && prev.widths.every((w, i) => w === widths[i]) ? prev : { widths, more, available },
      );
    };
    read();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    if (nav.current) ro?.observe(nav.current);
    return () => ro?.disconnect();
  }, [l]);

  const selected = TABS.findIndex((tab) => tab.name === currentTab.value);
  const fit = layout ? fitTabs(layout.widths, layout.available, layout.more, GAP, selected) : { shown: TABS.map((_, i) => i), overflow: [] };
  const overflow = fit.overflow.map((i) => TABS[i]!);
  const overflowCurrent = overflow.some((tab) => tab.name === currentTab.value);

  // Focus follows the menu's active item while it is open.
  useLayoutEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focusAt]?.focus();
  }, [open, focusAt]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) moreButton.current?.focus();
  };
  const choose = (name: TopLevel) => {
    setOpen(false);
    goTo(name);
    // The chosen tab is now in the bar (the current one always is): focus it there.
    requestAnimationFrame(() => nav.current?.querySelector<HTMLElement>(`[data-tab="${name}"]`)?.focus());
  };
  const openMenu = (at: number) => {
    setFocusAt(at);
    setOpen(true);
  };
  const onMoreKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowUp' ? overflow.length - 1 : 0);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key === 'Tab') {
      close(false);
      return;
    }
    const next = moveFocus(focusAt, e.key, overflow.length, 'vertical');
    if (next != null) {
      e.preventDefault();
      setFocusAt(next);
    }
  };
  // Left and right arrows move between the bar's buttons too (Tab still visits each one).
  const onBarKey = (e: KeyboardEvent) => {
    const buttons = [...(nav.current?.querySelectorAll<HTMLElement>(':scope > .tab, :scope > .tab-more > .tab') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = moveFocus(at, e.key, buttons.length, 'horizontal');
    if (next != null) {
      e.preventDefault();
      buttons[next]!.focus();
    }
  };

  const current = (name: TopLevel) => (route.value.name === name ? 'page' : currentTab.value === name ? 'true' : undefined);
  return (
    <nav class="tabs" ref={nav} aria-label={t('nav.label')} onKeyDown={onBarKey} data-testid="tab-bar">
      {fit.shown.map((i) => {
        const tab = TABS[i]!;
        return (
          <button type="button" class="tab" data-tab={tab.name} aria-current={current(tab.name)} onClick={() => goTo(tab.name)}>
            {t(tab.label)}
          </button>
        );
      })}
      {overflow.length > 0 && (
        <div class="tab-more" onFocusOut={(e) => open && !e.currentTarget.contains(e.relatedTarget as Node | null) && close(false)}>
          <button
            type="button"
            class="tab"
            ref={moreButton}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls="tab-more-menu"
            onClick={() => (open ? close(false) : openMenu(0))}
            onKeyDown={onMoreKey}
            data-testid="tab-more"
            data-current={overflowCurrent || undefined}
          >
            {t('nav.more')} <span aria-hidden="true">▾</span>
          </button>
          {open && (
            <ul class="tab-menu" id="tab-more-menu" role="menu" aria-label={t('nav.more')} ref={menu} onKeyDown={onMenuKey}>
              {overflow.map((tab, k) => (
                <li role="none">
                  <button type="button" role="menuitem" tabIndex={k === focusAt ? 0 : -1} data-tab={tab.name} onClick={() => choose(tab.name)}>
                    {t(tab.label)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="tabs-measure" ref={measure} aria-hidden="true">
        {TABS.map((tab) => (
          <span class="tab">{t(tab.label)}</span>
        ))}
        <span class="tab">
          {t('nav.more')} <span>▾</span>
        </span>
      </div>
    </nav>
  );
}
