import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/app.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, orgInput } from '../../test/factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };
const COUNTS = ['firms', 'active', 'applicants', 'lapsed', 'womenLedActive', 'informalActive'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
type OrgRow = Counts & { orgId: string; name: string; sharesMemberData: boolean };

const zero = (): Counts => ({ firms: 0, active: 0, applicants: 0, lapsed: 0, womenLedActive: 0, informalActive: 0 });

/** Firms created in the organisation `admin` is acting for, counted here as they are made. */
async function firms(admin: Client, specs: Array<{ status?: 'active' | 'lapsed'; womenLed?: boolean; informal?: boolean; name?: string }>, region = 'GH-AA') {
  const counts = zero();
  for (const s of specs) {
    const firm = await createMemberFirm(admin, { region, womenLed: s.womenLed ?? false, formality: s.informal ? 'informal' : 'formal', ...(s.name ? { legalName: s.name } : {}) });
    if (s.status) expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
    if (s.status === 'lapsed') expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'lapsed' })).statusCode).toBe(200);
    counts.firms += 1;
    if (!s.status) counts.applicants += 1;
    if (s.status === 'lapsed') counts.lapsed += 1;
    if (s.status === 'active') {
      counts.active += 1;
      if (s.womenLed) counts.womenLedActive += 1;
      if (s.informal) counts.informalActive += 1;
    }
  }
  return counts;
}

async function federation() {
  const umbrella = await createOrg(t.app, { ...ghana, name: 'National Chamber' });
  const { admin } = umbrella;
  const branch = async (name: string, share: boolean) => {
    const res = await admin.post('/api/v1/org/branches', orgInput({ ...ghana, name, shareMemberDataUpward: share }));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const sharing = await branch('Ashanti branch', true);
  const private_ = await branch('Northern branch', false);
  const empty = await branch('Volta branch', true);
  const inOrg = async <T>(orgId: string, work: () => Promise<T>) => {
    await admin.post('/api/v1/auth/switch-org', { orgId });
    return work();
  };
  const expected = new Map<string, Counts>();
  expected.set(sharing, await inOrg(sharing, () => firms(admin, [{ status: 'active', womenLed: true, name: 'Kumasi Kente' }, { status: 'active', informal: true, name: 'Adum Shea' }, { status: 'lapsed', name: 'Bantama Auto' }, { name: 'Ejisu Cocoa' }], 'GH-AH')));
  expected.set(private_, await inOrg(private_, () => firms(admin, [{ status: 'active', womenLed: true, informal: true, name: 'Tamale Shea Secret' }, { name: 'Bolga Baskets Secret' }], 'GH-NP')));
  expected.set(empty, zero());
  expected.set(umbrella.orgId, await inOrg(umbrella.orgId, () => firms(admin, [{ status: 'active' }, { status: 'active', womenLed: true }, {}])));
  return { ...umbrella, sharing, private_, empty, expected };
}

describe('the umbrella dashboard', () => {
  it('lists every branch, its own firms as their own row, and a total equal to the sum of the rows', async () => {
    const { admin, orgId, sharing, private_, empty, expected } = await federation();
    const res = await admin.get('/api/v1/members/dashboard/branches');
    expect(res.statusCode).toBe(200);
    const { own, items, total } = res.json() as { own: OrgRow; items: OrgRow[]; total: Counts };

    expect(items.map((b) => [b.name, b.sharesMemberData])).toEqual([['Ashanti branch', true], ['Northern branch', false], ['Volta branch', true]]);
    for (const row of [own, ...items]) expect(row, row.name).toMatchObject(expected.get(row.orgId)!);
    expect(items.find((b) => b.orgId === empty)).toMatchObject(zero());
    expect(own).toMatchObject({ orgId, name: 'National Chamber' });
    expect(new Set(items.map((b) => b.orgId))).toEqual(new Set([sharing, private_, empty]));

    // The headline: the sum of the rows shown, and what was created across the federation.
    const independent = zero();
    for (const row of [own, ...items]) for (const k of COUNTS) independent[k] += row[k];
    expect(total).toEqual(independent);
    const created = zero();
    for (const c of expected.values()) for (const k of COUNTS) created[k] += c[k];
    expect(total).toEqual(created);
    // The umbrella's own dashboard still counts its own firms only.
    expect((await admin.get('/api/v1/members/dashboard')).json().statuses).toEqual({ active: own.active, applicant: own.applicants });
  });

  it('shows the firms of a branch that shares its member data, and only counts of one that does not', async () => {
    const { admin, sharing, private_ } = await federation();
    const first = await admin.get(`/api/v1/members/dashboard/branches/${sharing}/firms?limit=3`);
    expect(first.statusCode).toBe(200);
    const rest = (await admin.get(`/api/v1/members/dashboard/branches/${sharing}/firms?limit=3&cursor=${first.json().nextCursor}`)).json();
    expect(rest.nextCursor).toBeNull();
    const names = [...first.json().items, ...rest.items].map((f: { legalName: string }) => f.legalName);
    expect(names).toEqual(['Adum Shea', 'Bantama Auto', 'Ejisu Cocoa', 'Kumasi Kente']);
    expect(first.json().items[0]).toMatchObject({ region: 'GH-AH', status: 'active', formality: 'informal' });

    const refused = await admin.get(`/api/v1/members/dashboard/branches/${private_}/firms`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('members.branch_not_shared');
    expect(refused.body).not.toContain('Secret');
    const summary = await admin.get('/api/v1/members/dashboard/branches');
    expect(summary.body).not.toContain('Secret');
    expect(summary.json().items.find((b: OrgRow) => b.orgId === private_)).toMatchObject({ firms: 2, sharesMemberData: false });

    // Another chamber's branch, or a sibling seen from a branch, is not found.
    const stranger = await createOrg(t.app, ghana);
    expect((await stranger.admin.get(`/api/v1/members/dashboard/branches/${sharing}/firms`)).statusCode).toBe(404);
    await admin.post('/api/v1/auth/switch-org', { orgId: private_ });
    expect((await admin.get(`/api/v1/members/dashboard/branches/${sharing}/firms`)).statusCode).toBe(404);

    // Once the branch chooses to share, its firms are visible.
    const org = (await admin.get('/api/v1/org')).json();
    const { id: _id, parentId: _p, createdAt: _c, updatedAt: _u, ...input } = org;
    expect((await admin.put('/api/v1/org', { ...input, shareMemberDataUpward: true })).statusCode).toBe(200);
    await admin.post('/api/v1/auth/switch-org', { orgId: org.parentId });
    const shared = (await admin.get(`/api/v1/members/dashboard/branches/${private_}/firms`)).json();
    expect(shared.items.map((f: { legalName: string }) => f.legalName)).toEqual(['Bolga Baskets Secret', 'Tamale Shea Secret']);
  });
});
