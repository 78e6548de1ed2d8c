import { Stack, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A form laid out as a stack. The browser's own checks are off: the server's
 * messages, in the person's language and beside each field, are the ones shown.
 */
export function Form({ onSubmit, children, ...stack }: StackProps & { onSubmit(): void; children: ReactNode }) {
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <Stack {...stack}>{children}</Stack>
    </form>
  );
}
