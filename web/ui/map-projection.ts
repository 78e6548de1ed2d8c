/**
 * Draws boundary polygons (the LED roll-up's map, web/ui/RegionMap.tsx) as SVG paths without a map library or tiles: an
 * equirectangular projection whose longitudes are shrunk by the cosine of the
 * middle latitude, so a region near the equator or at 50° keeps its shape
 * well enough at the scale of a country. Pure, for the map and its test.
 */

export type Position = [number, number];
export type Polygon = Position[][];

export interface Projected {
  width: number;
  height: number;
  /** One SVG path (`d`) per shape, rings drawn even-odd so holes stay holes. */
  paths: string[];
}

/** Projects shapes (each a list of polygons) into a box `width` wide, as tall as their extent needs (at most `maxHeight`). */
export function project(shapes: Polygon[][], width = 600, maxHeight = 700, pad = 4): Projected {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const shape of shapes) for (const polygon of shape) for (const ring of polygon) for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return { width, height: 0, paths: [] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * pad) / spanX, (maxHeight - 2 * pad) / spanY);
  const height = Math.ceil(spanY * scale + 2 * pad);
  const offsetX = (width - spanX * scale) / 2;
  const point = ([x, y]: Position) => `${round(offsetX + (x - minX) * k * scale)},${round(pad + (maxY - y) * scale)}`;
  const paths = shapes.map((shape) => shape.map((polygon) => polygon.map((ring) => `M${ring.map(point).join('L')}Z`).join('')).join(''));
  return { width, height, paths };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Five classes from 0 to the largest value, each as wide: the map's legend. A value of 0 is the first class. */
export function classesOf(values: number[], count = 5): number[] {
  const max = Math.max(0, ...values);
  return Array.from({ length: count }, (_, i) => (max * (i + 1)) / count);
}

/** Which class (0…count-1) a value falls in, for upper bounds made by `classesOf`. */
export function classOf(value: number, bounds: number[]): number {
  const i = bounds.findIndex((b) => value <= b);
  return i === -1 ? bounds.length - 1 : i;
}
