import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();

describe('an issue raised without a connection', () => {
  it('is made once, however often the browser sends it again with its key', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Accra Foods' });
    const user = await createFirmUser(t.app, org.admin, org.orgId, firm.id);
    const issue = { title: 'Port clearance takes nine days', description: 'Containers wait at Tema.', category: 'infrastructure', clientKey: 'c0ffee00c0ffee00c0ffee00' };
    const first = await user.post('/api/v1/member-issues', issue);
    expect(first.statusCode).toBe(201);
    const again = await user.post('/api/v1/member-issues', issue);
    expect(again.json().id).toBe(first.json().id);
    expect((await org.admin.get('/api/v1/member-issues')).json().items).toHaveLength(1);
    // A second issue (another key) is another issue.
    await user.post('/api/v1/member-issues', { ...issue, clientKey: 'beefbeefbeefbeefbeefbeef' });
    expect((await org.admin.get('/api/v1/member-issues')).json().items).toHaveLength(2);
  });
});
