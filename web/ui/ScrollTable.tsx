import { Box } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table that scrolls sideways on a narrow phone. The region is focusable
 * so that keyboard users can scroll it too.
 */
export function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('ui.scrollTable')}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
