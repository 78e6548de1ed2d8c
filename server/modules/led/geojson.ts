import { AppError } from '../../platform/errors/app-error.js';

/**
 * The boundary file an organisation uploads for its LED map (issue 17.9):
 * GeoJSON, read and checked here before it is stored, so the map never meets
 * a file it cannot draw. Pure: no database.
 */

/** Largest file taken, in bytes of its text: thirty regions simplified for a screen are well under 1 MB. */
export const BOUNDARY_MAX_BYTES = 4 * 1024 * 1024;
/** Regions (features) in one file. */
export const BOUNDARY_MAX_FEATURES = 2000;
/** Points over the whole file: what a phone draws as SVG without stalling. */
export const BOUNDARY_MAX_POINTS = 300_000;

export type Position = [number, number];
/** A polygon's rings (outer first, then holes), each closed. */
export type Rings = Position[][];
export interface BoundaryFeature {
  /** Each property whose value is a string or number, as text. */
  properties: Record<string, string>;
  /** Polygons: a Polygon is one, a MultiPolygon several. */
  polygons: Rings[];
}
export interface Boundaries {
  features: BoundaryFeature[];
  /** Properties every feature has as a string or number: those that can name a region. */
  namingProperties: string[];
}

const invalid = (code: string, params: Record<string, string | number> = {}) => new AppError(`led.${code}`, params);

function position(p: unknown, feature: number): Position {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])
    || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) throw invalid('geojson_coordinates', { feature: feature + 1 });
  return [p[0], p[1]];
}

function rings(value: unknown, feature: number, count: { points: number }): Rings {
  if (!Array.isArray(value) || !value.length) throw invalid('geojson_coordinates', { feature: feature + 1 });
  return value.map((ring) => {
    // A linear ring has at least four positions, the last the first again (RFC 7946 §3.1.6).
    if (!Array.isArray(ring) || ring.length < 4) throw invalid('geojson_coordinates', { feature: feature + 1 });
    count.points += ring.length;
    if (count.points > BOUNDARY_MAX_POINTS) throw invalid('geojson_too_large', { max: BOUNDARY_MAX_POINTS });
    const out = ring.map((p) => position(p, feature));
    const [first, last] = [out[0]!, out[out.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) throw invalid('geojson_coordinates', { feature: feature + 1 });
    return out;
  });
}

/**
 * Reads a boundary file: a GeoJSON FeatureCollection whose features are
 * Polygons or MultiPolygons (one region each), with at least one property
 * every feature has as text or a number, to name its region. Throws the
 * first problem found as a translatable `led.geojson_*` code, naming the
 * feature (counted from 1) where there is one.
 */
export function readBoundaries(text: string): Boundaries {
  if (Buffer.byteLength(text, 'utf8') > BOUNDARY_MAX_BYTES) throw invalid('geojson_too_large_file', { mb: BOUNDARY_MAX_BYTES / 1024 / 1024 });
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw invalid('geojson_not_json');
  }
  const fc = root as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw invalid('geojson_not_feature_collection');
  if (!fc.features.length) throw invalid('geojson_no_features');
  if (fc.features.length > BOUNDARY_MAX_FEATURES) throw invalid('geojson_too_many_features', { max: BOUNDARY_MAX_FEATURES });
  const count = { points: 0 };
  const features = fc.features.map((f: unknown, i: number): BoundaryFeature => {
    const feature = f as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown };
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') throw invalid('geojson_not_feature', { feature: i + 1 });
    const geometry = feature.geometry;
    const type = geometry && typeof geometry === 'object' ? geometry.type : null;
    if (type !== 'Polygon' && type !== 'MultiPolygon') throw invalid('geojson_geometry', { feature: i + 1, type: typeof type === 'string' ? type : 'null' });
    const polygons = type === 'Polygon'
      ? [rings(geometry!.coordinates, i, count)]
      : (() => {
        const c = geometry!.coordinates;
        if (!Array.isArray(c) || !c.length) throw invalid('geojson_coordinates', { feature: i + 1 });
        return c.map((p) => rings(p, i, count));
      })();
    const properties: Record<string, string> = {};
    const props = feature.properties;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      for (const [k, v] of Object.entries(props)) {
        if (typeof v === 'string' && v.trim()) properties[k] = v.trim();
        else if (typeof v === 'number' && Number.isFinite(v)) properties[k] = String(v);
      }
    }
    return { properties, polygons };
  });
  const namingProperties = Object.keys(features[0]!.properties).filter((k) => features.every((f) => k in f.properties));
  if (!namingProperties.length) throw invalid('geojson_no_name_property');
  return { features, namingProperties };
}

/** How a region is named in a boundary file: its name, its district, or its ISO 3166-2 code, compared without case or surrounding spaces. */
export const regionKeys = (r: { name: string; district: string | null; region: string }) =>
  [r.name, r.district ?? '', r.region].map((k) => k.trim().toLocaleLowerCase('en')).filter(Boolean);

/** Which region each feature draws (or none), by the chosen property. */
export function matchFeatures<R extends { id: string; name: string; district: string | null; region: string }>(features: BoundaryFeature[], property: string, regions: R[]): Array<string | null> {
  const byKey = new Map<string, string>();
  for (const r of regions) for (const k of regionKeys(r)) if (!byKey.has(k)) byKey.set(k, r.id);
  return features.map((f) => byKey.get((f.properties[property] ?? '').trim().toLocaleLowerCase('en')) ?? null);
}

/** The naming property that matches the most regions (the first in the file on a tie): what the upload picks until the admin chooses. */
export function bestProperty(b: Boundaries, regions: Array<{ id: string; name: string; district: string | null; region: string }>): string {
  let best = b.namingProperties[0]!;
  let most = -1;
  for (const p of b.namingProperties) {
    const n = new Set(matchFeatures(b.features, p, regions).filter(Boolean)).size;
    if (n > most) [best, most] = [p, n];
  }
  return best;
}
