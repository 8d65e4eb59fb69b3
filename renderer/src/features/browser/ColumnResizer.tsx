import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { COLUMN_MAX, COLUMN_MIN, useViewPrefs, type ListColumn } from './view-prefs';

/** Arrow keys move an edge by this much; with Shift, by the larger step. */
const STEP = 8;
const BIG_STEP = 40;
/** Keys the Files grid acts on (open, delete, rename, page): on an edge or a header's sort button they must not reach it. */
export const GRID_KEYS: ReadonlySet<string> = new Set(['Enter', ' ', 'Delete', 'Backspace', 'F2', 'PageUp', 'PageDown']);

/**
 * The right edge of a list column: dragged with the pointer, or focused and moved with the arrow
 * keys (Shift for bigger steps, Home/End for the narrowest and widest). A focusable separator with
 * its width as the value, so assistive technology can say and change it. The width is remembered
 * (view-prefs persists it).
 */
export function ColumnResizer({ column, label }: { column: ListColumn; label: string }) {
  const width = useViewPrefs((s) => s.columnWidths[column]);
  const setWidth = useViewPrefs((s) => s.setColumnWidth);
  const start = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    start.current = { x: e.clientX, width: useViewPrefs.getState().columnWidths[column] };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) setWidth(column, start.current.width + e.clientX - start.current.x);
  };
  const end = () => {
    start.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, number> = {
      ArrowRight: width + step,
      ArrowUp: width + step,
      ArrowLeft: width - step,
      ArrowDown: width - step,
      Home: COLUMN_MIN,
      End: COLUMN_MAX,
    };
    const value = next[e.key];
    if (value === undefined) {
      if (GRID_KEYS.has(e.key)) e.stopPropagation();
      return;
    }
    // The Files grid moves its selection on these keys; here they belong to the edge.
    e.preventDefault();
    e.stopPropagation();
    setWidth(column, value);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label} column`}
      aria-valuenow={width}
      aria-valuemin={COLUMN_MIN}
      aria-valuemax={COLUMN_MAX}
      aria-valuetext={`${width} pixels`}
      tabIndex={0}
      className="col-grip"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
      // Focus here is not focus on the Files grid: it must not pick a file as the grid does on Tab.
      onFocus={(e) => e.stopPropagation()}
    />
  );
}
