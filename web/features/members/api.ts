import type { Member } from '../../../contracts/members.js';
import { api } from '../../app/api.js';

export const memberKeys = {
  all: ['members'] as const,
  one: (id: string) => ['members', 'one', id] as const,
  contacts: (id: string) => ['members', 'contacts', id] as const,
  timeline: (id: string) => ['members', 'timeline', id] as const,
  history: (id: string) => ['members', 'history', id] as const,
  invoices: (id: string) => ['members', 'invoices', id] as const,
  portal: (id: string) => ['members', 'portal', id] as const,
  tiers: ['membership', 'tiers'] as const,
  settings: ['membership', 'settings'] as const,
  views: ['members', 'views'] as const,
};

export const fetchMember = (id: string) => api<Member>(`/api/v1/members/${id}`);

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
