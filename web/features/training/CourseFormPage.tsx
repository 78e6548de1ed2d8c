import { Alert, Button, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CapacityItem } from '../../../contracts/capacity.js';
import { COURSE_KINDS, type CourseDetail, type CourseKind } from '../../../contracts/training.js';
import { ApiError } from '../../app/api.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { createCourse, fetchCourse, trainingKeys, updateCourse } from './api.js';
import { planCourse } from './capacity-api.js';

/** The form's values: numbers as typed until sent (the server says what is wrong with them). */
interface CourseFormValues {
  title: string;
  kind: CourseKind;
  description: string;
  audience: string;
  hours: string;
  completionShare: string;
}

const formOf = (c: CourseDetail | null): CourseFormValues => ({
  title: c?.title ?? '', kind: c?.kind ?? 'course', description: c?.description ?? '', audience: c?.audience ?? '',
  hours: c ? String(c.hours) : '', completionShare: String(c?.completionShare ?? 80),
});

/** A number typed goes as a number; anything else goes as typed, for the server's message on its field. */
const numberOf = (s: string) => (s.trim() === '' ? undefined : /^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : (s as unknown as number));

/** The gap of a capacity self-assessment a new course answers (`/training/new?assessment=…&item=…`). */
interface Gap { assessmentId: string; item: CapacityItem }

function CourseForm({ course, gap }: { course: CourseDetail | null; gap: Gap | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A course for a gap: a workshop for staff and board, named after the item.
  const initial = gap ? { ...formOf(null), title: t(`capacity.items.${gap.item}`), kind: 'workshop' as const, audience: t('capacity.courseAudience') } : formOf(course);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof CourseFormValues>(key: K, value: CourseFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const input = () => ({
    title: values.title, kind: values.kind, description: values.description, audience: values.audience,
    hours: numberOf(values.hours), completionShare: numberOf(values.completionShare),
  });
  const save = useMutation({
    mutationFn: async () => (course ? updateCourse(course.id, input()) : gap ? { id: (await planCourse(gap.assessmentId, { item: gap.item, course: input() })).courseId } : createCourse(input())),
    onSuccess: async (saved) => {
      guard.release();
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      notify(course ? t('ui.saved') : t('training.created'));
      void navigate(`/training/${saved.id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const text = (key: 'title' | 'description' | 'audience' | 'hours' | 'completionShare') => ({
    value: values[key], error: errors[key], onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  return (
    <Form onSubmit={() => save.mutate()} gap="sm" maw={720}>
      {gap && <Alert color="blue" variant="light">{t('capacity.courseForGap', { item: t(`capacity.items.${gap.item}`) })}</Alert>}
      <TextInput label={t('training.title')} required data-autofocus {...text('title')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('training.kind')} allowDeselect={false} value={values.kind} onChange={(v) => v && set('kind', v as CourseKind)}
          data={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))} error={errors.kind} />
        <TextInput label={t('training.hours')} inputMode="decimal" {...text('hours')} />
        <TextInput label={t('training.completionShare')} description={t('training.completionShareHelp')} inputMode="numeric" rightSection="%" {...text('completionShare')} />
      </SimpleGrid>
      <TextInput label={t('training.audience')} description={t('training.audienceHelp')} {...text('audience')} />
      <Textarea label={t('training.description')} autosize minRows={3} {...text('description')} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={course ? `/training/${course.id}` : '/training'}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
      </Group>
      {guard.dialog}
    </Form>
  );
}

/** A new course, or one changed: `/training/new`, `/training/:id/edit`. */
export function CourseFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const item = CapacityItem.safeParse(search.get('item'));
  const assessmentId = search.get('assessment');
  const gap = !id && item.success && assessmentId ? { assessmentId, item: item.data } : null;
  const course = useQuery({ queryKey: trainingKeys.course(id ?? ''), queryFn: () => fetchCourse(id!), enabled: !!id });
  if (id && course.isPending) return <Loading />;
  if (id && !course.data) return <ProblemAlert error={course.error} />;
  return (
    <>
      <PageHeader title={id ? t('training.editTitle') : t('training.add')} />
      <CourseForm key={course.data?.updatedAt ?? (gap ? `${gap.assessmentId}-${gap.item}` : 'new')} course={course.data ?? null} gap={gap} />
    </>
  );
}
