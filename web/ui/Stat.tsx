import { Paper, Text } from '@mantine/core';

/** One headline figure of a dashboard, with its name above it. */
export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Paper>
  );
}
