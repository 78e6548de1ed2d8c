import type { z } from 'zod';
import type { AssessmentInput, BottleneckInput, KeyFigureInput, LedComparison, LedMatrix, LedRegion, LedRegionDetail, LedRegionInput, LedTeamMemberInput, MeasureInput } from '../../../contracts/led.js';
import type { FollowUpAnswerInput } from '../../../contracts/led-follow-ups.js';
import type { BudgetLineInput, ClosingInput, MeasureDetail, MeasurePersonInput, MeasureRole, MilestoneInput, ProgressReportInput } from '../../../contracts/led-implementation.js';
import { api, uploadFile, withQuery } from '../../app/api.js';

export const regionsPath = '/api/v1/led/regions';

export const ledKeys = {
  all: ['led'] as const,
  regions: ['led', 'regions'] as const,
  regionPicker: ['led', 'regions', 'picker'] as const,
  region: (id: string) => ['led', 'region', id] as const,
  matrix: (id: string, year: number | null) => ['led', 'region', id, 'matrix', year] as const,
  compareAll: ['led', 'compare'] as const,
  compare: (ids: string[]) => ['led', 'compare', ids.join(',')] as const,
  measure: (id: string) => ['led', 'measure', id] as const,
};

/** The first 200 regions by name, for a picker (the list page pages them with `useCursorPages`). */
export const fetchRegionsForPicker = () => api<{ items: LedRegion[] }>(withQuery(regionsPath, { limit: 200 }));
export const fetchRegion = (id: string) => api<LedRegionDetail>(`${regionsPath}/${id}`);
export const fetchMatrix = (id: string, year: number | null) => api<LedMatrix>(withQuery(`${regionsPath}/${id}/matrix`, { year: year ?? undefined }));
export const fetchComparison = (ids: string[]) => api<LedComparison>(withQuery('/api/v1/led/compare', { ids: ids.length ? ids.join(',') : undefined }));

export const createRegion = (input: z.input<typeof LedRegionInput>) => api<LedRegionDetail>(regionsPath, { method: 'POST', body: input });
export const updateRegion = (id: string, input: z.input<typeof LedRegionInput>) => api<LedRegionDetail>(`${regionsPath}/${id}`, { method: 'PUT', body: input });
export const deleteRegion = (id: string) => api(`${regionsPath}/${id}`, { method: 'DELETE' });
/** Shows the region on the organisation's public LED page (`/local-development/:orgId`), or takes it off. */
export const setRegionPublished = (id: string, published: boolean) => api<LedRegionDetail>(`${regionsPath}/${id}/publication`, { method: 'POST', body: { published } });

/** A region's parts (team, figures, bottlenecks, measures): added, changed, removed; each answers the region as it now is. */
type Part = 'team' | 'figures' | 'bottlenecks' | 'measures';
type PartInput = { team: z.input<typeof LedTeamMemberInput>; figures: z.input<typeof KeyFigureInput>; bottlenecks: z.input<typeof BottleneckInput>; measures: z.input<typeof MeasureInput> };
export const addPart = <P extends Part>(id: string, part: P, input: PartInput[P]) => api<LedRegionDetail>(`${regionsPath}/${id}/${part}`, { method: 'POST', body: input });
export const updatePart = <P extends Part>(id: string, part: P, childId: string, input: PartInput[P]) => api<LedRegionDetail>(`${regionsPath}/${id}/${part}/${childId}`, { method: 'PUT', body: input });
/** A regulatory bottleneck becomes an advocacy issue; the answer names it, to open it. */
export const bottleneckToAdvocacy = (id: string, bottleneckId: string) => api<{ advocacyIssueId: string }>(`${regionsPath}/${id}/bottlenecks/${bottleneckId}/advocacy`, { method: 'POST' });
export const removePart = (id: string, part: Part, childId: string) => api<LedRegionDetail>(`${regionsPath}/${id}/${part}/${childId}`, { method: 'DELETE' });

export const addAssessment = (id: string, input: z.input<typeof AssessmentInput>) => api<LedMatrix>(`${regionsPath}/${id}/matrix`, { method: 'POST', body: input });
export const updateAssessment = (id: string, childId: string, input: z.input<typeof AssessmentInput>) => api<LedMatrix>(`${regionsPath}/${id}/matrix/${childId}`, { method: 'PUT', body: input });
export const removeAssessment = (id: string, childId: string) => api<LedMatrix>(`${regionsPath}/${id}/matrix/${childId}`, { method: 'DELETE' });
export const copyMatrix = (id: string, fromYear: number, toYear: number) => api<LedMatrix>(`${regionsPath}/${id}/matrix-copy`, { method: 'POST', body: { fromYear, toYear } });

// A measure carried out: each change answers the measure as it now is.
const measuresPath = '/api/v1/led/measures';
export const fetchMeasure = (id: string) => api<MeasureDetail>(`${measuresPath}/${id}`);
type MeasurePart = 'milestones' | 'budget-lines' | 'reports';
type MeasurePartInput = { milestones: z.input<typeof MilestoneInput>; 'budget-lines': z.input<typeof BudgetLineInput>; reports: z.input<typeof ProgressReportInput> };
export const addMeasurePart = <P extends MeasurePart>(id: string, part: P, input: MeasurePartInput[P]) => api<MeasureDetail>(`${measuresPath}/${id}/${part}`, { method: 'POST', body: input });
export const updateMeasurePart = <P extends MeasurePart>(id: string, part: P, childId: string, input: MeasurePartInput[P]) => api<MeasureDetail>(`${measuresPath}/${id}/${part}/${childId}`, { method: 'PUT', body: input });
export const removeMeasurePart = (id: string, part: MeasurePart, childId: string) => api<MeasureDetail>(`${measuresPath}/${id}/${part}/${childId}`, { method: 'DELETE' });
export const addMeasurePerson = (id: string, input: z.input<typeof MeasurePersonInput>) => api<MeasureDetail>(`${measuresPath}/${id}/people`, { method: 'POST', body: input });
export const removeMeasurePerson = (id: string, personId: string, role: MeasureRole) => api<MeasureDetail>(withQuery(`${measuresPath}/${id}/people/${personId}`, { role }), { method: 'DELETE' });
export const saveClosing = (id: string, input: z.input<typeof ClosingInput>) => api<MeasureDetail>(`${measuresPath}/${id}/closing`, { method: 'PUT', body: input });
export const answerFollowUp = (id: string, months: number, input: z.input<typeof FollowUpAnswerInput>) => api<MeasureDetail>(`${measuresPath}/${id}/follow-ups/${months}`, { method: 'PUT', body: input });
export const sendFollowUpLink = (id: string) => api<MeasureDetail>(`${measuresPath}/${id}/follow-up-link`, { method: 'POST' });
/** A progress report's photo (JPEG, PNG or WebP; the server strips its metadata and keeps a phone-sized copy and a thumbnail). */
export const addReportPhoto = (id: string, reportId: string, file: File, caption: string) => uploadFile<MeasureDetail>(`${measuresPath}/${id}/reports/${reportId}/photos`, file, { caption });
export const reportPhotoUrl = (id: string, photoId: string, size: 'large' | 'thumb') => `${measuresPath}/${id}/photos/${photoId}?size=${size}`;
export const removeReportPhoto = (id: string, photoId: string) => api<MeasureDetail>(`${measuresPath}/${id}/photos/${photoId}`, { method: 'DELETE' });
