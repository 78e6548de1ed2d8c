import { Button, Group, Radio, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldValue, ImportReport, MergeableField, MergeChoice } from '../../../contracts/member-import.js';
import { formatDate } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';

type Difference = ImportReport['duplicates'][number]['candidates'][number]['differences'][number];
export type FieldChoices = Partial<Record<MergeableField, MergeChoice>>;

/** The conflicting fields of a merge that still wait for the person's choice. */
export function undecidedFields(differences: Difference[], choices: FieldChoices) {
  return differences.filter((d) => d.field !== 'status' && d.registry !== null && !choices[d.field as MergeableField]);
}

function useShowValue() {
  const { t } = useTranslation();
  const currency = useSession().data?.org?.currency ?? 'USD';
  return (field: string, value: FieldValue) => {
    if (value === null) return <Text span c="dimmed" size="sm">{t('members.import.emptyValue')}</Text>;
    if (typeof value === 'boolean') return value ? t('ui.yes') : t('ui.no');
    if (field === 'turnover' && typeof value === 'number') return formatMoney(value, currency);
    if ((field === 'joinedOn' || field === 'renewalDueOn') && typeof value === 'string') return formatDate(value);
    if (field === 'status') return t(`members.statuses.${value}`, { defaultValue: String(value) });
    return String(value);
  };
}

/**
 * The merge side by side: per field, what the registry has and what the file
 * says, and the person's choice. Gaps come chosen from the file; conflicts
 * come unchosen, so nothing is overwritten or dropped without a click.
 */
export function MergeChoices({ row, differences, choices, onChange }: { row: number; differences: Difference[]; choices: FieldChoices; onChange: (c: FieldChoices) => void }) {
  const { t } = useTranslation();
  const show = useShowValue();
  const choosable = differences.filter((d) => d.field !== 'status');
  if (differences.length === 0) return <Text size="sm" c="dimmed">{t('members.import.noDifferences')}</Text>;
  const all = (choice: MergeChoice) => onChange(Object.fromEntries(choosable.map((d) => [d.field, choice])));
  return (
    <>
      <Group gap="xs">
        <Button size="compact-xs" variant="light" onClick={() => all('registry')}>{t('members.import.keepAllRegistry')}</Button>
        <Button size="compact-xs" variant="light" onClick={() => all('file')}>{t('members.import.takeAllFile')}</Button>
      </Group>
      <DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={520} headers={[t('members.import.field'), t('members.import.inRegistry'), t('members.import.inFile'), t('members.import.keep')]}>
        {differences.map((d) => {
          const label = t(`members.import.fields.${d.field}`);
          return (
            <Table.Tr key={d.field}>
              <Table.Td>{label}</Table.Td>
              <Table.Td>{show(d.field, d.registry)}</Table.Td>
              <Table.Td>{show(d.field, d.file)}</Table.Td>
              <Table.Td>
                {d.field === 'status' ? (
                  <Text size="xs" c="dimmed">{t('members.import.statusNotMerged')}</Text>
                ) : (
                  <Radio.Group
                    aria-label={t('members.import.choiceFor', { field: label, row })}
                    value={choices[d.field as MergeableField] ?? null}
                    onChange={(v) => onChange({ ...choices, [d.field]: v as MergeChoice })}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Radio size="xs" value="registry" label={t('members.import.keepRegistry')} />
                      <Radio size="xs" value="file" label={t('members.import.takeFile')} />
                    </Group>
                  </Radio.Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </>
  );
}
