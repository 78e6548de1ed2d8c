import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEXES, ContactInput } from '../../../contracts/members.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { addContact, eraseContact, fetchContacts, memberKeys, removeContact } from './api.js';

const EMPTY = { name: '', role: '', email: '', phone: '', sex: null, consentToContact: false };

export function ContactsTab({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const contacts = useQuery({ queryKey: memberKeys.contacts(memberId), queryFn: () => fetchContacts(memberId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.contacts(memberId) });
  const form = useContractForm(ContactInput, EMPTY);
  const add = useMutation({
    mutationFn: (values: typeof form.values) => addContact(memberId, values),
    onSuccess: () => {
      form.reset();
      void refresh();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const remove = useMutation({ mutationFn: (id: string) => removeContact(memberId, id), onSuccess: refresh });
  const erase = useMutation({ mutationFn: eraseContact, onSuccess: refresh });
  return (
    <Stack>
      <ProblemAlert error={contacts.error ?? remove.error ?? erase.error} />
      <DataTable
        pending={contacts.isPending}
        empty={!contacts.data?.items.length}
        emptyText={t('members.contacts.empty')}
        minWidth={720}
        headers={[t('auth.name'), t('members.contacts.role'), t('auth.email'), t('members.phone'), t('members.contacts.consent'), '']}
      >
        {contacts.data?.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.erased ? <Badge color="gray" variant="light">{t('members.contacts.erased')}</Badge> : c.name}</Table.Td>
            <Table.Td>{c.role || '—'}</Table.Td>
            <Table.Td>{c.email ?? '—'}</Table.Td>
            <Table.Td>{c.phone ?? '—'}</Table.Td>
            <Table.Td>{c.consentToContact ? t('members.contacts.consentSince', { date: formatDate(c.consentRecordedAt) }) : t('members.contacts.noConsent')}</Table.Td>
            <Table.Td>
              {!c.erased && (
                <Group gap="xs" wrap="nowrap">
                  {can('members.privacy') && <Anchor size="xs" href={`/api/v1/contacts/${c.id}/privacy-export`}>{t('members.privacy.export')}</Anchor>}
                  {can('members.privacy') && <ConfirmButton label={t('members.privacy.erase')} question={t('members.privacy.eraseQuestion', { name: c.name })} onConfirm={() => erase.mutateAsync(c.id)} />}
                  {can('members.write') && <ConfirmButton label={t('people.remove')} question={t('members.contacts.removeQuestion', { name: c.name })} onConfirm={() => remove.mutateAsync(c.id)} />}
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {can('members.write') && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">{t('members.contacts.add')}</Title>
          <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
            <Stack>
              <ProblemAlert error={add.error} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('auth.name')} required {...form.getInputProps('name')} />
                <TextInput label={t('members.contacts.role')} {...form.getInputProps('role')} />
                <Select label={t('members.contacts.sex')} clearable data={SEXES.map((v) => ({ value: v, label: t(`members.sexes.${v}`) }))} {...form.getInputProps('sex')} />
                <TextInput label={t('auth.email')} type="email" {...form.getInputProps('email')} />
                <TextInput label={t('members.phone')} type="tel" {...form.getInputProps('phone')} />
              </SimpleGrid>
              <Checkbox label={t('members.contacts.consentLabel')} {...form.getInputProps('consentToContact', { type: 'checkbox' })} />
              <Button type="submit" loading={add.isPending} w="fit-content">{t('members.contacts.add')}</Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
