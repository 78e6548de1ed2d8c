import { Badge, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberIssue } from '../../../contracts/intake.js';
import { sectorLabel } from '../../app/sectors.js';
import { useRegionName } from '../../app/reference.js';

type Breakdown = MemberIssue['breakdown'];

function useLabels(breakdown: Breakdown) {
  const { t } = useTranslation();
  const regionName = useRegionName(breakdown.byRegion.map((x) => x.key));
  return {
    bySector: (k: string | null) => (k ? sectorLabel(k) : t('intake.unknown')),
    byRegion: (k: string | null) => (k ? regionName(k) : t('intake.unknown')),
    bySize: (k: string | null) => (k ? t(`members.sizes.${k}`) : t('intake.unknown')),
  };
}

/** The firms behind an issue in one line: the largest group of each kind. */
export function AffectedSummary({ count, breakdown }: { count: number; breakdown: Breakdown }) {
  const { t } = useTranslation();
  const label = useLabels(breakdown);
  const top = (['bySector', 'byRegion', 'bySize'] as const).map((dim) => breakdown[dim][0] && { dim, ...breakdown[dim][0] }).filter(Boolean) as Array<{ dim: keyof Breakdown; key: string | null; count: number }>;
  return (
    <Group gap={6}>
      <Badge variant="filled" color="teal">{t('intake.firmsAffected', { count })}</Badge>
      {top.map((x) => (
        <Badge key={x.dim} variant="outline" color="gray" title={t(`intake.dims.${x.dim}`)}>{`${label[x.dim](x.key)} · ${x.count}`}</Badge>
      ))}
    </Group>
  );
}

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
