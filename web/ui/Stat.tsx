import { Paper, Text } from '@mantine/core';

/**
 * One headline figure of a dashboard, with its name above it. A long figure
 * (an amount in cedis) is smaller on a phone and breaks rather than pushing
 * the page wider than the screen.
 */
export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ overflowWrap: 'anywhere' }}>{label}</Text>
      <Text fz={{ base: 'lg', sm: 'xl' }} fw={700} style={{ overflowWrap: 'anywhere' }}>{value}</Text>
    </Paper>
  );
}
