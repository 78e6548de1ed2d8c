import { Anchor, Badge, Button, Checkbox, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SIZE_CLASSES } from '../../../contracts/member-lists.js';
import { CONSULTATION_STATUSES, type Audience, type Consultation, type ConsultationInput } from '../../../contracts/surveys.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useRegionChoices } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { isicFilterOptions } from '../members/isic-options.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { consultationsPath, createConsultation, fetchFormsForPicker, surveyKeys } from './api.js';

export const statusColor = { draft: 'gray', open: 'teal', closed: 'dark' } as const;

/** Who is asked: a segment of active member firms, or anyone with the public link. */
function NewConsultation({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forms = useQuery({ queryKey: surveyKeys.formPicker('all'), queryFn: () => fetchFormsForPicker() });
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const regionChoices = useRegionChoices(org.data?.regions);
  const [input, setInput] = useState<ConsultationInput>({ title: '', formId: '', identity: 'firm', audience: {}, closesOn: null });
  const audience = (patch: Partial<Audience>) => setInput({ ...input, audience: { ...input.audience, ...patch } });
  const create = useMutation({
    mutationFn: () => createConsultation(input),
    onSuccess: (c) => navigate(`/consultations/${c.id}`),
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <Stack>
      <TextInput label={t('surveys.consultationTitle')} required value={input.title} error={errors.title} onChange={(e) => setInput({ ...input, title: e.currentTarget.value })} data-autofocus />
      <Select label={t('surveys.form')} required searchable data={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }))} value={input.formId || null} error={errors.formId} onChange={(v) => setInput({ ...input, formId: v ?? '' })} />
      <Select
        label={t('surveys.identity')}
        allowDeselect={false}
        data={(['firm', 'anonymous'] as const).map((v) => ({ value: v, label: t(`surveys.identities.${v}`) }))}
        value={input.identity}
        onChange={(v) => v && setInput({ ...input, identity: v as ConsultationInput['identity'] })}
      />
      {input.identity === 'firm' && (
        <>
          <Text size="sm" fw={600}>{t('surveys.audience')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('members.sector')} clearable searchable data={isicFilterOptions} value={input.audience.sector ?? null} onChange={(v) => audience({ sector: v ?? undefined })} />
            <Select label={t('members.region')} clearable data={regionChoices} value={input.audience.region ?? null} onChange={(v) => audience({ region: v ?? undefined })} />
            <MultiSelect label={t('members.size')} data={SIZE_CLASSES.map((s) => ({ value: s, label: t(`members.sizes.${s}`) }))} value={input.audience.size ?? []} onChange={(v) => audience({ size: v.length ? (v as Audience['size']) : undefined })} />
          </SimpleGrid>
          <Group>
            <Checkbox label={t('members.womenLed')} checked={!!input.audience.womenLed} onChange={(e) => audience({ womenLed: e.currentTarget.checked || undefined })} />
            <Checkbox label={t('members.youthLed')} checked={!!input.audience.youthLed} onChange={(e) => audience({ youthLed: e.currentTarget.checked || undefined })} />
            <Checkbox label={t('members.formalities.informal')} checked={!!input.audience.informal} onChange={(e) => audience({ informal: e.currentTarget.checked || undefined })} />
          </Group>
        </>
      )}
      <TextInput type="date" label={t('surveys.closesOn')} value={input.closesOn ?? ''} error={errors.closesOn} onChange={(e) => setInput({ ...input, closesOn: e.currentTarget.value || null })} />
      <ProblemAlert error={create.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('ui.confirm.cancel')}</Button>
        <Button onClick={() => create.mutate()} loading={create.isPending}>{t('surveys.createConsultation')}</Button>
      </Group>
    </Stack>
  );
}

export function ConsultationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, { open, close }] = useDisclosure(false);
  const list = useListParams({ status: '', sort: '-created' });
  const pages = useCursorPages<Consultation>(surveyKeys.consultations, consultationsPath, list.query);
  return (
    <Stack>
      <PageHeader title={t('nav.consultations')}>
        {can('surveys.export') && <ExportMenu path={consultationsPath} query={list.query} />}
        {can('surveys.manage') && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t('surveys.newConsultation')}</Button>}
      </PageHeader>
      <Text size="sm" c="dimmed">{t('surveys.consultationsIntro')}</Text>
      <Select label={t('surveys.status')} clearable w={220} value={list.values.status || null} onChange={(v) => list.set('status', v ?? '')}
        data={CONSULTATION_STATUSES.map((s) => ({ value: s, label: t(`surveys.statuses.${s}`) }))} />
      <ProblemAlert error={pages.error} />
      <DataTable
        pending={pages.isPending}
        empty={pages.items.length === 0}
        emptyText={list.values.status ? t('surveys.noConsultationsMatch') : t('surveys.noConsultations')}
        minWidth={760}
        sort={list.sort}
        headers={[{ label: t('surveys.consultationTitle'), sort: 'title' }, t('surveys.status'), t('surveys.form'), t('surveys.answered'), { label: t('surveys.closesOn'), sort: 'closes' }]}
      >
        {pages.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td><Anchor component={Link} to={`/consultations/${c.id}`}>{c.title}</Anchor></Table.Td>
            <Table.Td><Badge variant="light" color={statusColor[c.status]}>{t(`surveys.statuses.${c.status}`)}</Badge></Table.Td>
            <Table.Td>{c.formTitle}</Table.Td>
            <Table.Td>{c.identity === 'firm' ? t('surveys.answeredOf', { submitted: c.submitted, invited: c.invited }) : c.submitted}</Table.Td>
            <Table.Td>{formatDate(c.closesOn)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
      <Modal opened={opened} onClose={close} title={t('surveys.newConsultation')} size="lg">
        <NewConsultation onClose={close} />
      </Modal>
    </Stack>
  );
}
