import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { sampleInput } from '../../test/sample-input.js';
import { createPublishedForm, mailedLinks } from '../../test/survey-factories.js';
import type { RouteEntry } from './authenticate.js';

const t = useTestApp();

// Per route and per caller: enough to meet every kind of hostile value a few
// times across the table, few enough to stay well under a minute a database.
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 5);

const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const UUID_ZERO = '00000000-0000-0000-0000-000000000000';

/** Values that have broken a route before, or that a column cannot hold. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', 'tab\there', '\u001b[31m', '\u0007', // NUL and other control characters
    2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e21, 1e308, -1e308, 0.5, -1, 0, // beyond int4, int8 and safe integers
    '0000-01-01', '0000-01-01T00:00:00Z', '10000-01-01', '9999-12-31', '2026-02-31', '1899-12-31T23:59:59Z', // dates out of any range
    'x'.repeat(20_000), // over-long text
    'not-a-uuid', UUID_ZERO, `${UUID_ZERO}\u0000`, // ids
    null, true, {}, [], [[]], { nested: { deeper: ['\u0000'] } }, // wrong types
    encodeCursor(['x', {}]), encodeCursor([1e300, 'y']), encodeCursor(['0000-01-01T00:00:00Z', UUID_ZERO]), encodeCursor([2 ** 40, 'x', 'y']), encodeCursor(['\u0000', UUID_ZERO]), '!!!', // cursors
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path of a sample value, the value itself included (`[]`). */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

function withValueAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = withValueAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

/** Path parameters that fail in the router or in validation, before any handler. */
const hostileParam = fc.constantFrom('not-a-uuid', '%00', `${UUID_ZERO}%00`, 'x'.repeat(300), '%E0%A4%A', '%', UUID_ZERO, '..%2F..%2Fetc');

