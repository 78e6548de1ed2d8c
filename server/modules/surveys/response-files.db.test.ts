import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';
import { createPublishedForm } from '../../test/survey-factories.js';
import { MAX_RESPONSE_FILE, removeAbandonedResponseFiles, RESPONSE_FILES_QUOTA } from './response-files.js';

const t = useTestApp();
const MB = 1024 * 1024;

async function permitsConsultation() {
  const { admin, orgId } = await createOrg(t.app);
  const form = await createPublishedForm(admin, { title: { en: 'Permits' }, languages: ['en'], questions: [{ name: 'permit', type: 'file', label: { en: 'Photo of your permit' }, required: true }] });
  const id = (await admin.post('/api/v1/consultations', { title: 'Permits', formId: form.id, identity: 'anonymous' })).json().id as string;
  const token = /\/r\/(p-[\w-]+)$/.exec((await admin.post(`/api/v1/consultations/${id}/open`)).json().publicUrl)![1]!;
  return { admin, orgId, id, token };
}

async function fileIds(consultationId: string) {
  const res = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM response_files WHERE consultation_id = ${consultationId} ORDER BY id`);
  return res.rows.map((r) => r.id).sort();
}

describe('a file sent through a respondent link', () => {
  it('is refused for a wrong link before its bytes are read, and read no further than 5 MB', async () => {
    const { token } = await permitsConsultation();
    const anon = new Client(t.app);
    // Larger than the app's 25 MB limit for any upload: only the link can answer here.
    const wrong = await anon.upload('/api/v1/respond/p-not-a-real-link-at-all/files', Buffer.alloc(26 * MB), 'big.bin');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('surveys.link_invalid');
    const tooBig = await anon.upload(`/api/v1/respond/${token}/files`, Buffer.alloc(MAX_RESPONSE_FILE + 1), 'huge.bin');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('payload_too_large');
    expect((await anon.upload(`/api/v1/respond/${token}/files`, Buffer.alloc(MAX_RESPONSE_FILE), 'largest.bin')).statusCode).toBe(201);
  });

  it('is refused, with a translated reason, once the consultation holds its quota of files; other consultations are not affected', async () => {
    const full = await permitsConsultation();
    const other = await permitsConsultation();
    // Stored files' sizes fill the quota (their bytes need not be real for the count).
    const files = Math.floor(RESPONSE_FILES_QUOTA / MAX_RESPONSE_FILE);
    await t.database.db.execute(sql`
      INSERT INTO response_files (org_id, consultation_id, name, content_type, size, data)
      SELECT ${full.orgId}::uuid, ${full.id}::uuid, 'photo-' || i || '.jpg', 'image/jpeg', ${MAX_RESPONSE_FILE}, '\\x00'::bytea FROM generate_series(1, ${files}) i`);
    const used = files * MAX_RESPONSE_FILE;
    const anon = new Client(t.app);
    const room = RESPONSE_FILES_QUOTA - used;
    if (room > 0) expect((await anon.upload(`/api/v1/respond/${full.token}/files`, Buffer.alloc(room), 'fits.bin')).statusCode).toBe(201);
    const body = await multipart(Buffer.from('one more'));
    const refused = await anon.request({ method: 'POST', url: `/api/v1/respond/${full.token}/files`, payload: body.payload, headers: { ...body.headers, 'accept-language': 'fr' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'surveys.files_quota_exceeded' });
    expect(refused.json().title).toContain(`${RESPONSE_FILES_QUOTA / MB} Mo`);
    expect((await anon.upload(`/api/v1/respond/${other.token}/files`, Buffer.from('a permit'), 'permit.pdf')).statusCode).toBe(201);
  });
});

async function multipart(file: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'file.bin');
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } };
}

describe('the daily removal of abandoned respondent files', () => {
  it('removes files no answer will use, and keeps those of submitted answers and of drafts that may still be sent', async () => {
    const { admin, id, token } = await permitsConsultation();
    const anon = new Client(t.app);
    const upload = async (name: string) => (await anon.upload(`/api/v1/respond/${token}/files`, Buffer.from(name), name)).json() as { fileId: string; name: string };
    const replaced = await upload('first-try.jpg');
    const submitted = await upload('permit.jpg');
    const drafted = await upload('draft.jpg');
    const fresh = await upload('just-now.jpg');
    expect((await anon.put(`/api/v1/respond/${token}`, { answers: { permit: submitted }, submit: true })).json().status).toBe('submitted');
    expect((await anon.put(`/api/v1/respond/${token}`, { answers: { permit: drafted } })).json().status).toBe('draft');
    // All but the last were attached two days ago.
    await t.database.db.execute(sql`UPDATE response_files SET created_at = now() - interval '2 days' WHERE id IN (${replaced.fileId}, ${submitted.fileId}, ${drafted.fileId})`);

    expect(await removeAbandonedResponseFiles(t.database)).toMatchObject({ files: 1 });
    expect(await fileIds(id)).toEqual([submitted.fileId, drafted.fileId, fresh.fileId].sort());

    // Closed, the draft can never be sent: its file goes; a day later the unused fresh one too.
    expect((await admin.post(`/api/v1/consultations/${id}/close`)).statusCode).toBe(200);
    expect(await removeAbandonedResponseFiles(t.database)).toMatchObject({ files: 1 });
    expect(await fileIds(id)).toEqual([submitted.fileId, fresh.fileId].sort());
    await removeAbandonedResponseFiles(t.database, new Date(Date.now() + 25 * 3600_000));
    expect(await fileIds(id)).toEqual([submitted.fileId]);
    expect((await admin.get(`/api/v1/consultations/${id}/files/${submitted.fileId}`)).body).toBe('permit.jpg');
  });
});
