import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { capacityKeys, fetchCourseGaps } from './capacity-api.js';

/** On a course planned for a gap of the capacity self-assessment: which gap, linked to its self-assessment. */
export function CourseCapacityGap({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const gaps = useQuery({ queryKey: capacityKeys.courseGaps(courseId), queryFn: () => fetchCourseGaps(courseId) });
  if (!gaps.data?.items.length) return null;
  return (
    <>
      {gaps.data.items.map((g) => (
        <Alert key={g.assessmentId} color="blue" variant="light">
          {t('capacity.courseAnswers', { item: t(`capacity.items.${g.item}`) })}{' '}
          <Anchor component={Link} to={`/training/capacity/${g.assessmentId}`} size="sm">{t('capacity.yearTitle', { year: g.year })}</Anchor>
        </Alert>
      ))}
    </>
  );
}
