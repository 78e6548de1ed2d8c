import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, max, sql } from 'drizzle-orm';
import type { Certificate, CredentialCheck, IssueCertificateInput } from '../../../contracts/certificates.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import type { CourseKind, CourseParticipant } from '../../../contracts/training.js';
import { courseParticipant, getCourse, getCourseRow } from './course-service.js';
import type { CourseRow } from './present.js';
import { buildCredential, changedFields, issuerUrls, readCredential, signCredential, signedBy, type CertificateLevel } from './credential.js';
import { publicKeyObject, publishedKeys, signingKey, type ServerSecret } from './credential-keys.js';
import { encodeStatusList } from './status-list.js';
import { trainingCertificates, trainingCredentialKeys } from './tables.js';

type CertificateRow = typeof trainingCertificates.$inferSelect;

export const verifyUrlOf = (publicUrl: string, jws: string) => `${publicUrl}/verify#${jws}`;

function presentCertificate(r: CertificateRow, publicUrl: string): Certificate {
  const subject = r.credential.credentialSubject as { name: string; role: CertificateLevel };
  return {
    id: r.id,
    courseId: r.courseId,
    personId: r.personId,
    name: subject.name,
    level: subject.role,
    issuedAt: r.createdAt.toISOString(),
    issuedBy: r.issuedBy,
    validUntil: (r.credential.validUntil as string | undefined) ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedReason: r.revokedReason,
    revokedBy: r.revokedBy,
    verifyUrl: verifyUrlOf(publicUrl, r.jws),
  };
}

export async function listCertificates(ctx: TenantCtx, courseId: string, publicUrl: string): Promise<Certificate[]> {
  await getCourseRow(ctx, courseId);
  const rows = await ctx.tx.select().from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.courseId, courseId)))
    .orderBy(asc(trainingCertificates.createdAt), asc(trainingCertificates.id));
  return rows.map((r) => presentCertificate(r, publicUrl));
}

async function certificateRow(ctx: TenantCtx, id: string, lock = false): Promise<CertificateRow> {
  const query = ctx.tx.select().from(trainingCertificates).where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('training.certificate_not_found');
  return row;
}

export async function getCertificate(ctx: TenantCtx, id: string, publicUrl: string) {
  const row = await certificateRow(ctx, id);
  return { certificate: presentCertificate(row, publicUrl), credential: row.credential };
}

/** What a participant may be issued: the level, or the error that says why not. */
function levelOf(course: CourseRow, participant: CourseParticipant): CertificateLevel | 'training.not_certified' | 'training.not_completed' {
  if (course.kind === 'tot') return participant.certification ? 'trainer' : participant.completed ? 'training.not_certified' : 'training.not_completed';
  return participant.completed ? 'participant' : 'training.not_completed';
}

function validUntilOf(day: string | null, now: Date): string | null {
  const validUntil = day ? `${day}T23:59:59Z` : null;
  if (validUntil && Date.parse(validUntil) <= now.getTime()) throw fieldError('validUntil', 'training.valid_until_past');
  return validUntil;
}

interface Issuing {
  course: CourseRow;
  key: NonNullable<Awaited<ReturnType<typeof signingKey>>>;
  orgName: string;
  urls: ReturnType<typeof issuerUrls>;
  publicUrl: string;
  now: Date;
  validUntil: string | null;
}

/** The organisation's key (made on its first certificate, its row locked so issues take their places in the status list one after the other) and what every credential names. */
async function issuing(ctx: TenantCtx, course: CourseRow, publicUrl: string, serverSecret: ServerSecret, now: Date, validUntil: string | null): Promise<Issuing> {
  const key = (await signingKey(ctx, serverSecret, true))!;
  const org = await getCurrentOrg(ctx);
  return { course, key, orgName: org.name, urls: issuerUrls(publicUrl, ctx.orgId), publicUrl, now, validUntil };
}

async function nextStatusIndex(ctx: TenantCtx): Promise<number> {
  const [last] = await ctx.tx.select({ index: max(trainingCertificates.statusIndex) }).from(trainingCertificates).where(eq(trainingCertificates.orgId, ctx.orgId));
  return last?.index == null ? 0 : last.index + 1;
}

