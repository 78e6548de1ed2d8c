import { Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DECISION_SORTS, FORUM_KINDS, FORUM_SORTS, MEETING_SORTS, MEETING_STATUSES, type Decision, type Forum, type ForumDetail, type ForumInput, type MeetingSummary } from '../../../contracts/dialogue.js';
import { ApiError } from '../../app/api.js';
import { formatDateTime, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { decisionsPath, dialogueKeys, forumsPath, meetingsPath, saveForum } from './api.js';
import { MeetingLine } from './MeetingLine.js';
import { DecisionCard } from './DecisionCard.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';

export function ForumForm({ initial, onSaved, onCancel }: { initial: ForumInput & { id?: string }; onSaved(forum: ForumDetail): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [start] = useState<ForumInput>({ name: initial.name, kind: initial.kind, description: initial.description, isPublic: initial.isPublic });
  const [input, setInput] = useState<ForumInput>(start);
  const guard = useLeaveGuard(changedFrom(start, input));
  const save = useMutation({
    mutationFn: () => saveForum(initial.id, input),
    onSuccess: (forum) => {
      guard.release();
      onSaved(forum);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      <TextInput label={t('dialogue.forumName')} required data-autofocus value={input.name} error={errors.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <Select label={t('dialogue.kind')} allowDeselect={false} value={input.kind} onChange={(v) => v && setInput({ ...input, kind: v as ForumInput['kind'] })} data={FORUM_KINDS.map((k) => ({ value: k, label: t(`dialogue.kinds.${k}`) }))} />
      <Textarea label={t('dialogue.description')} autosize minRows={3} value={input.description} onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
      <Switch label={t('dialogue.isPublic')} description={t('dialogue.isPublicHelp')} checked={input.isPublic} onChange={(e) => setInput({ ...input, isPublic: e.currentTarget.checked })} />
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
        <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

export function DialoguePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  // The forums, the meetings and the decisions each keep their filters and order in the address, under their own names.
  const forumList = useListParams({ forumQ: '', forumKind: '', forumSort: 'name' }, ['forumQ']);
  const { forumQ, forumKind, forumSort } = forumList.values;
  const forumFilters = { q: forumList.query.forumQ, kind: forumList.query.forumKind, sort: forumList.query.forumSort };
  const forums = useCursorPages<Forum>(dialogueKeys.forums, forumsPath, forumFilters);
  const meetingList = useListParams({ meetingWhen: 'upcoming', meetingStatus: '', meetingSort: 'starts' }, []);
  const { meetingWhen, meetingStatus, meetingSort } = meetingList.values;
  const meetingFilters = { status: meetingList.query.meetingStatus, sort: meetingList.query.meetingSort, from: meetingWhen === 'upcoming' ? orgToday() : undefined };
  const meetings = useCursorPages<MeetingSummary>(dialogueKeys.meetings, meetingsPath, meetingFilters);
  // Which decisions and in what order sit in the address; `which` becomes the API's status or overdue filter.
  const list = useListParams({ which: 'open', sort: 'due' });
  const { which, sort } = list.values;
  const { which: _which, ...order } = list.query;
  const filters = { ...order, ...(which === 'overdue' ? { overdue: 'true' } : which === 'all' ? {} : { status: which }) };
  const decisions = useCursorPages<Decision>(dialogueKeys.decisions, decisionsPath, filters);
  return (
    <Stack>
      <PageHeader title={t('nav.dialogue')}>
        {can('dialogue.manage') && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('dialogue.newForum')}</Button>}
      </PageHeader>
      <Text size="sm" c="dimmed">{t('dialogue.intro')}</Text>
      <ProblemAlert error={forums.error ?? meetings.error ?? decisions.error} />
      <Group justify="space-between">
        <Title order={2} size="h4">{t('dialogue.forums')}</Title>
        {can('dialogue.manage') && <ExportMenu path={forumsPath} query={forumFilters} />}
      </Group>
      <Group align="flex-end">
        <TextInput aria-label={t('dialogue.searchForums')} placeholder={t('dialogue.searchForums')} value={forumQ} onChange={(e) => forumList.set('forumQ', e.currentTarget.value)} />
        <Select aria-label={t('dialogue.kind')} placeholder={t('dialogue.anyKind')} clearable value={forumKind || null} onChange={(v) => forumList.set('forumKind', v ?? '')} data={FORUM_KINDS.map((k) => ({ value: k, label: t(`dialogue.kinds.${k}`) }))} />
        <Select aria-label={t('dialogue.forumSort')} allowDeselect={false} value={forumSort} onChange={(v) => v && forumList.set('forumSort', v)} data={FORUM_SORTS.flatMap((c) => [c, `-${c}`]).map((v) => ({ value: v, label: t(`dialogue.forumSorts.${v}`) }))} />
      </Group>
      {forums.isPending ? <Loading /> : forums.items.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {forums.items.map((f) => (
            <Paper key={f.id} withBorder p="md" component="article">
              <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                <Anchor component={Link} to={`/dialogue/forums/${f.id}`} fw={600} style={{ minWidth: 0, flex: '1 1 10rem' }}>{f.name}</Anchor>
                <Badge variant="default" size="sm">{t(`dialogue.kinds.${f.kind}`)}</Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>{t('dialogue.forumFacts', { members: f.members, open: f.openDecisions })}</Text>
              {f.nextMeeting && <Text size="sm" mt={4}>{t('dialogue.next')}: <Anchor component={Link} to={`/dialogue/meetings/${f.nextMeeting.id}`} size="sm">{f.nextMeeting.title}</Anchor> · {formatDateTime(f.nextMeeting.startsAt)}</Text>}
            </Paper>
          ))}
        </SimpleGrid>
      ) : <EmptyState>{forumQ || forumKind ? t('dialogue.noForumsMatch') : can('dialogue.manage') ? t('dialogue.noForums') : t('dialogue.noForumsOfficial')}</EmptyState>}
      <LoadMore hasMore={!!forums.hasNextPage} loading={forums.isFetchingNextPage} onLoad={() => void forums.fetchNextPage()} />
      <Group justify="space-between">
        <Title order={2} size="h4">{t('dialogue.meetings')}</Title>
        {can('dialogue.manage') && <ExportMenu path={meetingsPath} query={meetingFilters} />}
      </Group>
      <Group align="flex-end">
        <SegmentedControl value={meetingWhen} onChange={(v) => meetingList.set('meetingWhen', v)} data={[{ value: 'upcoming', label: t('dialogue.comingMeetings') }, { value: 'all', label: t('dialogue.allMeetings') }]} />
        <Select aria-label={t('dialogue.status')} placeholder={t('dialogue.anyStatus')} clearable value={meetingStatus || null} onChange={(v) => meetingList.set('meetingStatus', v ?? '')} data={MEETING_STATUSES.map((s) => ({ value: s, label: t(`dialogue.meetingStatuses.${s}`) }))} />
        <Select aria-label={t('dialogue.meetingSort')} allowDeselect={false} value={meetingSort} onChange={(v) => v && meetingList.set('meetingSort', v)} data={MEETING_SORTS.flatMap((c) => [c, `-${c}`]).map((v) => ({ value: v, label: t(`dialogue.meetingSorts.${v}`) }))} />
      </Group>
      {meetings.isPending ? <Loading /> : meetings.items.length ? (
        <Paper withBorder p="sm"><Stack gap="xs">{meetings.items.map((m) => <MeetingLine key={m.id} meeting={m} withForum />)}</Stack></Paper>
      ) : <EmptyState>{meetingWhen === 'upcoming' && !meetingStatus ? t('dialogue.noUpcoming') : t('dialogue.noMeetingsMatch')}</EmptyState>}
      <LoadMore hasMore={!!meetings.hasNextPage} loading={meetings.isFetchingNextPage} onLoad={() => void meetings.fetchNextPage()} />
      <Group justify="space-between">
        <Title order={2} size="h4">{t('dialogue.decisions')}</Title>
        {can('dialogue.manage') && <ExportMenu path={decisionsPath} query={filters} />}
      </Group>
      <Group align="flex-end">
        <Select aria-label={t('dialogue.decisions')} allowDeselect={false} value={which} onChange={(v) => v && list.set('which', v)} data={[
          { value: 'open', label: t('dialogue.openDecisions') }, { value: 'overdue', label: t('dialogue.overdueDecisions') },
          { value: 'done', label: t('dialogue.decisionStatuses.done') }, { value: 'all', label: t('dialogue.allDecisions') },
        ]} />
        <Select aria-label={t('dialogue.decisionSort')} allowDeselect={false} value={sort} onChange={(v) => v && list.set('sort', v)} data={DECISION_SORTS.flatMap((c) => [c, `-${c}`]).map((v) => ({ value: v, label: t(`dialogue.decisionSorts.${v}`) }))} />
      </Group>
      {decisions.isPending ? <Loading /> : decisions.items.length ? (
        <Stack gap="xs">{decisions.items.map((d) => <DecisionCard key={d.id} decision={d} showMeeting />)}</Stack>
      ) : <EmptyState>{which === 'overdue' ? t('dialogue.noOverdue') : which === 'open' ? t('dialogue.noOpenDecisions') : t('dialogue.noDecisions')}</EmptyState>}
      <LoadMore hasMore={!!decisions.hasNextPage} loading={decisions.isFetchingNextPage} onLoad={() => void decisions.fetchNextPage()} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('dialogue.newForum')}>
        <ForumForm initial={{ name: '', kind: 'round_table', description: '', isPublic: false }} onCancel={() => setCreating(false)} onSaved={async (f) => {
          await queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
          void navigate(`/dialogue/forums/${f.id}`);
        }} />
      </Modal>
    </Stack>
  );
}
