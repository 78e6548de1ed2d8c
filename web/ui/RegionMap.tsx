import { Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { classOf, classesOf, project } from './map-projection.js';

/** Five shades of one blue, light to dark, each with enough contrast against the next for the legend. */
const SHADES = ['#dbe9f6', '#a9cce3', '#6baed6', '#3182bd', '#08519c'];
const NONE = '#eeeeee';

/**
 * The regions drawn from the organisation's boundary file as inline SVG (no
 * tiles: it works offline), each region shaded by the figure chosen and
 * linked to the records behind it. The table beside it holds the same
 * figures; the drawing is an image named for screen readers.
 */
export function RegionMap({ boundaries, values, format, label, noneLabel, hrefOf }: {
  /** Each shape: the name its file gives it, the region it draws (or none), its polygons of [lon, lat] rings. */
  boundaries: { shapes: Array<{ name: string; regionId: string | null; polygons: Array<Array<Array<[number, number]>>> }> };
  /** The chosen figure per region id. */
  values: Map<string, number>;
  format: (n: number) => string;
  /** What the drawing shows, for screen readers (the table beside it holds the figures). */
  label: string;
  /** What a shape that draws no region is called, in its title and the legend. */
  noneLabel: string;
  hrefOf: (regionId: string) => string;
}) {
  const navigate = useNavigate();
  const drawing = useMemo(() => project(boundaries.shapes.map((s) => s.polygons)), [boundaries]);
  const bounds = classesOf([...values.values()]);
  if (!drawing.paths.length) return null;
  return (
    <Stack gap="xs">
      <svg viewBox={`0 0 ${drawing.width} ${drawing.height}`} width="100%" role="img" aria-label={label} style={{ maxHeight: 520 }}>
        {boundaries.shapes.map((shape, i) => {
          const value = shape.regionId ? values.get(shape.regionId) : undefined;
          const fill = value === undefined ? NONE : SHADES[classOf(value, bounds)];
          const title = value === undefined ? `${shape.name}: ${noneLabel}` : `${shape.name}: ${format(value)}`;
          const path = <path d={drawing.paths[i]} fill={fill} fillRule="evenodd" stroke="#555" strokeWidth={0.6}><title>{title}</title></path>;
          if (!shape.regionId) return <g key={i}>{path}</g>;
          const href = hrefOf(shape.regionId);
          // A link inside the drawing opens the region's records; the table's links do the same for keyboards and screen readers.
          return (
            <a key={i} href={href} tabIndex={-1} aria-hidden onClick={(e) => { e.preventDefault(); void navigate(href); }}>
              {path}
            </a>
          );
        })}
      </svg>
      <Group gap="xs" aria-hidden>
        {SHADES.map((shade, i) => (
          <Group key={shade} gap={4} wrap="nowrap">
            <span style={{ display: 'inline-block', width: 14, height: 14, background: shade, border: '1px solid #555' }} />
            <Text size="xs">{i === 0 ? `0–${format(bounds[0]!)}` : `${format(bounds[i - 1]!)}–${format(bounds[i]!)}`}</Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap">
          <span style={{ display: 'inline-block', width: 14, height: 14, background: NONE, border: '1px solid #555' }} />
          <Text size="xs">{noneLabel}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