function multipartOf(parts: Array<{ name: string; value: string; filename?: string }>, boundary = 'fuzzboundary') {
  const body = parts
    .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${p.value}\r\n`)
    .join('');
  return `${body}--${boundary}--\r\n`;
}

/** Malformed multipart bodies: no boundary, cut short, garbage, hostile names and fields. */
const hostileUploads: Array<{ contentType: string; payload: string }> = [
  { contentType: 'multipart/form-data', payload: multipartOf([{ name: 'file', value: 'x', filename: 'a.csv' }]) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'file', value: 'x', filename: 'a.csv' }]).slice(0, 60) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: '--fuzzboundary\r\nthis is not a header\r\n\r\nvalue' },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: 'garbage without any boundary' },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: '' },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'file', value: 'name,region\nA,GH-AA\n', filename: 'nul\u0000name.csv' }]) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'description', value: '"\\u0000"' }, { name: 'file', value: 'x', filename: 'a.pdf' }]) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'mapping', value: '{"legalName": 4294967296}' }, { name: 'file', value: 'legalName\nA\n', filename: 'a.csv' }]) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'decisions', value: '{"\\u0000": "create"}' }, { name: 'file', value: 'legalName\nA\n', filename: 'a.csv' }]) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'questionId', value: '\u0000' }, { name: 'file', value: 'x', filename: 'x'.repeat(2000) }]) },
  { contentType: 'multipart/form-data; boundary=fuzzboundary', payload: multipartOf([{ name: 'file', value: 'x', filename: 'a.csv' }, { name: 'file', value: 'y', filename: 'b.csv' }]) },
  { contentType: 'application/json', payload: '{"file": "\\u0000"}' },
];
const hostileUpload = fc.constantFrom(...hostileUploads);

describe('every route answers malformed input without a server error', () => {
  const ids: Record<string, string> = {};
  /** Bodies each route accepts, by `METHOD /url`: a hostile field in them reaches the service, not only validation. */
  const validBodies = new Map<string, unknown>();
  let admin: Client;
  const anonymous = () => new Client(t.app);

  beforeAll(async () => {
    const org = await createOrg(t.app, { name: 'Fuzz Chamber' });
    admin = org.admin;
    await admin.post('/api/v1/membership/tiers', { name: 'Fuzz tier', fees: { micro: 100, small: 200, medium: 300, large: 400 } });
    const tier = (await admin.get('/api/v1/membership/tiers')).json().items[0];
    const firm = await createMemberFirm(admin, { legalName: 'Fuzz Shea Processors', tierId: tier.id, region: 'GH-AA', email: 'firm@fuzz.example' });
    await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' });
    const invoice = (await admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items[0];
    const contact = (await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Fuzz Contact', email: 'contact@fuzz.example', consentToContact: true })).json();
    const view = (await admin.post('/api/v1/members/views', { name: 'Fuzz view', query: { region: 'GH-AA' } })).json();
    const form = await createPublishedForm(admin);
    const consultation = (await admin.post('/api/v1/consultations', { title: 'Fuzz consultation', formId: form.id, identity: 'firm' })).json();
    await admin.post(`/api/v1/consultations/${consultation.id}/open`);
    const [link] = await mailedLinks(admin);
    const issue = (await admin.post('/api/v1/member-issues', { title: 'Fuzz issue', description: 'About levies', category: 'tax', memberId: firm.id })).json();
    const advocacy = (await admin.post('/api/v1/advocacy-issues', { title: 'Fuzz advocacy', problem: 'Levies', category: 'tax', fromMemberIssueId: issue.id })).json();
    const costed = (await admin.post(`/api/v1/advocacy-issues/${advocacy.id}/cost-activities`, { name: 'Fuzz cost', minutes: 60, hourlyTariff: 1000, outOfPocket: 0, perYear: 1, firms: { micro: 1, small: 0, medium: 0, large: 0 } })).json();
    const paper = (await admin.post(`/api/v1/advocacy-issues/${advocacy.id}/papers`, { title: 'Fuzz paper', problem: 'p', evidence: 'e', proposals: 'x', expectedImpact: 'y' })).json();
    const forum = (await admin.post('/api/v1/forums', { name: 'Fuzz round table', kind: 'round_table' })).json();
    const seat = (await admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Fuzz official', email: 'official@fuzz.example' })).json().memberList[0];
    const meeting = (await admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Fuzz meeting', startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-10T11:00:00Z' })).json();
    const agenda = (await admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Fuzz agenda item', issueId: advocacy.id })).json().agenda[0];
    const decision = (await admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Fuzz decision', owner: 'Owner', agendaItemId: agenda.id })).json().decisions[0];
    const body = (await admin.post('/api/v1/public-bodies', { name: 'Fuzz Ministry', classification: 'ministry' })).json().items[0];
    const post = (await admin.post(`/api/v1/public-bodies/${body.id}/posts`, { label: 'Fuzz Minister' })).json().items[0].posts[0];
    const dm = (await admin.post('/api/v1/decision-makers', { name: 'Fuzz Hon. Member', email: 'dm@fuzz.example' })).json();
    const membership = (await admin.post(`/api/v1/decision-makers/${dm.id}/memberships`, { organizationId: body.id, postId: post.id })).json().memberships[0];
    const objective = (await admin.post(`/api/v1/advocacy-issues/${advocacy.id}/objectives`, { text: 'Fuzz objective', targetPersonId: dm.id })).json().objectives[0];
    const token = (await admin.post('/api/v1/org/api-tokens', { name: 'Fuzz token', role: 'viewer' })).json();
    // The id a path parameter most likely means, by the segment before it: deep paths get reached, not only 404s.
    Object.assign(ids, {
      'advocacy-issues': advocacy.id, members: firm.id, consultations: consultation.id, forms: form.id, forums: forum.id, meetings: meeting.id,
      'member-issues': issue.id, 'decision-makers': dm.id, 'public-bodies': body.id, 'position-papers': paper.id, invoices: invoice.id,
      decisions: decision.id, contacts: contact.id, views: view.id, 'api-tokens': token.token.id, people: org.adminId, firms: firm.id,
      'cost-activities': costed.costs.activities[0].id, agenda: agenda.id, memberships: membership.id, objectives: objective.id, posts: post.id,
      stakeholders: dm.id, respond: link!.token, reforms: org.orgId, papers: paper.id, branches: org.orgId, responses: UUID_ZERO, files: UUID_ZERO,
      'forum-members': seat.id, tiers: tier.id,
    });
    const cost = { name: 'Fuzz cost', minutes: 60, hourlyTariff: 1000, outOfPocket: 0, perYear: 1, firms: { micro: 1, small: 0, medium: 0, large: 0 } };
    for (const [key, value] of Object.entries({
      'POST /api/v1/membership/tiers': { name: 'Fuzz second tier', fees: { micro: 100, small: 200, medium: 300, large: 400 } },
      'PUT /api/v1/membership/tiers/:id': { name: 'Fuzz tier', fees: { micro: 100, small: 200, medium: 300, large: 400 } },
      'POST /api/v1/members': { legalName: 'Fuzz Second Firm', region: 'GH-AA', isicClass: '0111' },
      'POST /api/v1/members/:id/contacts': { name: 'Fuzz Contact', consentToContact: true },
      'POST /api/v1/members/:id/interactions': { kind: 'visit', occurredOn: '2026-01-05', summary: 'Visit' },
      'POST /api/v1/members/views': { name: 'Fuzz view', query: { region: 'GH-AA' } },
      'POST /api/v1/invoices/:id/payments': { amount: 1, paidOn: '2026-01-05', method: 'cash' },
      'PUT /api/v1/members/settings': { microMaxEmployees: 5, smallMaxEmployees: 30, mediumMaxEmployees: 100, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null, districts: [] },
      'POST /api/v1/consultations': { title: 'Fuzz consultation', formId: form.id, identity: 'firm', closesOn: '2027-01-01' },
      'POST /api/v1/member-issues': { title: 'Fuzz issue', description: 'About levies', category: 'tax', memberId: firm.id },
      'POST /api/v1/advocacy-issues': { title: 'Fuzz advocacy', problem: 'Levies', category: 'tax' },
      'POST /api/v1/advocacy-issues/:id/cost-activities': cost,
      'PUT /api/v1/advocacy-issues/:id/cost-activities/:childId': cost,
      'POST /api/v1/advocacy-issues/:id/papers': { title: 'Fuzz paper', problem: 'p', evidence: 'e', proposals: 'x', expectedImpact: 'y' },
      'POST /api/v1/advocacy-issues/:id/actions': { kind: 'meeting', title: 'Fuzz action', dueOn: '2027-01-01' },
      'POST /api/v1/advocacy-issues/:id/outcome': { outcome: 'adopted', evidence: 'Gazette', savingShare: 50 },
      'POST /api/v1/forums': { name: 'Fuzz forum', kind: 'round_table' },
      'POST /api/v1/forums/:id/meetings': { title: 'Fuzz meeting', startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-10T11:00:00Z' },
      'PUT /api/v1/meetings/:id': { title: 'Fuzz meeting', startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-10T11:00:00Z' },
      'POST /api/v1/meetings/:id/decisions': { text: 'Fuzz decision', owner: 'Owner', dueOn: '2027-02-01' },
      'POST /api/v1/decision-makers': { name: 'Fuzz Hon. Member', email: 'dm2@fuzz.example' },
      'POST /api/v1/decision-makers/:id/memberships': { organizationId: body.id, postId: post.id, startDate: '2020-01-01' },
      'POST /api/v1/public-bodies': { name: 'Fuzz Ministry Two', classification: 'ministry' },
    })) validBodies.set(key, value);
  });

  function realUrl(route: RouteEntry) {
    const segments = route.url.split('/');
    return segments
      .map((s, i) => {
        if (!s.startsWith(':')) return s;
        const before = segments[i - 1]!;
        const key = before === 'members' && route.url.startsWith('/api/v1/forums') ? 'forum-members' : before;
        if (s === ':email') return 'contact@fuzz.example';
        return encodeURIComponent(ids[key] ?? UUID_ZERO);
      })
      .join('/');
  }

  // Each field of each route once with what its column cannot hold, and each
  // write twice (a unique key hit): the cases a random draw may miss.
  it('answers no 5xx when any one field holds what its column cannot', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    const started = Date.now();
    let sent = 0;
    const probe = async (route: RouteEntry, url: string, payload: unknown, query: Record<string, unknown>, what: string, headers?: Record<string, string>) => {
      const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asQueryValue(v)])).toString();
      const res = await admin.request({ method: route.method as 'GET', url: url + (search ? `?${search}` : ''), payload: payload as object, headers });
      sent++;
      if (res.statusCode >= 500) failures.push(`${route.method} ${route.url} ${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      // A known-good body must pass, or its hostile variants only test validation.
      if (what === 'sample' && validBodies.has(`${route.method} ${route.url}`) && res.statusCode >= 300) failures.push(`${route.method} ${route.url} sample refused: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    const sweep = async (route: RouteEntry) => {
      const url = realUrl(route);
      const body = validBodies.get(`${route.method} ${route.url}`) ?? (route.schema?.body ? sampleInput(route.schema.body, UUID_ZERO) : undefined);
      const query = route.schema?.querystring ? ((sampleInput(route.schema.querystring, UUID_ZERO) ?? {}) as Record<string, unknown>) : {};
      if (route.schema?.consumes?.includes('multipart/form-data')) {
        for (const upload of hostileUploads) await probe(route, url, upload.payload, query, `upload ${JSON.stringify(upload.payload.slice(0, 80))}`, { 'content-type': upload.contentType });
        return;
      }
      if (body !== undefined && route.method !== 'GET') {
        await probe(route, url, body, query, 'sample');
        if (route.method === 'POST') await probe(route, url, body, query, 'sample again');
        for (const path of pathsOf(body).filter((p) => p.length > 0).slice(0, 60)) {
          const leaf = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);
          const values = typeof leaf === 'number' ? [2 ** 31, 2 ** 53 + 2] : typeof leaf === 'string' ? ['\u0000', '0000-01-01'] : [];
          for (const value of values) await probe(route, url, withValueAt(body, path, value), query, `${path.join('.')}=${JSON.stringify(value)}`);
        }
      }
      for (const key of Object.keys(query)) {
        for (const value of ['\u0000', '99999999999']) await probe(route, url, body, { ...query, [key]: value }, `?${key}=${JSON.stringify(value)}`);
      }
      if ('cursor' in ((route.schema?.querystring as { shape?: object } | undefined)?.shape ?? {})) {
        for (const cursor of [encodeCursor(['x', {}]), encodeCursor([1e300, 'y']), encodeCursor(['0000-01-01T00:00:00Z', UUID_ZERO]), encodeCursor([2 ** 40, 'x', 'y']), encodeCursor(['x', 'y']), encodeCursor([1]), encodeCursor(['\u0000', UUID_ZERO])]) {
          await probe(route, url, body, { ...query, cursor }, `cursor ${Buffer.from(cursor, 'base64url').toString()}`);
        }
      }
    };
    for (const route of t.app.routeTable.filter((r) => r.url !== '/api/v1/auth/logout')) await sweep(route);
    console.info(`sweep: ${sent} requests in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(failures).toEqual([]);
  });

  it('answers no 5xx to hostile bodies, queries, paths and uploads, signed in or not', { timeout: 240_000 }, async () => {
    const routes = t.app.routeTable.filter((r) => r.url !== '/api/v1/auth/logout');
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.some((r) => r.url.startsWith('/reforms/'))).toBe(true);
    const failures: string[] = [];
    const started = Date.now();

    for (const route of routes) {
      const url = realUrl(route);
      const sampleBody = route.schema?.body ? sampleInput(route.schema.body, UUID_ZERO) : undefined;
      const sampleQuery = route.schema?.querystring ? ((sampleInput(route.schema.querystring, UUID_ZERO) ?? {}) as Record<string, unknown>) : {};
      const queryKeys = [...new Set([...Object.keys(sampleQuery), 'cursor'])];
      const isUpload = route.schema?.consumes?.includes('multipart/form-data') ?? false;
      const paramCount = (route.url.match(/:\w+/g) ?? []).length;

      const request = fc.record({
        signedIn: fc.boolean(),
        target: fc.constantFrom(...(['body', 'query', 'param'] as const).filter((k) => (k === 'param' ? paramCount > 0 : k === 'body' ? !!sampleBody || isUpload : true))),
        bodyPath: fc.constantFrom(...pathsOf(sampleBody ?? {})),
        queryKey: fc.constantFrom(...queryKeys),
        value: hostileValue,
        param: hostileParam,
        paramIndex: fc.nat(),
        upload: hostileUpload,
      });

      let lastServerError: string | undefined;
      try {
        await fc.assert(
          fc.asyncProperty(request, async (c) => {
            const client = c.signedIn ? admin : anonymous();
            let target = url;
            let payload: unknown = sampleBody;
            let headers: Record<string, string> | undefined;
            const query: Record<string, string> = Object.fromEntries(Object.entries(sampleQuery).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asQueryValue(v)]));
            if (c.target === 'param') {
              let seen = 0;
              const which = c.paramIndex % paramCount;
              target = route.url.split('/').map((s) => (s.startsWith(':') ? (seen++ === which ? c.param : null) : s)).map((s, i) => s ?? url.split('/')[i]).join('/');
            } else if (c.target === 'query') {
              query[c.queryKey] = asQueryValue(c.value);
            } else if (isUpload) {
              payload = c.upload.payload;
              headers = { 'content-type': c.upload.contentType };
            } else {
              payload = withValueAt(sampleBody, c.bodyPath, c.value);
            }
            const search = new URLSearchParams(query).toString();
            const res = await client.request({ method: route.method as 'GET', url: target + (search ? `?${search}` : ''), payload: payload as object, headers });
            if (res.statusCode >= 500) {
              lastServerError = `${c.signedIn ? 'admin' : 'anonymous'} ${target} ${c.target}: ${res.statusCode} ${res.body.slice(0, 300)}`;
              throw new Error(lastServerError);
            }
            // Every answer is a problem+json when it fails, whoever sent what.
            if (res.statusCode >= 400 && target.startsWith('/api/')) expect(res.headers['content-type']).toContain('application/problem+json');
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      } catch (error) {
        const counterexample = (error as Error).message.split('\n').find((l) => l.startsWith('Counterexample')) ?? '';
        failures.push(`${route.method} ${route.url}: ${lastServerError ?? (error as Error).message} | ${counterexample.slice(0, 400)}`);
      }
    }
    console.info(`fuzz: ${routes.length} routes × ${RUNS_PER_ROUTE} runs in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(failures).toEqual([]);
  });

  // The failures issue 13 reported, each once, with the answer it must give now.
  it('refuses NUL in any text with a field error, and before an export streams', async () => {
    const res = await admin.post('/api/v1/members/views', { name: 'Fuzz\u0000view', query: { region: 'GH-AA' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'name', code: 'invalid_characters', message: expect.stringContaining('control characters') }]);
    const search = await admin.get('/api/v1/members?q=%00');
    expect(search.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'q', code: 'invalid_characters' }] });
    const exported = await admin.get('/api/v1/members/export.xlsx?q=%00', { 'accept-language': 'fr' });
    expect(exported.statusCode).toBe(400);
    expect(exported.headers['content-type']).toContain('application/problem+json');
    expect(exported.json().errors[0].message).toContain('caractères de contrôle');
  });

  it('refuses a cursor of the right form holding the wrong types', async () => {
    // Each key has the list's arity: only its types are wrong.
    const forged: Record<string, unknown[]> = {
      '/api/v1/mail/outbox': ['yesterday', 'not-a-uuid'], '/api/v1/consultations': ['yesterday', UUID_ZERO], '/api/v1/member-issues': [{}, '2026-01-01T00:00:00Z', 'x'],
      '/api/v1/decision-makers': [{}, 'not-a-uuid'], '/api/v1/org/people': ['x', 'not-a-uuid'], '/api/v1/audit': ['x'], '/api/v1/members': ['x', 'not-a-uuid'],
    };
    for (const [url, key] of Object.entries(forged)) {
      const res = await admin.get(`${url}?cursor=${encodeCursor(key)}`);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors, url).toEqual([{ path: 'cursor', code: 'invalid_cursor', message: expect.any(String) }]);
    }
  });

  it('answers a malformed multipart body with a 400 problem', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/forms/import', payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nunfinished', headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_multipart');
    const noBoundary = await admin.request({ method: 'POST', url: '/api/v1/forms/import', payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.json()).toMatchObject({ status: 400, code: 'bad_multipart' });
  });

  it('answers a duplicate name with 409 and the field', async () => {
    const tier = { name: 'Fuzz duplicate tier', fees: { micro: 1, small: 2, medium: 3, large: 4 } };
    expect((await admin.post('/api/v1/membership/tiers', tier)).statusCode).toBeLessThan(300);
    const again = await admin.post('/api/v1/membership/tiers', tier);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_exists', errors: [{ path: 'name', code: 'already_exists' }] });
  });

  it('refuses numbers past the column and dates outside 1900–2999', async () => {
    const settings = await admin.put('/api/v1/members/settings', { microMaxEmployees: 2 ** 31, smallMaxEmployees: 30, mediumMaxEmployees: 100, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null });
    expect(settings.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/forms/${ids.forms}/xlsform?version=99999999999`)).statusCode).toBe(400);
    const payment = await admin.post(`/api/v1/invoices/${ids.invoices}/payments`, { amount: 1, paidOn: '0000-01-01', method: 'cash' });
    expect(payment.json()).toMatchObject({ status: 400, errors: [{ path: 'paidOn', code: 'date_out_of_range', message: 'Enter a date between 1900-01-01 and 2999-12-31.' }] });
    const meeting = await admin.post(`/api/v1/forums/${ids.forums}/meetings`, { title: 'Far meeting', startsAt: '3000-01-01T00:30:00+01:00', endsAt: '3000-01-01T02:00:00+01:00' });
    expect(meeting.json().errors).toEqual([{ path: 'endsAt', code: 'date_out_of_range', message: expect.any(String) }]);
  });

  it('refuses a cost activity whose yearly cost no number holds, and stays readable', async () => {
    const huge = { name: 'Every firm, every day', minutes: 100_000, hourlyTariff: 1e12, outOfPocket: 1e12, perYear: 10_000, firms: { micro: 1e7, small: 1e7, medium: 1e7, large: 1e7 } };
    const res = await admin.post(`/api/v1/advocacy-issues/${ids['advocacy-issues']}/cost-activities`, huge);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'hourlyTariff', code: 'advocacy.cost_too_large', message: expect.any(String) }]);
    // Each activity fits, their sum does not: refused before the commit, nothing saved.
    const half = { ...huge, minutes: 60, outOfPocket: 0, perYear: 1, hourlyTariff: 1e12, firms: { micro: 5_000, small: 0, medium: 0, large: 0 } };
    expect((await admin.post(`/api/v1/advocacy-issues/${ids['advocacy-issues']}/cost-activities`, half)).statusCode).toBe(200);
    const second = await admin.post(`/api/v1/advocacy-issues/${ids['advocacy-issues']}/cost-activities`, half);
    expect(second.statusCode).toBe(400);
    expect(second.json().errors[0].code).toBe('advocacy.cost_too_large');
    expect((await admin.get(`/api/v1/advocacy-issues/${ids['advocacy-issues']}`)).statusCode).toBe(200);
    expect((await admin.get('/api/v1/advocacy-issues')).statusCode).toBe(200);
  });

  it('answers router failures as problems, and keeps API answers out of caches', async () => {
    const long = await admin.get(`/api/v1/members/${'x'.repeat(300)}`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ status: 414, code: 'uri_too_long' });
    const bad = await admin.get('/api/v1/members/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400, code: 'bad_url' });
    expect((await admin.get('/api/v1/members')).headers['cache-control']).toBe('no-store');
    expect((await anonymous().get('/api/v1/auth/session')).headers['cache-control']).toBe('no-store');
    expect((await anonymous().get(`/reforms/${ids.reforms}`)).headers['cache-control']).toBe('public, max-age=300');
  });
});