/** Signs and keeps one credential, with its audit entry. */
async function signAndKeep(ctx: TenantCtx, at: Issuing, participant: CourseParticipant, level: CertificateLevel, statusIndex: number): Promise<Certificate> {
  const { course } = at;
  const id = randomUUID();
  const credential = buildCredential({
    id, issuerUrl: at.urls.issuer, orgName: at.orgName,
    course: { id: course.id, title: course.title, kind: course.kind as CourseKind, hours: course.hours },
    personName: participant.name, level,
    validFrom: at.now.toISOString(), validUntil: at.validUntil,
    status: { url: at.urls.status, index: statusIndex },
    certifiedThrough: level === 'trainer' ? { courseId: course.id, title: course.title, certifiedOn: participant.certification!.certifiedOn } : null,
  });
  const jws = await signCredential(credential, { kid: `${at.urls.issuer}#${at.key.id}`, privateKey: at.key.privateKey });
  const [row] = await ctx.tx.insert(trainingCertificates).values({
    orgId: ctx.orgId, id, courseId: course.id, personId: participant.personId, statusIndex, credential, jws, issuedBy: ctx.actor.name,
  }).returning();
  await recordAudit(ctx, { action: 'training_course.certificate_issue', entityType: 'training_course', entityId: course.id, after: { certificateId: id, personId: participant.personId, level, validUntil: at.validUntil } });
  return presentCertificate(row!, at.publicUrl);
}

/**
 * Issues a certificate: to a participant who completed a course, or, for a
 * ToT, to a trainer it certified (the credential names the ToT). Once per
 * person and course. The organisation's key is made on its first certificate.
 * Only that person's completion is read (`courseParticipant`): issuing one
 * costs the same in a course of ten or of a thousand.
 */
export async function issueCertificate(ctx: TenantCtx, courseId: string, input: IssueCertificateInput, publicUrl: string, serverSecret: ServerSecret, now: Date): Promise<Certificate> {
  const course = await getCourseRow(ctx, courseId, true);
  const participant = await courseParticipant(ctx, course, input.personId);
  if (!participant) throw new AppError('training.person_not_found');
  const level = levelOf(course, participant);
  if (level !== 'participant' && level !== 'trainer') throw new AppError(level);
  const validUntil = validUntilOf(input.validUntil, now);
  const [already] = await ctx.tx.select({ id: trainingCertificates.id }).from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.courseId, courseId), eq(trainingCertificates.personId, participant.personId)));
  if (already) throw new AppError('training.already_issued');
  const at = await issuing(ctx, course, publicUrl, serverSecret, now, validUntil);
  return signAndKeep(ctx, at, participant, level, await nextStatusIndex(ctx));
}

/**
 * Issues a certificate to every participant of a course who may have one and
 * has none yet (completers; for a ToT, the trainers it certified), in the
 * order of the participant list: the course's attendance is computed once,
 * not once per certificate. Nobody eligible: an empty list.
 */
export async function issueEligibleCertificates(ctx: TenantCtx, courseId: string, input: { validUntil: string | null }, publicUrl: string, serverSecret: ServerSecret, now: Date): Promise<Certificate[]> {
  const course = await getCourseRow(ctx, courseId, true);
  const validUntil = validUntilOf(input.validUntil, now);
  const { participants } = await getCourse(ctx, courseId, now);
  const issued = new Set((await ctx.tx.select({ personId: trainingCertificates.personId }).from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.courseId, courseId)))).map((r) => r.personId));
  const eligible = participants.flatMap((p) => {
    const level = levelOf(course, p);
    return (level === 'participant' || level === 'trainer') && !issued.has(p.personId) ? [{ p, level }] : [];
  });
  if (!eligible.length) {
    nothingChanged();
    return [];
  }
  const at = await issuing(ctx, course, publicUrl, serverSecret, now, validUntil);
  let index = await nextStatusIndex(ctx);
  const out: Certificate[] = [];
  for (const { p, level } of eligible) out.push(await signAndKeep(ctx, at, p, level, index++));
  return out;
}

/** Revokes a certificate, with the reason: its bit in the status list is set from now on. */
export async function revokeCertificate(ctx: TenantCtx, id: string, reason: string, publicUrl: string): Promise<Certificate> {
  const row = await certificateRow(ctx, id, true);
  if (row.revokedAt) throw new AppError('training.certificate_revoked');
  const [updated] = await ctx.tx.update(trainingCertificates)
    .set({ revokedAt: sql`now()`, revokedReason: reason.trim(), revokedBy: ctx.actor.name })
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.id, id))).returning();
  await recordAudit(ctx, { action: 'training_course.certificate_revoke', entityType: 'training_course', entityId: row.courseId, after: { certificateId: id, personId: row.personId, reason: reason.trim() } });
  return presentCertificate(updated!, publicUrl);
}

/**
 * The organisation's public keys as a JWK Set, retired ones included (what
 * they signed still verifies), or null before its first certificate.
 */
export async function jwksOf(ctx: TenantCtx, publicUrl: string) {
  const keys = await publishedKeys(ctx);
  if (!keys.length) return null;
  const { issuer } = issuerUrls(publicUrl, ctx.orgId);
  return { keys: keys.map((key) => ({ ...key.publicJwk, kid: `${issuer}#${key.id}`, alg: 'EdDSA', use: 'sig' })) };
}

