import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ISSUE_STATUSES } from '../../../contracts/intake.js';

/** Staff's filter of the issues list by status; loaded only for staff (IssuesPage). */
export default function StatusFilter({ value, onChange }: { value: string[]; onChange(value: string[]): void }) {
  const { t } = useTranslation();
  return <MultiSelect label={t('intake.status')} data={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`intake.statuses.${s}`) }))} value={value} onChange={onChange} clearable />;
}
