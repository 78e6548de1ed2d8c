import { Alert, Anchor, Badge, Button, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { XlsformProblem } from '../../../contracts/surveys.js';
import { formatDateTime } from '../../app/format.js';
import { useCan, useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { sortRows } from '../../ui/list-params.js';
import { useListParams } from '../../ui/use-list-params.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { createForm, fetchForms, importXlsform, surveyKeys } from './api.js';


/** Forms of the organisation: build one, or bring the XLSForm field teams already use. */
export function FormsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const forms = useQuery({ queryKey: surveyKeys.forms, queryFn: fetchForms });
  // A dozen forms: all on the screen, sorted here; the order stays in the address.
  const list = useListParams({ sort: '-updated' });
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
  if (forms.isPending) return <Loading />;
  if (forms.error) return <ProblemAlert error={forms.error} />;
  return (
    <Stack>
      <PageHeader title={t('nav.forms')}>
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
      <ProblemAlert error={importForm.error ?? create.error} />
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
        pending={false}
        empty={forms.data.items.length === 0}
        emptyText={t('surveys.noForms')}
        minWidth={640}
        sort={list.sort}
        headers={[{ label: t('surveys.formTitle'), sort: 'title' }, { label: t('surveys.purpose'), sort: 'purpose' }, t('surveys.version'), { label: t('surveys.updated'), sort: 'updated', firstDescending: true }]}
      >
        {sortRows(forms.data.items, list.values.sort, { title: (f) => f.title, purpose: (f) => t(`surveys.purposes.${f.purpose}`), updated: (f) => f.updatedAt }, i18n.language).map((f) => (
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
    </Stack>
  );
}
