import { Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIZE_CLASSES, type AdvocacyIssueDetail, type CostActivity, type CostActivityInput } from '../../../contracts/advocacy.js';
import { activityCost } from '../../../contracts/standard-cost.js';
import { ApiError } from '../../app/api.js';
import { formatMoney, formatNumber, toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { Stat } from '../../ui/Stat.js';
import { advocacyKeys, changeIssue } from './api.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';

const blank = (): CostActivityInput => ({ name: '', minutes: 60, hourlyTariff: 0, outOfPocket: 0, perYear: 1, firms: { micro: 0, small: 0, medium: 0, large: 0 } });

function ActivityForm({ issue, activity, onDone }: { issue: AdvocacyIssueDetail; activity: CostActivity | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const currency = issue.costs.currency;
  const [start] = useState<CostActivityInput>(activity ? { name: activity.name, minutes: activity.minutes, hourlyTariff: activity.hourlyTariff, outOfPocket: activity.outOfPocket, perYear: activity.perYear, firms: activity.firms } : blank());
  const [input, setInput] = useState<CostActivityInput>(start);
  useLeaveGuard(changedFrom(start, input));
  const save = useMutation({
    mutationFn: () => (activity ? changeIssue(issue.id, `/cost-activities/${activity.id}`, input, 'PUT') : changeIssue(issue.id, '/cost-activities', input)),
    onSuccess: (updated) => {
      queryClient.setQueryData(advocacyKeys.one(issue.id), updated);
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const money = (key: 'hourlyTariff' | 'outOfPocket', label: string) => (
    <NumberInput label={label} min={0} decimalScale={2} value={toMajor(input[key], currency)} error={errors[key]} rightSection={<Text size="xs" c="dimmed">{currency}</Text>} rightSectionWidth={48}
      onChange={(v) => setInput({ ...input, [key]: toMinor(v, currency) ?? 0 })} />
  );
  const preview = activityCost(input);
  return (
    <Form onSubmit={() => save.mutate()}>
      <TextInput label={t('advocacy.cost.activity')} description={t('advocacy.cost.activityHelp')} required data-autofocus value={input.name} error={errors.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('advocacy.cost.minutes')} min={0} allowDecimal={false} value={input.minutes} error={errors.minutes} onChange={(v) => setInput({ ...input, minutes: Number(v) || 0 })} />
        <NumberInput label={t('advocacy.cost.perYear')} description={t('advocacy.cost.perYearHelp')} min={0.01} decimalScale={2} value={input.perYear} error={errors.perYear} onChange={(v) => setInput({ ...input, perYear: Number(v) || 0 })} />
        {money('hourlyTariff', t('advocacy.cost.hourlyTariff'))}
        {money('outOfPocket', t('advocacy.cost.outOfPocket'))}
      </SimpleGrid>
      <Text size="sm" fw={500}>{t('advocacy.cost.firms')}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {SIZE_CLASSES.map((s) => (
          <NumberInput key={s} label={t(`members.sizes.${s}`)} min={0} allowDecimal={false} value={input.firms[s]} error={errors[`firms.${s}`]} onChange={(v) => setInput({ ...input, firms: { ...input.firms, [s]: Number(v) || 0 } })} />
        ))}
      </SimpleGrid>
      <Text size="sm">{t('advocacy.cost.preview', { perFirm: formatMoney(preview.perFirm, currency), total: formatMoney(preview.total, currency) })}</Text>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

/** The Standard Cost Model: what a regulation's paperwork costs firms each year. */
export function CostPanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CostActivity | 'new' | null>(null);
  const { costs } = issue;
  const remove = useMutation({
    mutationFn: (id: string) => changeIssue(issue.id, `/cost-activities/${id}`, undefined, 'DELETE'),
    onSuccess: (updated) => queryClient.setQueryData(advocacyKeys.one(issue.id), updated),
  });
  const money = (n: number) => formatMoney(n, costs.currency);
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('advocacy.cost.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t('advocacy.cost.total')} value={money(costs.yearlyCost)} />
        <Stat label={t('advocacy.cost.perFirm')} value={money(costs.perFirm)} />
        <Stat label={t('advocacy.cost.savingClaimed')} value={issue.savingClaimed === null ? '—' : money(issue.savingClaimed)} />
      </SimpleGrid>
      <ProblemAlert error={remove.error} />
      <DataTable pending={false} empty={costs.activities.length === 0} emptyText={t('advocacy.cost.none')} minWidth={900}
        headers={[t('advocacy.cost.activity'), t('advocacy.cost.minutes'), t('advocacy.cost.hourlyTariff'), t('advocacy.cost.outOfPocket'), t('advocacy.cost.perYear'), t('advocacy.cost.firms'), t('advocacy.cost.yearly'), '']}>
        {costs.activities.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.name}</Table.Td>
            <Table.Td>{formatNumber(a.minutes)}</Table.Td>
            <Table.Td>{money(a.hourlyTariff)}</Table.Td>
            <Table.Td>{money(a.outOfPocket)}</Table.Td>
            <Table.Td>{formatNumber(a.perYear)}</Table.Td>
            <Table.Td>{formatNumber(a.firms.micro + a.firms.small + a.firms.medium + a.firms.large)}</Table.Td>
            <Table.Td fw={600}>{money(a.yearlyCost)}</Table.Td>
            <Table.Td>
              {can('advocacy.manage') && <EditRemove onEdit={() => setEditing(a)} question={t('advocacy.cost.removeQuestion', { name: a.name })} onRemove={() => remove.mutateAsync(a.id)} />}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {costs.activities.length > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={500} mb={4}>{t('advocacy.cost.bySize')}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {SIZE_CLASSES.map((s) => <Text key={s} size="sm">{t(`members.sizes.${s}`)}: <b>{money(costs.bySize[s])}</b></Text>)}
          </SimpleGrid>
        </Paper>
      )}
      {can('advocacy.manage') && <Group><Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>{t('advocacy.cost.add')}</Button></Group>}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('advocacy.cost.add') : t('advocacy.cost.edit')} size="lg">
        {editing !== null && <ActivityForm issue={issue} activity={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
