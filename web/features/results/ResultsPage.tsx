import { Anchor, Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FRAMEWORK_IATI, type FrameworkInput } from '../../../contracts/results.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchOrganisationTypes, frameworksPath, resultsKeys, saveFramework, type Framework, type FrameworkSummary } from './api.js';

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

/** The organisation's results frameworks, one per programme or donor project: searched, published to IATI or not, sorted, paged, in the address and downloaded. */
export function ResultsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const list = useListParams({ q: '', iati: '', sort: 'name' });
  const { q, iati } = list.values;
  const frameworks = useCursorPages<FrameworkSummary>(resultsKeys.frameworks, frameworksPath, list.query);
  return (
    <>
      <PageHeader title={t('nav.results')}>
        {can('results.manage') && <ExportMenu path={frameworksPath} query={list.query} />}
        {can('results.manage') && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('results.newFramework')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('results.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput leftSection={<IconSearch size={16} />} label={t('results.searchFrameworks')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
          <Select label={t('results.iati')} clearable value={iati || null} onChange={(v) => list.set('iati', v ?? '')} data={FRAMEWORK_IATI.map((v) => ({ value: v, label: t(`results.iatiStates.${v}`) }))} />
        </SimpleGrid>
        <ProblemAlert error={frameworks.error} />
        <DataTable pending={frameworks.isPending} empty={!frameworks.items.length} emptyText={q || iati ? t('results.noFrameworksMatch') : t('results.noFrameworks')} minWidth={560} sort={list.sort}
          headers={[
            { label: t('results.frameworkName'), sort: 'name' }, { label: t('results.donor'), sort: 'donor' },
            { label: t('results.indicators'), sort: 'indicators', firstDescending: true }, { label: t('results.periods'), sort: 'periods', firstDescending: true }, t('results.iatiPublishedOn'),
          ]}>
          {frameworks.items.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}><Anchor component={Link} to={`/results/${f.id}`}>{f.name}</Anchor></Table.Td>
              <Table.Td>{f.donor || '—'}</Table.Td>
              <Table.Td>{f.indicators}</Table.Td>
              <Table.Td>{f.periods}</Table.Td>
              <Table.Td>{f.iatiPublishedAt ? formatDate(f.iatiPublishedAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <LoadMore hasMore={!!frameworks.hasNextPage} loading={frameworks.isFetchingNextPage} onLoad={() => void frameworks.fetchNextPage()} />
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
