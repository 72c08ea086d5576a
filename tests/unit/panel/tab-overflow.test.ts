import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitTabs, moveFocus } from '../../../lib/panel/view/tab-overflow';
import { routeFromSearch } from '../../../lib/panel/router';

const span = (widths: number[], ids: number[], gap: number, more: number) =>
  ids.reduce((s, i) => s + widths[i]!, 0) + gap * Math.max(0, ids.length - 1) + (more ? gap + more : 0);

describe('fitTabs', () => {
  // The seven tabs' widths in French at 14 px (measured in Chromium), and the "Plus ▾" button.
  const fr = [84, 78, 62, 124, 74, 120, 78];
  it('at 360 px, the tabs that do not fit go in the menu and nothing is cut', () => {
    const fit = fitTabs(fr, 344, 58, 3, 0);
    expect(fit.shown).toEqual([0, 1, 2]);
    expect(fit.overflow).toEqual([3, 4, 5, 6]);
    expect(span(fr, fit.shown, 3, 58)).toBeLessThanOrEqual(344);
  });

  it('keeps the current tab in the bar, in its place', () => {
    const fit = fitTabs(fr, 344, 58, 3, 6);
    expect(fit.shown).toContain(6);
    expect(fit.shown).toEqual([...fit.shown].sort((a, b) => a - b));
    expect(fit.overflow).not.toContain(6);
    expect(span(fr, fit.shown, 3, 58)).toBeLessThanOrEqual(344);
  });

  it('shows every tab, and no menu, when they all fit', () => {
    expect(fitTabs(fr, 1280, 58, 3, 2)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6], overflow: [] });
    // Before the first measure (width unknown) nothing is hidden.
    expect(fitTabs(fr, 0, 58, 3, 2).overflow).toEqual([]);
  });

  it('for any widths, width and current tab: every tab is in exactly one place, in order, the current one shown, and the bar fits unless only the current tab is left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 8 }),
        fc.nat(),
        (widths, available, more, gap, sel) => {
          const selected = sel % widths.length;
          const { shown, overflow } = fitTabs(widths, available, more, gap, selected);
          expect([...shown, ...overflow].sort((a, b) => a - b)).toEqual(widths.map((_, i) => i));
          expect(shown).toEqual([...shown].sort((a, b) => a - b));
          expect(overflow).toEqual([...overflow].sort((a, b) => a - b));
          expect(shown).toContain(selected);
          if (shown.length > 1) expect(span(widths, shown, gap, overflow.length ? more : 0)).toBeLessThanOrEqual(available);
        },
      ),
    );
  });
});

describe('moveFocus', () => {
  it('wraps with the arrows of its axis and jumps with Home and End', () => {
    expect(moveFocus(0, 'ArrowDown', 3, 'vertical')).toBe(1);
    expect(moveFocus(2, 'ArrowDown', 3, 'vertical')).toBe(0);
    expect(moveFocus(0, 'ArrowUp', 3, 'vertical')).toBe(2);
    expect(moveFocus(1, 'ArrowRight', 3, 'horizontal')).toBe(2);
    expect(moveFocus(0, 'ArrowLeft', 3, 'horizontal')).toBe(2);
    expect(moveFocus(1, 'Home', 3, 'vertical')).toBe(0);
    expect(moveFocus(1, 'End', 3, 'horizontal')).toBe(2);
    expect(moveFocus(1, 'ArrowRight', 3, 'vertical')).toBeNull();
    expect(moveFocus(1, 'a', 3, 'vertical')).toBeNull();
    expect(moveFocus(0, 'ArrowDown', 0, 'vertical')).toBeNull();
  });
});

describe('routeFromSearch', () => {
  it('opens the named top-level view, and "This page" for anything else', () => {
    expect(routeFromSearch('?view=welcome')).toEqual({ name: 'welcome' });
    expect(routeFromSearch('?view=import')).toEqual({ name: 'import' });
    expect(routeFromSearch('?demo=200')).toEqual({ name: 'page' });
    expect(routeFromSearch('?view=contact')).toEqual({ name: 'page' });
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = routeFromSearch(`?view=${encodeURIComponent(s)}`);
        expect(['page', 'portfolio', 'tasks', 'dashboard', 'settings', 'import', 'privacy', 'welcome']).toContain(r.name);
        expect(Object.keys(r)).toEqual(['name']);
      }),
    );
  });
});
