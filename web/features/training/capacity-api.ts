import type { z } from 'zod';
import type { Assessment, AssessmentSummary, BranchCapacity, CourseGap, PlanCourseInput, SaveAssessmentInput, SiblingCapacityView } from '../../../contracts/capacity.js';
import { api } from '../../app/api.js';

const base = '/api/v1/training/capacity';

/** Under `trainingKeys.all`, so a change to courses refreshes the gaps that name them. */
export const capacityKeys = {
  all: ['training', 'capacity'] as const,
  /** Every self-assessment (one a year, `fetchAssessmentYears`); the paged list sits under it, so what refreshes one refreshes both. */
  list: ['training', 'capacity', 'list'] as const,
  pages: ['training', 'capacity', 'list', 'pages'] as const,
  one: (id: string) => ['training', 'capacity', 'one', id] as const,
  branches: (year: number) => ['training', 'capacity', 'branches', year] as const,
  siblings: (year: number) => ['training', 'capacity', 'siblings', year] as const,
  courseGaps: (courseId: string) => ['training', 'capacity', 'course', courseId] as const,
};

/** The self-assessments, a page at a time (`useCursorPages`), and their download. */
export const assessmentsPath = `${base}/assessments`;
/** Every self-assessment, newest year first: one a year, so a hundred reach back a century (the charts over the years, the years taken). */
export const fetchAssessmentYears = () => api<{ items: AssessmentSummary[] }>(`${base}/assessments?sort=-year&limit=100`);
export const fetchAssessment = (id: string) => api<Assessment>(`${base}/assessments/${id}`);
export const fetchBranchCapacity = (year: number) => api<{ year: number; items: BranchCapacity[] }>(`${base}/branches?year=${year}`);
/** A branch beside the sibling branches that share theirs, and their average; `isBranch` false for an organisation without an umbrella. */
export const fetchSiblingCapacity = (year: number) => api<SiblingCapacityView>(`${base}/siblings?year=${year}`);
export const fetchCourseGaps = (courseId: string) => api<{ items: CourseGap[] }>(`/api/v1/training/courses/${courseId}/capacity-gaps`);

export const startAssessment = (year: number) => api<Assessment>(`${base}/assessments`, { method: 'POST', body: { year } });
export const saveAssessment = (id: string, input: z.input<typeof SaveAssessmentInput>) => api<Assessment>(`${base}/assessments/${id}`, { method: 'PUT', body: input });
export const submitAssessment = (id: string) => api<Assessment>(`${base}/assessments/${id}/submit`, { method: 'POST', body: {} });
export const reopenAssessment = (id: string, reason: string) => api<Assessment>(`${base}/assessments/${id}/reopen`, { method: 'POST', body: { reason } });
/** A course for a gap: made by the training module and linked to the gap. */
export const planCourse = (id: string, input: z.input<typeof PlanCourseInput>) => api<{ courseId: string }>(`${base}/assessments/${id}/courses`, { method: 'POST', body: input });
