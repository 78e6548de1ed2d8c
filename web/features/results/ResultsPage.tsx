import { Anchor, Button, Fieldset, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FrameworkInput } from '../../../contracts/results.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchFrameworks, fetchOrganisationTypes, resultsKeys, saveFramework, type Framework } from './api.js';

export function FrameworkForm({ initial, onSaved, onCancel }: { initial: FrameworkInput & { id?: string }; onSaved(f: Framework): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<FrameworkInput>({ name: initial.name, donor: initial.donor, description: initial.description, iatiOrgRef: initial.iatiOrgRef, iatiActivityId: initial.iatiActivityId, iatiOrgType: initial.iatiOrgType });
  const types = useQuery({ queryKey: resultsKeys.organisationTypes, queryFn: fetchOrganisationTypes, staleTime: Infinity });
  const save = useMutation({ mutationFn: () => saveFramework(initial.id, input), onSuccess: onSaved });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      <TextInput label={t('results.frameworkName')} required data-autofocus value={input.name} error={errors.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <TextInput label={t('results.donor')} value={input.donor} error={errors.donor} onChange={(e) => setInput({ ...input, donor: e.currentTarget.value })} />
      <Textarea label={t('results.description')} autosize minRows={2} value={input.description} error={errors.description} onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
      <Fieldset legend={t('results.iati')}>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">{t('results.iatiHelp')}</Text>
          <TextInput label={t('results.iatiOrgRef')} placeholder="GH-RGD-CS123456789" value={input.iatiOrgRef ?? ''} error={errors.iatiOrgRef} onChange={(e) => setInput({ ...input, iatiOrgRef: e.currentTarget.value })} />
          <Select label={t('results.iatiOrgType')} searchable clearable value={input.iatiOrgType} error={errors.iatiOrgType} onChange={(v) => setInput({ ...input, iatiOrgType: v })} data={(types.data?.items ?? []).map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }))} />
          <TextInput label={t('results.iatiActivityId')} description={t('results.iatiActivityIdHelp')} value={input.iatiActivityId ?? ''} error={errors.iatiActivityId} onChange={(e) => setInput({ ...input, iatiActivityId: e.currentTarget.value })} />
        </Stack>
      </Fieldset>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
        <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

/** The organisation's results frameworks, one per programme or donor project. */
export function ResultsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const frameworks = useQuery({ queryKey: resultsKeys.frameworks, queryFn: fetchFrameworks });
  const items = frameworks.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('nav.results')}>
        {can('results.manage') && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('results.newFramework')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('results.intro')}</Text>
        <ProblemAlert error={frameworks.error} />
        <DataTable pending={frameworks.isPending} empty={!items.length} emptyText={t('results.noFrameworks')} headers={[t('results.frameworkName'), t('results.donor'), t('results.indicators'), t('results.periods')]} minWidth={480}>
          {items.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td><Anchor component={Link} to={`/results/${f.id}`}>{f.name}</Anchor></Table.Td>
              <Table.Td>{f.donor || '—'}</Table.Td>
              <Table.Td>{f.indicators}</Table.Td>
              <Table.Td>{f.periods}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('results.newFramework')}>
        <FrameworkForm initial={{ name: '', donor: '', description: '', iatiOrgRef: null, iatiActivityId: null, iatiOrgType: null }} onCancel={() => setCreating(false)} onSaved={async (f) => {
          await queryClient.invalidateQueries({ queryKey: resultsKeys.all });
          void navigate(`/results/${f.id}`);
        }} />
      </Modal>
    </>
  );
}
