import { Button, Checkbox, Group, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_RULES, type NetworkingSettings } from '../../../contracts/networking.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchSettings, networkingKeys, saveSettings } from './api.js';

// The two sharing choices sit one under the other: each label a row a thumb can hit (44 px) without touching the other.
const THUMB_ROW = { body: { alignItems: 'center' }, label: { minHeight: 44, display: 'flex', alignItems: 'center' } } as const;

function SettingsForm({ initial }: { initial: NetworkingSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const save = useMutation({
    mutationFn: () => saveSettings(values),
    onSuccess: async (saved) => { queryClient.setQueryData(networkingKeys.settings, saved); await queryClient.invalidateQueries({ queryKey: networkingKeys.all }); notify(t('ui.saved')); },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);
  return (
    <Form onSubmit={() => save.mutate()} gap="sm" maw={720}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('networking.expiryMonths')} min={1} max={36} value={values.expiryMonths} error={errors.expiryMonths} onChange={(v) => setValues({ ...values, expiryMonths: num(v, 12) })} disabled={!can('networking.settings')} />
        <NumberInput label={t('networking.reminderDays')} min={1} max={90} value={values.reminderDays} error={errors.reminderDays} onChange={(v) => setValues({ ...values, reminderDays: num(v, 30) })} disabled={!can('networking.settings')} />
      </SimpleGrid>
      <Text fw={600} size="sm">{t('networking.weights')}</Text>
      <Text size="xs" c="dimmed">{t('networking.weightsHelp')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {MATCH_RULES.map((r) => (
          <NumberInput key={r} label={t(`networking.rules.${r}`)} min={0} max={100} value={values.weights[r]} error={errors[`weights.${r}`]}
            onChange={(v) => setValues({ ...values, weights: { ...values.weights, [r]: num(v, 0) } })} disabled={!can('networking.settings')} />
        ))}
      </SimpleGrid>
      <Text fw={600} size="sm">{t('networking.federationSharing')}</Text>
      <Text size="xs" c="dimmed">{t('networking.federationSharingHelp')}</Text>
      <Checkbox label={t('networking.shareInfoWithFederation')} checked={values.shareInfoWithFederation} disabled={!can('networking.settings')} styles={THUMB_ROW}
        onChange={(e) => setValues({ ...values, shareInfoWithFederation: e.currentTarget.checked })} />
      <Checkbox label={t('networking.shareOffersWithFederation')} checked={values.shareOffersWithFederation} disabled={!can('networking.settings')} styles={THUMB_ROW}
        onChange={(e) => setValues({ ...values, shareOffersWithFederation: e.currentTarget.checked })} />
      <TextInput label={t('networking.federationContact')} description={t('networking.federationContactHelp')} maxLength={300} value={values.federationContact}
        error={errors.federationContact} disabled={!can('networking.settings')} onChange={(e) => setValues({ ...values, federationContact: e.currentTarget.value })} />
      <ProblemAlert error={save.error} />
      {can('networking.settings') && <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('ui.save')}</Button></Group>}
    </Form>
  );
}

/** How long listings last, when firms are reminded, the weights of the matching rules, and what the federation sees of ours. */
export function NetworkingSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: networkingKeys.settings, queryFn: fetchSettings });
  return (
    <>
      <PageHeader title={t('nav.networkingSettings')} />
      {settings.isPending ? <Loading /> : !settings.data ? <ProblemAlert error={settings.error} /> : <SettingsForm initial={settings.data} />}
    </>
  );
}
