import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHierarchy, IconKey, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COURSE_KINDS, COURSE_SORTS, type CourseSummary } from '../../../contracts/training.js';
import { formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { coursesPath, trainingKeys } from './api.js';

export const kindColor = { workshop: 'blue', course: 'teal', tot: 'grape', coaching: 'orange' } as const;

function CourseCard({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/training/${course.id}`} fw={600} style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>{course.title}</Anchor>
          <Badge color={kindColor[course.kind]} variant="light">{t(`training.kinds.${course.kind}`)}</Badge>
        </Group>
        {course.audience && <Text size="sm" c="dimmed">{course.audience}</Text>}
        <Text size="sm">
          {[t('training.sessionCount', { count: course.sessions }), course.hours ? t('training.hoursCount', { count: course.hours }) : null].filter(Boolean).join(' · ')}
        </Text>
        {course.nextSessionAt && <Text size="sm" c="dimmed">{t('training.nextSession', { when: formatDateTime(course.nextSessionAt) })}</Text>}
      </Stack>
    </Paper>
  );
}

/** Courses, workshops, ToT and coaching: newest first, or by title; by kind. */
export function CoursesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams({ kind: '', sort: '-created' });
  const courses = useCursorPages<CourseSummary>(trainingKeys.courses, coursesPath, list.query);
  return (
    <>
      <PageHeader title={t('nav.training')}>
        <ExportMenu path={coursesPath} query={list.query} />
        <Button component={Link} to="/training/lineage" variant="default" leftSection={<IconHierarchy size={16} />}>{t('training.lineage')}</Button>
        {can('training.keys') && <Button component={Link} to="/training/signing-keys" variant="default" leftSection={<IconKey size={16} />}>{t('training.keys.title')}</Button>}
        {can('training.manage') && <Button component={Link} to="/training/new" leftSection={<IconPlus size={16} />}>{t('training.add')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('training.intro')}</Text>
        <Group align="flex-end">
          <Select aria-label={t('training.kind')} placeholder={t('training.anyKind')} clearable value={list.values.kind || null} onChange={(v) => list.set('kind', v ?? '')}
            data={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))} />
          <Select aria-label={t('training.sort')} allowDeselect={false} value={list.values.sort} onChange={(v) => list.set('sort', v ?? '-created')}
            data={COURSE_SORTS.flatMap((c) => [`-${c}`, c]).map((v) => ({ value: v, label: t(`training.sorts.${v}`) }))} />
        </Group>
        <ProblemAlert error={courses.error} />
        {courses.isPending ? <Loading /> : !courses.items.length ? <EmptyState>{t('training.none')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {courses.items.map((c) => <CourseCard key={c.id} course={c} />)}
          </SimpleGrid>
        )}
        <LoadMore hasMore={!!courses.hasNextPage} loading={courses.isFetchingNextPage} onLoad={() => void courses.fetchNextPage()} />
      </Stack>
    </>
  );
}
