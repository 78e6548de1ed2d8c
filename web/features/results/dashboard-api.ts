import type { Dashboard, Donor, FrameworkShare, UmbrellaDashboard } from '../../../contracts/results-dashboard.js';
import { api } from '../../app/api.js';

export type { Dashboard, Donor, FrameworkShare, UmbrellaDashboard };

// Dashboards from stored figures and the frameworks shared with donors (issue 20.5, donor-routes.ts).
export const dashboardKeys = {
  org: ['results', 'dashboard'] as const,
  umbrella: ['results', 'dashboard', 'branches'] as const,
  donors: ['results', 'donors'] as const,
  /** Under `resultsKeys.framework(id)`, so what refreshes the framework refreshes its shares. */
  shares: (frameworkId: string) => ['results', 'framework', frameworkId, 'shares'] as const,
  donor: ['donor', 'dashboard'] as const,
};

export const fetchOrgDashboard = () => api<Dashboard>('/api/v1/results/dashboard');
export const fetchUmbrellaDashboard = () => api<UmbrellaDashboard>('/api/v1/results/dashboard/branches');
export const fetchDonorDashboard = () => api<Dashboard>('/api/v1/donor/dashboard');
export const fetchDonors = () => api<{ items: Donor[] }>('/api/v1/results/donors');
export const fetchShares = (frameworkId: string) => api<{ items: FrameworkShare[] }>(`/api/v1/results/frameworks/${frameworkId}/shares`);
export const shareFramework = (frameworkId: string, donorId: string) => api<{ items: FrameworkShare[] }>(`/api/v1/results/frameworks/${frameworkId}/shares`, { method: 'POST', body: { donorId } });
export const revokeShare = (frameworkId: string, donorId: string) => api<{ items: FrameworkShare[] }>(`/api/v1/results/frameworks/${frameworkId}/shares/${donorId}`, { method: 'DELETE' });
