import { Box, Text } from '@mantine/core';

/**
 * A plain bar chart (SVG, no chart library): small enough for slow phones.
 * Every use shows the same figures in a table beside it.
 */
export function BarChart({ data, label, format = String }: { data: Array<{ key: string; value: number }>; label: string; format?: (n: number) => string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const width = Math.max(data.length * 36, 200);
  return (
    // Wider than a phone when there are many bars: the region scrolls, and takes focus so a keyboard can scroll it.
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={label}>
      <svg role="img" aria-label={label} width={width} height={160} viewBox={`0 0 ${width} 160`}>
        {data.map((d, i) => {
          const h = Math.round((d.value / max) * 120);
          return (
            <g key={d.key} transform={`translate(${i * 36 + 4}, 0)`}>
              <rect x={0} y={130 - h} width={26} height={h} fill="var(--mantine-color-teal-7)" rx={2}>
                <title>{`${d.key}: ${format(d.value)}`}</title>
              </rect>
              <text x={13} y={146} textAnchor="middle" fontSize={9} fill="var(--mantine-color-dimmed)">{d.key.slice(-5)}</text>
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dimmed">{label}</Text>
    </Box>
  );
}
