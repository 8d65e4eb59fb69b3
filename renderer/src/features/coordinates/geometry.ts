import type { CoordinatesBox } from '../../../../shared/domain/editing';

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * A drag between two points given as fractions of the shown image → a box in the original's pixels
 * (whole numbers, inside the image). Null when the drag is too small to mean a box.
 */
export function boxFromDrag(start: [number, number], end: [number, number], width: number, height: number): CoordinatesBox | null {
  const [x0, x1] = [clamp(Math.min(start[0], end[0])), clamp(Math.max(start[0], end[0]))];
  const [y0, y1] = [clamp(Math.min(start[1], end[1])), clamp(Math.max(start[1], end[1]))];
  const box = {
    x: Math.round(x0 * width),
    y: Math.round(y0 * height),
    width: Math.round((x1 - x0) * width),
    height: Math.round((y1 - y0) * height),
  };
  return box.width >= 1 && box.height >= 1 ? box : null;
}

/** Adds a `tr` query parameter to a delivery URL (which may already carry `?updatedAt=`). */
export function withTransformation(url: string, tr: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}tr=${tr}`;
}
