import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InvitationInput, OPEN_INVITATION_STATUSES, type Invitation, type Person } from '../../../contracts/orgs.js';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { formatDate } from '../../app/format.js';
import { useCan, useSession } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { notify } from '../../ui/notify.js';
import { invitationsPath, orgKeys, peoplePath, removePerson, revokeInvitation, sendInvitation, setPersonRole } from './api.js';

function InviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useContractForm(InvitationInput, { email: '', role: 'staff' as Role });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) => sendInvitation(values),
    onSuccess: (inv) => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations });
      notify(t('people.invited', { email: inv.email }));
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">{t('people.invite')}</Title>
      <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate>
        <Stack>
          <ProblemAlert error={invite.error} />
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('auth.email')} type="email" required miw={260} {...form.getInputProps('email')} />
            <Select label={t('people.role')} allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} {...form.getInputProps('role')} />
            <Button type="submit" loading={invite.isPending}>{t('people.sendInvitation')}</Button>
          </Group>
          <Text size="xs" c="dimmed">{t('people.rolesHelp')}</Text>
        </Stack>
      </form>
    </Paper>
  );
}

/** The invitations not yet accepted; its filters and order sit in the address beside the people's (keys of their own). */
function Invitations() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const params = useListParams({ invitationQ: '', invitationStatus: '', invitationSort: '-sent' }, ['invitationQ']);
  const query = { q: params.query.invitationQ, status: params.query.invitationStatus, sort: params.query.invitationSort };
  const sort = { value: params.values.invitationSort, onChange: (v: string) => params.set('invitationSort', v) };
  const list = useCursorPages<Invitation>(orgKeys.invitations, invitationsPath, query);
  const revoke = useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.invitations }),
  });
  const filtered = !!(params.values.invitationQ || params.values.invitationStatus);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{t('people.invitations')}</Title>
        <ExportMenu path={invitationsPath} query={query} />
      </Group>
      <Group align="flex-end" mb="sm">
        <TextInput label={t('people.searchInvitations')} leftSection={<IconSearch size={16} />} value={params.values.invitationQ} onChange={(e) => params.set('invitationQ', e.currentTarget.value)} />
        <Select label={t('people.status')} clearable w={180} value={params.values.invitationStatus || null} onChange={(v) => params.set('invitationStatus', v ?? '')}
          data={OPEN_INVITATION_STATUSES.map((s) => ({ value: s, label: t(`people.statuses.${s}`) }))} />
      </Group>
      <ProblemAlert error={list.error ?? revoke.error} />
      <DataTable
        bordered={false}
        pending={list.isPending}
        empty={list.items.length === 0}
        emptyText={filtered ? t('people.noInvitationsMatch') : t('people.noInvitations')}
        minWidth={640}
        sort={sort}
        headers={[{ label: t('auth.email'), sort: 'email' }, t('people.role'), t('people.status'), { label: t('people.sent'), sort: 'sent', firstDescending: true }, { label: t('people.expires'), sort: 'expires' }, '']}
      >
        {list.items.map((inv) => (
          <Table.Tr key={inv.id}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{inv.email}</Table.Td>
            <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
            <Table.Td><Badge variant="light" color={inv.status === 'pending' ? 'blue' : 'gray'}>{t(`people.statuses.${inv.status}`)}</Badge></Table.Td>
            <Table.Td>{formatDate(inv.createdAt)}</Table.Td>
            <Table.Td>{formatDate(inv.expiresAt)}</Table.Td>
            <Table.Td>
              {inv.status === 'pending' && (
                <ConfirmButton label={t('people.revoke')} question={t('people.revokeQuestion', { email: inv.email })} onConfirm={() => revoke.mutateAsync(inv.id)} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Paper>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const manage = can('people.manage');
  const list = useListParams({ role: '', sort: 'name' });
  const people = useCursorPages<Person>(orgKeys.people, peoplePath, list.query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.people });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => setPersonRole(userId, role),
    onSuccess: () => {
      void refresh();
      notify(t('ui.saved'));
    },
  });
  const remove = useMutation({ mutationFn: removePerson, onSuccess: refresh });
  // A role decides what someone may see and do: it changes only once confirmed.
  const [confirm, confirmDialog] = useConfirm();
  const askRole = async (p: Person, role: Role) => {
    const question = t('people.roleChangeQuestion', { name: p.name, from: t(`roles.${p.role}`), to: t(`roles.${role}`) });
    if (await confirm({ question, confirmLabel: t('people.changeRole'), color: 'teal' })) changeRole.mutate({ userId: p.userId, role });
  };
  return (
    <Stack>
      {confirmDialog}
      <PageHeader title={t('nav.people')}>
        <ExportMenu path={peoplePath} query={list.query} />
      </PageHeader>
      {manage && <InviteForm />}
      <Paper withBorder p="md">
        <Select label={t('people.role')} clearable w={220} mb="sm" value={list.values.role || null} onChange={(v) => list.set('role', v ?? '')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <ProblemAlert error={people.error ?? changeRole.error ?? remove.error} />
        <DataTable
          bordered={false}
          pending={people.isPending}
          empty={people.items.length === 0}
          emptyText={t('people.empty')}
          minWidth={640}
          sort={list.sort}
          headers={[{ label: t('auth.name'), sort: 'name' }, t('auth.email'), t('people.role'), { label: t('people.since'), sort: 'since', firstDescending: true }, ...(manage ? [''] : [])]}
        >
          {people.items.map((p) => (
            <Table.Tr key={p.userId}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>
                {manage ? (
                  <Select
                    aria-label={t('people.roleOf', { name: p.name })}
                    size="xs"
                    w={140}
                    allowDeselect={false}
                    value={p.role}
                    data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    onChange={(role) => role && role !== p.role && void askRole(p, role as Role)}
                  />
                ) : (
                  t(`roles.${p.role}`)
                )}
              </Table.Td>
              <Table.Td>{formatDate(p.since)}</Table.Td>
              {manage && (
                <Table.Td>
                  {p.userId !== session?.user.id && (
                    <ConfirmButton label={t('people.remove')} question={t('people.removeQuestion', { name: p.name })} onConfirm={() => remove.mutateAsync(p.userId)} />
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
        <LoadMore hasMore={people.hasNextPage} loading={people.isFetchingNextPage} onLoad={() => void people.fetchNextPage()} />
      </Paper>
      {manage && <Invitations />}
    </Stack>
  );
}
