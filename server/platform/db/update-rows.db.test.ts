import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { members } from '../../modules/members/tables.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { withTenant } from './tenancy.js';
import { updateRows } from './update-rows.js';

const t = useTestApp();

describe('updating many rows, each its own fields, in one statement', () => {
  it('writes each row’s fields of every type, keeps the others, and stays in its organisation', async () => {
    const mine = await createOrg(t.app);
    const theirs = await createOrg(t.app);
    const a = await createMemberFirm(mine.admin, { legalName: 'Kumasi Kente Weavers', tags: ['crafts'], email: 'a@kente.example', employeesFemale: 4 });
    const b = await createMemberFirm(mine.admin, { legalName: 'Tamale Shea', womenLed: false, joinedOn: '2020-01-01' });
    const foreign = await createMemberFirm(theirs.admin, { legalName: 'Not Mine' });
    const scope = { orgId: mine.orgId, role: 'admin' as const, actor: { userId: mine.adminId, name: 'Test Admin' }, locale: 'en' };
    await withTenant(t.app.database.db, scope, (ctx) =>
      updateRows(
        ctx,
        members,
        [
          { id: a.id, patch: { legalName: 'Kumasi Kente House', tags: ['crafts', 'export "ready"'], email: null, latitude: 6.6885 } },
          { id: b.id, patch: { womenLed: true, joinedOn: '2019-12-31', turnover: 25_000_000 } },
          { id: foreign.id, patch: { legalName: 'Taken over' } },
        ],
        sql`version = t.version + 1`,
      ),
    );
    const read = async (id: string) => (await t.database.db.select().from(members).where(eq(members.id, id)))[0]!;
    expect(await read(a.id)).toMatchObject({ legalName: 'Kumasi Kente House', tags: ['crafts', 'export "ready"'], email: null, latitude: 6.6885, employeesFemale: 4, version: a.version + 1 });
    expect(await read(b.id)).toMatchObject({ legalName: 'Tamale Shea', womenLed: true, joinedOn: '2019-12-31', turnover: 25_000_000, version: b.version + 1 });
    expect(await read(foreign.id)).toMatchObject({ legalName: 'Not Mine', version: foreign.version });
    // The generated search name and the name words follow the new name.
    expect((await read(a.id)).searchName?.trim()).toBe('kumasi kente house');
  });
});
