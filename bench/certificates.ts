import { compactVerify, importJWK } from 'jose';
import os from 'node:os';
import type { Certificate } from '../contracts/certificates.js';
import type { Registration } from '../contracts/events.js';
import type { CourseDetail } from '../contracts/training.js';
import { Client } from '../server/test/app.js';
import { createOrg } from '../server/test/factories.js';
import { inProcessProduct, machine, percentile } from './lib.js';

/**
 * Issue 19: issuing and signing 1,000 certificates, and verifying one (target
 * p95 ≤ 50 ms), through the product's routes on PostgreSQL (or the embedded
 * database), in-process. The check is the public one a verifier without the
 * issuer's keys in hand uses (`POST /api/v1/public/credentials/check`); the
 * signature check the verification page makes in the browser is timed too.
 * Issued one by one (each reads only that person's completion), then for a
 * second course of N all at once (`/certificates/eligible`, the course read once).
 *
 *   node --import tsx bench/certificates.ts [postgres|pglite]
 */
const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const N = 1000;
const product = await inProcessProduct(kind);
try {
  const org = await createOrg(product.app, { name: 'Bench Chamber' });
  const admin = org.admin;
  const course = (await admin.post('/api/v1/training/courses', { title: 'Export readiness', kind: 'course', hours: 12, completionShare: 100 })).json() as CourseDetail;
  const withSession = (await admin.post(`/api/v1/training/courses/${course.id}/sessions`, {
    title: 'Day 1', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T13:00:00Z', capacity: N, audience: 'public',
  })).json() as CourseDetail;
  const eventId = withSession.sessionList[0]!.id;
  await admin.post(`/api/v1/events/${eventId}/state`, { state: 'published' });
  const registrations: string[] = [];
  for (let i = 0; i < N; i++) {
    const res = await admin.post(`/api/v1/events/${eventId}/registrations`, { kind: 'public', sex: i % 2 ? 'female' : 'male', name: `Participant ${i}`, email: `p${i}@bench.test` });
    registrations.push((res.json() as Registration).id);
  }
  await admin.post(`/api/v1/events/${eventId}/check-in`, { items: registrations.map((registrationId) => ({ registrationId })) });
  const people = ((await admin.get(`/api/v1/training/courses/${course.id}`)).json() as CourseDetail).participants;
  if (people.length !== N) throw new Error(`expected ${N} participants, found ${people.length}`);

  const issueTimes: number[] = [];
  const issued: Certificate[] = [];
  const started = performance.now();
  for (const p of people) {
    const t = performance.now();
    const res = await admin.post(`/api/v1/training/courses/${course.id}/certificates`, { personId: p.personId });
    issueTimes.push(performance.now() - t);
    if (res.statusCode !== 201) throw new Error(res.body);
    issued.push(res.json() as Certificate);
  }
  const total = performance.now() - started;

  // The same for every completer at once (`/certificates/eligible`): the course's attendance read once.
  const second = (await admin.post('/api/v1/training/courses', { title: 'Costing and pricing', kind: 'course', hours: 6, completionShare: 100 })).json() as CourseDetail;
  const secondEvent = ((await admin.post(`/api/v1/training/courses/${second.id}/sessions`, {
    title: 'Day 1', startsAt: '2027-03-17T09:00:00Z', endsAt: '2027-03-17T13:00:00Z', capacity: N, audience: 'public',
  })).json() as CourseDetail).sessionList[0]!.id;
  await admin.post(`/api/v1/events/${secondEvent}/state`, { state: 'published' });
  const again: string[] = [];
  for (let i = 0; i < N; i++) {
    const res = await admin.post(`/api/v1/events/${secondEvent}/registrations`, { kind: 'public', sex: i % 2 ? 'female' : 'male', name: `Participant ${i}`, email: `p${i}@bench.test` });
    again.push((res.json() as Registration).id);
  }
  await admin.post(`/api/v1/events/${secondEvent}/check-in`, { items: again.map((registrationId) => ({ registrationId })) });
  const bulkStarted = performance.now();
  const bulk = await admin.post(`/api/v1/training/courses/${second.id}/certificates/eligible`, { validUntil: null });
  const bulkTotal = performance.now() - bulkStarted;
  if (bulk.statusCode !== 201 || (bulk.json() as { items: Certificate[] }).items.length !== N) throw new Error(`bulk issue: ${bulk.statusCode} ${bulk.body.slice(0, 300)}`);

  const anyone = new Client(product.app);
  const jws = (c: Certificate) => c.verifyUrl.slice(c.verifyUrl.indexOf('#') + 1);
  const checkTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    // Verifiers from many addresses: one address may check 30 a minute.
    const res = await product.app.inject({ method: 'POST', url: '/api/v1/public/credentials/check', payload: { jws: jws(issued[(i * 37) % N]!) }, remoteAddress: `10.0.0.${i + 1}` });
    checkTimes.push(performance.now() - t);
    if (!(res.json() as { signed: boolean }).signed) throw new Error(`not verified: ${res.body}`);
  }
  const jwks = (await anyone.get(`/credentials/${org.orgId}/jwks`)).json() as { keys: Array<Record<string, string>> };
  const key = await importJWK(jwks.keys[0]!, 'EdDSA');
  const localTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await compactVerify(jws(issued[(i * 53) % N]!), key);
    localTimes.push(performance.now() - t);
  }

  console.log(`machine: ${machine()}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; database ${kind}`);
  console.log(`issue and sign ${N} certificates: ${(total / 1000).toFixed(1)} s (each p50 ${percentile(issueTimes, 50)} ms, p95 ${percentile(issueTimes, 95)} ms)`);
  console.log(`issue and sign ${N} certificates at once (every completer of a second course): ${(bulkTotal / 1000).toFixed(1)} s`);
  console.log(`verify one through the public check: p50 ${percentile(checkTimes, 50)} ms, p95 ${percentile(checkTimes, 95)} ms (target p95 ≤ 50 ms)`);
  console.log(`verify one signature with the published key (what the page does): p50 ${percentile(localTimes, 50)} ms, p95 ${percentile(localTimes, 95)} ms`);
} finally {
  await product.close();
}
