import { CompactSign, compactVerify, importJWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Certificate, CredentialCheck } from '../../../contracts/certificates.js';
import type { Registration } from '../../../contracts/events.js';
import type { CourseDetail } from '../../../contracts/training.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { Client, useTestApp } from '../../test/app.js';
import { testDbKind } from '../../test/database.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';
import { bitAt, decodeStatusList } from './status-list.js';
import { VERIFY_SCRIPT } from './verify-page.js';
import { VERIFY_WORKER_SCRIPT } from './verify-worker.js';

const t = useTestApp();
const PUBLIC = 'http://roundtable.test';

async function course(admin: Client, body: object): Promise<CourseDetail> {
  const res = await admin.post('/api/v1/training/courses', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function session(admin: Client, courseId: string, day: number) {
  const title = `Session ${day}`;
  const res = await admin.post(`/api/v1/training/courses/${courseId}/sessions`, {
    title, startsAt: `2027-03-${String(day).padStart(2, '0')}T09:00:00Z`, endsAt: `2027-03-${String(day).padStart(2, '0')}T13:00:00Z`, capacity: 30, audience: 'public',
  });
  expect(res.statusCode, res.body).toBe(200);
  const created = (res.json() as CourseDetail).sessionList.find((s) => s.title === title)!;
  expect((await admin.post(`/api/v1/events/${created.id}/state`, { state: 'published' })).statusCode).toBe(200);
  return created.id;
}

async function attend(admin: Client, eventId: string, people: Array<{ name: string; email: string }>) {
  const ids: string[] = [];
  for (const p of people) {
    const res = await admin.post(`/api/v1/events/${eventId}/registrations`, { kind: 'public', sex: 'not_stated', ...p });
    expect(res.statusCode, res.body).toBe(201);
    ids.push((res.json() as Registration).id);
  }
  expect((await admin.post(`/api/v1/events/${eventId}/check-in`, { items: ids.map((registrationId) => ({ registrationId })) })).statusCode).toBe(200);
}

const ama = { name: 'Ama Boateng', email: 'ama@example.test' };
const kofi = { name: 'Kofi Mensah', email: 'kofi@example.test' };

const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, any>;
const jwsOf = (cert: Certificate) => cert.verifyUrl.slice(`${PUBLIC}/verify#`.length);
/** The same signature over a payload changed by `change`: what a forger who edits the QR's content gets. */
function tamper(jws: string, change: (c: Record<string, any>) => void) {
  const [header, payload, signature] = jws.split('.');
  const credential = b64json(payload!);
  change(credential);
  return [header, Buffer.from(JSON.stringify(credential)).toString('base64url'), signature].join('.');
}
const check = async (jws: string) => {
  const res = await new Client(t.app).post('/api/v1/public/credentials/check', { jws });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CredentialCheck;
};

/**
 * Runs the verification page's script as a browser would, in a VM with this
 * page's document, a localStorage and a fetch answered by the app (or failing:
 * offline), and returns the verdict it shows and the fields it marks changed.
 */
async function verifyInPage(jws: string, options: { offline?: boolean; storage?: Map<string, string>; noWorker?: boolean } = {}) {
  const page = await new Client(t.app).get('/verify?lang=en');
  const data = /<script type="application\/json" id="rt-verify">(.*?)<\/script>/.exec(page.body)![1]!;
  const storage = options.storage ?? new Map<string, string>();
  const verdict = { className: '', textContent: '', lines: [] as string[], appendChild(ul: { items: string[] }) { this.lines.push(...ul.items); } };
  const changed: string[] = [];
  const registered: Array<[string, string]> = [];
  const element = (tag: string) => ({ tag, items: [] as string[], textContent: '', className: '', appendChild(child: { textContent: string; className: string }) { this.items.push(child.textContent); if (child.className === 'changed') changed.push(child.textContent); } });
  const list = { hidden: true, textContent: '', appendChild(child: { tag: string; textContent: string; className: string }) { if (child.tag === 'dd' && child.className === 'changed') changed.push(child.textContent); } };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const fetchFn = async (url: string, init: { method?: string; body?: string } = {}) => {
    if (options.offline) throw new TypeError('Failed to fetch');
    const res = await t.app.inject({ method: (init.method ?? 'GET') as 'GET', url: url.replace(PUBLIC, ''), payload: init.body, headers: init.body ? { 'content-type': 'application/json' } : {} });
    return new Response(new Uint8Array(res.rawPayload), { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
  };
  const context = vm.createContext({
    document: {
      getElementById: (id: string) => (id === 'rt-verify' ? { textContent: data } : id === 'verdict' ? verdict : list),
      querySelectorAll: () => [],
      createElement: element,
    },
    location: { hash: `#${jws}`, origin: PUBLIC, reload() {} },
    window: { addEventListener() {}, crypto: globalThis.crypto },
    ...(options.noWorker ? {} : { navigator: { serviceWorker: { register: async (url: string, o: { scope: string }) => { registered.push([url, o.scope]); } } } }),
    localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
    fetch: fetchFn, crypto: globalThis.crypto, atob, TextDecoder, TextEncoder, Blob, Response, DecompressionStream, Date, JSON, Number, String, Array, Uint8Array, Error, TypeError, Promise, isNaN,
  });
  // The verdict is final when the script stops changing it; it has no callback, so the test waits for its promise chain.
  vm.runInContext(VERIFY_SCRIPT.replace('run().catch(', 'run().then(function () { __done(); }, function () { __done(); });\n(function(){}).call(null, '), Object.assign(context, { __done: done }));
  await finished;
  return { kind: verdict.className.replace('verdict', '').trim(), text: verdict.textContent, lines: verdict.lines, changed, storage, registered };
}

describe('certificates', () => {
  it('issues a signed credential once to a completer, verifies it, names a changed field, and revokes it', async () => {
    const org = await createOrg(t.app, { name: 'Chamber of Tamale' });
    const c = await course(org.admin, { title: 'Export readiness', kind: 'course', hours: 12.5, completionShare: 80 });
    const [s1, s2] = [await session(org.admin, c.id, 10), await session(org.admin, c.id, 17)];
    await attend(org.admin, s1, [ama, kofi]);
    await attend(org.admin, s2, [ama]);
    const detail = (await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail;
    const amaId = detail.participants.find((p) => p.name === ama.name)!.personId;
    const kofiId = detail.participants.find((p) => p.name === kofi.name)!.personId;

    // No key before the first certificate: nothing public yet.
    expect((await new Client(t.app).get(`/credentials/${org.orgId}/jwks`)).statusCode).toBe(404);
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: kofiId })).json().code).toBe('training.not_completed');
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: amaId, validUntil: '2020-01-01' })).statusCode).toBe(400);
    const issued = await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: amaId, validUntil: '2099-12-31' });
    expect(issued.statusCode, issued.body).toBe(201);
    const cert = issued.json() as Certificate;
    expect(cert).toMatchObject({ personId: amaId, name: 'Ama Boateng', level: 'participant', validUntil: '2099-12-31T23:59:59Z', revokedAt: null });
    expect(cert.verifyUrl.startsWith(`${PUBLIC}/verify#`)).toBe(true);
    // Once per person and course.
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: amaId })).json().code).toBe('training.already_issued');

    // The credential: VC 2.0 + Open Badges 3.0, signed EdDSA with the organisation's published key.
    const jws = jwsOf(cert);
    const jwks = await new Client(t.app).get(`/credentials/${org.orgId}/jwks`);
    expect(jwks.statusCode).toBe(200);
    const [jwk] = (jwks.json() as { keys: Array<Record<string, string>> }).keys;
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(jwk).not.toHaveProperty('d');
    const publicKey = await importJWK(jwk!, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(jws, publicKey);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: jwk!.kid });
    const credential = JSON.parse(new TextDecoder().decode(payload));
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `urn:uuid:${cert.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `${PUBLIC}/credentials/${org.orgId}`, name: 'Chamber of Tamale' },
      validUntil: '2099-12-31T23:59:59Z',
      credentialSubject: { name: 'Ama Boateng', role: 'participant', achievement: { name: 'Export readiness', hours: 12.5, courseKind: 'course' } },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '0', statusListCredential: `${PUBLIC}/credentials/${org.orgId}/status` },
    });
    expect(await check(jws)).toEqual({ found: true, signed: true, changed: [], revoked: false });
    // The private key is kept encrypted, never as the key itself.
    const keyRow = await t.app.database.db.execute(`SELECT private_key FROM training_credential_keys WHERE org_id = '${org.orgId}'`);
    expect(String((keyRow.rows[0] as { private_key: string }).private_key)).toMatch(/^v1\./);

    // One changed field, the old signature kept: it never verifies, and the issuer names the field.
    const renamed = tamper(jws, (x) => { x.credentialSubject.name = 'Kofi Mensah'; });
    await expect(compactVerify(renamed, publicKey)).rejects.toThrow();
    expect(await check(renamed)).toEqual({ found: true, signed: false, changed: ['name'], revoked: false });
    // One changed field, signed again with another key under the same key id: still refused, the field named.
    const forger = generateKeyPairSync('ed25519');
    const longer = b64json(jws.split('.')[1]!);
    longer.credentialSubject.achievement.hours = 40;
    const resigned = await new CompactSign(Buffer.from(JSON.stringify(longer))).setProtectedHeader(protectedHeader).sign(forger.privateKey);
    await expect(compactVerify(resigned, publicKey)).rejects.toThrow();
    expect(await check(resigned)).toEqual({ found: true, signed: false, changed: ['hours'], revoked: false });
    expect((await check(tamper(jws, (x) => { x.validUntil = '2199-01-01T00:00:00Z'; x.issuer.name = 'Other'; }))).changed).toEqual(['expiry', 'issuer']);
    expect((await check('not a credential')).found).toBe(false);

    // The status list: signed, the bit of the certificate clear.
    const status = async () => {
      const res = await new Client(t.app).get(`/credentials/${org.orgId}/status`);
      expect(res.statusCode).toBe(200);
      const list = JSON.parse(new TextDecoder().decode((await compactVerify(res.body, publicKey)).payload));
      expect(list).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' } });
      return decodeStatusList(list.credentialSubject.encodedList);
    };
    expect(bitAt(await status(), 0)).toBe(false);

    // The verification page's script, run as a phone would: valid; changed field named; offline with the key kept.
    const page = await verifyInPage(jws);
    expect(page).toMatchObject({ kind: 'ok', text: 'Valid certificate' });
    const forged = await verifyInPage(renamed);
    expect(forged).toMatchObject({ kind: 'bad', changed: ['Kofi Mensah'] });
    expect(forged.lines.join(' ')).toContain('Changed: Name');
    expect((await verifyInPage(resigned)).lines.join(' ')).toContain('Changed: Hours');
    const offline = await verifyInPage(jws, { offline: true, storage: page.storage });
    expect(offline).toMatchObject({ kind: 'warn', text: 'Signature valid; the revocation could not be checked' });
    expect((await verifyInPage(renamed, { offline: true, storage: page.storage })).kind).toBe('bad');
    expect((await verifyInPage(jws, { offline: true, noWorker: true })).text).toContain('Cannot verify offline');

    // The PDF says every signed field and carries the QR code.
    const pdf = await org.admin.get(`/api/v1/training/certificates/${cert.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of ['Certificate of completion', 'Ama Boateng', 'Export readiness', 'Chamber of Tamale', '12.5', cert.id]) expect(text).toContain(s);

    // Another organisation can neither issue on this course nor revoke this certificate.
    const other = await createOrg(t.app);
    expect((await other.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: kofiId })).statusCode).toBe(404);
    expect((await other.admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: 'Not ours' })).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/training/certificates/${cert.id}/certificate.pdf`)).statusCode).toBe(404);

    // Revoked, with a reason: the bit is set, the check and the page say revoked.
    expect((await org.admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: ' ' })).statusCode).toBe(400);
    const revoked = await org.admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: 'Attendance sheet was forged' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ revokedReason: 'Attendance sheet was forged', revokedAt: expect.any(String) });
    expect((await org.admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: 'Again' })).json().code).toBe('training.certificate_revoked');
    expect(bitAt(await status(), 0)).toBe(true);
    expect(await check(jws)).toEqual({ found: true, signed: true, changed: [], revoked: true });
    expect(await verifyInPage(jws)).toMatchObject({ kind: 'bad', text: 'Revoked: the issuer withdrew this certificate' });
    expect((await org.admin.get(`/api/v1/training/courses/${c.id}/certificates`)).json().items).toEqual([expect.objectContaining({ id: cert.id, revokedReason: 'Attendance sheet was forged' })]);

    const audit = (await org.admin.get('/api/v1/audit?limit=100')).json().items as Array<{ action: string; entityId: string }>;
    expect(audit.filter((a) => a.action.startsWith('training_course.certificate_')).map((a) => [a.action, a.entityId]).sort()).toEqual([
      ['training_course.certificate_issue', c.id], ['training_course.certificate_revoke', c.id],
    ]);
  });

  it('gives a ToT’s certified trainer a trainer credential that names the ToT, and no one else of the ToT', async () => {
    const org = await createOrg(t.app);
    const tot = await course(org.admin, { title: 'Training of trainers: export', kind: 'tot', hours: 20, completionShare: 100 });
    await attend(org.admin, await session(org.admin, tot.id, 3), [ama, kofi]);
    const detail = (await org.admin.get(`/api/v1/training/courses/${tot.id}`)).json() as CourseDetail;
    const amaId = detail.participants.find((p) => p.name === ama.name)!.personId;
    const kofiId = detail.participants.find((p) => p.name === kofi.name)!.personId;
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: kofiId, certifiedOn: '2027-03-20', teachBack: 'Taught Incoterms to peers.' })).statusCode).toBe(200);
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/certificates`, { personId: amaId })).json().code).toBe('training.not_certified');
    const cert = (await org.admin.post(`/api/v1/training/courses/${tot.id}/certificates`, { personId: kofiId })).json() as Certificate;
    expect(cert).toMatchObject({ level: 'trainer', name: 'Kofi Mensah', validUntil: null });
    const credential = b64json(jwsOf(cert).split('.')[1]!);
    expect(credential.credentialSubject).toMatchObject({ role: 'trainer', activityEndDate: '2027-03-20', achievement: { achievementType: 'Certification' } });
    expect(credential.evidence).toEqual([{ id: `${PUBLIC}/credentials/${org.orgId}/courses/${tot.id}`, type: ['Evidence'], name: 'Training of trainers: export', description: 'Training of trainers' }]);
    expect(credential.credentialStatus.statusListIndex).toBe('0');
    const page = await verifyInPage(jwsOf(cert));
    expect(page.kind).toBe('ok');
    expect((await verifyInPage(tamper(jwsOf(cert), (x) => { x.evidence[0].name = 'Something else'; }))).lines.join(' ')).toContain('Changed: Certified through');
  });

  it('serves the verification page without sign-in, its script from our own origin', async () => {
    const page = await new Client(t.app).get('/verify?lang=fr');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Vérifier un certificat');
    expect(page.body).toContain('<script src="/verify/verify.js" defer></script>');
    const script = await new Client(t.app).get('/verify/verify.js');
    expect(script.headers['content-type']).toContain('javascript');
    // Asked again each time: offline, the service worker answers with what it kept, not a day-old HTTP cache.
    expect([page.headers['cache-control'], script.headers['cache-control']]).toEqual(['no-cache', 'no-cache']);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The worker: served as a script from our origin, allowed to control /verify (its folder is /verify/) and nothing wider.
    const worker = await new Client(t.app).get('/verify/sw.js');
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toContain('javascript');
    expect(worker.headers['service-worker-allowed']).toBe('/verify');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.body).toBe(VERIFY_WORKER_SCRIPT);
    // The page's script registers it with that scope (and works where there is no service worker, as in the VM above).
    expect((await verifyInPage('')).registered).toEqual([['/verify/sw.js', '/verify']]);
    // A credential that names another site as its issuer is not checked against that site's key.
    const foreign = await new CompactSign(Buffer.from(JSON.stringify({ id: 'urn:uuid:00000000-0000-4000-8000-000000000001', issuer: { id: 'https://evil.example/credentials/x' } })))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: 'https://evil.example/credentials/x#k' }).sign(generateKeyPairSync('ed25519').privateKey);
    expect(await verifyInPage(foreign)).toMatchObject({ kind: 'bad', text: expect.stringContaining('does not name an issuer of this site') });
  });
  it('seals the signing key with the server secret once one is set, refuses to sign without it, and replaces the key while old certificates still verify', async () => {
    const org = await createOrg(t.app, { name: 'Chamber of Bolgatanga' });
    const c = await course(org.admin, { title: 'Bookkeeping', kind: 'workshop', hours: 6, completionShare: 100 });
    const yaw = { name: 'Yaw Owusu', email: 'yaw@example.test' };
    await attend(org.admin, await session(org.admin, c.id, 12), [ama, kofi, yaw]);
    const people = ((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants;
    const personId = (name: string) => people.find((p) => p.name === name)!.personId;
    const issue = (app: Client, name: string) => app.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: personId(name) });
    const keyRows = async () => (await t.app.database.db.execute(`SELECT id, private_key, retired_at FROM training_credential_keys WHERE org_id = '${org.orgId}' ORDER BY created_at`)).rows as Array<{ id: string; private_key: string; retired_at: Date | null }>;

    // Without a server secret the key is sealed by the organisation's own secret alone.
    const first = await issue(org.admin, ama.name);
    expect(first.statusCode, first.body).toBe(201);
    expect((await keyRows()).map((k) => k.private_key.slice(0, 3))).toEqual(['v1.']);

    // The same database served with CREDENTIAL_SECRET: the next signature seals the key with it too.
    const sealed = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: PUBLIC, LOGIN_RATE_LIMIT: '1000', CREDENTIAL_SECRET: 'a'.repeat(16) + 'b'.repeat(16) }), database: t.database, serveWeb: false, logger: false, strictAudit: true });
    try {
      await sealed.ready();
      const second = await issue(new Client(sealed, org.admin.cookie, org.admin.csrf), kofi.name);
      expect(second.statusCode, second.body).toBe(201);
    } finally {
      await sealed.close();
    }
    const [oldKey] = await keyRows();
    expect(oldKey!.private_key.slice(0, 3)).toBe('v2.');
    const audit = (await org.admin.get('/api/v1/audit?action=training_key.seal')).json() as { items: Array<{ entityId: string }> };
    expect(audit.items.map((a) => a.entityId)).toEqual([oldKey!.id]);

    // A server without that secret (a restored backup) cannot sign: not a certificate, not the revocation list.
    const refused = await issue(org.admin, yaw.name);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().code).toBe('training.signing_key_locked');
    expect((await new Client(t.app).get(`/credentials/${org.orgId}/status`)).statusCode).toBe(503);
    // What was signed still verifies from the published key.
    expect(await check(jwsOf(first.json() as Certificate))).toMatchObject({ found: true, signed: true, changed: [], revoked: false });

    // Only an admin replaces the key; the old one stays published, retired.
    const staff = await createPerson(t.app, org.orgId, 'staff');
    expect((await staff.client.get('/api/v1/training/signing-keys')).statusCode).toBe(403);
    expect((await staff.client.post('/api/v1/training/signing-keys/rotate', {})).statusCode).toBe(403);
    const before = (await org.admin.get('/api/v1/training/signing-keys')).json();
    expect(before).toMatchObject({ serverSecretConfigured: false, items: [{ id: oldKey!.id, retiredAt: null, sealedWithServerSecret: true }] });
    const rotated = await org.admin.post('/api/v1/training/signing-keys/rotate', {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    const keys = rotated.json().items as Array<{ id: string; retiredAt: string | null; sealedWithServerSecret: boolean }>;
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatchObject({ id: oldKey!.id });
    expect(keys[0]!.retiredAt).not.toBeNull();
    // The retired key's private half is erased: it can sign nothing more.
    expect((await keyRows())[0]!.private_key).toBe('');
    expect(keys[1]).toMatchObject({ retiredAt: null, sealedWithServerSecret: false });

    const third = await issue(org.admin, yaw.name);
    expect(third.statusCode, third.body).toBe(201);
    const thirdHeader = b64json(jwsOf(third.json() as Certificate).split('.')[0]!);
    expect(thirdHeader.kid).toBe(`${PUBLIC}/credentials/${org.orgId}#${keys[1]!.id}`);
    const jwks = (await new Client(t.app).get(`/credentials/${org.orgId}/jwks`)).json() as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid.split('#')[1])).toEqual([oldKey!.id, keys[1]!.id]);
    // Both the old key's certificates and the new key's verify, on the server and in the page.
    for (const cert of [first, third]) expect(await check(jwsOf(cert.json() as Certificate))).toMatchObject({ found: true, signed: true, changed: [] });
    expect((await verifyInPage(jwsOf(first.json() as Certificate))).kind).toBe('ok');
    expect((await verifyInPage(jwsOf(third.json() as Certificate))).kind).toBe('ok');
    expect((await new Client(t.app).get(`/credentials/${org.orgId}/status`)).statusCode).toBe(200);
    // A credential signed by the retired key but naming the new key's id does not verify.
    const [h, p, sig] = jwsOf(first.json() as Certificate).split('.');
    const relabelled = [Buffer.from(JSON.stringify({ ...b64json(h!), kid: thirdHeader.kid })).toString('base64url'), p, sig].join('.');
    expect((await check(relabelled)).signed).toBe(false);
  });
  it('issues one certificate from that person\'s records alone (a merged record\'s check-ins count), and every eligible participant at once', async () => {
    const org = await createOrg(t.app, { name: 'Chamber of Wa' });
    const c = await course(org.admin, { title: 'Costing', kind: 'course', hours: 4, completionShare: 100 });
    const yaw = { name: 'Yaw Owusu', email: 'yaw@example.test' };
    const kofiAgain = { name: 'Kofi Mensa', email: 'kofi.m@example.test' };
    await attend(org.admin, await session(org.admin, c.id, 3), [ama, kofi, yaw]);
    await attend(org.admin, await session(org.admin, c.id, 4), [ama, kofiAgain]);
    const people = ((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants;
    const id = (name: string) => people.find((p) => p.name === name)!.personId;
    const issue = (personId: string) => org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId });
    // Kofi's second day is on another record: one of two sessions each, so neither completed.
    expect((await issue(id(kofi.name))).json().code).toBe('training.not_completed');
    expect((await org.admin.post(`/api/v1/people-reached/${id(kofi.name)}/merge`, { otherId: id(kofiAgain.name) })).statusCode).toBe(200);
    // Merged: both days are Kofi's; the record merged away is no one to certify.
    expect((await issue(id(kofiAgain.name))).json().code).toBe('training.person_not_found');
    const kofiCert = await issue(id(kofi.name));
    expect(kofiCert.statusCode, kofiCert.body).toBe(201);
    expect(kofiCert.json()).toMatchObject({ personId: id(kofi.name), name: kofi.name, level: 'participant' });
    expect((await issue(crypto.randomUUID())).json().code).toBe('training.person_not_found');

    // Every completer without a certificate: Ama only (Kofi has his, Yaw attended one day of two).
    const all = await org.admin.post(`/api/v1/training/courses/${c.id}/certificates/eligible`, { validUntil: null });
    expect(all.statusCode, all.body).toBe(201);
    expect((all.json().items as Certificate[]).map((x) => [x.name, x.level])).toEqual([[ama.name, 'participant']]);
    expect(await check(jwsOf(all.json().items[0] as Certificate))).toMatchObject({ found: true, signed: true, changed: [] });
    const again = await org.admin.post(`/api/v1/training/courses/${c.id}/certificates/eligible`, {});
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().items).toEqual([]);
    // Counted apart: one certificate per completer, each its own place in the status list.
    const rows = (await t.app.database.db.execute(`SELECT person_id, status_index FROM training_certificates WHERE org_id = '${org.orgId}' ORDER BY status_index`)).rows as Array<{ person_id: string; status_index: number }>;
    expect(rows.map((r) => [r.person_id, Number(r.status_index)])).toEqual([[id(kofi.name), 0], [id(ama.name), 1]]);
    expect((await (await createPerson(t.app, org.orgId, 'viewer')).client.post(`/api/v1/training/courses/${c.id}/certificates/eligible`, {})).statusCode).toBe(403);
  });
  it.runIf(testDbKind() === 'postgres')('serves the revocation list while an issue holds the signing key', async () => {
    const org = await createOrg(t.app, { name: 'Chamber of Ho' });
    const c = await course(org.admin, { title: 'Book-keeping', kind: 'course', hours: 2, completionShare: 100 });
    await attend(org.admin, await session(org.admin, c.id, 5), [ama]);
    const [participant] = ((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants;
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: participant!.personId })).statusCode).toBe(201);
    // An issue of every eligible certificate in progress elsewhere holds the key's row to its end.
    const issuing = await t.app.database.pool.connect();
    try {
      await issuing.query('BEGIN');
      await issuing.query('SELECT id FROM training_credential_keys WHERE org_id = $1 AND retired_at IS NULL FOR UPDATE', [org.orgId]);
      const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5000));
      const status = new Client(t.app).get(`/credentials/${org.orgId}/status`).then((res) => res.statusCode);
      // A verifier's read of the list does not wait behind it.
      expect(await Promise.race([status, waited])).toBe(200);
    } finally {
      await issuing.query('ROLLBACK');
      issuing.release();
    }
  });
});
