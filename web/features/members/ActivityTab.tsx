import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../../contracts/members.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchActivity, fetchInvoices, memberKeys } from './api.js';
import { InvoicesTable } from './MembershipTab.js';

/**
 * What a firm did and what came of it, each linked to its record: the
 * consultations it answered, the issues it raised or shares, its invoices.
 * (Events and trainings take their place here as their modules arrive, from
 * the same `/members/:id/activity` answer.)
 */
export function ActivityTab({ member }: { member: Member }) {
  const { t } = useTranslation();
  const can = useCan();
  const activity = useQuery({ queryKey: memberKeys.activity(member.id), queryFn: () => fetchActivity(member.id) });
  const invoices = useQuery({ queryKey: memberKeys.invoices(member.id), queryFn: () => fetchInvoices(member.id) });
  const answers = activity.data?.answers ?? [];
  const issues = activity.data?.issues ?? [];
  return (
    <Stack>
      <ProblemAlert error={activity.error} />
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">{t('members.activity.answers')}</Title>
        <DataTable pending={activity.isPending} empty={answers.length === 0} emptyText={t('members.activity.noAnswers')} minWidth={420}
          headers={[t('members.activity.consultation'), t('members.status'), t('members.activity.answeredOn')]}>
          {answers.map((a) => (
            <Table.Tr key={a.consultationId}>
              <Table.Td>{can('surveys.read') ? <Anchor component={Link} to={`/consultations/${a.consultationId}`} size="sm">{a.consultation}</Anchor> : a.consultation}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={a.status === 'submitted' ? 'teal' : 'gray'}>{t(`members.activity.answerStatuses.${a.status}`)}</Badge>
                {a.channel !== 'web' && <Text size="xs" c="dimmed">{t(`surveys.channels.${a.channel}`)}</Text>}
              </Table.Td>
              <Table.Td>{formatDate(a.submittedAt ?? a.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">{t('members.activity.issues')}</Title>
        <DataTable pending={activity.isPending} empty={issues.length === 0} emptyText={t('members.activity.noIssues')} minWidth={420}
          headers={[t('members.activity.issue'), t('members.status'), t('members.activity.raisedOn')]}>
          {issues.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                {can('intake.read') ? <Anchor component={Link} to={`/issues/${i.id}`} size="sm">{i.title}</Anchor> : i.title}
                {i.raisedById && <Text size="xs" c="dimmed">{i.raisedById === member.id ? t('members.activity.raisedByThisFirm') : t('members.activity.sharedByThisFirm')}</Text>}
              </Table.Td>
              <Table.Td><Badge variant="light">{t(`intake.statuses.${i.status}`)}</Badge></Table.Td>
              <Table.Td>{formatDate(i.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">{t('members.invoices.title')}</Title>
        <ProblemAlert error={invoices.error} />
        <InvoicesTable invoices={invoices.data?.items ?? []} pending={invoices.isPending} />
      </Paper>
    </Stack>
  );
}
