import { Alert, Button, Group, Menu, Paper, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Modal } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MEMBER_STATUSES, MemberUpdate, type Member, type MemberStatus } from '../../../contracts/members.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { changeMemberStatus, fetchMember, memberFormValues, memberKeys, updateMember } from './api.js';
import { ActivityTab } from './ActivityTab.js';
import { ContactsTab } from './ContactsTab.js';
import { MemberFields } from './MemberFields.js';
import { MembershipTab } from './MembershipTab.js';
import { StatusBadge } from './StatusBadge.js';
import { TimelineTab } from './TimelineTab.js';
import { useTabParam } from '../../ui/use-tab-param.js';

function ProfileTab({ member }: { member: Member }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const form = useContractForm(MemberUpdate, memberFormValues(member));
  const save = useMutation({
    mutationFn: (values: typeof form.values) => updateMember(member.id, values),
    onSuccess: (m) => {
      queryClient.setQueryData(memberKeys.one(m.id), m);
      void queryClient.invalidateQueries({ queryKey: memberKeys.list });
      form.setValues(memberFormValues(m));
      form.resetDirty();
      notify(t('ui.saved'));
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'members.version_conflict';
  const guard = useLeaveGuard(can('members.write') && form.isDirty());
  return (
    <Paper withBorder p="md" maw={900}>
      {guard.dialog}
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          {conflict ? (
            <Alert color="yellow" title={save.error!.message}>
              <Button size="xs" variant="default" onClick={() => void queryClient.invalidateQueries({ queryKey: memberKeys.one(member.id) })}>{t('ui.reload')}</Button>
            </Alert>
          ) : (
            <ProblemAlert error={save.error} />
          )}
          <MemberFields form={form} />
          {can('members.write') && (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">{t('ui.save')}</Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function StatusMenu({ member }: { member: Member }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<MemberStatus | null>(null);
  const [reason, setReason] = useState('');
  const [opened, { open, close }] = useDisclosure(false);
  const change = useMutation({
    mutationFn: () => changeMemberStatus(member.id, target, reason),
    onSuccess: (m) => {
      queryClient.setQueryData(memberKeys.one(m.id), m);
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      close();
      setReason('');
      notify(t('members.statusChanged', { status: t(`members.statuses.${m.status}`) }));
    },
  });
  return (
    <>
      <Menu>
        <Menu.Target>
          <Button variant="default">{member.status === 'applicant' ? t('members.decide') : t('members.changeStatus')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {MEMBER_STATUSES.filter((s) => s !== member.status && s !== 'applicant').map((s) => (
            <Menu.Item key={s} onClick={() => { setTarget(s); open(); }}>
              {member.status === 'applicant' && s === 'active' ? t('members.approve') : t(`members.statuses.${s}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title={t('members.statusTo', { status: target ? t(`members.statuses.${target}`) : '' })}>
        <Stack>
          <ProblemAlert error={change.error} />
          {target === 'active' && <Text size="sm">{t('members.activeHelp')}</Text>}
          <Textarea label={t('members.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('ui.confirm.cancel')}</Button>
            <Button loading={change.isPending} onClick={() => change.mutate()}>{t('ui.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function MemberPage() {
  const { t } = useTranslation();
  const tabs = useTabParam('profile');
  const can = useCan();
  const { id = '' } = useParams();
  const member = useQuery({ queryKey: memberKeys.one(id), queryFn: () => fetchMember(id) });
  if (member.isPending) return <Loading />;
  if (member.error) return <ProblemAlert error={member.error} />;
  const m = member.data;
  return (
    <Stack>
      <PageHeader title={m.legalName}>
        <StatusBadge status={m.status} />
        {can('membership.manage') && <StatusMenu member={m} />}
      </PageHeader>
      <Text size="sm" c="dimmed">
        {[m.tradeName, m.joinedOn && t('members.memberSince', { date: formatDate(m.joinedOn) }), m.renewalDueOn && t('members.renewalOn', { date: formatDate(m.renewalDueOn) })].filter(Boolean).join(' · ')}
      </Text>
      <Tabs {...tabs} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('members.tabs.profile')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('members.tabs.contacts')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('members.tabs.timeline')}</Tabs.Tab>
          <Tabs.Tab value="membership">{t('members.tabs.membership')}</Tabs.Tab>
          <Tabs.Tab value="activity">{t('members.tabs.activity')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md"><ProfileTab key={m.version} member={m} /></Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md"><ContactsTab memberId={m.id} /></Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md"><TimelineTab memberId={m.id} /></Tabs.Panel>
        <Tabs.Panel value="membership" pt="md"><MembershipTab member={m} /></Tabs.Panel>
        <Tabs.Panel value="activity" pt="md"><ActivityTab member={m} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
