import { useState, useRef, useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

interface Props {
  count: number;
  rowHeight: number;
  /** Height of the scrolling viewport in px. */
  height: number;
  overscan?: number;
  renderRow: (index: number) => ComponentChildren;
  onRange?: (first: number, last: number) => void;
  label: string;
  testId?: string;
}

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Fixed-height windowing (Preact 11 does not add 'px' to numeric styles, hence the strings): only the rows in view (plus overscan) are in the DOM, so a 10 000-row list costs
 * the same as a 30-row one. Rows are listitems inside a list, positioned absolutely; aria-setsize/aria-posinset
 * tell screen readers the whole list's size and each row's place. Arrow keys, Page Up/Down, Home and End move
 * the focus from row to row, scrolling rows that are not rendered yet into the window.
 */
export function VirtualList({ count, rowHeight, height, overscan = 6, renderRow, onRange, label, testId }: Props) {
  const [top, setTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const viewport = Math.min(height, count * rowHeight);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + height) / rowHeight) + overscan);
  useEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count]);
  useEffect(() => {
    // A shorter list (a filter) must not leave the viewport scrolled past its end.
    if (ref.current && top > count * rowHeight) ref.current.scrollTop = 0;
  }, [count]);

  const focusPending = () => {
    const i = pendingFocus.current;
    const row = i == null ? null : ref.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (!row) return;
    (row.querySelector<HTMLElement>(FOCUSABLE) ?? row).focus({ preventScroll: true });
    pendingFocus.current = null;
  };
  useEffect(focusPending);

  const focusRow = (i: number) => {
    const el = ref.current;
    if (!el) return;
    const y = i * rowHeight;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + rowHeight > el.scrollTop + viewport) el.scrollTop = y + rowHeight - viewport;
    setTop(el.scrollTop);
    pendingFocus.current = i;
    focusPending(); // at once when the row is rendered (overscan), else after the next render
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const el = ref.current;
    if (!el || count === 0) return;
    const current = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const i = current ? Number(current.dataset.index) : -1;
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const next =
      e.key === 'ArrowDown'
        ? i + 1
        : e.key === 'ArrowUp'
          ? i - 1
          : e.key === 'PageDown'
            ? i + page
            : e.key === 'PageUp'
              ? i - page
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? count - 1
                  : null;
    if (next === null) return;
    e.preventDefault();
    // From the list itself (no row focused yet), the first key lands on the first row in view.
    focusRow(i < 0 ? Math.min(count - 1, Math.ceil(el.scrollTop / rowHeight)) : Math.max(0, Math.min(count - 1, next)));
  };

  const rows = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div
        role="listitem"
        class="vrow"
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        key={i}
        data-index={i}
        tabIndex={-1}
        aria-setsize={count}
        aria-posinset={i + 1}
      >
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      class="vlist"
      style={{ height: `${viewport || rowHeight}px` }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div role="list" aria-label={label} style={{ height: `${count * rowHeight}px`, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
