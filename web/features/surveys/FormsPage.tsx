import { Alert, Anchor, Badge, Button, FileInput, Group, List, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FORM_PURPOSES, FORM_STATUSES, type XlsformProblem } from '../../../contracts/surveys.js';
import { formatDateTime } from '../../app/format.js';
import { useCan, useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { createForm, formsPath, importXlsform, surveyKeys, type FormSummary } from './api.js';


/** Forms of the organisation: build one, or bring the XLSForm field teams already use. */
export function FormsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  // The search, filters and order stay in the address; the server sorts and pages.
  const list = useListParams({ q: '', purpose: '', status: '', sort: '-updated' });
  const forms = useCursorPages<FormSummary>(surveyKeys.forms, formsPath, list.query);
  const [notices, setNotices] = useState<XlsformProblem[]>([]);
  const create = useMutation({
    mutationFn: () => {
      const lang = session?.org?.languages[0] ?? 'en';
      return createForm({ title: { [lang]: t('surveys.untitled') }, languages: session?.org?.languages ?? [lang], questions: [{ name: 'q1', type: 'text', label: { [lang]: t('surveys.firstQuestion') } }] });
    },
    onSuccess: (f) => navigate(`/forms/${f.id}`),
  });
  const importForm = useMutation({
    mutationFn: importXlsform,
    onSuccess: async (r) => {
      setNotices(r.notices);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.forms });
    },
  });
  const filtered = !!(list.values.q || list.values.purpose || list.values.status);
  return (
    <Stack>
      <PageHeader title={t('nav.forms')}>
        {can('surveys.export') && <ExportMenu path={formsPath} query={list.query} />}
        {can('surveys.manage') && (
          <>
            <FileInput
              w={260}
              accept=".xlsx"
              placeholder={t('surveys.importXlsform')}
              aria-label={t('surveys.importXlsform')}
              leftSection={<IconFileSpreadsheet size={16} />}
              onChange={(f) => f && importForm.mutate(f)}
              value={null}
            />
            <Button leftSection={<IconPlus size={16} />} onClick={() => create.mutate()} loading={create.isPending}>{t('surveys.newForm')}</Button>
          </>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed">{t('surveys.formsIntro')}</Text>
      {importForm.isPending && <Loading />}
      <Group align="flex-end">
        <TextInput label={t('surveys.searchForms')} leftSection={<IconSearch size={16} />} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select label={t('surveys.purpose')} clearable w={200} value={list.values.purpose || null} onChange={(v) => list.set('purpose', v ?? '')}
          data={FORM_PURPOSES.map((p) => ({ value: p, label: t(`surveys.purposes.${p}`) }))} />
        <Select label={t('surveys.version')} clearable w={200} value={list.values.status || null} onChange={(v) => list.set('status', v ?? '')}
          data={FORM_STATUSES.map((s) => ({ value: s, label: t(`surveys.formStatuses.${s}`) }))} />
      </Group>
      <ProblemAlert error={forms.error ?? importForm.error ?? create.error} />
      {importForm.isSuccess && (
        <Alert color="teal" title={t('surveys.imported', { title: importForm.data.form.title })}>
          {notices.length > 0 && (
            <List size="sm">
              {notices.map((n) => <List.Item key={`${n.row}${n.column}`}>{`${n.sheet}!${n.column}${n.row}: ${t(`errors.${n.code}`, n.params ?? {})}`}</List.Item>)}
            </List>
          )}
        </Alert>
      )}
      <DataTable
        pending={forms.isPending}
        empty={forms.items.length === 0}
        emptyText={filtered ? t('surveys.noFormsMatch') : t('surveys.noForms')}
        minWidth={640}
        sort={list.sort}
        headers={[{ label: t('surveys.formTitle'), sort: 'title' }, { label: t('surveys.purpose'), sort: 'purpose' }, t('surveys.version'), { label: t('surveys.updated'), sort: 'updated', firstDescending: true }]}
      >
        {forms.items.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td><Anchor component={Link} to={`/forms/${f.id}`}>{f.title}</Anchor></Table.Td>
            <Table.Td>{t(`surveys.purposes.${f.purpose}`)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {f.publishedVersion ? `v${f.publishedVersion}` : t('surveys.neverPublished')}
                {f.hasChanges && f.publishedVersion > 0 && <Badge size="xs" variant="light" color="orange">{t('surveys.unpublishedChanges')}</Badge>}
              </Group>
            </Table.Td>
            <Table.Td>{formatDateTime(f.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={forms.hasNextPage} loading={forms.isFetchingNextPage} onLoad={() => void forms.fetchNextPage()} />
    </Stack>
  );
}
