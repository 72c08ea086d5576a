/**
 * Which of the panel's top-level tabs fit in the tab bar and which go in its "More" menu (the "priority+"
 * pattern): at Chrome's default side-panel width (360 px) seven tabs do not fit, and a cut tab is unreachable.
 */
export interface TabFit {
  /** Indexes shown in the bar, in their order. */
  shown: number[];
  /** Indexes in the "More" menu, in their order. */
  overflow: number[];
}

/**
 * @param widths    each tab's width (px), in order
 * @param available the bar's inner width
 * @param moreWidth the "More" button's width
 * @param gap       the space between two items
 * @param selected  the current tab's index: it always stays in the bar, so where you are is always visible
 */
export function fitTabs(widths: readonly number[], available: number, moreWidth: number, gap: number, selected: number): TabFit {
  const all = widths.map((_, i) => i);
  const span = (ids: number[], extra = 0) => ids.reduce((s, i) => s + widths[i]!, 0) + gap * Math.max(0, ids.length - 1 + extra) + (extra ? moreWidth : 0);
  if (!(available > 0) || span(all) <= available) return { shown: all, overflow: [] };
  const shown: number[] = [];
  for (const i of all) {
    if (span([...shown, i], 1) > available) break;
    shown.push(i);
  }
  if (selected >= 0 && selected < widths.length && !shown.includes(selected)) {
    // Make room for the current tab by moving the last shown ones to the menu.
    while (shown.length && span([...shown, selected], 1) > available) shown.pop();
    shown.push(selected);
    shown.sort((a, b) => a - b);
  }
  return { shown, overflow: all.filter((i) => !shown.includes(i)) };
}

/** Focus movement in a menu (and along the tab bar): arrows wrap, Home and End jump. Null: not a moving key. */
export function moveFocus(index: number, key: string, count: number, axis: 'vertical' | 'horizontal'): number | null {
  if (count === 0) return null;
  const next = axis === 'vertical' ? 'ArrowDown' : 'ArrowRight';
  const prev = axis === 'vertical' ? 'ArrowUp' : 'ArrowLeft';
  if (key === next) return index < 0 ? 0 : (index + 1) % count;
  if (key === prev) return index <= 0 ? count - 1 : index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
