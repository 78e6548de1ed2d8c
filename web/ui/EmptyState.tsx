import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" ta="center">
      <Text c="dimmed">{children}</Text>
    </Paper>
  );
}
