import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();

/** Every GET of the API whose path names records by id, from the OpenAPI description. */
function getRoutesById(): string[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths)
    .filter(([path, methods]) => path.startsWith('/api/v1/') && /\{[a-zA-Z]*[iI]d\}/.test(path) && 'get' in methods)
    .map(([path]) => path);
}

describe('lists under a parent that is not the caller’s', () => {
  it('answer 404 for the children of another organisation’s records, not an empty list', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const theirIssue = (await b.admin.post('/api/v1/advocacy-issues', { title: 'Their own issue', problem: 'Theirs.', category: 'tax' })).json();
    const theirFirm = await createMemberFirm(b.admin);
    for (const path of [
      `/api/v1/advocacy-issues/${theirIssue.id}/documents`,
      `/api/v1/advocacy-issues/${theirIssue.id}/papers`,
      `/api/v1/advocacy-issues/${theirIssue.id}/plan`,
      `/api/v1/advocacy-issues/${theirIssue.id}/stakeholders`,
      `/api/v1/members/${theirFirm.id}/portal-access`,
      `/api/v1/members/${theirFirm.id}/contacts`,
      `/api/v1/members/${theirFirm.id}/interactions`,
    ]) {
      const res = await a.admin.get(path);
      expect(res.statusCode, path).toBe(404);
      // Their owner still sees them.
      expect((await b.admin.get(path)).statusCode, path).toBe(200);
    }
  });

  it('answer no record for any id-named GET of the API given an unknown id', async () => {
    const { admin } = await createOrg(t.app);
    const routes = getRoutesById();
    expect(routes.length).toBeGreaterThan(20);
    const answeredOk: string[] = [];
    for (const route of routes) {
      const res = await admin.get(route.replace(/\{[a-zA-Z]+\}/g, () => randomUUID()));
      if (res.statusCode === 200) answeredOk.push(route);
    }
    expect(answeredOk).toEqual([]);
  });
});
