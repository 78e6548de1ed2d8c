import type { Contact, Federation, Interaction, Invoice, Member, Tier } from '../../../contracts/members.js';
import { api, withQuery } from '../../app/api.js';
import type { FirmActivity } from '../../../contracts/firm-activity.js';

export const memberKeys = {
  all: ['members'] as const,
  one: (id: string) => ['members', 'one', id] as const,
  contacts: (id: string) => ['members', 'contacts', id] as const,
  timeline: (id: string) => ['members', 'timeline', id] as const,
  history: (id: string) => ['members', 'history', id] as const,
  invoices: (id: string) => ['members', 'invoices', id] as const,
  activity: (id: string) => ['members', 'activity', id] as const,
  portal: (id: string) => ['members', 'portal', id] as const,
  tiers: ['membership', 'tiers'] as const,
  settings: ['membership', 'settings'] as const,
  views: ['members', 'views'] as const,
  list: ['members', 'list'] as const,
  picker: (q: string, status: string | undefined) => ['members', 'picker', q, status] as const,
  dashboard: ['members', 'dashboard'] as const,
  federation: ['members', 'dashboard', 'branches'] as const,
  sharedFirms: (branchId: string) => ['members', 'dashboard', 'branches', branchId, 'firms'] as const,
  arrears: ['members', 'arrears'] as const,
  /** What a member firm's own user sees of it (the portal). */
  ownFirm: ['portal', 'firm'] as const,
  ownInvoices: ['portal', 'invoices'] as const,
};

export const membersPath = '/api/v1/members';
export const fetchMember = (id: string) => api<Member>(`/api/v1/members/${id}`);
export const pickMembers = (q: string, status: string | undefined) => api<{ items: Member[] }>(withQuery(membersPath, { q, status, limit: 20 }));
export const createMember = (values: object) => api<Member>(membersPath, { method: 'POST', body: values });
export const updateMember = (id: string, values: object) => api<Member>(`/api/v1/members/${id}`, { method: 'PUT', body: values });
export const changeMemberStatus = (id: string, status: string | null, reason: string) => api<Member>(`/api/v1/members/${id}/status`, { method: 'POST', body: { status, reason } });

export const fetchContacts = (memberId: string) => api<{ items: Contact[] }>(`/api/v1/members/${memberId}/contacts`);
export const addContact = (memberId: string, values: object) => api(`/api/v1/members/${memberId}/contacts`, { method: 'POST', body: values });
export const removeContact = (memberId: string, id: string) => api(`/api/v1/members/${memberId}/contacts/${id}`, { method: 'DELETE' });
export const eraseContact = (id: string) => api(`/api/v1/contacts/${id}/erase`, { method: 'POST' });

export const fetchInteractions = (memberId: string) => api<{ items: Interaction[] }>(`/api/v1/members/${memberId}/interactions`);
export const addInteraction = (memberId: string, values: object) => api(`/api/v1/members/${memberId}/interactions`, { method: 'POST', body: values });

export type SavedView = { id: string; name: string; query: Record<string, unknown> };
export const fetchViews = () => api<{ items: SavedView[] }>('/api/v1/members/views');
export const saveView = (name: string, query: Record<string, unknown>) => api('/api/v1/members/views', { method: 'POST', body: { name, query } });
export const removeView = (id: string) => api(`/api/v1/members/views/${id}`, { method: 'DELETE' });

export type MemberSettings = {
  microMaxEmployees: number; smallMaxEmployees: number; mediumMaxEmployees: number;
  microMaxTurnover: number | null; smallMaxTurnover: number | null; mediumMaxTurnover: number | null;
  districts: Array<{ region: string; name: string }>;
};
export const fetchSettings = () => api<MemberSettings>('/api/v1/members/settings');
export const saveSettings = (body: object) => api('/api/v1/members/settings', { method: 'PUT', body });
/** Adds districts an import found missing (members.import). */
export const addDistricts = (districts: Array<{ region: string; name: string }>) => api('/api/v1/members/import/districts', { method: 'POST', body: { districts } });

export const fetchTiers = () => api<{ items: Tier[] }>('/api/v1/membership/tiers');
/** Creates a tier, or saves the one with this id. */
export const saveTier = (id: string | undefined, body: object) => (id ? api(`/api/v1/membership/tiers/${id}`, { method: 'PUT', body }) : api('/api/v1/membership/tiers', { method: 'POST', body }));

export type StatusChange = { fromStatus: string | null; toStatus: string; reason: string; changedBy: string; changedAt: string };
export const fetchStatusHistory = (memberId: string) => api<{ items: StatusChange[] }>(`/api/v1/members/${memberId}/status-history`);
/** What a firm did elsewhere: consultations it answered, issues it raised or shares. */
export const fetchActivity = (memberId: string) => api<FirmActivity>(`/api/v1/members/${memberId}/activity`);
export const fetchInvoices = (memberId: string) => api<{ items: Invoice[] }>(`/api/v1/members/${memberId}/invoices`);
export const voidInvoice = (id: string) => api(`/api/v1/invoices/${id}/void`, { method: 'POST' });
export const recordPayment = (invoiceId: string, body: object) => api(`/api/v1/invoices/${invoiceId}/payments`, { method: 'POST', body });

export type PortalAccess = { email: string; grantedBy: string; createdAt: string };
export const fetchPortalAccess = (memberId: string) => api<{ items: PortalAccess[] }>(`/api/v1/members/${memberId}/portal-access`);
export const grantPortalAccess = (memberId: string, email: string) => api(`/api/v1/members/${memberId}/portal-access`, { method: 'POST', body: { email } });
export const revokePortalAccess = (memberId: string, email: string) => api(`/api/v1/members/${memberId}/portal-access/${encodeURIComponent(email)}`, { method: 'DELETE' });

export const fetchOwnFirm = () => api<Member>('/api/v1/portal/firm');
export const updateOwnFirm = (values: object) => api<Member>('/api/v1/portal/firm', { method: 'PUT', body: values });
export const fetchOwnInvoices = () => api<{ items: Invoice[] }>('/api/v1/portal/invoices');

/** The dashboard's figures; its shape is read where they are drawn. */
export const fetchDashboard = <T,>() => api<T>('/api/v1/members/dashboard?months=12');
export const fetchFederation = () => api<Federation>('/api/v1/members/dashboard/branches');
export const sharedFirmsPath = (branchId: string) => `/api/v1/members/dashboard/branches/${branchId}/firms`;
export type Arrear = { memberId: string; legalName: string; amount: number; oldestDue: string };
export const fetchArrears = () => api<{ items: Arrear[] }>('/api/v1/membership/arrears');

/** The editable fields of a member record, as the form holds them. */
export function memberFormValues(m: Member) {
  const { id: _i, sizeClass: _s, status: _st, joinedOn: _j, renewalDueOn: _r, createdAt: _c, updatedAt: _u, ...editable } = m;
  const text = (v: string | null) => v ?? '';
  return {
    ...editable,
    tradeName: text(m.tradeName),
    registrationNumber: text(m.registrationNumber),
    taxNumber: text(m.taxNumber),
    district: text(m.district),
    address: text(m.address),
    email: text(m.email),
    phone: text(m.phone),
    website: text(m.website),
  };
}