/** The organisation's revocation list as a signed BitstringStatusListCredential, or null before its first certificate. */
export async function statusListCredential(ctx: TenantCtx, publicUrl: string, serverSecret: ServerSecret, now: Date): Promise<string | null> {
  const key = await signingKey(ctx, serverSecret, false);
  if (!key) return null;
  const urls = issuerUrls(publicUrl, ctx.orgId);
  const revoked = await ctx.tx.select({ index: trainingCertificates.statusIndex }).from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), isNotNull(trainingCertificates.revokedAt)));
  return signCredential({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: urls.status,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuer,
    validFrom: now.toISOString(),
    credentialSubject: { id: `${urls.status}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revoked.map((r) => r.index)) },
  }, { kid: `${urls.issuer}#${key.id}`, privateKey: key.privateKey });
}

/** The organisation a presented credential names as its issuer (its key id, else its issuer), if it is one of this server's. */
export function issuerOrgOf(jws: string, publicUrl: string): string | null {
  const read = readCredential(jws);
  if (!read) return null;
  const issuer = read.credential.issuer as { id?: unknown } | string | undefined;
  const candidates = [read.header.kid, typeof issuer === 'string' ? issuer : issuer?.id];
  const prefix = `${publicUrl}/credentials/`;
  for (const c of candidates) {
    if (typeof c !== 'string' || !c.startsWith(prefix)) continue;
    const orgId = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[#/]|$)/i.exec(c.slice(prefix.length))?.[1];
    if (orgId) return orgId.toLowerCase();
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key a presented credential names and the certificate issued under its
 * id, both of this organisation, read in one statement (either may be missing:
 * a row of nulls then). The public check is asked by every verifier whose
 * signature check failed: one round trip to the database fewer per check than
 * reading every key and then the certificate.
 */
async function presentedRecords(ctx: TenantCtx, keyId: string | null, certificateId: string | null) {
  const k = trainingCredentialKeys;
  const c = trainingCertificates;
  const [row] = await ctx.tx.select({ keyFound: k.id, publicJwk: k.publicJwk, retiredAt: k.retiredAt, certificateFound: c.id, credential: c.credential, revokedAt: c.revokedAt })
    .from(sql`(SELECT 1) AS presented`)
    .leftJoin(k, and(eq(k.orgId, ctx.orgId), keyId ? eq(k.id, keyId) : sql`false`))
    .leftJoin(c, and(eq(c.orgId, ctx.orgId), certificateId ? eq(c.id, certificateId) : sql`false`));
  return {
    key: row?.keyFound ? { publicJwk: row.publicJwk!, retiredAt: row.retiredAt } : null,
    certificate: row?.certificateFound ? { credential: row.credential!, revokedAt: row.revokedAt } : null,
  };
}

/**
 * Compares a presented credential with the one issued under its id: whether
 * the issuer's key signed it, which signed fields differ, whether it was revoked.
 */
export async function checkCredential(ctx: TenantCtx, jws: string, publicUrl: string): Promise<CredentialCheck> {
  const read = readCredential(jws);
  const none: CredentialCheck = { found: false, signed: false, changed: [], revoked: false };
  if (!read) return none;
  // The key it names, among the organisation's own: a retired key still vouches for what it signed.
  const { issuer } = issuerUrls(publicUrl, ctx.orgId);
  const named = typeof read.header.kid === 'string' && read.header.kid.startsWith(`${issuer}#`) ? read.header.kid.slice(issuer.length + 1) : '';
  const id = typeof read.credential.id === 'string' ? /^urn:uuid:([0-9a-f-]{36})$/i.exec(read.credential.id)?.[1]?.toLowerCase() : undefined;
  // Key ids are kept in lower case, and the kid must name one exactly, as it was signed.
  const { key, certificate } = await presentedRecords(ctx, UUID.test(named) && named === named.toLowerCase() ? named : null, id && UUID.test(id) ? id : null);
  // A retired key vouches only for what it signed before it was replaced.
  const validFrom = typeof read.credential.validFrom === 'string' ? Date.parse(read.credential.validFrom) : NaN;
  const inTime = !!key && (!key.retiredAt || validFrom <= key.retiredAt.getTime());
  const signed = key && inTime ? await signedBy(jws, publicKeyObject(key.publicJwk)) : false;
  if (!certificate) return { ...none, signed, changed: ['id'] };
  return { found: true, signed, changed: changedFields(certificate.credential, read.credential), revoked: certificate.revokedAt !== null };
}
