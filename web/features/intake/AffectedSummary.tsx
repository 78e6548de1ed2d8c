import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberIssue } from '../../../contracts/intake.js';
import { sectionLabel } from '../../app/isic-sections.js';
import { useRegionName } from '../../app/reference.js';

type Breakdown = MemberIssue['breakdown'];

export function useLabels(breakdown: Breakdown) {
  const { t } = useTranslation();
  const regionName = useRegionName(breakdown.byRegion.map((x) => x.key));
  return {
    bySector: (k: string | null) => (k ? sectionLabel(k) : t('intake.unknown')),
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
