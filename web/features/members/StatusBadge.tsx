import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../../../contracts/members.js';

const COLORS: Record<MemberStatus, string> = { applicant: 'blue', active: 'teal', lapsed: 'yellow', suspended: 'red', resigned: 'gray' };

export function StatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`members.statuses.${status}`)}
    </Badge>
  );
}
