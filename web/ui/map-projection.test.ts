import { describe, expect, it } from 'vitest';
import { classOf, classesOf, project, type Polygon } from './map-projection.js';

const square = (x: number, y: number, size = 1): Polygon => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];

describe('projecting boundaries', () => {
  it('fits the shapes in the width, north up, one path per shape', () => {
    const { width, height, paths } = project([[square(0, 0)], [square(1, 0), square(3, 3)]], 400, 1000, 0);
    expect(width).toBe(400);
    expect(paths).toHaveLength(2);
    // Four degrees wide at about 2°N: height ≈ width (cos 2° ≈ 0.999).
    expect(Math.abs(height - 400)).toBeLessThan(2);
    // The first square's south-west corner is at the left edge, at the bottom.
    const [x, y] = /^M([\d.]+),([\d.]+)/.exec(paths[0]!)!.slice(1).map(Number);
    expect(x).toBe(0);
    expect(Math.abs(y! - height)).toBeLessThan(1);
    expect(paths[1]!.match(/M/g)).toHaveLength(2);
  });

  it('narrows longitudes away from the equator', () => {
    const at60 = project([[square(10, 59.5, 1)]], 100, 1000, 0);
    // At 60° a degree of longitude is half a degree of latitude: twice as tall as wide, capped by the width.
    expect(at60.height).toBeGreaterThan(190);
  });

  it('answers an empty drawing for no shapes', () => {
    expect(project([])).toEqual({ width: 600, height: 0, paths: [] });
  });

  it('shades in five equal classes from zero', () => {
    const bounds = classesOf([0, 10, 50]);
    expect(bounds).toEqual([10, 20, 30, 40, 50]);
    expect([0, 10, 11, 50].map((v) => classOf(v, bounds))).toEqual([0, 0, 1, 4]);
    expect(classesOf([0, 0])).toEqual([0, 0, 0, 0, 0]);
    expect(classOf(0, classesOf([0]))).toBe(0);
  });
});
