import { Anchor, Badge, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ISSUE_CATEGORIES, ISSUE_SORTS, type MemberIssue } from '../../../contracts/intake.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { AffectedSummary } from './AffectedSummary.js';
import { intakeKeys, issuesPath, setAffectsUs, statusColor } from './api.js';
import { useQueuedIssues } from './queued-issues.js';

// What a member's first screen does not show comes when it is asked for
// (issue 14, ≤ 150 kB on a phone): the dialog to raise an issue on the button's
// click, staff's export menu and status filter only for staff. The list's own
// filters are the browser's selects, without Mantine's combobox code.
const RaiseIssueDialog = lazy(() => import('./RaiseIssueDialog.js'));
const StatusFilter = lazy(() => import('./StatusFilter.js'));
const ExportMenu = lazy(() => import('../../ui/ExportMenu.js').then((m) => ({ default: m.ExportMenu })));

/** A member firm's own say on an issue: join it, or step back from it. */
export function AffectsUsButton({ issue }: { issue: Pick<MemberIssue, 'id' | 'affectsUs' | 'status'> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => setAffectsUs(issue.id, !issue.affectsUs),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intakeKeys.all }),
    // A button has no room for an alert beside it: the server's reason comes as a notice.
    onError: (error) => notify(error.message, 'red'),
  });
  if (issue.status === 'merged') return null;
  return (
    <Button size="xs" variant={issue.affectsUs ? 'light' : 'filled'} onClick={() => toggle.mutate()} loading={toggle.isPending} aria-pressed={issue.affectsUs}>
      {issue.affectsUs ? t('intake.affectsUs') : t('intake.affectsUsToo')}
    </Button>
  );
}

function useAsked(opened: boolean) {
  const [asked, setAsked] = useState(false);
  useEffect(() => void (opened && setAsked(true)), [opened]);
  return asked || opened;
}

export function IssuesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isMember = can('members.self');
  const staff = can('intake.triage');
  const [opened, { open, close }] = useDisclosure(false);
  // Once opened, the dialog stays mounted: closing it gives focus back to the button.
  const asked = useAsked(opened);
  const list = useListParams({ q: '', status: staff ? ['new', 'triaged'] : [], category: '', sort: '-affected' });
  const { q, status, category, sort } = list.values;
  const pages = useCursorPages<MemberIssue>(intakeKeys.list, issuesPath, list.query, 25);
  const waiting = useQueuedIssues();
  return (
    <Stack>
      <PageHeader title={t('nav.issues')}>
        {staff && <Suspense fallback={null}><ExportMenu path={issuesPath} query={list.query} /></Suspense>}
        {can('intake.raise') && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t('intake.raise')}</Button>}
      </PageHeader>
      <Text size="sm" c="dimmed">{isMember ? t('intake.introMember') : t('intake.introStaff')}</Text>
      {waiting.length > 0 && <Text size="sm" role="status" c="orange.9">{t('intake.waitingToSend', { titles: waiting.map((i) => `“${i.title}”`).join(', ') })}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput leftSection={<IconSearch size={16} />} label={t('intake.search')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        {!isMember && (
          <Suspense fallback={<TextInput label={t('intake.status')} disabled />}>
            <StatusFilter value={status} onChange={(v) => list.set('status', v)} />
          </Suspense>
        )}
        <NativeSelect label={t('intake.category')} data={[{ value: '', label: t('intake.allCategories') }, ...ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`intake.categories.${c}`) }))]} value={category} onChange={(e) => list.set('category', e.currentTarget.value)} />
        <NativeSelect label={t('intake.sort')} data={ISSUE_SORTS.flatMap((c) => [`-${c}`, c]).map((v) => ({ value: v, label: t(`intake.sorts.${v}`) }))} value={sort} onChange={(e) => list.set('sort', e.currentTarget.value)} />
      </SimpleGrid>
      <ProblemAlert error={pages.error} />
      {pages.isPending ? <Loading /> : pages.items.length === 0 ? (
        <EmptyState>{q || category || status.length ? t('intake.noMatch') : t('intake.noIssues')}</EmptyState>
      ) : (
        <Stack gap="sm">
          {pages.items.map((issue) => (
            <Paper key={issue.id} component="article" aria-labelledby={`issue-${issue.id}`} withBorder p="md">
              <Stack gap={4}>
                <Anchor id={`issue-${issue.id}`} component={Link} to={`/issues/${issue.id}`} fw={600}>{issue.title}</Anchor>
                <Group gap={6}>
                  <Badge variant="light" color={statusColor[issue.status]}>{t(`intake.statuses.${issue.status}`)}</Badge>
                  <Badge variant="default">{t(`intake.categories.${issue.category}`)}</Badge>
                  <Text size="xs" c="dimmed">
                    {issue.raisedBy && (
                      <>
                        {issue.raisedById && can('members.read') ? <Anchor component={Link} to={`/members/${issue.raisedById}`} inherit>{issue.raisedBy}</Anchor> : issue.raisedBy}
                        {' · '}
                      </>
                    )}
                    {formatDate(issue.createdAt.slice(0, 10))}
                  </Text>
                </Group>
                <AffectedSummary count={issue.affectedFirms} breakdown={issue.breakdown} />
                {isMember && <Group mt={4}><AffectsUsButton issue={issue} /></Group>}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
      {asked && (
        <Suspense fallback={<Loader size="sm" role="status" aria-label={t('intake.raise')} />}>
          <RaiseIssueDialog opened={opened} onClose={close} />
        </Suspense>
      )}
    </Stack>
  );
}
