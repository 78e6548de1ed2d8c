import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../contracts/members.js';
import { SIZE_CLASSES } from '../../../contracts/member-lists.js';
import { formatMoney, toMajor, toMinor } from '../../app/money.js';
import { useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors } from '../../ui/use-contract-form.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { fetchSettings, fetchTiers, memberKeys, saveSettings, saveTier } from './api.js';

type Settings = {
  microMaxEmployees: number; smallMaxEmployees: number; mediumMaxEmployees: number;
  microMaxTurnover: number | null; smallMaxTurnover: number | null; mediumMaxTurnover: number | null;
  districts: Array<{ region: string; name: string }>;
};

function TierForm({ tier, currency, onDone }: { tier?: Tier; currency: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: tier?.name ?? '',
      description: tier?.description ?? '',
      active: tier?.active ?? true,
      fees: Object.fromEntries(SIZE_CLASSES.map((s) => [s, toMajor(tier?.fees[s] ?? 0, currency)])) as Record<string, number | string>,
    },
  });
  const guard = useLeaveGuard(form.isDirty());
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const body = { ...v, fees: Object.fromEntries(SIZE_CLASSES.map((s) => [s, toMinor(v.fees[s], currency) ?? 0])) };
      return saveTier(tier?.id, body);
    },
    onSuccess: () => {
      guard.release();
      void queryClient.invalidateQueries({ queryKey: memberKeys.tiers });
      notify(t('ui.saved'));
      onDone();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('members.tiers.name')} required {...form.getInputProps('name')} />
          <Switch mt="lg" label={t('members.tiers.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        </SimpleGrid>
        <Textarea label={t('members.tiers.description')} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {SIZE_CLASSES.map((s) => (
            <NumberInput key={s} label={t('members.tiers.feeFor', { size: t(`members.sizes.${s}`), currency })} min={0} thousandSeparator=" " {...form.getInputProps(`fees.${s}`)} />
          ))}
        </SimpleGrid>
        <Button type="submit" loading={save.isPending} w="fit-content">{t('ui.save')}</Button>
      </Stack>
    </form>
  );
}

function ThresholdsForm({ settings, currency }: { settings: Settings; currency: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      ...settings,
      microMaxTurnover: toMajor(settings.microMaxTurnover, currency),
      smallMaxTurnover: toMajor(settings.smallMaxTurnover, currency),
      mediumMaxTurnover: toMajor(settings.mediumMaxTurnover, currency),
      districtsText: settings.districts.map((d) => `${d.region}: ${d.name}`).join('\n'),
    },
  });
  const guard = useLeaveGuard(form.isDirty());
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      saveSettings({
        microMaxEmployees: Number(v.microMaxEmployees),
        smallMaxEmployees: Number(v.smallMaxEmployees),
        mediumMaxEmployees: Number(v.mediumMaxEmployees),
        microMaxTurnover: toMinor(v.microMaxTurnover, currency),
        smallMaxTurnover: toMinor(v.smallMaxTurnover, currency),
        mediumMaxTurnover: toMinor(v.mediumMaxTurnover, currency),
        // One district a line, "GH-NP: Tamale Metropolitan".
        districts: v.districtsText.split('\n').map((l) => l.split(':')).filter((p) => p.length >= 2).map(([region, ...name]) => ({ region: region!.trim(), name: name.join(':').trim() })),
      }),
    onSuccess: () => {
      guard.release();
      form.resetDirty();
      void queryClient.invalidateQueries({ queryKey: memberKeys.settings });
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      notify(t('ui.saved'));
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ProblemAlert error={save.error} />
        <Text size="sm" c="dimmed">{t('members.thresholds.help')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('members.thresholds.employees', { size: t('members.sizes.micro') })} min={0} {...form.getInputProps('microMaxEmployees')} />
          <NumberInput label={t('members.thresholds.employees', { size: t('members.sizes.small') })} min={0} {...form.getInputProps('smallMaxEmployees')} />
          <NumberInput label={t('members.thresholds.employees', { size: t('members.sizes.medium') })} min={0} {...form.getInputProps('mediumMaxEmployees')} />
          <NumberInput label={t('members.thresholds.turnover', { size: t('members.sizes.micro'), currency })} min={0} thousandSeparator=" " {...form.getInputProps('microMaxTurnover')} />
          <NumberInput label={t('members.thresholds.turnover', { size: t('members.sizes.small'), currency })} min={0} thousandSeparator=" " {...form.getInputProps('smallMaxTurnover')} />
          <NumberInput label={t('members.thresholds.turnover', { size: t('members.sizes.medium'), currency })} min={0} thousandSeparator=" " {...form.getInputProps('mediumMaxTurnover')} />
        </SimpleGrid>
        <Textarea label={t('members.thresholds.districts')} description={t('members.thresholds.districtsHelp')} autosize minRows={3} {...form.getInputProps('districtsText')} />
        <Button type="submit" loading={save.isPending} w="fit-content">{t('ui.save')}</Button>
      </Stack>
    </form>
  );
}

export function MembershipSettingsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const currency = session?.org?.currency ?? 'GHS';
  const [editing, setEditing] = useState<string | null>(null);
  const tiers = useQuery({ queryKey: memberKeys.tiers, queryFn: fetchTiers });
  const settings = useQuery({ queryKey: memberKeys.settings, queryFn: fetchSettings });
  return (
    <Stack maw={1000}>
      <PageHeader title={t('nav.membershipSettings')} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">{t('members.tiers.title')}</Title>
          <Button size="xs" onClick={() => setEditing('new')}>{t('members.tiers.new')}</Button>
        </Group>
        <ProblemAlert error={tiers.error} />
        <DataTable bordered={false} pending={tiers.isPending} empty={!tiers.data?.items.length} emptyText={t('members.tiers.empty')} minWidth={640} headers={[t('members.tiers.name'), ...SIZE_CLASSES.map((s) => t(`members.sizes.${s}`)), '']}>
          {tiers.data?.items.map((tier) => (
            <Table.Tr key={tier.id}>
              <Table.Td>{tier.name}{!tier.active && ` (${t('members.tiers.inactive')})`}</Table.Td>
              {SIZE_CLASSES.map((s) => <Table.Td key={s}>{formatMoney(tier.fees[s], currency)}</Table.Td>)}
              <Table.Td><Button size="xs" variant="subtle" onClick={() => setEditing(tier.id)}>{t('members.tiers.edit')}</Button></Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {editing && (
          <Paper withBorder p="md" mt="md">
            <TierForm key={editing} tier={tiers.data?.items.find((x) => x.id === editing)} currency={currency} onDone={() => setEditing(null)} />
          </Paper>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">{t('members.thresholds.title')}</Title>
        {settings.isPending ? <Loading /> : settings.data ? <ThresholdsForm settings={settings.data} currency={currency} /> : <ProblemAlert error={settings.error} />}
      </Paper>
    </Stack>
  );
}
