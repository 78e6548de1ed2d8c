import type { AuditEntry } from '../../../contracts/audit.js';
import { api } from '../../app/api.js';

export const auditKeys = {
  all: ['audit'] as const,
  recent: ['audit', 'recent'] as const,
};

export const auditPath = '/api/v1/audit';
/** The last few entries, for the home page. */
export const fetchRecentAudit = () => api<{ items: AuditEntry[] }>(`${auditPath}?limit=8`);
