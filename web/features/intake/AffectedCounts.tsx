import { SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberIssue } from '../../../contracts/intake.js';
import { AffectedSummary, useLabels } from './AffectedSummary.js';

type Breakdown = MemberIssue['breakdown'];

// AffectedSummary is in its own file: the issues list shows it without this file's Table (issue 14).
export { AffectedSummary };

/** Affected firms counted by sector, region and size: the evidence staff and members read first. */
export function AffectedCounts({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useTranslation();
  const label = useLabels(breakdown);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {(['bySector', 'byRegion', 'bySize'] as const).map((dim) => (
        <div key={dim}>
          <Text fw={600} size="sm" mb={4}>{t(`intake.dims.${dim}`)}</Text>
          {breakdown[dim].length === 0 ? <Text size="sm" c="dimmed">{t('intake.noFirms')}</Text> : (
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {breakdown[dim].map((x) => (
                  <Table.Tr key={x.key ?? ''}>
                    <Table.Td>{label[dim](x.key)}</Table.Td>
                    <Table.Td ta="right">{x.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}
