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

/**
 * Fixed-height windowing (Preact 11 does not add 'px' to numeric styles, hence the strings): only the rows in view (plus overscan) are in the DOM, so a 10 000-row list costs
 * the same as a 30-row one. Rows are listitems inside a list, positioned absolutely.
 */
export function VirtualList({ count, rowHeight, height, overscan = 6, renderRow, onRange, label, testId }: Props) {
  const [top, setTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
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
  const rows = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div role="listitem" class="vrow" style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }} key={i} aria-setsize={count} aria-posinset={i + 1}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={ref} class="vlist" style={{ height: `${viewport || rowHeight}px` }} onScroll={(e) => setTop(e.currentTarget.scrollTop)} data-testid={testId}>
      <div role="list" aria-label={label} style={{ height: `${count * rowHeight}px`, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
