import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { BOUNDARY_MAX_BYTES, BOUNDARY_MAX_FEATURES, bestProperty, matchFeatures, readBoundaries } from './geojson.js';

const ring = (x: number, y: number) => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];
const polygon = (x = 0, y = 0) => ({ type: 'Polygon', coordinates: [ring(x, y)] });
const feature = (properties: unknown, geometry: unknown = polygon()) => ({ type: 'Feature', properties, geometry });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

/** The code and parameters of the problem a file raises. */
function problem(text: string) {
  try {
    readBoundaries(text);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, params: e.params };
    throw e;
  }
  return null;
}

describe('reading a boundary file', () => {
  it('takes Polygons and MultiPolygons with a property every feature has', () => {
    const read = readBoundaries(fc(
      feature({ name: 'Ashanti', iso: 'GH-AH', pop: 5440463, note: null }),
      feature({ name: 'Northern', iso: 'GH-NP', pop: 2310939 }, { type: 'MultiPolygon', coordinates: [[ring(1, 9)], [ring(2, 9), ring(2.2, 9.2)]] }),
    ));
    expect(read.namingProperties).toEqual(['name', 'iso', 'pop']);
    expect(read.features[0]!.properties).toEqual({ name: 'Ashanti', iso: 'GH-AH', pop: '5440463' });
    expect(read.features.map((f) => f.polygons.length)).toEqual([1, 2]);
    expect(read.features[1]!.polygons[1]).toHaveLength(2);
  });

  it('says what is wrong, naming the feature counted from one', () => {
    expect(problem('not json')).toEqual({ code: 'led.geojson_not_json', params: {} });
    expect(problem(JSON.stringify({ type: 'Feature', geometry: polygon() }))?.code).toBe('led.geojson_not_feature_collection');
    expect(problem(JSON.stringify({ type: 'FeatureCollection' }))?.code).toBe('led.geojson_not_feature_collection');
    expect(problem(fc())?.code).toBe('led.geojson_no_features');
    expect(problem(fc(feature({ n: 'a' }), { type: 'Geometry' }))).toEqual({ code: 'led.geojson_not_feature', params: { feature: 2 } });
    expect(problem(fc(feature({ n: 'a' }), feature({ n: 'b' }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] })))).toEqual({ code: 'led.geojson_geometry', params: { feature: 2, type: 'LineString' } });
    expect(problem(fc(feature({ n: 'a' }, null)))).toEqual({ code: 'led.geojson_geometry', params: { feature: 1, type: 'null' } });
    // A ring not closed, too short, or off the globe.
    expect(problem(fc(feature({ n: 'a' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })))?.code).toBe('led.geojson_coordinates');
    expect(problem(fc(feature({ n: 'a' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })))?.code).toBe('led.geojson_coordinates');
    expect(problem(fc(feature({ n: 'a' }, { type: 'Polygon', coordinates: [[[0, 0], [200, 0], [1, 1], [0, 0]]] })))?.code).toBe('led.geojson_coordinates');
    expect(problem(fc(feature({ n: 'a' }, { type: 'Polygon', coordinates: [[[0, 0], ['1', 0], [1, 1], [0, 0]]] })))?.code).toBe('led.geojson_coordinates');
    expect(problem(fc(feature({ n: 'a' }, { type: 'MultiPolygon', coordinates: [] })))?.code).toBe('led.geojson_coordinates');
    // No property on every feature that could name a region.
    expect(problem(fc(feature({ a: 'x' }), feature({ b: 'y' })))?.code).toBe('led.geojson_no_name_property');
    expect(problem(fc(feature(null)))?.code).toBe('led.geojson_no_name_property');
    expect(problem(fc(feature({ a: '  ' })))?.code).toBe('led.geojson_no_name_property');
  });

  it('limits size, features and points', () => {
    expect(problem(' '.repeat(BOUNDARY_MAX_BYTES + 1))?.code).toBe('led.geojson_too_large_file');
    expect(problem(fc(...Array.from({ length: BOUNDARY_MAX_FEATURES + 1 }, () => feature({ n: 'a' }))))?.code).toBe('led.geojson_too_many_features');
    // One ring of 300,001 points (closed): too many to draw on a phone, though the file is under 2 MB.
    const many = Array.from({ length: 300_001 }, () => [1, 1]);
    expect(problem(fc(feature({ n: 'a' }, { type: 'Polygon', coordinates: [many] })))?.code).toBe('led.geojson_too_large');
  }, 30_000);
});

describe('matching features to regions', () => {
  const regions = [
    { id: 'r1', name: 'Kumasi', district: null, region: 'GH-AH' },
    { id: 'r2', name: 'Tamale and Savelugu', district: 'Tamale Metropolitan', region: 'GH-NP' },
  ];
  const file = readBoundaries(fc(feature({ NAME: 'Ashanti', CODE: 'gh-ah ' }), feature({ NAME: 'tamale metropolitan', CODE: 'GH-NP' }), feature({ NAME: 'Volta', CODE: 'GH-TV' })));

  it('by name, district or ISO code, without case or surrounding spaces', () => {
    expect(matchFeatures(file.features, 'CODE', regions)).toEqual(['r1', 'r2', null]);
    expect(matchFeatures(file.features, 'NAME', regions)).toEqual([null, 'r2', null]);
  });

  it('picks the property naming the most regions', () => {
    expect(bestProperty(file, regions)).toBe('CODE');
    expect(bestProperty(file, [])).toBe('NAME');
  });
});
