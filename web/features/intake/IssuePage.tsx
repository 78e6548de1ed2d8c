import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ISSUE_CATEGORIES, type MemberIssueDetail } from '../../../contracts/intake.js';
import { ApiError } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { AffectedCounts } from './AffectedCounts.js';
import { AffectedFirmsPanel } from './AffectedFirmsPanel.js';
import { editIssue, fetchIssue, intakeKeys, statusColor } from './api.js';
import { AffectsUsButton } from './IssuesPage.js';
import { TriagePanel } from './TriagePanel.js';

function EditIssue({ issue, onDone }: { issue: MemberIssueDetail; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [input, setInput] = useState({ title: issue.title, description: issue.description, category: issue.category });
  const guard = useLeaveGuard(changedFrom({ title: issue.title, description: issue.description, category: issue.category }, input));
  const save = useMutation({
    mutationFn: () => editIssue(issue.id, input),
    onSuccess: async () => {
      notify(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Stack>
      {guard.dialog}
      <TextInput label={t('intake.title')} required value={input.title} error={errors.title} onChange={(e) => setInput({ ...input, title: e.currentTarget.value })} />
      <Select label={t('intake.category')} allowDeselect={false} data={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`intake.categories.${c}`) }))} value={input.category} onChange={(v) => v && setInput({ ...input, category: v as typeof input.category })} />
      <Textarea label={t('intake.description')} required autosize minRows={4} value={input.description} error={errors.description} onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
      <ProblemAlert error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>{t('ui.save')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Stack>
  );
}

function History({ issue }: { issue: MemberIssueDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {issue.history.map((e, i) => (
        <Timeline.Item key={i} title={e.action === 'status' ? t('intake.events.status', { status: t(`intake.statuses.${e.toStatus}`) }) : t(`intake.events.${e.action}`)}>
          <Text size="xs" c="dimmed">{[formatDateTime(e.at), e.actor].filter(Boolean).join(' · ')}</Text>
          {e.note && <Text size="sm">{e.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function IssuePage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const issue = useQuery({ queryKey: intakeKeys.one(id), queryFn: () => fetchIssue(id) });
  if (issue.isPending) return <Loading />;
  if (issue.error) return <ProblemAlert error={issue.error} />;
  const x = issue.data;
  const staff = can('intake.triage');
  return (
    <Stack>
      <PageHeader title={x.title}>
        <Badge variant="light" color={statusColor[x.status]}>{t(`intake.statuses.${x.status}`)}</Badge>
        <Badge variant="default">{t(`intake.categories.${x.category}`)}</Badge>
        {can('members.self') && <AffectsUsButton issue={x} />}
        {staff && x.status !== 'merged' && !editing && <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('intake.edit')}</Button>}
      </PageHeader>
      {x.mergedInto && (
        <Alert color="gray">
          {t('intake.mergedInto')} <Anchor component={Link} to={`/issues/${x.mergedInto.id}`}>{x.mergedInto.title}</Anchor>
        </Alert>
      )}
      {x.responseNote && x.status !== 'merged' && <Alert color={statusColor[x.status]} title={t('intake.responseFromChamber')}>{x.responseNote}</Alert>}
      {editing ? <EditIssue issue={x} onDone={() => setEditing(false)} /> : (
        <Paper withBorder p="md">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{x.description}</Text>
          <Text size="xs" c="dimmed" mt="sm">
            {x.raisedBy && (
              <>
                {t('intake.raisedByLabel')}{' '}
                {x.raisedById && can('members.read') ? <Anchor component={Link} to={`/members/${x.raisedById}`} inherit>{x.raisedBy}</Anchor> : x.raisedBy}
                {' · '}
              </>
            )}
            {formatDateTime(x.createdAt)}
          </Text>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">{t('intake.firmsAffected', { count: x.affectedFirms })}</Title>
        <AffectedCounts breakdown={x.breakdown} />
      </Paper>
      {x.mergedFrom.length > 0 && (
        <Text size="sm">
          {t('intake.mergedFrom')}{' '}
          {x.mergedFrom.map((m, i) => (
            <span key={m.id}>{i > 0 && ', '}<Anchor component={Link} to={`/issues/${m.id}`}>{m.title}</Anchor></span>
          ))}
        </Text>
      )}
      {(x.takenUpIn.length > 0 || (can('advocacy.manage') && x.status !== 'merged' && x.status !== 'declined')) && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">{t('intake.advocacy')}</Title>
          {x.takenUpIn.length > 0 ? (
            <Text size="sm">
              {t('intake.takenUpIn')}{' '}
              {x.takenUpIn.map((a, i) => (
                <span key={a.id}>{i > 0 && ', '}{can('advocacy.read') ? <Anchor component={Link} to={`/advocacy/${a.id}`}>{a.title}</Anchor> : a.title}</span>
              ))}
            </Text>
          ) : <Text size="sm" c="dimmed">{t('intake.notTakenUp')}</Text>}
          {can('advocacy.manage') && x.status !== 'merged' && x.status !== 'declined' && (
            <Button mt="sm" size="xs" variant="light" component={Link} to={`/advocacy?from=${x.id}`}>{t('intake.startAdvocacy')}</Button>
          )}
        </Paper>
      )}
      {staff && x.status !== 'merged' && <TriagePanel key={x.updatedAt} issue={x} />}
      {staff && <AffectedFirmsPanel issue={x} />}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">{t('intake.history')}</Title>
        <History issue={x} />
      </Paper>
    </Stack>
  );
}
