import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHierarchy, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseSummary } from '../../../contracts/training.js';
import { formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchCourses, trainingKeys } from './api.js';

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

/** Courses, workshops, ToT and coaching: newest first. */
export function CoursesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const courses = useQuery({ queryKey: trainingKeys.courses, queryFn: fetchCourses });
  return (
    <>
      <PageHeader title={t('nav.training')}>
        <Button component={Link} to="/training/lineage" variant="default" leftSection={<IconHierarchy size={16} />}>{t('training.lineage')}</Button>
        {can('training.manage') && <Button component={Link} to="/training/new" leftSection={<IconPlus size={16} />}>{t('training.add')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('training.intro')}</Text>
        <ProblemAlert error={courses.error} />
        {courses.isPending ? <Loading /> : !courses.data?.items.length ? <EmptyState>{t('training.none')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {courses.data.items.map((c) => <CourseCard key={c.id} course={c} />)}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
