import type { Dimension, Figure, FrameworkInput, FrameworkSummary, Indicator, IndicatorInput, IndicatorKind, ManualValueInput, PeriodInput, PeriodSummary } from '../../../contracts/results.js';
import { api } from '../../app/api.js';

export type { FrameworkSummary, Indicator, PeriodSummary };

export interface LibraryItem { code: string; name: string; kind: IndicatorKind; level: IndicatorInput['level']; unit: string; dimensions: Dimension[] }
export interface Framework extends FrameworkInput { id: string; iatiPublishedAt: string | null; indicators: Indicator[]; periods: PeriodSummary[] }
export interface Breakdown { categories: Array<{ category: string; figure: Figure }>; overlap: number }
export interface ReportLine { indicatorId: string; name: string; kind?: IndicatorKind; level?: string; unit?: string; total: Figure; breakdowns: Partial<Record<Dimension, Breakdown>>; records: number; target: number | null; baseline?: number | null }
export interface Correction { indicatorId: string; name: string; reported: Figure; now: Figure | null; added: Array<{ type: string; id: string; on: string }>; gone: Array<{ type: string; id: string }> }
export interface PeriodReport {
  id: string; frameworkId: string; label: string; startsOn: string; endsOn: string; state: PeriodSummary['state'];
  approved: { at: string; by: string; checksum: string; intact: boolean } | null;
  results: ReportLine[];
  corrections: Correction[];
}
export interface RecordItem { type: string; id: string; on: string | null; unit: string | null; cells: Partial<Record<Dimension, string>> }

export const resultsKeys = {
  all: ['results'] as const,
  library: ['results', 'library'] as const,
  organisationTypes: ['results', 'iati', 'organisation-types'] as const,
  frameworks: ['results', 'frameworks'] as const,
  framework: (id: string) => ['results', 'framework', id] as const,
  /** A framework's paged lists; under `framework(id)`, so what refreshes the framework refreshes them. */
  indicators: (frameworkId: string) => ['results', 'framework', frameworkId, 'indicators'] as const,
  periods: (frameworkId: string) => ['results', 'framework', frameworkId, 'periods'] as const,
  period: (id: string) => ['results', 'period', id] as const,
  records: (periodId: string, indicatorId: string) => ['results', 'records', periodId, indicatorId] as const,
};

export const fetchLibrary = () => api<{ items: LibraryItem[] }>('/api/v1/results/library');
/** The organisation's frameworks, a page at a time (`useCursorPages`), and their download. */
export const frameworksPath = '/api/v1/results/frameworks';
export const indicatorsPath = (frameworkId: string) => `/api/v1/results/frameworks/${frameworkId}/indicators`;
export const periodsPath = (frameworkId: string) => `/api/v1/results/frameworks/${frameworkId}/periods`;
export const fetchFramework = (id: string) => api<Framework>(`/api/v1/results/frameworks/${id}`);
/** Creates a framework, or saves the one with this id. */
export const saveFramework = (id: string | undefined, input: FrameworkInput) => api<Framework>(id ? `/api/v1/results/frameworks/${id}` : '/api/v1/results/frameworks', { method: id ? 'PUT' : 'POST', body: input });
export const addIndicator = (frameworkId: string, input: IndicatorInput) => api<Framework>(`/api/v1/results/frameworks/${frameworkId}/indicators`, { method: 'POST', body: input });
export const removeIndicator = (frameworkId: string, id: string) => api<Framework>(`/api/v1/results/frameworks/${frameworkId}/indicators/${id}`, { method: 'DELETE' });
export const addPeriod = (frameworkId: string, input: PeriodInput) => api<PeriodReport>(`/api/v1/results/frameworks/${frameworkId}/periods`, { method: 'POST', body: input });
export const fetchPeriod = (id: string) => api<PeriodReport>(`/api/v1/results/periods/${id}`);
export const setTarget = (periodId: string, indicatorId: string, value: number | null) => api<PeriodReport>(`/api/v1/results/periods/${periodId}/targets/${indicatorId}`, { method: 'PUT', body: { value } });
export const addValue = (periodId: string, indicatorId: string, input: Partial<ManualValueInput>) => api<PeriodReport>(`/api/v1/results/periods/${periodId}/indicators/${indicatorId}/values`, { method: 'POST', body: input });
/** Moves a report on: submit (draft → submitted), return (submitted → draft) or approve (submitted → approved). */
export const movePeriod = (periodId: string, step: 'submit' | 'return' | 'approve') => api<PeriodReport>(`/api/v1/results/periods/${periodId}/${step}`, { method: 'POST' });
export const fetchOrganisationTypes = () => api<{ items: Array<{ code: string; name: string }> }>('/api/v1/results/iati/organisation-types');
export const publishIati = (frameworkId: string) => api<Framework>(`/api/v1/results/frameworks/${frameworkId}/iati/publish`, { method: 'POST' });
export const iatiDownloadPath = (frameworkId: string) => `/api/v1/results/frameworks/${frameworkId}/iati.xml`;
export const iatiPublicPath = (orgId: string, frameworkId: string) => `/iati/${orgId}/${frameworkId}.xml`;
export const fetchRecords = (periodId: string, indicatorId: string) => api<{ total: number; items: RecordItem[] }>(`/api/v1/results/periods/${periodId}/indicators/${indicatorId}/records`);
