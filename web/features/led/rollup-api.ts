import type { z } from 'zod';
import type { BoundaryUpload, LedBoundaries, LedRollup, LedUmbrellaRollup, RollupMeasures, RollupPeoplePage, UmbrellaRollupMeasures } from '../../../contracts/led-rollup.js';
import type { MeasureRole } from '../../../contracts/led-implementation.js';
import { api, withQuery } from '../../app/api.js';

/** The LED roll-up (issue 17.9), the records behind its figures, and its map's boundary file. */
export const rollupKeys = {
  rollup: (branchId: string) => ['led', 'rollup', branchId] as const,
  measures: (regionId: string, branchId: string) => ['led', 'rollup', 'measures', regionId, branchId] as const,
  people: (role: string, regionId: string, branchId: string) => ['led', 'rollup', 'people', role, regionId, branchId] as const,
  boundaries: ['led', 'boundaries'] as const,
  branches: ['led', 'rollup', 'branches'] as const,
  branchMeasures: (branchId: string, regionId: string) => ['led', 'rollup', 'branches', branchId, 'measures', regionId] as const,
  branchPeople: (branchId: string, role: string, regionId: string) => ['led', 'rollup', 'branches', branchId, 'people', role, regionId] as const,
};

export const fetchRollup = (branchId: string) => api<LedRollup>(withQuery('/api/v1/led/rollup', { branchId: branchId || undefined }));
export const fetchRollupMeasures = (regionId: string, branchId: string) =>
  api<RollupMeasures>(withQuery('/api/v1/led/rollup/measures', { regionId: regionId || undefined, branchId: branchId || undefined }));
export const fetchRollupPeople = (role: MeasureRole, regionId: string, branchId: string, cursor: string | null) =>
  api<RollupPeoplePage>(withQuery('/api/v1/led/rollup/people', { role, regionId: regionId || undefined, branchId: branchId || undefined, cursor }));

/** The umbrella's roll-up over its branches, and the records behind a branch's figures (branches that share upward). */
export const fetchUmbrellaRollup = () => api<LedUmbrellaRollup>('/api/v1/led/rollup/branches');
export const fetchBranchMeasures = (branchId: string, regionId: string) =>
  api<UmbrellaRollupMeasures>(withQuery(`/api/v1/led/rollup/branches/${branchId}/measures`, { regionId: regionId || undefined }));
export const fetchBranchPeople = (branchId: string, role: MeasureRole, regionId: string, cursor: string | null) =>
  api<RollupPeoplePage>(withQuery(`/api/v1/led/rollup/branches/${branchId}/people`, { role, regionId: regionId || undefined, cursor }));

export const fetchBoundaries = () => api<LedBoundaries>('/api/v1/led/boundaries');
export const uploadBoundaries = (input: z.input<typeof BoundaryUpload>) => api<LedBoundaries>('/api/v1/led/boundaries', { method: 'PUT', body: input });
export const setBoundaryProperty = (property: string) => api<LedBoundaries>('/api/v1/led/boundaries/property', { method: 'PUT', body: { property } });
export const removeBoundaries = () => api<LedBoundaries>('/api/v1/led/boundaries', { method: 'DELETE' });
