import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, max, sql } from 'drizzle-orm';
import type { Certificate, CredentialCheck, IssueCertificateInput } from '../../../contracts/certificates.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { getCourse, getCourseRow } from './course-service.js';
import { buildCredential, changedFields, issuerUrls, readCredential, signCredential, signedBy, type CertificateLevel } from './credential.js';
import { publicKeyObject, publishedKeys, signingKey, type ServerSecret } from './credential-keys.js';
import { encodeStatusList } from './status-list.js';
import { trainingCertificates } from './tables.js';

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

/**
 * Issues a certificate: to a participant who completed a course, or, for a
 * ToT, to a trainer it certified (the credential names the ToT). Once per
 * person and course. The organisation's key is made on its first certificate.
 */
export async function issueCertificate(ctx: TenantCtx, courseId: string, input: IssueCertificateInput, publicUrl: string, serverSecret: ServerSecret, now: Date): Promise<Certificate> {
  await getCourseRow(ctx, courseId, true);
  const course = await getCourse(ctx, courseId, now);
  const participant = course.participants.find((p) => p.personId === input.personId);
  if (!participant) throw new AppError('training.person_not_found');
  let level: CertificateLevel = 'participant';
  if (course.kind === 'tot') {
    if (!participant.certification) throw new AppError(participant.completed ? 'training.not_certified' : 'training.not_completed');
    level = 'trainer';
  } else if (!participant.completed) throw new AppError('training.not_completed');
  const validUntil = input.validUntil ? `${input.validUntil}T23:59:59Z` : null;
  if (validUntil && Date.parse(validUntil) <= now.getTime()) throw fieldError('validUntil', 'training.valid_until_past');
  const [already] = await ctx.tx.select({ id: trainingCertificates.id }).from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.courseId, courseId), eq(trainingCertificates.personId, participant.personId)));
  if (already) throw new AppError('training.already_issued');

  const key = (await signingKey(ctx, serverSecret, true))!;
  const [last] = await ctx.tx.select({ index: max(trainingCertificates.statusIndex) }).from(trainingCertificates).where(eq(trainingCertificates.orgId, ctx.orgId));
  const statusIndex = last?.index == null ? 0 : last.index + 1;
  const org = await getCurrentOrg(ctx);
  const urls = issuerUrls(publicUrl, ctx.orgId);
  const id = randomUUID();
  const credential = buildCredential({
    id, issuerUrl: urls.issuer, orgName: org.name,
    course: { id: course.id, title: course.title, kind: course.kind, hours: course.hours },
    personName: participant.name, level,
    validFrom: now.toISOString(), validUntil,
    status: { url: urls.status, index: statusIndex },
    certifiedThrough: level === 'trainer' ? { courseId: course.id, title: course.title, certifiedOn: participant.certification!.certifiedOn } : null,
  });
  const jws = await signCredential(credential, { kid: `${urls.issuer}#${key.id}`, privateKey: key.privateKey });
  const [row] = await ctx.tx.insert(trainingCertificates).values({
    orgId: ctx.orgId, id, courseId, personId: participant.personId, statusIndex, credential, jws, issuedBy: ctx.actor.name,
  }).returning();
  await recordAudit(ctx, { action: 'training_course.certificate_issue', entityType: 'training_course', entityId: courseId, after: { certificateId: id, personId: participant.personId, level, validUntil } });
  return presentCertificate(row!, publicUrl);
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
  const key = (await publishedKeys(ctx)).find((k) => read.header.kid === `${issuer}#${k.id}`);
  // A retired key vouches only for what it signed before it was replaced.
  const validFrom = typeof read.credential.validFrom === 'string' ? Date.parse(read.credential.validFrom) : NaN;
  const inTime = !!key && (!key.retiredAt || validFrom <= key.retiredAt.getTime());
  const signed = key && inTime ? await signedBy(jws, publicKeyObject(key.publicJwk)) : false;
  const id = typeof read.credential.id === 'string' ? /^urn:uuid:([0-9a-f-]{36})$/i.exec(read.credential.id)?.[1]?.toLowerCase() : undefined;
  if (!id) return { ...none, signed, changed: ['id'] };
  const [row] = await ctx.tx.select().from(trainingCertificates).where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.id, id)));
  if (!row) return { ...none, signed, changed: ['id'] };
  return { found: true, signed, changed: changedFields(row.credential, read.credential), revoked: row.revokedAt !== null };
}
