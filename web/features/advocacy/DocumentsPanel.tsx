import { Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvocacyDocument, AdvocacyIssueDetail } from '../../../contracts/advocacy.js';
import { ApiError } from '../../app/api.js';
import { formatBytes, formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { addDocument, advocacyKeys, documentsPath, fetchDocuments, removeDocument } from './api.js';

type Documents = { items: AdvocacyDocument[] };

/** The papers behind the case: the regulation itself, letters, studies. Downloaded, never opened inside the app. */
export function DocumentsPanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('advocacy.manage');
  const queryClient = useQueryClient();
  const key = advocacyKeys.documents(issue.id);
  const documents = useQuery({ queryKey: key, queryFn: () => fetchDocuments(issue.id) });
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const after = async (updated: Documents) => {
    queryClient.setQueryData(key, updated);
    await queryClient.invalidateQueries({ queryKey: advocacyKeys.one(issue.id) });
  };
  const add = useMutation({ mutationFn: (f: File) => addDocument(issue.id, f, description), onSuccess: after });
  const remove = useMutation({ mutationFn: (id: string) => removeDocument(issue.id, id), onSuccess: after });
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const items = documents.data?.items ?? [];
  return (
    <Stack gap="xs">
      <ProblemAlert error={documents.error ?? remove.error} />
      <DataTable pending={documents.isPending} empty={items.length === 0} emptyText={t('advocacy.documents.none')} minWidth={560}
        headers={[t('advocacy.documents.name'), t('advocacy.documents.added'), t('advocacy.documents.size'), ...(manage ? [''] : [])]}>
        {items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Anchor href={`${documentsPath(issue.id)}/${d.id}`} download={d.name} size="sm" fw={500}>{d.name}</Anchor>
              {d.description && <Text size="xs" c="dimmed">{d.description}</Text>}
            </Table.Td>
            <Table.Td><Text size="sm">{formatDateTime(d.createdAt)}</Text><Text size="xs" c="dimmed">{d.uploadedBy}</Text></Table.Td>
            <Table.Td>{formatBytes(d.size)}</Table.Td>
            {manage && <Table.Td><ConfirmButton label={t('ui.remove')} question={t('advocacy.documents.removeQuestion', { name: d.name })} onConfirm={() => remove.mutateAsync(d.id)} /></Table.Td>}
          </Table.Tr>
        ))}
      </DataTable>
      {manage && (
        <Paper withBorder p="sm">
          <Form onSubmit={() => file && add.mutate(file, { onSuccess: () => { setFile(null); setDescription(''); } })} gap="xs">
            <Group align="flex-end" wrap="wrap">
              <FileInput style={{ flex: 1, minWidth: 220 }} leftSection={<IconPaperclip size={16} />} label={t('advocacy.documents.file')} description={t('advocacy.documents.limit')} value={file} onChange={setFile} error={errors.file} clearable />
              <TextInput style={{ flex: 2, minWidth: 220 }} label={t('advocacy.documents.description')} value={description} error={errors.description} onChange={(e) => setDescription(e.currentTarget.value)} />
              <Button type="submit" disabled={!file} loading={add.isPending}>{t('advocacy.documents.add')}</Button>
            </Group>
            <ProblemAlert error={add.error} />
          </Form>
        </Paper>
      )}
    </Stack>
  );
}
