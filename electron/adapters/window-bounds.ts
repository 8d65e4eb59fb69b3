import type { Rectangle } from 'electron';
import { MIN_WINDOW_SIZE } from './window-options';

/**
 * Remembered bounds are only reused when the window would still be reachable: at least a corner
 * strip of it on one of today's displays (a monitor may have been unplugged since). Otherwise the
 * size is kept and the position dropped, so the OS centres it.
 */
export function restorableBounds(saved: { x?: number; y?: number; width: number; height: number } | null, workAreas: Rectangle[]): Partial<Rectangle> | null {
  if (!saved) return null;
  const width = Math.max(saved.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.height, MIN_WINDOW_SIZE.height);
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const { x, y } = saved;
  const visible = workAreas.some(
    (area) => x + 100 <= area.x + area.width && x + width - 100 >= area.x && y >= area.y && y + 40 <= area.y + area.height,
  );
  return visible ? { x, y, width, height } : { width, height };
}
