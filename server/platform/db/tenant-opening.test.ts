import { describe, expect, it } from 'vitest';
import { tenantOpening } from './tenant-opening.js';

const org = '0b0c6b5e-3d1a-4c59-9a8e-2f1d7c3b4a10';
const user = '5e7f1c2a-9b3d-4e6f-8a1b-0c2d3e4f5a6b';
const hash = 'a'.repeat(64);

describe('the statement opening a tenant transaction', () => {
  it('is BEGIN, the settings and the role in one text', () => {
    const text = tenantOpening({ orgId: org, role: 'admin', userId: user });
    expect(text).toBe(
      `BEGIN; SELECT set_config('app.org_id', '${org}', true), set_config('app.user_id', '${user}', true); SET LOCAL ROLE roundtable_app`,
    );
    expect(tenantOpening({ orgId: org, role: 'viewer', userId: null })).toContain("set_config('app.user_id', '', true)");
  });

  it('reads the settings from the session row when given a proof', () => {
    const text = tenantOpening({ orgId: org, role: 'staff', userId: user }, { sessionHash: hash });
    expect(text).toContain(`FROM sessions s`);
    expect(text).toContain(`s.token_hash = '${hash}'`);
    expect(text).toContain(`r.role = 'staff'`);
  });

  it('refuses any value not in its shape rather than quote it', () => {
    expect(() => tenantOpening({ orgId: `${org}'; DROP TABLE users; --`, role: 'admin', userId: user })).toThrow();
    expect(() => tenantOpening({ orgId: org, role: "admin'" as 'admin', userId: user })).toThrow();
    expect(() => tenantOpening({ orgId: org, role: 'admin', userId: 'nobody' })).toThrow();
    expect(() => tenantOpening({ orgId: org, role: 'admin', userId: user }, { sessionHash: `${hash}'` })).toThrow();
    expect(() => tenantOpening({ orgId: org, role: 'admin', userId: null }, { sessionHash: hash })).toThrow();
  });
});
